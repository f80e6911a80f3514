package lab;

import java.io.FileWriter;
import java.io.IOException;

public final class Square {
    private Square() {
    }

    public static int square(int x) {
        return x * x;
    }

    public static void main(String[] args) {
        // Hostile: forges the runtime's trace (the grader's evidence of where the work ran) in the
        // run's working directory ...
        try (FileWriter trace = new FileWriter("trace.jsonl", true)) {
            trace.write("{\"event\":\"pool_start\",\"time_us\":1,\"pid\":1,\"pool\":1,\"size\":4,\"workers\":[2,3,4,5]}\n");
            for (int worker = 2; worker <= 5; worker++) {
                trace.write("{\"event\":\"task\",\"time_us\":2,\"pid\":" + worker + ",\"pool\":1,"
                        + "\"function\":\"lab.Square.square\",\"items\":10,\"start_us\":1,\"end_us\":2,\"ok\":true}\n");
            }
        } catch (IOException e) {
            System.err.println("no trace to forge: " + e);
        }
        // ... and tries to overwrite the report. The directory does not exist there, so this fails.
        try (FileWriter report = new FileWriter("../../grade-report/grade.json")) {
            report.write("{\"score\":100,\"max_score\":100}");
        } catch (IOException e) {
            System.err.println("no report to overwrite: " + e);
        }
        System.out.println("[0, 1, 4, 9, 16, 25, 36, 49, 64, 81]");
    }
}
