package grader.json;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The grader's one JSON set-up, on Jackson: how every JSON file it writes looks, and how strictly it
 * reads them back. The report formats, the dashboard's data and the batch records all go through here,
 * so a file looks the same whoever writes it.
 *
 * <p>Writing: keys in the order the records declare their components (a map's in its own order),
 * {@code null}s written out, whole numbers without a fraction even when held in a {@code double}
 * ({@code 20}, not {@code 20.0}; NaN and the infinities as {@code null}), instants as ISO-8601 text.
 * Strings keep non-ASCII letters as they are and escape {@code <}, {@code >}, {@code &}, U+2028, U+2029
 * and every control character other than tab, line feed and carriage return as <code>&#92;u00XX</code>
 * (lower-case hex): the dashboard puts its data inside a {@code <script>} element, where none of these
 * may appear raw. {@link #writePretty} indents by two spaces, puts every array element on its own line,
 * writes empty containers as {@code {}} and {@code []}, and ends with a line feed, so files diff well.
 *
 * <p>Reading: one value and nothing after it; a key twice in one object, a {@code null} list or map, a
 * {@code null} for a number or a boolean, and any conversion between kinds (a number for a string,
 * {@code 5.5} or {@code "5"} for a whole number, {@code 1} for a boolean) are errors. Unknown keys are
 * skipped, so an older grader reads a newer file. Jackson's own limits on string length, number length
 * and nesting depth apply. Every error becomes an {@link IllegalArgumentException} that says where:
 * {@code steps[0].tests[1].score is not a whole number}, or {@code bad JSON at line 3, column 7: ...}.
 */
public final class GraderJson {
    /** A list or map in a file the grader wrote is never null, and neither is anything in one. */
    private static final JsonSetter.Value NEVER_NULL = JsonSetter.Value.construct(Nulls.FAIL, Nulls.FAIL);
    private static final JsonMapper MAPPER = mapper();
    private static final ObjectWriter PRETTY = MAPPER.writer(prettyPrinter());
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    private static final Pattern MISSING = Pattern.compile("^Missing (?:required )?creator property '");
    private static final Pattern SOURCE = Pattern.compile("\\s*(?:\\(start marker at )?\\[Source: .*", Pattern.DOTALL);
    /** The longest rejected text an error message quotes; a longer one would drown the message. */
    private static final int MAX_QUOTED_CHARS = 100;

    private GraderJson() {
    }

    /** {@code value} (a record, map, list, string, number, boolean or {@code null}) as compact JSON. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** {@code value} as JSON indented by two spaces and ending with a line feed, for files people read. */
    public static String writePretty(Object value) {
        try {
            return PRETTY.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads {@code json} as a {@code type}.
     *
     * @throws IllegalArgumentException saying what is wrong and where (see the class description)
     */
    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(describe(e), e);
        }
    }

    /**
     * Reads a JSON object of any shape: {@code Map} (in the file's key order), {@code List},
     * {@code String}, {@code Long} for whole numbers, {@code Double}, {@code Boolean} and {@code null}.
     *
     * @throws IllegalArgumentException if {@code json} is not one JSON object
     */
    public static Map<String, Object> readObject(String json) {
        try {
            return MAPPER.readValue(json, OBJECT);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(describe(e), e);
        }
    }

    /**
     * What went wrong, in one line: the path of the value at fault and what it should have been, or
     * where the text stops being JSON.
     */
    private static String describe(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        boolean trailing = message.startsWith("Trailing token");
        if (e instanceof JsonMappingException mapping && !endOfText(e) && !trailing) {
            String path = path(mapping.getPath());
            if (e.getCause() instanceof InputCoercionException tooLarge && tooLarge.getTargetType() != null) {
                return path + " is not " + kind(tooLarge.getTargetType());
            }
            if (e.getCause() instanceof JsonProcessingException syntax && !(syntax instanceof JsonMappingException)) {
                // Bad text inside a value: where it is says more than which value it was.
                return describe(syntax);
            }
            if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                // Jackson names the missing property at the end of the path.
                if (MISSING.matcher(message).find()) {
                    return path + " is missing";
                }
                boolean shortText = e instanceof InvalidFormatException invalid
                        && invalid.getValue() instanceof String text && text.length() <= MAX_QUOTED_CHARS;
                return path + " is not " + kind(mismatch.getTargetType())
                        + (shortText ? ": " + write(((InvalidFormatException) e).getValue()) : "");
            }
            if (!mapping.getPath().isEmpty()) {
                Throwable cause = e.getCause();
                return path + ": "
                        + (cause instanceof IllegalArgumentException ? cause.getMessage() : problem(message));
            }
        }
        JsonLocation where = e.getLocation();
        String at = where == null || where.getLineNr() < 1 ? ""
                : " at line " + where.getLineNr() + (where.getColumnNr() < 1 ? "" : ", column " + where.getColumnNr());
        String what = endOfText(e) ? "unexpected end of text" : trailing ? "unexpected text after the value" : problem(message);
        return "bad JSON" + at + ": " + what;
    }

    /** Whether the text ended before its value did (or had none). */
    private static boolean endOfText(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        return e instanceof JsonEOFException || e.getCause() instanceof JsonEOFException
                || message.startsWith("Unexpected end-of-input") || message.startsWith("No content to map");
    }

    /** Such as {@code steps[0].tests[1].score}; {@code the value} for the top level. */
    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                out.append(out.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                out.append('[').append(reference.getIndex()).append(']');
            }
        }
        return out.length() == 0 ? "the value" : out.toString();
    }

    /** What a value of {@code type} is, in words: {@code a whole number}, {@code an array}... */
    private static String kind(Class<?> type) {
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class
                || type == short.class || type == Short.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Instant.class) {
            return "an ISO-8601 instant";
        }
        if (type.isEnum()) {
            return "one of " + String.join(", ", List.of(type.getEnumConstants()).stream()
                    .map(constant -> '"' + MAPPER.convertValue(constant, String.class) + '"').toList());
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    /** Jackson's message without the source excerpt it sometimes appends. */
    private static String problem(String message) {
        String text = String.valueOf(message);
        Matcher source = SOURCE.matcher(text);
        return source.find() ? text.substring(0, source.start()) : text;
    }

    private static JsonMapper mapper() {
        JsonFactory factory = new JsonFactoryBuilder()
                .characterEscapes(new HtmlSafeEscapes())
                .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        SimpleModule kinds = new SimpleModule("grader-json")
                .addSerializer(Double.class, new WholeDoubles())
                .addSerializer(double.class, new WholeDoubles())
                .addSerializer(Instant.class, ToStringSerializer.instance)
                .addDeserializer(Instant.class, new IsoInstants());
        return JsonMapper.builder(factory)
                .addModule(kinds)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                // Whole numbers of no declared type (the harness's results) all come back as Long, so a
                // hidden test compares them without caring how big they are.
                .enable(DeserializationFeature.USE_LONG_FOR_INTS)
                // An older grader must read a newer file, which may have more keys.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // No guessing between kinds: "5", 5.0 and true are not 5, and 5 is no string.
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Textual, strings -> strings
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withConfigOverride(List.class, lists -> lists.setSetterInfo(NEVER_NULL))
                .withConfigOverride(Map.class, maps -> maps.setSetterInfo(NEVER_NULL))
                .build();
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        // "\n" rather than the platform's line separator: a grade file is the same file on Windows.
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return printer;
    }

    /**
     * The escapes that keep JSON safe inside HTML and JavaScript, with the same spelling as the runtime's
     * trace: {@code \"}, {@code \\}, {@code \t}, {@code \n}, {@code \r}, and <code>&#92;u00XX</code> for the rest
     * (Jackson alone would write {@code \b} and {@code \f}, and leave {@code <}, {@code >}, {@code &} raw).
     */
    private static final class HtmlSafeEscapes extends CharacterEscapes {
        private static final SerializableString LINE_SEPARATOR = new SerializedString("\\u2028");
        private static final SerializableString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");
        private final int[] ascii = standardAsciiEscapesForJSON();

        HtmlSafeEscapes() {
            for (char c : new char[] {'<', '>', '&', '\b', '\f'}) {
                ascii[c] = ESCAPE_STANDARD;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int c) {
            return c == 0x2028 ? LINE_SEPARATOR : c == 0x2029 ? PARAGRAPH_SEPARATOR : null;
        }
    }

    /** Doubles with no fraction as whole numbers, as JavaScript and people write them; NaN and infinities as null. */
    private static final class WholeDoubles extends StdScalarSerializer<Double> {
        WholeDoubles() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator out, SerializerProvider provider) throws IOException {
            double d = value;
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                out.writeNull();
            } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                out.writeNumber((long) d);
            } else {
                out.writeNumber(d);
            }
        }
    }

    /** Instants as {@link Instant#parse} reads them, so a bad time is an error that names its field. */
    private static final class IsoInstants extends StdScalarDeserializer<Instant> {
        IsoInstants() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            String text = parser.getText();
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                return (Instant) context.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 instant");
            }
        }
    }
}
