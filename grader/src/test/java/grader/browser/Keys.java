package grader.browser;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The keys {@link BrowserPage#pressKey} knows, with what {@code Input.dispatchKeyEvent} needs to
 * make each one look real to a page: the {@code key} and {@code code} values of the DOM event, the
 * legacy {@code keyCode}, and the text the key types, if any. A key that types nothing goes as a
 * raw key-down, which fires {@code keydown} but no {@code keypress}, as on a real keyboard.
 */
final class Keys {
    /** One key; {@code text} is {@code null} for keys that type nothing. */
    record Key(String key, String code, int keyCode, String text) {
        /** The parameters of {@code Input.dispatchKeyEvent} that press the key. */
        Map<String, Object> down() {
            Map<String, Object> event = event(text == null ? "rawKeyDown" : "keyDown");
            if (text != null) {
                event.put("text", text);
                event.put("unmodifiedText", text);
            }
            return event;
        }

        /** The parameters of {@code Input.dispatchKeyEvent} that release the key. */
        Map<String, Object> up() {
            return event("keyUp");
        }

        private Map<String, Object> event(String type) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("type", type);
            event.put("key", key);
            event.put("code", code);
            event.put("windowsVirtualKeyCode", keyCode);
            event.put("nativeVirtualKeyCode", keyCode);
            return event;
        }
    }

    private static final Map<String, Key> NAMED = Map.ofEntries(
            named(new Key("Enter", "Enter", 13, "\r")),
            named(new Key("Escape", "Escape", 27, null)),
            named(new Key("Tab", "Tab", 9, null)),
            named(new Key("Backspace", "Backspace", 8, null)),
            named(new Key("Delete", "Delete", 46, null)),
            named(new Key("ArrowLeft", "ArrowLeft", 37, null)),
            named(new Key("ArrowUp", "ArrowUp", 38, null)),
            named(new Key("ArrowRight", "ArrowRight", 39, null)),
            named(new Key("ArrowDown", "ArrowDown", 40, null)),
            named(new Key("Home", "Home", 36, null)),
            named(new Key("End", "End", 35, null)),
            named(new Key("PageUp", "PageUp", 33, null)),
            named(new Key("PageDown", "PageDown", 34, null)),
            Map.entry("Space", new Key(" ", "Space", 32, " ")));

    private Keys() {
    }

    /**
     * The key called {@code name}: a DOM key name such as "Escape", "Enter" or "ArrowDown", "Space",
     * or one character, which types itself.
     *
     * @throws IllegalArgumentException for any other name
     */
    static Key of(String name) {
        Key key = NAMED.get(name);
        if (key != null) {
            return key;
        }
        if (name.length() == 1) {
            char c = name.charAt(0);
            if (c == ' ') {
                return NAMED.get("Space");
            }
            char upper = Character.toUpperCase(c);
            if (upper >= 'A' && upper <= 'Z') {
                return new Key(name, "Key" + upper, upper, name);
            }
            if (c >= '0' && c <= '9') {
                return new Key(name, "Digit" + c, c, name);
            }
            // Punctuation: the code depends on the keyboard layout, so leave it out; the text is what counts.
            return new Key(name, "", 0, name);
        }
        throw new IllegalArgumentException("unknown key '" + name + "'; known are single characters and " + new TreeSet<>(NAMED.keySet()));
    }

    private static Map.Entry<String, Key> named(Key key) {
        return Map.entry(key.key(), key);
    }
}
