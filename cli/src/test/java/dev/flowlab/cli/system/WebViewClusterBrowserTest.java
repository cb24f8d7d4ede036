package dev.flowlab.cli.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.flowlab.cli.Main;
import dev.flowlab.dataplane.FailMode;
import dev.flowlab.lab.ControllerChoice;
import dev.flowlab.lab.ControllerProcess;
import dev.flowlab.lab.ControllerProcesses;
import dev.flowlab.lab.Lab;
import dev.flowlab.lab.LabSpec;
import dev.flowlab.lab.Progress;
import dev.flowlab.lab.system.Chromium;
import dev.flowlab.lab.system.SystemTests;
import dev.flowlab.testkit.Leftovers;
import dev.flowlab.testkit.SystemTest;
import dev.flowlab.topologies.Topologies;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The web view of a cluster, as {@code flowlab run --controllers 3} starts one (three flowlab controller
 * processes, every bridge given all three), in a real browser: each member's own view names the three
 * members and the same leader, says which member it is, and draws the role it holds per switch: the
 * master's view every switch MASTER (thick border), another member's every switch SLAVE (pale, dashed).
 */
@SystemTest(WebViewClusterBrowserTest.PREFIX)
class WebViewClusterBrowserTest {
    static final String PREFIX = "wvc";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern MEMBERS = Pattern.compile("members: (.*)");

    @TempDir
    Path profile;

    @BeforeAll
    static void browser() {
        assumeTrue(Chromium.installed(), Chromium.MISSING);
    }

    @Test
    void eachMembersViewShowsTheClusterAndTheRoleItHoldsPerSwitch() throws Exception {
        LabSpec spec = new LabSpec(Topologies.linear(2), List.of("learning-switch"), ControllerChoice.processes(3, launcher()),
                FailMode.SECURE, PREFIX);
        try (Lab lab = Lab.start(spec, Progress.SILENT)) {
            ControllerProcesses processes = lab.controllerProcesses().orElseThrow();
            ControllerProcess master = SystemTests.until("a member master of every switch",
                    () -> processes.masterOfAll(lab.dpids()), java.util.Optional::isPresent).orElseThrow();
            ControllerProcess other = processes.members().stream().filter(m -> m.number() != master.number()).findFirst()
                    .orElseThrow();
            WebDriver browser = Chromium.start(profile);
            try {
                String masterSelf = view(browser, master, "MASTER");
                String masterMembers = members(browser);
                String otherSelf = view(browser, other, "SLAVE");
                assertThat(members(browser)).as("the same members and leader in every member's view").isEqualTo(masterMembers);
                assertThat(List.of(masterMembers.split(", "))).hasSize(3).filteredOn(m -> m.endsWith(" (leader)")).hasSize(1);
                assertThat(masterMembers).contains(masterSelf, otherSelf);
                assertThat(otherSelf).isNotEqualTo(masterSelf);
            } finally {
                browser.quit();
            }
        }
        assertThat(Leftovers.named(PREFIX)).isEmpty();
    }

    /** Opens the member's view; waits until it shows the cluster and holds {@code role} for both switches; its id. */
    private static String view(WebDriver browser, ControllerProcess member, String role) {
        String token = member.token().orElseThrow();
        browser.get(member.restUrl() + "/#token=" + token);
        JavascriptExecutor js = (JavascriptExecutor) browser;
        Chromium.waiting(browser, WAIT).until(b -> b.findElement(By.id("cluster-section")).isDisplayed()
                && b.findElement(By.id("cluster-roles")).getText().startsWith("its roles: " + role + " of 2 ("));
        Chromium.waiting(browser, WAIT).until(b -> Long.valueOf(2).equals(js.executeScript(
                "return window.flowlab.cy.nodes('.switch." + role.toLowerCase() + "').length")));
        String self = clusterLine(js, 1);
        Matcher m = Pattern.compile("this controller: (\\S+)( \\(leader\\))?").matcher(self);
        assertThat(m.matches()).as(self).isTrue();
        return m.group(1);
    }

    /** The members line of the open view, without its label. */
    private static String members(WebDriver browser) {
        String line = clusterLine((JavascriptExecutor) browser, 2);
        Matcher m = MEMBERS.matcher(line);
        assertThat(m.matches()).as(line).isTrue();
        return m.group(1);
    }

    /**
     * Line {@code n} of the cluster list, read in one script: the view redraws the list on every event, so an element
     * found first and read after may be gone by then (StaleElementReferenceException under load).
     */
    private static String clusterLine(JavascriptExecutor js, int n) {
        return (String) js.executeScript("return document.querySelector('#cluster li:nth-child(" + n + ")').innerText;");
    }

    private static List<String> launcher() {
        String java = ProcessHandle.current().info().command().orElse("java");
        return List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                Main.class.getName(), "controller");
    }
}
