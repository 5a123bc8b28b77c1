package dev.mlobservatory.console.silence;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A silence the user asked for, checked before it goes to Alertmanager: at least one matcher, a duration from one
 * minute to a day (a classroom silence that outlives the lesson is a forgotten one), a comment (who reads the list
 * later needs the why) and who made it. Messages are written for the form.
 */
public record SilenceRequest(List<Matcher> matchers, Duration duration, String comment, String createdBy) {

    public static final Duration SHORTEST = Duration.ofMinutes(1);
    public static final Duration LONGEST = Duration.ofHours(24);
    private static final Pattern DURATION = Pattern.compile("(\\d+[dhms])+");

    public SilenceRequest {
        matchers = matchers == null ? List.of() : List.copyOf(matchers);
        if (matchers.isEmpty()) {
            throw new IllegalArgumentException("Add at least one matcher, for example alertname=\"APIDown\".");
        }
        if (duration == null || duration.compareTo(SHORTEST) < 0 || duration.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("The duration must be from 1 minute to 24 hours"
                    + (duration == null ? "." : ", not " + text(duration) + "."));
        }
        comment = comment == null ? "" : comment.strip();
        if (comment.isEmpty()) {
            throw new IllegalArgumentException("Write a comment: why this alert is silenced (it shows in the list).");
        }
        createdBy = createdBy == null || createdBy.isBlank() ? defaultCreator() : createdBy.strip();
    }

    /** The OS user name, the author of a silence when the form leaves it blank. */
    public static String defaultCreator() {
        String user = System.getProperty("user.name", "");
        return user.isBlank() ? "console" : user;
    }

    /**
     * "30m", "1h30m", "90s", "2h" (Prometheus's way of writing durations) → a Duration; an IllegalArgumentException
     * saying how to write one otherwise.
     */
    public static Duration parseDuration(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace(" ", "");
        if (!DURATION.matcher(t).matches()) {
            throw new IllegalArgumentException("Write the duration like 30m, 2h or 1h30m (not '"
                    + (text == null ? "" : text.strip()) + "').");
        }
        Duration d = Duration.ZERO;
        java.util.regex.Matcher part = Pattern.compile("(\\d+)([dhms])").matcher(t);
        while (part.find()) {
            long n;
            try {
                n = Long.parseLong(part.group(1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("The duration '" + text.strip() + "' is far too long.");
            }
            if (n > 1_000_000) {
                throw new IllegalArgumentException("The duration '" + text.strip() + "' is far too long.");
            }
            d = d.plus(switch (part.group(2)) {
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            });
        }
        return d;
    }

    /** "15m", "1h30m", "45s": a duration as the form writes it. */
    public static String text(Duration d) {
        long s = d.getSeconds();
        StringBuilder out = new StringBuilder();
        if (s >= 3600) {
            out.append(s / 3600).append('h');
        }
        if (s % 3600 >= 60) {
            out.append(s % 3600 / 60).append('m');
        }
        if (s % 60 > 0 || out.length() == 0) {
            out.append(s % 60).append('s');
        }
        return out.toString();
    }
}
