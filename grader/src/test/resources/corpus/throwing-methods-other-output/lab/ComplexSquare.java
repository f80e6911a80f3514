package lab;

import java.util.List;

public final class ComplexSquare {
    private ComplexSquare() {
    }

    public static long square(int x) {
        throw new UnsupportedOperationException("TODO");
    }

    public static List<Long> squares(int n) {
        throw new UnsupportedOperationException("TODO");
    }

    public static void main(String[] args) {
        System.out.println("working on it");
    }
}
