package lab;

public final class SlowSquare {
    private SlowSquare() {
    }

    public static int slowSquare(int x) {
        throw new UnsupportedOperationException("TODO");
    }

    public static void callback(Integer result) {
        throw new UnsupportedOperationException("TODO");
    }

    public static void main(String[] args) {
        System.out.println("working on it");
    }
}
