package lab;

import static multiprocessing.Range.range;

import multiprocessing.Pool;

public final class Square {
    private Square() {
    }

    public static int square(int x) {
        return x * x;
    }

    public static void main(String[] args) {
        for (int i = 0; i < 5_000_000; i++) {
            System.out.println("debug: still starting up, iteration " + i);
        }
        Pool pool = new Pool(4);
        System.out.println(pool.map(Square::square, range(10)));
    }
}
