package bench.micro;

/**
 * A Java program that does nothing: its wall time is what one JVM costs to start and stop, the floor
 * under every Java figure of the benchmarks (the lab programs start five JVMs: main and four workers).
 */
public final class Empty {
    private Empty() {
    }

    /**
     * Returns at once.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        // Nothing: the point is the cost of everything around main.
    }
}
