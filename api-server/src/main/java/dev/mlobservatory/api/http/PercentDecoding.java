package dev.mlobservatory.api.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a request path ourselves. Undertow's own decoding rejects {@code /%zz} inside its parser with a bare 400
 * that never reaches a handler, so it was neither counted nor given the JSON error body; with Undertow's decoding off,
 * the route table decodes and a malformed escape is an ordinary 400.
 */
final class PercentDecoding {

    private PercentDecoding() {
    }

    /** The decoded path; the path itself when it has no escape (the usual case, no allocation). */
    static String path(String raw) {
        int first = raw.indexOf('%');
        if (first < 0) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                out.write(c); // request lines are ISO-8859-1; non-escaped bytes come through as chars 0-255
                continue;
            }
            if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
                throw new IllegalArgumentException("malformed percent-escape in the path at character " + (i + 1)
                        + ": '" + raw.substring(i, Math.min(raw.length(), i + 3)) + "'");
            }
            out.write(hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the path is not UTF-8 once decoded");
        }
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
