package grader.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Covers {@link FailureMessages}: how messages are grouped across students. */
@DisplayName("failure messages")
class FailureMessagesTest {
    @Test
    @DisplayName("keep the first non-blank line, trimmed")
    void firstLine() {
        assertEquals("Expected 49, got 14.", FailureMessages.normalize("\n   \n  Expected 49, got 14.  \nYou printed 14."));
    }

    @Test
    @DisplayName("are cut to 160 characters, ending with an ellipsis")
    void capped() {
        assertEquals("x".repeat(159) + "\u2026", FailureMessages.normalize("x".repeat(500)));
    }

    @Test
    @DisplayName("lose control and text-reordering characters")
    void cleaned() {
        assertEquals("reversed text", FailureMessages.normalize("\u202ereversed\u0007 text"));
    }

    @Test
    @DisplayName("an empty message reads as (no message)")
    void empty() {
        assertEquals("(no message)", FailureMessages.normalize(" \n "));
    }

    @Test
    @DisplayName("a missing message reads as (no message)")
    void missing() {
        assertEquals("(no message)", FailureMessages.normalize(null));
    }
}
