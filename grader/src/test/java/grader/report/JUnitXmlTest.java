package grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Covers {@link JUnitXml}: the file parses, counts are right, and any message survives escaping. */
@DisplayName("junit.xml")
class JUnitXmlTest {
    private static final String HOSTILE = "a ]]> b <script>alert(\"x\")</script> 'q' & \u0001 end\nsecond line";

    @TempDir
    Path dir;

    /** Writes the report and parses the file back with a stock DOM parser, as a CI test viewer would. */
    private Document parse(GradeReport report) throws Exception {
        Path file = JUnitXml.write(report, dir);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static List<Element> elements(Document document, String tag) {
        NodeList nodes = document.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    @Nested
    @DisplayName("structure")
    class Structure {
        @Test
        @DisplayName("one testsuite per step, named by step id")
        void suites() throws Exception {
            assertEquals(List.of("square", "complex_square", "queue", "slow_square"),
                    elements(parse(SampleReports.mixed()), "testsuite").stream().map(e -> e.getAttribute("name")).toList());
        }

        @Test
        @DisplayName("one testcase per test")
        void cases() throws Exception {
            assertEquals(19, elements(parse(SampleReports.mixed()), "testcase").size());
        }

        @Test
        @DisplayName("a testcase's classname is its step id")
        void classname() throws Exception {
            assertEquals("queue", elements(parse(SampleReports.mixed()), "testcase").get(9).getAttribute("classname"));
        }

        @Test
        @DisplayName("suite counts: tests, failures, errors (timeouts count as errors)")
        void suiteCounts() throws Exception {
            Element queue = elements(parse(SampleReports.mixed()), "testsuite").get(2);
            assertEquals(List.of("5", "1", "1"),
                    List.of(queue.getAttribute("tests"), queue.getAttribute("failures"), queue.getAttribute("errors")));
        }

        @Test
        @DisplayName("total counts on testsuites")
        void totalCounts() throws Exception {
            Element root = parse(SampleReports.mixed()).getDocumentElement();
            assertEquals(List.of("testsuites", "19", "2", "3"), List.of(root.getTagName(), root.getAttribute("tests"),
                    root.getAttribute("failures"), root.getAttribute("errors")));
        }

        @Test
        @DisplayName("failed tests get failure elements, errors and timeouts get error elements")
        void elementsPerStatus() throws Exception {
            Document document = parse(SampleReports.mixed());
            assertEquals(List.of(2, 3), List.of(elements(document, "failure").size(), elements(document, "error").size()));
        }

        @Test
        @DisplayName("an error's type says timeout or error")
        void errorType() throws Exception {
            assertEquals(List.of("timeout", "error", "error"),
                    elements(parse(SampleReports.mixed()), "error").stream().map(e -> e.getAttribute("type")).toList());
        }

        @Test
        @DisplayName("a perfect report has no failure or error")
        void perfect() throws Exception {
            Document document = parse(SampleReports.perfect());
            assertEquals(0, elements(document, "failure").size() + elements(document, "error").size());
        }
    }

    @Nested
    @DisplayName("escaping")
    class Escaping {
        @Test
        @DisplayName("a hostile message reads back as written, minus the forbidden character")
        void body() throws Exception {
            Document document = parse(SampleReports.withMessage(TestStatus.FAILED, "t", HOSTILE));
            assertEquals(HOSTILE.replace("\u0001", ""), elements(document, "failure").get(0).getTextContent());
        }

        @Test
        @DisplayName("the message attribute holds the first line")
        void attribute() throws Exception {
            Document document = parse(SampleReports.withMessage(TestStatus.FAILED, "t", HOSTILE));
            assertEquals("a ]]> b <script>alert(\"x\")</script> 'q' &  end",
                    elements(document, "failure").get(0).getAttribute("message"));
        }

        @Test
        @DisplayName("a hostile test name reads back as written, minus the forbidden character")
        void name() throws Exception {
            Document document = parse(SampleReports.withMessage(TestStatus.ERROR, "<n> \"&\" ]]> \u0001", "m"));
            assertEquals("<n> \"&\" ]]>", elements(document, "testcase").get(0).getAttribute("name"));
        }

        @Test
        @DisplayName("an unpaired surrogate does not stop the file from parsing")
        void surrogate() throws Exception {
            Document document = parse(SampleReports.withMessage(TestStatus.FAILED, "t", "a\ud800b"));
            assertEquals("a\uFFFDb", elements(document, "failure").get(0).getTextContent());
        }

        @Test
        @DisplayName("the file declares UTF-8")
        void encoding() throws IOException {
            String xml = JUnitXml.toXml(SampleReports.mixed());
            assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", xml.substring(0, xml.indexOf('\n')));
        }
    }
}
