package multiprocessing.tools;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The events of a trace that could be read, in file order, and what could not.
 *
 * @param events     the usable events
 * @param unreadable lines that were not one of the runtime's events: not JSON, forged, cut short, too long
 * @param cut        whether a cap on lines or characters stopped the reading before the end
 */
record TraceFile(List<TraceEvent> events, int unreadable, boolean cut) {

    /** Reads {@code in} up to the caps of {@link TraceLines}; blank lines are skipped silently. */
    static TraceFile read(Reader in) throws IOException {
        TraceLines lines = new TraceLines(in);
        List<TraceEvent> events = new ArrayList<>();
        // Traces repeat a handful of names thousands of times: keep one copy of each.
        Map<String, String> names = new HashMap<>();
        int unreadable = 0;
        for (String line = lines.next(); line != null; line = lines.next()) {
            if (line.isBlank()) {
                continue;
            }
            try {
                events.add(TraceEvent.of(JsonLine.parse(line),
                        name -> names.computeIfAbsent(Labels.clean(name, Labels.MAX_NAME), n -> n)));
            } catch (IllegalArgumentException notAnEvent) {
                unreadable++;
            }
        }
        return new TraceFile(events, unreadable + lines.tooLong(), lines.cut());
    }
}
