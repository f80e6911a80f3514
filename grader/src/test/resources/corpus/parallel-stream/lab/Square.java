package lab;

import static multiprocessing.Range.range;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

public final class Square {
    private Square() {
    }

    public static int square(int x) {
        return x * x;
    }

    public static void main(String[] args) {
        List<Integer> results = IntStream.range(0, 10).parallel().map(Square::square).boxed()
                .collect(Collectors.toList());
        System.out.println(results);
    }
}
