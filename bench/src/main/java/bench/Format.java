package bench;

import java.util.Locale;

/** How figures are written in the tables: fixed decimals, a dash where there is no figure. */
final class Format {
    static final String NONE = "-";

    private Format() {
    }

    static String seconds(Double value) {
        return value == null ? NONE : String.format(Locale.ROOT, "%.3f", value);
    }

    static String ratio(Double value) {
        return value == null ? NONE : String.format(Locale.ROOT, "%.2f", value);
    }

    static String megabytes(Double kib) {
        return kib == null ? NONE : String.format(Locale.ROOT, "%.0f", kib / 1024);
    }

    /** A figure in its own unit: whole numbers grouped by thousands, small ones with decimals. */
    static String figure(Double value) {
        if (value == null) {
            return NONE;
        }
        if (Math.abs(value) >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.1f" : "%.2f", value);
    }

    /** A count, such as processes, whole when it is (a median of two may end in .5). */
    static String count(Double value) {
        if (value == null) {
            return NONE;
        }
        return value == Math.rint(value) ? String.valueOf(value.longValue()) : String.format(Locale.ROOT, "%.1f", value);
    }

    /** A difference with its sign, so headroom (+) and shortfall (-) read at a glance. */
    static String signed(double value, String unit) {
        return String.format(Locale.ROOT, "%+.2f%s", value, unit);
    }
}
