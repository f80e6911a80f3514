package multiprocessing.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import multiprocessing.Action;
import multiprocessing.Target;

/**
 * The entry point of every child JVM, worker or Process.
 *
 * <p>It reads its {@link Bootstrap} from standard input, then keeps reading that pipe on a watcher
 * thread: end-of-file means the parent died, and the child exits within moments. The user's code sees
 * an empty {@code System.in} (as in Python's children), so a task that reads standard input ends
 * instead of blocking forever.
 */
public final class ChildMain {
    /** Grace for shutdown hooks after the parent died, before the JVM halts regardless. */
    private static final long HALT_AFTER_MILLIS = 1_000;

    private static volatile FileChannel lifeline;
    private static volatile boolean child;
    private static volatile boolean exiting;
    private static CountingOutputStream stdoutCount;
    private static CountingOutputStream stderrCount;

    private ChildMain() {
    }

    /** Runs one child; not for direct use. */
    public static void main(String[] args) throws Exception {
        // A channel, not a plain stream: closing a channel wakes a thread blocked reading it.
        child = true;
        lifeline = new FileInputStream(FileDescriptor.in).getChannel();
        ExitHook.install();
        // "<pid> <bootstrap>": the parent tells the child its pid along with what to do.
        String line = readLine(Channels.newInputStream(lifeline));
        int space = line.indexOf(' ');
        if (space < 1) {
            throw new IOException("not a bootstrap line: this class is started by the multiprocessing runtime, not by"
                    + " hand");
        }
        ProcessId.tell(Long.parseLong(line.substring(0, space)));
        Bootstrap bootstrap = Bootstrap.fromLine(line.substring(space + 1));
        for (Map.Entry<String, String> property : bootstrap.properties().entrySet()) {
            System.setProperty(property.getKey(), property.getValue());
        }
        System.setIn(new ByteArrayInputStream(new byte[0]));
        Charset charset = Charset.defaultCharset();
        stdoutCount = new CountingOutputStream(new FileOutputStream(FileDescriptor.out));
        stderrCount = new CountingOutputStream(new FileOutputStream(FileDescriptor.err));
        System.setOut(new PrintStream(stdoutCount, true, charset));
        System.setErr(new PrintStream(stderrCount, true, charset));
        Daemons.start("multiprocessing-lifeline", new LifelineWatcher());
        if (bootstrap.role() == Bootstrap.Role.WORKER) {
            WorkerLoop.run(bootstrap);
        } else {
            exit(runTarget(bootstrap));
        }
    }

    /** Whether this JVM is a child that the runtime started: a pool worker or a {@code Process}. */
    static boolean isChild() {
        return child;
    }

    /** Bytes this child has written to standard output so far. */
    static long stdoutBytes() {
        return stdoutCount.count();
    }

    /** Bytes this child has written to standard error so far. */
    static long stderrBytes() {
        return stderrCount.count();
    }

    @SuppressWarnings("unchecked")
    private static int runTarget(Bootstrap bootstrap) {
        int exitCode = 0;
        try {
            Object target = Codec.decode(bootstrap.target());
            if (bootstrap.argument() == null) {
                ((Action) target).run();
            } else {
                ((Target<Object>) target).run(Codec.decode(bootstrap.argument()));
            }
        } catch (Throwable failure) {
            // Python prints the traceback and exits with 1; so does this.
            System.err.println("Process " + bootstrap.targetName() + " (pid " + ProcessId.current()
                    + ") failed:");
            failure.printStackTrace();
            exitCode = 1;
        }
        return exitCode;
    }

    /** Finishes the process once the user's code is done, flushing queued items first. */
    static void exit(int code) {
        QueueClient.flushAll();
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }

    /** Lets the lifeline watcher return quietly: this JVM is exiting anyway. Runs in the {@link ExitHook}. */
    static void releaseLifeline() {
        exiting = true;
        FileChannel channel = lifeline;
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // exiting anyway
            }
        }
    }

    private static void watchLifeline() {
        try {
            ByteBuffer ignored = ByteBuffer.allocate(64);
            while (lifeline.read(ignored) >= 0) {
                ignored.clear(); // the parent never writes again after the bootstrap; only the end matters
            }
        } catch (IOException e) {
            // a broken pipe means the same as end-of-file; a closed channel means we are exiting
        }
        if (exiting) {
            return;
        }
        Daemons.start("multiprocessing-halt", new Halt());
        System.exit(1);
    }

    /*
     * The child's threads are named classes, not lambdas: a child's first lambda spins method handles and
     * a class at run time, a noticeable share of a worker's start-up (the same goes for string
     * concatenation, which the runtime compiles to StringBuilder calls).
     */

    /** Watches the pipe from the parent; its end means the parent died. */
    private static final class LifelineWatcher implements Runnable {
        @Override
        public void run() {
            watchLifeline();
        }
    }

    /** Halts the JVM when shutdown hooks take longer than their grace after the parent died. */
    private static final class Halt implements Runnable {
        @Override
        public void run() {
            try {
                Thread.sleep(HALT_AFTER_MILLIS);
            } catch (InterruptedException ignored) {
                // halt anyway
            }
            Runtime.getRuntime().halt(1);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            line.write(b);
        }
        if (b < 0 && line.size() == 0) {
            throw new IOException("no bootstrap on standard input: this class is started by the multiprocessing"
                    + " runtime, not by hand");
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
