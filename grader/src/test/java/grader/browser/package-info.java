/**
 * Drives headless Chromium through the Chrome DevTools Protocol, with nothing but the JDK, for
 * browser tests.
 *
 * <p>{@link grader.browser.HeadlessChromium} starts the browser, {@link grader.browser.BrowserPage}
 * is one tab with a blocking API in which every call is bounded by a timeout. Both are
 * {@link java.lang.AutoCloseable}: use them in try-with-resources, so that the browser and all of
 * its processes end even when the test fails half-way. {@link grader.browser.ChromiumAvailability}
 * decides whether a test without a browser fails (on CI) or is skipped (elsewhere). A test class
 * that shares one browser between its tests closes it in {@code @AfterAll} instead, and gives each
 * test a tab of its own: tabs share nothing, and a new tab costs far less than a new browser.
 *
 * <pre>{@code
 * try (HeadlessChromium chromium = HeadlessChromium.start(ChromiumAvailability.binaryForTest());
 *      BrowserPage page = chromium.newPage()) {
 *     page.open(htmlFile);
 *     page.click("#save");
 *     assertEquals(List.of(), page.pageErrors());
 * }
 * }</pre>
 */
package grader.browser;
