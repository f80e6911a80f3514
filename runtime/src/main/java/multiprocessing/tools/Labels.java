package multiprocessing.tools;

import java.util.Locale;

/**
 * Text for the timeline: cleans names read from a trace, shortens them, and formats times and counts.
 * A trace is written by programs that may be hostile, so every name passes {@link #clean} before it is
 * kept: no control or formatting characters (they could reorder or hide text), no broken surrogate
 * pairs, and a bounded length.
 */
final class Labels {
    /** Longest full name kept from a trace (function, callback, target, process name). */
    static final int MAX_NAME = 120;
    /** Longest short label shown on a bar or a lane. */
    static final int MAX_LABEL = 40;

    private static final char ELLIPSIS = '…';

    private Labels() {
    }

    /**
     * {@code text} with control, formatting and unpaired surrogate characters replaced by U+FFFD and
     * cut to at most {@code max} characters (the last one an ellipsis when cut).
     */
    static String clean(String text, int max) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), max));
        for (int i = 0; i < text.length() && out.length() <= max; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c) || Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                out.append('\uFFFD');
            } else {
                out.append(c);
            }
        }
        if (out.length() <= max) {
            return out.toString();
        }
        int keep = max - 1;
        if (keep > 0 && Character.isHighSurrogate(out.charAt(keep - 1))) {
            keep--;
        }
        return out.substring(0, Math.max(0, keep)) + ELLIPSIS;
    }

    /** {@code text} with its first letter in upper case: a clause made a sentence. */
    static String capitalized(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }

    /** The method name of {@code lab.SlowSquare.slowSquare}: {@code slowSquare}; cleaned and capped. */
    static String shortName(String qualified) {
        String name = qualified.substring(qualified.lastIndexOf('.') + 1);
        return clean(name.isEmpty() ? qualified : name, MAX_LABEL);
    }

    /** Microseconds as seconds with millisecond precision and no trailing zeros: {@code 1.5 s}, {@code 0.012 s}. */
    static String seconds(long micros) {
        return secondsNumber(micros) + " s";
    }

    /** Microseconds as a plain number of seconds, as in {@link #seconds}, without the unit. */
    static String secondsNumber(long micros) {
        String text = String.format(Locale.ROOT, "%.3f", micros / 1e6);
        text = text.replaceAll("0+$", "");
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    /** {@code 1 task}, {@code 10 tasks}, {@code 1,000 tasks}. */
    static String count(long n, String singular) {
        return count(n, singular, singular + "s");
    }

    /** {@code 1 process}, {@code 2 processes}: for nouns whose plural is not a plain s. */
    static String count(long n, String singular, String plural) {
        return String.format(Locale.ROOT, "%,d", n) + " " + (n == 1 ? singular : plural);
    }
}
