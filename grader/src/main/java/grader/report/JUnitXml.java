package grader.report;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code junit.xml}: the grade as a JUnit XML report, for CI test viewers.
 *
 * <pre>{@code
 * <testsuites name="grade" tests="19" failures="3" errors="3">
 *   <testsuite name="square" tests="4" failures="0" errors="0" skipped="0">
 *     <testcase classname="square" name="squares 0 to 9"/>
 *     <testcase classname="square" name="..."><failure message="first line" type="failed">full message</failure></testcase>
 *     <testcase classname="square" name="..."><error message="..." type="timeout">...</error></testcase>
 * }</pre>
 * One suite per step (named by step id), one case per test; a failed test gets {@code <failure>},
 * an error or timeout gets {@code <error>} whose {@code type} says which. The {@code message}
 * attribute holds the message's first line, the element's text the whole message.
 *
 * <p>Written with the JDK's {@link XMLStreamWriter}, which escapes markup characters in text and
 * attributes. What it does not do is drop characters XML 1.0 forbids (control characters other than
 * tab, CR and LF, unpaired surrogates, U+FFFE and U+FFFF), so {@link ReportText#clean} removes them
 * first; it also turns CR into LF, which a parser would do anyway.
 */
public final class JUnitXml {
    /** The file's name inside the report directory. */
    public static final String FILE_NAME = "junit.xml";
    /** The longest message kept, in characters. */
    static final int MAX_MESSAGE_CHARS = 64_000;
    /** The longest {@code message} attribute, in characters. */
    private static final int MAX_ATTRIBUTE_CHARS = 200;

    private JUnitXml() {
    }

    /** Writes {@code junit.xml} into {@code dir} and returns its path. */
    public static Path write(GradeReport report, Path dir) throws IOException {
        return ReportFiles.write(dir.resolve(FILE_NAME), toXml(report));
    }

    /** The report as JUnit XML text (UTF-8 declared; write it as UTF-8). */
    public static String toXml(GradeReport report) {
        StringWriter text = new StringWriter();
        try {
            // The JDK's own factory, whatever StAX implementation the class path might bring.
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "grade");
            writeCounts(xml, report.steps().stream().flatMap(step -> step.tests().stream()).toList());
            for (StepResult step : report.steps()) {
                writeSuite(xml, step);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            // Only an I/O failure could cause this, and a StringWriter has none.
            throw new IllegalStateException("could not write JUnit XML", e);
        }
        return text.toString();
    }

    private static void writeSuite(XMLStreamWriter xml, StepResult step) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", attribute(step.id()));
        writeCounts(xml, step.tests());
        xml.writeAttribute("skipped", "0");
        for (TestResult test : step.tests()) {
            writeCase(xml, step, test);
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void writeCounts(XMLStreamWriter xml, List<TestResult> tests) throws XMLStreamException {
        xml.writeAttribute("tests", String.valueOf(tests.size()));
        xml.writeAttribute("failures", String.valueOf(tests.stream().filter(t -> t.status() == TestStatus.FAILED).count()));
        xml.writeAttribute("errors", String.valueOf(tests.stream()
                .filter(t -> t.status() == TestStatus.ERROR || t.status() == TestStatus.TIMEOUT).count()));
    }

    private static void writeCase(XMLStreamWriter xml, StepResult step, TestResult test) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        if (test.passed()) {
            xml.writeEmptyElement("testcase");
            writeCaseAttributes(xml, step, test);
            return;
        }
        xml.writeStartElement("testcase");
        writeCaseAttributes(xml, step, test);
        xml.writeStartElement(test.status() == TestStatus.FAILED ? "failure" : "error");
        xml.writeAttribute("message", attribute(ReportText.firstLine(test.message())));
        xml.writeAttribute("type", test.status().word());
        xml.writeCharacters(body(test));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void writeCaseAttributes(XMLStreamWriter xml, StepResult step, TestResult test) throws XMLStreamException {
        xml.writeAttribute("classname", attribute(step.id()));
        xml.writeAttribute("name", attribute(test.name()));
        if (test.location() != null) {
            xml.writeAttribute("file", attribute(test.location().file()));
            xml.writeAttribute("line", String.valueOf(test.location().line()));
        }
    }

    /**
     * Attribute text on one line: a parser turns tabs and line breaks in an attribute into spaces
     * anyway, so doing it here keeps what is written equal to what is read.
     */
    private static String attribute(String text) {
        return ReportText.truncate(ReportText.oneLine(text), MAX_ATTRIBUTE_CHARS, "...");
    }

    private static String body(TestResult test) {
        return ReportText.truncate(ReportText.clean(test.message()), MAX_MESSAGE_CHARS);
    }
}
