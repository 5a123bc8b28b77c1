package dev.mlobservatory.consolejars;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** What a native library's header says: its format and CPU, e.g. "ELF x86-64", "PE x86-64", "Mach-O arm64". */
record NativeBinary(String format, String cpu) {

    private static final int ELF_MAGIC = 0x464C457F;         // 7F 'E' 'L' 'F', read little-endian
    private static final int MZ_MAGIC = 0x5A4D;              // "MZ", the DOS stub in front of every PE file
    private static final int PE_SIGNATURE = 0x00004550;      // "PE\0\0"
    private static final int MACH_O_64_MAGIC = 0xFEEDFACF;   // 64-bit Mach-O in the CPU's (little-endian) order
    private static final int MACH_O_FAT_MAGIC = 0xCAFEBABE;  // universal binary, always big-endian

    /** Reads the header: the first few hundred bytes of the library are enough for all three formats. */
    static NativeBinary of(byte[] header) {
        ByteBuffer le = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        if (header.length >= 20 && le.getInt(0) == ELF_MAGIC) {
            ByteBuffer elf = header[5] == 2 ? ByteBuffer.wrap(header).order(ByteOrder.BIG_ENDIAN) : le;
            return new NativeBinary("ELF", elfMachine(elf.getShort(18) & 0xFFFF));
        }
        if (header.length >= 0x40 && (le.getShort(0) & 0xFFFF) == MZ_MAGIC) {
            int pe = le.getInt(0x3C);
            if (pe > 0 && pe + 6 <= header.length && le.getInt(pe) == PE_SIGNATURE) {
                return new NativeBinary("PE", peMachine(le.getShort(pe + 4) & 0xFFFF));
            }
            return new NativeBinary("MZ without a PE header", "unknown");
        }
        if (header.length >= 8 && le.getInt(0) == MACH_O_64_MAGIC) {
            return new NativeBinary("Mach-O", machCpu(le.getInt(4)));
        }
        if (header.length >= 4 && ByteBuffer.wrap(header).getInt(0) == MACH_O_FAT_MAGIC) {
            return new NativeBinary("Mach-O universal", "several");
        }
        return new NativeBinary("unknown", "unknown");
    }

    /** ELF e_machine. */
    private static String elfMachine(int machine) {
        return switch (machine) {
            case 3 -> "x86";
            case 40 -> "arm";
            case 62 -> "x86-64";
            case 183 -> "aarch64";
            default -> "machine " + machine;
        };
    }

    /** PE/COFF Machine. */
    private static String peMachine(int machine) {
        return switch (machine) {
            case 0x014C -> "x86";
            case 0x8664 -> "x86-64";
            case 0xAA64 -> "arm64";
            default -> String.format("machine 0x%04X", machine);
        };
    }

    /** Mach-O cputype: CPU_TYPE_X86 (7) or CPU_TYPE_ARM (12), with CPU_ARCH_ABI64 (0x01000000) for 64 bits. */
    private static String machCpu(int cpuType) {
        return switch (cpuType) {
            case 0x01000007 -> "x86-64";
            case 0x0100000C -> "arm64";
            default -> String.format("cputype 0x%08X", cpuType);
        };
    }

    @Override
    public String toString() {
        return format + " " + cpu;
    }
}
