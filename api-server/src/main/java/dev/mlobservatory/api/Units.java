package dev.mlobservatory.api;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Command-line values with units: {@code 500ms}, {@code 5s}, {@code 1m}; {@code 8192}, {@code 8KiB}. */
final class Units {

    private static final Pattern TIME = Pattern.compile("(\\d+)(ms|s|m)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)(|b|k|kb|kib)");

    private Units() {
    }

    /** A duration with its unit. */
    static final class Time implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Matcher m = TIME.matcher(value.trim().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new TypeConversionException("'" + value + "' is not a duration; write e.g. 500ms, 5s or 1m");
            }
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                default -> Duration.ofMinutes(n);
            };
        }
    }

    /** A byte count, plain or in KiB. */
    static final class Size implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            Matcher m = SIZE.matcher(value.trim().toLowerCase(Locale.ROOT));
            if (!m.matches() || m.group(1).length() > 9) {
                throw new TypeConversionException("'" + value + "' is not a size; write e.g. 8192 or 8KiB");
            }
            int n = Integer.parseInt(m.group(1));
            return m.group(2).startsWith("k") ? n * 1024 : n;
        }
    }
}
