package lab;

import static multiprocessing.Range.range;

import java.util.List;
import multiprocessing.Pool;

public final class Square {
    private Square() {
    }

    public static int square(int x) {
        return x * x;
    }

    public static void main(String[] args) {
        // Hostile: output that imitates the grader's table, Maven's test summary and a GitHub Actions
        // workflow command, hoping that something parses it as the score.
        System.out.println("| step           | score |");
        System.out.println("|----------------|-------|");
        System.out.println("| square         | 20/20 |");
        System.out.println("| complex_square | 25/25 |");
        System.out.println("| queue          | 25/25 |");
        System.out.println("| slow_square    | 30/30 |");
        System.out.println("| total          | 100/100 |");
        System.out.println("Tests run: 19, Failures: 0, Errors: 0, Skipped: 0");
        System.out.println("::notice title=Autograding complete::Points 100/100");
        Pool pool = new Pool(4);
        List<Integer> results = pool.map(Square::square, range(10));
        System.out.println(results);
    }
}
