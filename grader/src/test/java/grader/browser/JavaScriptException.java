package grader.browser;

/**
 * A script that a test ran in the page threw (or its promise rejected). The message is the
 * exception as the browser's console would show it, followed by the script.
 */
public class JavaScriptException extends BrowserException {
    private static final long serialVersionUID = 1L;

    private final String thrown;

    /** {@code script} threw what {@code thrown} describes, such as "Uncaught Error: boom". */
    public JavaScriptException(String thrown, String script) {
        super(thrown + " in: " + script);
        this.thrown = thrown;
    }

    /** What the script threw, as the console shows it, without the script. */
    public String thrown() {
        return thrown;
    }
}
