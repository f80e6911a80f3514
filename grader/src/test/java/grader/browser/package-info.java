/**
 * Headless Chromium for browser tests, driven by Selenium through the machine's chromedriver.
 *
 * <p>{@link grader.browser.HeadlessChromium} starts the browser and adds what WebDriver leaves out:
 * the page's errors and requests, downloads into a chosen folder, an exact viewport, and waiting for a
 * condition. It is {@link java.lang.AutoCloseable}: use it in try-with-resources, or close it in
 * {@code @AfterAll}, so that chromedriver and every Chromium process end even when a test fails
 * half-way. {@link grader.browser.ChromiumAvailability} finds the browser and the driver, and decides
 * whether a test without them fails (on CI) or is skipped (elsewhere). A test class that shares one
 * browser between its tests gives each test a fresh tab ({@link grader.browser.HeadlessChromium#newTab}):
 * a new tab costs far less than a new browser.
 *
 * <pre>{@code
 * try (HeadlessChromium chromium = HeadlessChromium.start()) {
 *     chromium.open(htmlFile);
 *     chromium.click("#save");
 *     assertEquals(List.of(), chromium.pageErrors());
 * }
 * }</pre>
 */
package grader.browser;
