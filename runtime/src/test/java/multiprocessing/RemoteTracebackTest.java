package multiprocessing;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Covers {@link RemoteTraceback}, the stand-in for an exception that cannot travel: it keeps the
 * original's type name, message, stack frames and chain of causes, and holds only strings and frames.
 */
@DisplayName("RemoteTraceback")
class RemoteTracebackTest {

    @Test
    @DisplayName("keeps the original's type name")
    void typeName() {
        assertEquals("java.lang.IllegalStateException",
                new RemoteTraceback(new IllegalStateException("x")).remoteType());
    }

    @Test
    @DisplayName("its message is the type name and the original message")
    void message() {
        assertEquals("java.lang.IllegalStateException: broken",
                new RemoteTraceback(new IllegalStateException("broken")).getMessage());
    }

    @Test
    @DisplayName("its message is the type name alone when the original has none")
    void messageWithoutOriginalMessage() {
        assertEquals("java.lang.IllegalStateException",
                new RemoteTraceback(new IllegalStateException()).getMessage());
    }

    @Test
    @DisplayName("keeps the original's stack frames")
    void stackFrames() {
        IllegalStateException original = new IllegalStateException("broken");
        assertArrayEquals(original.getStackTrace(), new RemoteTraceback(original).getStackTrace());
    }

    @Test
    @DisplayName("keeps the chain of causes, each as a RemoteTraceback")
    void causes() {
        RemoteTraceback copy = new RemoteTraceback(new IllegalStateException("outer", new IOException("inner")));
        RemoteTraceback cause = assertInstanceOf(RemoteTraceback.class, copy.getCause());
        assertAll(() -> assertEquals("java.io.IOException", cause.remoteType()),
                () -> assertEquals("java.io.IOException: inner", cause.getMessage()),
                () -> assertNull(cause.getCause()));
    }

    @Test
    @DisplayName("has no cause when the original has none")
    void noCause() {
        assertNull(new RemoteTraceback(new IllegalStateException("alone")).getCause());
    }
}
