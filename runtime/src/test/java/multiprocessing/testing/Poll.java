package multiprocessing.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition by polling it, for states that have no event to wait on. */
public final class Poll {
    private static final long INTERVAL_MILLIS = 10;

    private Poll() {
    }

    /** Polls {@code condition} until it holds or {@code limit} has passed; whether it held. */
    public static boolean until(BooleanSupplier condition, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return condition.getAsBoolean();
            }
        }
    }
}
