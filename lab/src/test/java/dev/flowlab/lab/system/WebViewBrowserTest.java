package dev.flowlab.lab.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.flowlab.controller.RestAccess;
import dev.flowlab.lab.Lab;
import dev.flowlab.testkit.Leftovers;
import dev.flowlab.testkit.SystemTest;
import dev.flowlab.topologies.Topologies;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web view in a real browser (Debian's chromium, headless, through chromedriver) on a real
 * {@code tree,2,2} network: it draws 3 switches, 4 hosts and 6 links, shows {@code link s1 s2 down}
 * within 2 s, lists each switch's numbers, opens a switch's flow table a page at a time (the learning
 * switch's entries by app, "N more" and a next page), traces the path between two clicked hosts; and
 * on {@code ring,3} under stp, draws the cable stp blocks as blocked.
 */
@SystemTest(WebViewBrowserTest.PREFIX)
class WebViewBrowserTest {
    static final String PREFIX = "wv";
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path profile;

    @BeforeAll
    static void rootOvsAndBrowser() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser test: needs chromium and chromium-driver (./flowlab test installs them)");
    }

    @Test
    void theViewShowsTheNetworkLinkStateAndFlowTables() throws Exception {
        try (Lab lab = AppLabs.start(Topologies.tree(2, 2), PREFIX, "learning-switch")) {
            assertThat(lab.network().pingAll().failures()).isEmpty();   // host tracking learns every host
            RestAccess access = lab.embeddedController().orElseThrow().restAccess().orElseThrow();
            WebDriver browser = chromium();
            try {
                browser.get(access.baseUrl() + "/#token=" + access.token());
                JavascriptExecutor js = (JavascriptExecutor) browser;
                waiting(browser, Duration.ofSeconds(30)).until(b -> List.of(3L, 4L, 6L).equals(js.executeScript(
                        "const cy = window.flowlab && window.flowlab.cy; return cy ? [cy.nodes('.switch').length,"
                                + " cy.nodes('.host').length, cy.edges().length] : null;")));
                assertThat(browser.findElement(By.id("summary")).getText()).isEqualTo("3 switches, 4 hosts, 6 links");

                // The summary: every switch's numbers from the last poll, no flow table in the stream.
                waiting(browser, Duration.ofSeconds(30)).until(b -> flowsInSummary(b, "s2") > 2);
                js.executeScript("window.flowlab.showSwitch('s2')");
                waiting(browser, Duration.ofSeconds(30)).until(b -> b.findElements(
                        By.xpath("//table[@id='flows']//td[text()='learning-switch']")).size() >= 2);
                waiting(browser, Duration.ofSeconds(10)).until(b -> b.findElement(By.id("switch-numbers")).getText()
                        .matches(flowsInSummary(b, "s2") + " flow entries in \\d+ tables?, \\d+ packets, .*"));
                // A page at a time, with how many more there are.
                js.executeScript("window.flowlab.state.pageSize = 2; window.flowlab.showSwitch('s2')");
                waiting(browser, Duration.ofSeconds(10)).until(b -> b.findElements(By.cssSelector("#flows tbody tr")).size() == 2
                        && b.findElement(By.id("flows-more")).getText().matches("\\d+ more entr(y|ies) next \\d ▶"));
                // The page is drawn again at every update: click the button of the page as it is now.
                js.executeScript("Array.from(document.querySelectorAll('#flows-more button'))"
                        + ".find(b => b.textContent.startsWith('next')).click()");
                waiting(browser, Duration.ofSeconds(10)).until(b -> b.findElement(By.xpath(
                        "//div[@id='switch-detail']/h3[1]")).getText().startsWith("Flow table: entries 3-"));
                assertThat(browser.findElement(By.id("stp-section")).isDisplayed()).as("stp does not run").isFalse();
                assertThat(browser.findElement(By.id("lb-section")).isDisplayed()).isFalse();
                assertThat(browser.findElement(By.id("cluster-section")).isDisplayed()).isFalse();
                // A host under s2, then one under s3: the path runs through s1.
                js.executeScript("const hs = window.flowlab.cy.nodes('.host').sort((a, b) => a.data('host').dpid"
                        + ".localeCompare(b.data('host').dpid)); hs[0].emit('tap'); hs[hs.length - 1].emit('tap');");
                waiting(browser, Duration.ofSeconds(10)).until(b -> b.findElement(By.id("path")).getText()
                        .matches("10\\.0\\.0\\.\\d → s2 → s1 → s3 → 10\\.0\\.0\\.\\d"));
                screenshot(browser);

                lab.setLink("s1", "s2", false);
                // The promise: a link taken down shows down within 2 s.
                waiting(browser, Duration.ofSeconds(2)).until(b -> !b.findElements(
                        By.cssSelector("#links li[data-link='s1-s2'][data-state='down']")).isEmpty());
                assertThat(js.executeScript("return window.flowlab.cy.edges('.down').length")).isEqualTo(1L);
            } finally {
                browser.quit();
            }
        }
        assertThat(Leftovers.named(PREFIX)).isEmpty();
    }

    /** Under stp the cable off the tree is drawn blocked: on ring,3 the tree is s1-s2, s1-s3, so s2-s3. */
    @Test
    void theViewShowsTheCableStpBlocks() throws Exception {
        try (Lab lab = AppLabs.start(Topologies.ring(3), PREFIX, "stp", "learning-switch")) {
            RestAccess access = lab.embeddedController().orElseThrow().restAccess().orElseThrow();
            WebDriver browser = chromium();
            try {
                browser.get(access.baseUrl() + "/#token=" + access.token());
                JavascriptExecutor js = (JavascriptExecutor) browser;
                waiting(browser, Duration.ofSeconds(30)).until(b -> !b.findElements(
                        By.cssSelector("#links li[data-link='s2-s3'][data-state='blocked']")).isEmpty());
                assertThat(js.executeScript("return window.flowlab.cy.edges('.blocked').map(e => e.source().data('label')"
                        + " + '-' + e.target().data('label'))")).isEqualTo(List.of("s2-s3"));
                assertThat(browser.findElements(By.cssSelector("#links li[data-state='blocked']"))).hasSize(1);
                waiting(browser, Duration.ofSeconds(10)).until(b -> b.findElement(By.id("stp-blocked")).getText().contains("s2-s3"));
                assertThat(browser.findElement(By.id("summary")).getText()).contains("(1 blocked by stp)");
            } finally {
                browser.quit();
            }
        }
        assertThat(Leftovers.named(PREFIX)).isEmpty();
    }

    /** A wait that looks again when the page was drawn anew under it (each update redraws the tables). */
    private static WebDriverWait waiting(WebDriver browser, Duration timeout) {
        WebDriverWait wait = new WebDriverWait(browser, timeout);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** The flows column of a switch's row in the summary table. */
    private static int flowsInSummary(WebDriver browser, String name) {
        List<org.openqa.selenium.WebElement> cells = browser.findElements(
                By.xpath("//table[@id='switches']//tr[@data-switch='" + name + "']/td[4]"));
        return cells.isEmpty() ? -1 : Integer.parseInt(cells.get(0).getText());
    }

    private WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1600,900",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        return new ChromeDriver(service, options);
    }

    /** The README's picture of the view: target/web-view.png of this module. */
    private static void screenshot(WebDriver browser) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), Path.of("target", "web-view.png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
