package grader.browser;

import grader.json.GraderJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Chrome DevTools Protocol over Chromium's debugging pipe: JSON messages, each ended by a NUL
 * byte, commands going out on one stream and answers and events coming back on the other.
 *
 * <p>One reader thread reads every message. An answer completes the future of the command with the
 * same id; an event goes to the listeners registered for its method and session ({@code null} for
 * the browser itself). Listeners run on the reader thread in the order Chromium sent the events, so
 * they must be quick and must never wait for an answer: only that same thread could deliver it.
 */
final class CdpConnection implements AutoCloseable {
    private final InputStream in;
    private final OutputStream out;
    private final Supplier<String> whyGone;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private volatile BrowserException gone;
    private volatile boolean closing;

    private record Pending(String method, CompletableFuture<Map<String, Object>> answer) {
    }

    private record Subscription(String sessionId, String method, Consumer<Map<String, Object>> listener) {
    }

    /**
     * Starts reading {@code in}, Chromium's output. {@code whyGone} explains, when the pipe closes
     * unexpectedly, what became of the browser; it runs on the reader thread and may wait briefly.
     */
    CdpConnection(InputStream in, OutputStream out, Supplier<String> whyGone) {
        this.in = in;
        this.out = out;
        this.whyGone = whyGone;
        Thread reader = new Thread(this::read, "chromium-devtools-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Sends a command and returns its answer's {@code result} when it comes. */
    CompletableFuture<Map<String, Object>> call(String sessionId, String method, Map<String, ?> params) {
        long id = ids.incrementAndGet();
        CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
        pending.put(id, new Pending(method, answer));
        answer.whenComplete((result, failure) -> pending.remove(id));
        // Checked after registering: the reader fails every registered command once the pipe is gone.
        BrowserException failure = gone;
        if (failure != null) {
            answer.completeExceptionally(failure);
            return answer;
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", id);
        message.put("method", method);
        message.put("params", params);
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        byte[] bytes = GraderJson.write(message).getBytes(StandardCharsets.UTF_8);
        try {
            synchronized (out) {
                out.write(bytes);
                out.write(0);
                out.flush();
            }
        } catch (IOException e) {
            answer.completeExceptionally(new BrowserException("could not send " + method + " to Chromium: " + e.getMessage(), e));
        }
        return answer;
    }

    /** Sends a command and waits, at most until {@code deadline}, for its answer's {@code result}. */
    Map<String, Object> send(String sessionId, String method, Map<String, ?> params, Deadline deadline) {
        return await(call(sessionId, method, params), deadline, "Chromium to answer " + method);
    }

    /** Calls {@code listener} with the parameters of every {@code method} event of the session; returns the way to stop. */
    Runnable on(String sessionId, String method, Consumer<Map<String, Object>> listener) {
        Subscription subscription = new Subscription(sessionId, method, listener);
        subscriptions.add(subscription);
        return () -> subscriptions.remove(subscription);
    }

    /** Drops every listener of a session that has ended. */
    void forget(String sessionId) {
        subscriptions.removeIf(subscription -> Objects.equals(subscription.sessionId(), sessionId));
    }

    /** Whether the pipe is gone, so that no command can be answered any more. */
    boolean isGone() {
        return gone != null;
    }

    /**
     * Closes Chromium's input. Chromium takes the end of its debugging pipe as the order to quit, the
     * same as when the JVM dies, which is why the pipe and not a WebSocket connects the two.
     */
    @Override
    public void close() {
        closing = true;
        try {
            out.close();
        } catch (IOException e) {
            // Chromium already closed its end: it is quitting anyway.
        }
    }

    /** Waits for {@code future} until {@code deadline}; a timeout names {@code what} was awaited. */
    static <T> T await(CompletableFuture<T> future, Deadline deadline, String what) {
        try {
            return future.get(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(false);
            throw deadline.timeout(what);
        } catch (ExecutionException e) {
            // A new exception, so that the stack trace shows the waiting test and not the reader thread.
            Throwable cause = e.getCause();
            throw new BrowserException(cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrowserException("interrupted while waiting for " + what, e);
        }
    }

    private void read() {
        byte[] buffer = new byte[64 * 1024];
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        try {
            for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == 0) {
                        message.write(buffer, start, i - start);
                        dispatch(message.toString(StandardCharsets.UTF_8));
                        message.reset();
                        start = i + 1;
                    }
                }
                message.write(buffer, start, n - start);
            }
            shutDown(closing ? new BrowserException("the browser was closed")
                    : new BrowserException("Chromium closed its DevTools pipe: " + whyGone.get()));
        } catch (IOException e) {
            shutDown(new BrowserException("reading Chromium's DevTools pipe failed (" + e.getMessage() + "): " + whyGone.get(), e));
        } catch (RuntimeException e) {
            shutDown(new BrowserException("Chromium sent a message this client cannot read: " + e.getMessage(), e));
        }
    }

    @SuppressWarnings("unchecked")
    private void dispatch(String text) {
        Map<String, Object> message = GraderJson.readObject(text);
        Object id = message.get("id");
        if (id instanceof Number number) {
            Pending command = pending.remove(number.longValue());
            if (command == null) {
                return; // the caller gave up waiting for it
            }
            if (message.get("error") instanceof Map<?, ?> error) {
                command.answer().completeExceptionally(new BrowserException(command.method() + " failed: " + error.get("message")
                        + (error.get("data") == null ? "" : " (" + error.get("data") + ")")));
            } else {
                Object result = message.get("result");
                command.answer().complete(result instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of());
            }
            return;
        }
        Object method = message.get("method");
        Object sessionId = message.get("sessionId");
        Map<String, Object> params = message.get("params") instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        for (Subscription subscription : subscriptions) {
            if (subscription.method().equals(method) && Objects.equals(subscription.sessionId(), sessionId)) {
                try {
                    subscription.listener().accept(params);
                } catch (RuntimeException e) {
                    // One broken listener must not stop the reader, or every later command would hang.
                    System.err.println("a DevTools listener for " + method + " failed: " + e);
                }
            }
        }
    }

    private void shutDown(BrowserException failure) {
        gone = failure;
        for (Pending command : List.copyOf(pending.values())) {
            command.answer().completeExceptionally(failure);
        }
    }
}
