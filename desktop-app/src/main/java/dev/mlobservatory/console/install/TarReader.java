package dev.mlobservatory.console.install;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a tar stream entry by entry: the POSIX ustar layout with its name prefix, pax extended headers (long names,
 * large sizes) and GNU long names, which covers what GNU tar, BSD tar and Go's archive/tar write — Prometheus's
 * release archives among them. A few dozen lines instead of a compression library in the console's jar.
 */
final class TarReader {

    private static final int BLOCK = 512;
    /** pax and GNU long-name headers are a few hundred bytes; more is not an archive we want. */
    private static final int MAX_META = 1 << 20;

    /**
     * One entry's header.
     *
     * @param name its path inside the archive, as written (not yet checked)
     * @param type the tar type flag: {@code '0'} a file, {@code '5'} a folder, {@code '1'}/{@code '2'} links
     * @param size its data's length in bytes
     */
    record Entry(String name, char type, long size) {
        Entry {
            if (name == null || size < 0) {
                throw new IllegalArgumentException("an entry needs a name and a size >= 0, got " + name + ", " + size);
            }
        }

        boolean file() {
            return type == '0' || type == '\0' || type == '7';
        }
    }

    private final InputStream in;
    /** Data of the current entry not read yet, then the padding up to the next block. */
    private long remaining;
    private long padding;

    TarReader(InputStream in) {
        this.in = in;
    }

    /** The next entry, or null at the end of the archive. Unread data of the previous one is skipped. */
    Entry next() throws IOException {
        in.skipNBytes(remaining + padding);
        remaining = 0;
        padding = 0;
        Map<String, String> pax = new HashMap<>();
        String longName = null;
        while (true) {
            byte[] header = in.readNBytes(BLOCK);
            if (header.length == 0 || allZero(header)) {
                return null; // the end-of-archive blocks (or a stream that just ends, which some writers leave)
            }
            if (header.length < BLOCK) {
                throw new EOFException("the tar archive ends inside a header");
            }
            checkChecksum(header);
            char type = (char) header[156];
            long headerSize = number(header, 124, 12);
            switch (type) {
                case 'x' -> pax.putAll(paxRecords(meta(headerSize)));
                case 'L' -> longName = text(meta(headerSize), 0, (int) headerSize);
                case 'g', 'K' -> skipData(headerSize); // global pax defaults, GNU long link names: nothing we use
                default -> {
                    // An extended header's size and path are the next entry's.
                    long size = pax.containsKey("size") ? parseLong(pax.get("size")) : headerSize;
                    String name = pax.getOrDefault("path", longName != null ? longName : ustarName(header));
                    remaining = size;
                    padding = pad(size);
                    return new Entry(name, type, size);
                }
            }
        }
    }

    /** The current entry's data; read it (or not) before calling {@link #next()}. Closing it closes nothing. */
    InputStream data() {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) == 1 ? one[0] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (remaining == 0) {
                    return -1;
                }
                int n = in.read(b, off, (int) Math.min(len, remaining));
                if (n < 0) {
                    throw new EOFException("the tar archive ends inside an entry");
                }
                remaining -= n;
                return n;
            }

            @Override
            public void close() {
                // the archive stays open for the next entry
            }
        };
    }

    private byte[] meta(long size) throws IOException {
        if (size > MAX_META) {
            throw new IOException("a tar extended header of " + size + " bytes: not a release archive");
        }
        byte[] data = in.readNBytes((int) size);
        if (data.length < size) {
            throw new EOFException("the tar archive ends inside an extended header");
        }
        in.skipNBytes(pad(size));
        return data;
    }

    private void skipData(long size) throws IOException {
        in.skipNBytes(size + pad(size));
    }

    private static long pad(long size) {
        return (BLOCK - size % BLOCK) % BLOCK;
    }

    /** ustar keeps names over 100 bytes as a prefix and a name; GNU's magic marks that field as something else. */
    private static String ustarName(byte[] h) {
        String name = text(h, 0, 100);
        boolean posix = h[257] == 'u' && h[262] == 0; // "ustar\0", not GNU's "ustar  \0"
        String prefix = posix ? text(h, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    /** pax records: {@code "<length> <key>=<value>\n"}, the length counting the whole record. */
    static Map<String, String> paxRecords(byte[] data) throws IOException {
        Map<String, String> records = new HashMap<>();
        int pos = 0;
        while (pos < data.length && data[pos] != 0) {
            int space = pos;
            while (space < data.length && data[space] != ' ') {
                space++;
            }
            int length = (int) parseLong(new String(data, pos, space - pos, StandardCharsets.US_ASCII));
            if (length <= space - pos + 1 || pos + length > data.length) {
                throw new IOException("a broken pax record in the tar archive");
            }
            String record = new String(data, space + 1, pos + length - space - 2, StandardCharsets.UTF_8);
            int eq = record.indexOf('=');
            if (eq > 0) {
                records.put(record.substring(0, eq), record.substring(eq + 1));
            }
            pos += length;
        }
        return records;
    }

    private static void checkChecksum(byte[] h) throws IOException {
        long expected = number(h, 148, 8);
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += i >= 148 && i < 156 ? ' ' : h[i] & 0xff;
        }
        if (sum != expected) {
            throw new IOException("not a tar archive (a header's checksum does not match)");
        }
    }

    /** An octal field, or a big-endian binary one when its first byte has the high bit (GNU, for sizes > 8 GB). */
    private static long number(byte[] h, int offset, int length) throws IOException {
        if ((h[offset] & 0x80) != 0) {
            long v = h[offset] & 0x7f;
            for (int i = 1; i < length; i++) {
                v = (v << 8) | (h[offset + i] & 0xff);
            }
            return v;
        }
        String octal = text(h, offset, length).trim();
        if (octal.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(octal, 8);
        } catch (NumberFormatException e) {
            throw new IOException("not a tar archive (a header field reads '" + octal + "')");
        }
    }

    private static long parseLong(String decimal) throws IOException {
        try {
            return Long.parseLong(decimal.trim());
        } catch (NumberFormatException e) {
            throw new IOException("a tar extended header has '" + decimal + "' where a number belongs");
        }
    }

    /** A NUL-terminated (or full-width) field. */
    private static String text(byte[] h, int offset, int length) {
        int end = offset;
        while (end < offset + length && h[end] != 0) {
            end++;
        }
        return new String(h, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static boolean allZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
