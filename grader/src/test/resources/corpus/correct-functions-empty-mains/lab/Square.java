package lab;

import java.util.ArrayList;
import java.util.List;

public final class Square {
    private Square() {
    }

    public static int square(int x) {
        return x * x;
    }

    public static void main(String[] args) {
    }
}
