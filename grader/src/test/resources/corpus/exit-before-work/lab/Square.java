package lab;

public final class Square {
    private Square() {
    }

    public static int square(int x) {
        return x * x;
    }

    public static void main(String[] args) {
        System.out.println("[0, 1, 4, 9, 16, 25, 36, 49, 64, 81]");
        // Hostile: ends the JVM before the grader's harness can see main return.
        System.exit(0);
    }
}
