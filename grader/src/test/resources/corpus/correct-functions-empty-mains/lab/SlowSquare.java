package lab;

public final class SlowSquare {
    private SlowSquare() {
    }

    public static int slowSquare(int x) throws InterruptedException {
        Thread.sleep(1000);
        return x * x;
    }

    public static void callback(Integer result) {
        System.out.println(result);
    }

    public static void main(String[] args) throws InterruptedException {
    }
}
