package dev.switchboard.it.console;

import static dev.switchboard.it.console.Console.asOperator;
import static dev.switchboard.it.console.Console.getObject;
import static dev.switchboard.it.console.Console.place;
import static dev.switchboard.it.console.Console.simulate;
import static dev.switchboard.it.console.Console.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console page in Debian's headless chromium, driven by chromedriver: a simulated fax call
 * appears owned by voice, the handoff to fax appears live (server-sent events), and an operator
 * edits a priority list after signing in. Without chromium the test is skipped, unless
 * {@code -Dswitchboard.requireBrowser=true} (CI), where it fails.
 *
 * <p>Paths: {@code -Dswitchboard.chromium} (default /usr/bin/chromium), {@code -Dswitchboard.chromedriver}
 * (default /usr/bin/chromedriver). Selenium Manager is never used: both are given explicitly. The
 * screenshot goes to {@code -Dswitchboard.consoleScreenshot} (default target/console.png).
 */
@ExtendWith(ArquillianExtension.class)
@ServerSetup(OperatorUserSetup.class)
class ConsoleBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Deployment(testable = false)
    static EnterpriseArchive ear() throws Exception {
        return Console.ear();
    }

    @ArquillianResource
    URL base;

    private WebDriver browser;
    private ChromeDriverService service;
    private Path profile;

    @BeforeEach
    void startBrowser() throws Exception {
        File chromium = new File(System.getProperty("switchboard.chromium", "/usr/bin/chromium"));
        File chromedriver = new File(System.getProperty("switchboard.chromedriver", "/usr/bin/chromedriver"));
        if (!chromium.canExecute() || !chromedriver.canExecute()) {
            String why = "no headless browser: " + chromium + " or " + chromedriver
                    + " is missing (apt-get install chromium chromium-driver)";
            if (Boolean.getBoolean("switchboard.requireBrowser")) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        System.setProperty("webdriver.chrome.driver", chromedriver.getAbsolutePath());
        profile = Files.createTempDirectory("switchboard-chromium-");
        service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile, "--window-size=1400,1000");
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL")); // to see CSP reports
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1400, 1000));
    }

    @AfterEach
    void stopBrowser() throws Exception {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (service != null) {
                service.stop();
            }
            if (profile != null) {
                try (var files = Files.walk(profile)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            asOperator(base, "PUT", "priorities/G3FAX", "[]");
        }
    }

    @Test
    void faxCallIsHandedOffLiveAndOperatorEditsPriorities_R10_R1_R3() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        browser.get(base.toExternalForm());
        wait.until(ExpectedConditions.textToBe(By.id("live"), "live"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#lines tr[data-line='line1']")));

        // a voice call: it appears, owned by voice, monitored by audit
        JsonObject placed = place(base, "line1", "INTERACTIVEVOICE");
        String callId = placed.getString("callId");
        By row = By.cssSelector("#calls tr[data-call-id='" + callId + "']");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#calls tr[data-call-id='" + callId + "'] td.owners"), "voice"));
        assertEquals("audit", browser.findElement(row).findElement(By.cssSelector("td.monitors")).getText());
        assertEquals("INTERACTIVEVOICE", browser.findElement(row).findElement(By.cssSelector("td.media")).getText());

        // the caller presses 9: the handoff to fax appears live, in the call and in the history
        simulate(base, placed.getString("simulatedCallId"), "digits?d=9");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#calls tr[data-call-id='" + callId + "'] td.owners"), "fax"));
        assertEquals("G3FAX", browser.findElement(row).findElement(By.cssSelector("td.media")).getText());
        By handoff = By.cssSelector("#history tr[data-kind='HANDOFF'][data-call-id='" + callId + "']");
        WebElement history = wait.until(ExpectedConditions.visibilityOfElementLocated(handoff));
        assertEquals("voice → G3FAX", history.findElement(By.cssSelector("td.route")).getText());
        assertEquals("SUCCESS", history.findElement(By.cssSelector("td.result")).getText());
        wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("stat-handoffs"), "0 total")));

        // an operator edits the G3FAX list: the page asks for credentials first
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("prio-mode"))).selectByValue("G3FAX");
        WebElement apps = browser.findElement(By.id("prio-apps"));
        apps.clear();
        apps.sendKeys("fax");
        browser.findElement(By.id("prio-save")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin")));
        browser.findElement(By.id("signin-password")).sendKeys(Console.PASSWORD);
        browser.findElement(By.id("signin-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("prio-status"), "Saved G3FAX: fax"));
        wait.until(ExpectedConditions.textToBe(By.id("signed-in"), "operator: operator"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("signin")));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#priorities tr[data-mode='G3FAX'] td.admin"), "fax"));
        assertEquals(List.of("fax"), strings(getObject(base, "priorities/G3FAX").getJsonArray("admin")));

        // the page works under its Content-Security-Policy: nothing of it was refused
        List<String> refused = browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(Object::toString).filter(l -> l.contains("Content Security Policy")).toList();
        assertEquals(List.of(), refused);

        screenshot();
        simulate(base, placed.getString("simulatedCallId"), "hangup");
        wait.until(ExpectedConditions.numberOfElementsToBe(row, 0));
    }

    @Test
    void aVoicemailACallerLeavesAppearsInTheVoicemailSection() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        browser.get(base.toExternalForm());
        wait.until(ExpectedConditions.textToBe(By.id("live"), "live"));

        // the caller hears the menu, presses 1, and after the beep # at once: a short message, then goodbye
        JsonObject placed = place(base, "line2", "INTERACTIVEVOICE");
        String sim = placed.getString("simulatedCallId");
        Console.awaitHeard(base, sim, "menu.wav");
        simulate(base, sim, "digits?d=1");
        Console.awaitHeard(base, sim, "tone:BEEP");
        simulate(base, sim, "digits?d=%23");

        // the page reads the list again when the call ends
        By message = By.cssSelector("#voicemail tr[data-file$='-" + placed.getString("callId") + ".wav']");
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(message));
        assertTrue(row.findElement(By.cssSelector("td.file")).getText().endsWith(".wav"), row.getText());
        assertTrue(browser.findElement(By.id("voicemail-empty")).getAttribute("hidden") != null, "no 'No voicemail.'");
    }

    @Test
    void wrongPasswordIsRefusedAndNothingChanges() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        browser.get(base.toExternalForm());
        wait.until(ExpectedConditions.textToBe(By.id("live"), "live"));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("prio-mode"))).selectByValue("G3FAX");
        browser.findElement(By.id("prio-apps")).sendKeys("voice");
        browser.findElement(By.id("prio-save")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin")));
        browser.findElement(By.id("signin-password")).sendKeys("not-the-password");
        browser.findElement(By.id("signin-submit")).click();
        wait.until(ExpectedConditions.textToBe(By.id("signin-status"), "Wrong user or password."));
        assertEquals(List.of(), strings(getObject(base, "priorities/G3FAX").getJsonArray("admin")));
        assertTrue(browser.findElement(By.id("signed-in")).getText().isEmpty());
    }

    /**
     * The attack of the report: the operator has signed in with BASIC in this browser, so the browser sends
     * those credentials with any request to the console, whichever site's page makes it. A page of another
     * site (localhost:PORT, served by the test) tries to drop a call: with a fetch that adds the operator
     * header (the browser must ask a CORS preflight, which the server does not grant), a no-cors fetch, and
     * a plain form POST. The server answers 403 to what reaches it, and the call stays.
     */
    @Test
    void anotherSitesPageCannotDropACallWithTheOperatorsCachedCredentials() throws Exception {
        JsonObject placed = place(base, "line1", "TDD"); // nobody owns TDD: the call stays until dropped
        String callId = placed.getString("callId");
        Console.awaitCall(base, callId, c -> c.getBoolean("unowned"));
        ServerLog log = ServerLog.mark();
        try (AttackerSite attacker = AttackerSite.start(Console.api(base, "calls/" + callId + "/drop"))) {
            // the operator signs in: the browser caches the BASIC credentials for the console's origin
            String console = base.toExternalForm();
            browser.get(console.replace("://", "://" + Console.OPERATOR + ":" + Console.PASSWORD + "@") + "api/whoami");
            WebDriverWait wait = new WebDriverWait(browser, WAIT);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "\"operator\":true"));

            browser.get(attacker.page());
            wait.until(ExpectedConditions.urlContains("/drop"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "CROSSSITE"));
            String answer = browser.findElement(By.tagName("body")).getText();
            assertTrue(answer.contains("refused as a possible cross-site request"), answer);
            assertEquals("blocked", attacker.report("fetch-with-header"),
                    "the preflight for the custom header is not granted");
            assertEquals("opaque", attacker.report("no-cors"));

            assertTrue(Console.call(base, callId).isPresent(), "the call is still there");
            List<String> refused = log.lines("SWB4012", "drop");
            assertFalse(refused.isEmpty(), "the server refused it itself (403), after checking the credentials");
            assertTrue(refused.get(0).contains("http://localhost:" + attacker.port()), refused.get(0));
            assertTrue(log.lines("SWB4002").isEmpty(), "nobody dropped anything");
        } finally {
            simulate(base, placed.getString("simulatedCallId"), "hangup");
            Console.awaitGone(base, callId);
        }
    }

    private void screenshot() throws Exception {
        Path target = Path.of(System.getProperty("switchboard.consoleScreenshot", "target/console.png"));
        Files.createDirectories(target.toAbsolutePath().getParent());
        File shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
