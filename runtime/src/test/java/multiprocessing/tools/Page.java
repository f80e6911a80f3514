package multiprocessing.tools;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A timeline web page read back as XML (the page is well-formed on purpose), with the elements the
 * tests look at: lanes, task bars, callbacks, lifetimes, the verdict and the notes. A page that is not
 * well-formed fails the test that reads it.
 */
final class Page {
    private final String html;
    private final Document document;

    private Page(String html, Document document) {
        this.html = html;
        this.document = document;
    }

    /** Parses {@code html}. */
    static Page of(String html) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // Fail on any error, and print nothing: the assertion message says what went wrong.
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return new Page(html, builder.parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8))));
        } catch (Exception e) {
            throw new AssertionError("the page is not well-formed: " + e.getMessage(), e);
        }
    }

    /** The page's text. */
    String html() {
        return html;
    }

    /** Its size in bytes, as written to a file. */
    int bytes() {
        return html.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Every {@code tag} element, in document order. */
    List<Element> all(String tag) {
        NodeList nodes = document.getElementsByTagName(tag);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    /** Every {@code tag} element whose class list holds {@code cssClass}, in document order. */
    List<Element> all(String tag, String cssClass) {
        return all(tag).stream()
                .filter(element -> Arrays.asList(element.getAttribute("class").split(" ")).contains(cssClass)).toList();
    }

    /** The {@code g.lane} groups. */
    List<Element> lanes() {
        return all("g", "lane");
    }

    /** The lanes' names ({@code data-lane}), top to bottom. */
    List<String> laneNames() {
        return lanes().stream().map(lane -> lane.getAttribute("data-lane")).toList();
    }

    /** The lane called {@code name}. */
    Element lane(String name) {
        return lanes().stream().filter(lane -> lane.getAttribute("data-lane").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no lane " + name + " among " + laneNames()));
    }

    /** The {@code rect.task} bars. */
    List<Element> tasks() {
        return all("rect", "task");
    }

    /** The task bars on the lane called {@code lane}. */
    List<Element> tasksOn(String lane) {
        return tasks().stream().filter(task -> task.getAttribute("data-lane").equals(lane)).toList();
    }

    /** The {@code circle.callback} marks. */
    List<Element> callbacks() {
        return all("circle", "callback");
    }

    /** The {@code rect.lifetime} bands. */
    List<Element> lifetimes() {
        return all("rect", "lifetime");
    }

    /** The verdict paragraph's text. */
    String verdict() {
        return all("p", "verdict").get(0).getTextContent();
    }

    /** The notes, one per list item; none when the page has no notes. */
    List<String> notes() {
        return all("ul", "notes").stream().flatMap(list -> children(list, "li").stream())
                .map(Element::getTextContent).toList();
    }

    /** The text of the {@code <title>} child of {@code element}. */
    static String tooltip(Element element) {
        List<Element> titles = children(element, "title");
        if (titles.isEmpty()) {
            throw new AssertionError("no <title> in " + element.getTagName() + " " + element.getAttribute("class"));
        }
        return titles.get(0).getTextContent();
    }

    /** A whole-number attribute of {@code element}. */
    static long number(Element element, String attribute) {
        return Long.parseLong(element.getAttribute(attribute));
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element child && child.getTagName().equals(tag)) {
                found.add(child);
            }
        }
        return found;
    }
}
