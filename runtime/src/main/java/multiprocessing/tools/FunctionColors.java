package multiprocessing.tools;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import multiprocessing.tools.Timeline.Bar;

/**
 * One colour per task function, in the order the functions first appear, so that the same function
 * has the same colour on every lane. There are {@link #COLORS} colours: with more functions, the last
 * colour stands for all the rest. Merged bars of several functions get a grey of their own.
 */
final class FunctionColors {
    /** How many colours there are. */
    static final int COLORS = 8;

    private static final String[] PALETTE = {
        "#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#edc948", "#ff9da7", "#9c755f",
    };

    private final Map<String, Integer> colors = new LinkedHashMap<>();
    private final boolean moreFunctions;

    /**
     * A legend entry.
     *
     * @param cssClass the colour's CSS class
     * @param label    what the legend says
     * @param function the full function name, or empty for the entry that stands for several
     */
    record Entry(String cssClass, String label, String function) {
    }

    /** The colours of the functions of {@code tasks}. */
    FunctionColors(List<Bar> tasks) {
        boolean more = false;
        for (Bar task : tasks) {
            if (colors.size() < COLORS) {
                colors.putIfAbsent(task.function(), colors.size());
            } else if (!colors.containsKey(task.function())) {
                more = true;
                break;
            }
        }
        this.moreFunctions = more;
    }

    /** The CSS rules of the colours, for the page's style sheet; each colours SVG shapes and HTML swatches. */
    static String css() {
        StringBuilder css = new StringBuilder();
        for (int i = 0; i < COLORS; i++) {
            css.append(".f").append(i).append("{fill:").append(PALETTE[i]).append(";background:").append(PALETTE[i])
                    .append("}\n");
        }
        return css.append(".mixed{fill:#999;background:#999}\n").toString();
    }

    /** The CSS class of {@code function}'s colour; {@code mixed} for the empty name of a mixed merged bar. */
    String cssClass(String function) {
        Integer color = colors.get(function);
        if (color != null) {
            return "f" + color;
        }
        return function.isEmpty() ? "mixed" : "f" + (COLORS - 1);
    }

    /** The legend entries for the colours that bars of {@code drawn} functions use. */
    List<Entry> legend(Set<String> drawn) {
        boolean othersDrawn = drawn.stream().anyMatch(function -> !function.isEmpty() && !colors.containsKey(function));
        List<Entry> entries = new ArrayList<>();
        colors.forEach((function, color) -> {
            boolean others = moreFunctions && color == COLORS - 1;
            if (others && (othersDrawn || drawn.contains(function))) {
                entries.add(new Entry("f" + color, "other functions", ""));
            } else if (!others && drawn.contains(function)) {
                entries.add(new Entry("f" + color, Labels.shortName(function), function));
            }
        });
        return entries;
    }
}
