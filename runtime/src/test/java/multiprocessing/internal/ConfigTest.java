package multiprocessing.internal;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import multiprocessing.testing.SystemProperty;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Covers {@link Config}: how {@code -Dmultiprocessing.worker.jvmArgs} is split into options (spaces
 * separate, double quotes group), the defaults and validation of the numeric properties, and which
 * properties children inherit.
 */
@DisplayName("Config")
class ConfigTest {

    @Nested
    @DisplayName("splits JVM options")
    class SplitOptions {

        @Test
        @DisplayName("at spaces")
        void spaces() {
            assertEquals(List.of("-Xmx64m", "-Dfoo=bar"), Config.splitOptions("-Xmx64m -Dfoo=bar"));
        }

        @Test
        @DisplayName("ignoring runs of whitespace, tabs and line breaks, leading and trailing")
        void whitespace() {
            assertEquals(List.of("-a", "-b", "-c"), Config.splitOptions("  -a \t -b\n-c  "));
        }

        @Test
        @DisplayName("into nothing for an empty or blank value")
        void empty() {
            assertAll(() -> assertEquals(List.of(), Config.splitOptions("")),
                    () -> assertEquals(List.of(), Config.splitOptions("   ")));
        }

        @Test
        @DisplayName("keeping spaces inside double quotes")
        void quotedSpaces() {
            assertEquals(List.of("-Dpath=C:\\Program Files\\x", "-Xss1m"),
                    Config.splitOptions("\"-Dpath=C:\\Program Files\\x\" -Xss1m"));
        }

        @Test
        @DisplayName("joining quoted and unquoted parts of one option")
        void quotedPart() {
            assertEquals(List.of("-Dgreeting=hello  world", "-ea"),
                    Config.splitOptions("-Dgreeting=\"hello  world\" -ea"));
        }

        @Test
        @DisplayName("keeping an empty quoted option")
        void emptyQuoted() {
            assertEquals(List.of("-a", "", "-b"), Config.splitOptions("-a \"\" -b"));
        }

        @Test
        @DisplayName("refusing an unclosed quote, naming the property")
        void unclosedQuote() {
            IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                    () -> Config.splitOptions("-Dx=\"open"));
            assertTrue(thrown.getMessage().contains(Config.WORKER_JVM_ARGS), thrown.getMessage());
        }

        @Test
        @DisplayName("reading the property for workerJvmArgs()")
        void fromProperty() {
            List<String> options = SystemProperty.with(Config.WORKER_JVM_ARGS, "-Da=1 \"-Db=2 3\"",
                    Config::workerJvmArgs);
            assertEquals(List.of("-Da=1", "-Db=2 3"), options);
        }
    }

    @Nested
    @DisplayName("reads numeric properties")
    class Numbers {

        @Test
        @DisplayName("maxProcesses defaults to 8 per core, at least 8")
        void maxProcessesDefault() {
            int expected = Math.max(8, 8 * Runtime.getRuntime().availableProcessors());
            String previous = System.getProperty(Config.MAX_PROCESSES);
            System.clearProperty(Config.MAX_PROCESSES);
            try {
                assertEquals(expected, Config.maxProcesses());
            } finally {
                if (previous != null) {
                    System.setProperty(Config.MAX_PROCESSES, previous);
                }
            }
        }

        @Test
        @DisplayName("maxProcesses follows the property, spaces trimmed")
        void maxProcessesProperty() {
            assertEquals(3, (int) SystemProperty.with(Config.MAX_PROCESSES, " 3 ", Config::maxProcesses));
        }

        @Test
        @DisplayName("a blank property means the default")
        void blankMeansDefault() {
            assertEquals(60_000L, (long) SystemProperty.with(Config.START_TIMEOUT, " ", Config::startTimeoutMillis));
        }

        @Test
        @DisplayName("the start timeout is given in seconds")
        void startTimeout() {
            assertEquals(5_000L, (long) SystemProperty.with(Config.START_TIMEOUT, "5", Config::startTimeoutMillis));
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"0", "-2", "many", "1.5"})
        @DisplayName("a value that is not a positive whole number is refused, naming the property")
        void invalid(String value) {
            IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                    () -> SystemProperty.with(Config.MAX_PROCESSES, value, Config::maxProcesses));
            assertTrue(thrown.getMessage().contains(Config.MAX_PROCESSES), thrown.getMessage());
        }
    }

    @Nested
    @DisplayName("hands on properties")
    class Inheritance {

        @Test
        @DisplayName("every multiprocessing.* property, and nothing else")
        void onlyMultiprocessingProperties() {
            Map<String, String> inherited = SystemProperty.with("multiprocessing.config.test", "yes",
                    Config::inheritableProperties);
            assertAll(() -> assertEquals("yes", inherited.get("multiprocessing.config.test")),
                    () -> assertFalse(inherited.containsKey("java.home")),
                    () -> assertTrue(inherited.keySet().stream().allMatch(k -> k.startsWith("multiprocessing."))));
        }
    }
}
