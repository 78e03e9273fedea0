package dev.mercato.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Journeys in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which .ci/run installs),
 * against the console with its API stubs. Each step leaves a screenshot in {@code target/screenshots/}.
 */
@QuarkusTest
class BrowserJourneyTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TestHTTPResource("/")
    URL console;

    private WebDriver browser;

    @BeforeEach
    void startChromium() {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium chromium-driver; .ci/run does it)").isFile();
        assertThat(CHROMEDRIVER).as("Debian's chromium-driver (apt-get install chromium-driver)").isFile();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1280,900", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }

    @AfterEach
    void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void signInCreateAnApplicationAndSeeItsSecretOnce() throws IOException {
        // localhost, not 127.0.0.1: a browser treats it as a secure context, so it keeps the console's Secure cookies.
        String base = "http://localhost:" + console.getPort();
        browser.get(base + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/sign-in");
        screenshot("01-sign-in");

        signIn(IdentityStub.PARTNER_ADMIN);
        assertThat(text(By.tagName("h1"))).isEqualTo("Welcome, Pat Partner");
        screenshot("02-home");

        browser.findElement(By.linkText("API Access")).click();
        browser.findElement(By.id("app-name")).sendKeys("Browser journey");
        browser.findElement(By.id("app-description")).sendKeys("Created in Chromium");
        browser.findElement(By.cssSelector("input[name=scopes][value='read:customers']")).click();
        browser.findElement(By.cssSelector("input[name=scopes][value='read:webhooks']")).click();
        screenshot("03-api-access-form");
        browser.findElement(By.xpath("//button[text()='Create application']")).click();

        WebElement secret = browser.findElement(By.id("client-secret"));
        assertThat(secret.getAttribute("value")).startsWith("secret-of-app_");
        browser.findElement(By.cssSelector("button[data-copy=client-secret]")).click();
        screenshot("04-secret-shown-once");

        String secretPage = browser.getCurrentUrl();
        browser.navigate().refresh();
        assertThat(browser.findElements(By.id("client-secret"))).isEmpty();
        assertThat(text(By.tagName("main"))).contains("cannot be shown again");
        browser.get(secretPage);
        assertThat(browser.findElements(By.id("client-secret"))).isEmpty();
        screenshot("05-secret-gone");

        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(base + "/settings/integrations/api-access");
        assertThat(text(By.tagName("main"))).contains("Browser journey");
        screenshot("06-api-access-phone");
    }

    @Test
    void aTenantAnswersAPrivateOfferAndSeesItsOrganizationOnAPhone() throws IOException {
        String offer = UpstreamStubs.CATALOG.offerIn("SENT");
        String base = "http://localhost:" + console.getPort();
        browser.get(base + "/");
        signIn(IdentityStub.TENANT_ADMIN);

        browser.findElement(By.linkText("Catalog")).click();
        assertThat(text(By.tagName("h1"))).isEqualTo("Articles");
        screenshot("07-catalog-articles");

        browser.findElement(By.linkText("Private offers")).click();
        screenshot("08-private-offers");
        browser.findElement(By.cssSelector("button[aria-label='Accept offer " + offer + " on CloudMeter Logs']")).click();
        browser.switchTo().alert().accept(); // the confirmation before an answer that cannot be taken back
        assertThat(browser.findElement(By.cssSelector("main .notice")).getText()).contains(offer, "is accepted");
        assertThat(UpstreamStubs.CATALOG.storedOffer(offer).get("status")).isEqualTo("ACCEPTED");
        screenshot("09-offer-accepted");

        browser.manage().window().setSize(new Dimension(390, 844));
        browser.findElement(By.linkText("Organizations")).click();
        assertThat(text(By.tagName("main"))).contains("Tenant One");
        screenshot("10-organizations-phone");
    }

    /** Signs in from the sign-in page with the keyboard's way in: the label focuses its field. */
    private void signIn(IdentityStub.User user) {
        browser.findElement(By.cssSelector("label[for=email]")).click();
        browser.switchTo().activeElement().sendKeys(user.email());
        browser.findElement(By.id("password")).sendKeys(IdentityStub.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        // The form's answer is a redirect: until the browser has followed it, the sign-in page and its heading are
        // still there, and a heading read then is the sign-in page's or one the navigation has just replaced.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (browser.getCurrentUrl().endsWith("/sign-in")) {
            assertThat(System.nanoTime()).as("signed in within 10 s").isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    /** The element's text, found again should a navigation that is ending replace it between finding and reading. */
    private String text(By by) {
        for (int attempt = 1;; attempt++) {
            try {
                return browser.findElement(by).getText();
            } catch (StaleElementReferenceException replaced) {
                if (attempt == 5) {
                    throw replaced;
                }
            }
        }
    }

    @Test
    void placeAnOrderWatchItBeProcessedThenSeeUsageAndAnInvoice() throws IOException, InterruptedException {
        String base = "http://localhost:" + console.getPort();
        browser.get(base + "/sign-in");
        signIn(IdentityStub.PARTNER_ADMIN);
        assertThat(text(By.tagName("h1"))).startsWith("Welcome");

        browser.findElement(By.linkText("Orders")).click();
        browser.findElement(By.linkText("INITIAL")).click();
        type("order-deliveryDate", "12/01/2026");
        type("order-purchaseOrderNumber", "PO-BROWSER");
        type("order-resellerSiteId", "site-1");
        type("order-contactFirstName", "Pat");
        type("order-contactLastName", "Partner");
        type("order-contactEmail", "pat@tenant.example");
        type("order-customerCsn", "5100000001");
        type("order-customerName", "Tenant One Oy");
        type("item-1-sku", "SKU-CAD-1Y");
        type("item-1-quantity", "3");
        type("item-1-price", "1200.00");
        screenshot("11-order-form");
        browser.findElement(By.xpath("//button[text()='Preview (dry run)']")).click();
        assertThat(browser.findElement(By.id("preview-heading")).getText()).contains("would be processed");
        screenshot("12-order-preview");

        browser.findElement(By.xpath("//button[text()='Place order']")).click();
        assertThat(statusOnceShown()).isEqualTo("PENDING");
        String transactionPage = browser.getCurrentUrl();
        screenshot("13-order-pending");
        UpstreamStubs.ORDER.settle(transactionPage.replaceAll(".*/", ""), "PROCESSED", "Contract created");
        String shown = "";
        for (int i = 0; i < 80 && !shown.equals("PROCESSED"); i++) { // up to 20 s: the page checks every 3 s
            Thread.sleep(250);
            shown = shownStatus();
        }
        assertThat(shown).as("the status the page fetched by itself").isEqualTo("PROCESSED");
        assertThat(browser.getCurrentUrl()).isEqualTo(transactionPage);
        assertThat(browser.findElement(By.id("transaction-status")).getAttribute("data-poll")).isNull();
        assertThat(browser.findElement(By.id("transaction-details")).getText()) // filled in with the status
                .contains("110000000042", "SN-PROCESSED-1");
        screenshot("14-order-processed");

        browser.get(base + "/usage");
        assertThat(browser.findElements(By.cssSelector("svg .bars rect"))).hasSize(2 * 30);
        screenshot("15-usage-charts");
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(base + "/billing/invoices/" + BillingStub.INVOICE);
        assertThat(browser.findElement(By.linkText("Download as CSV")).getAttribute("href")).endsWith("/csv");
        screenshot("16-invoice-phone");
    }

    /** The transaction page's status once it shows one: the click's navigation may still be under way (up to 20 s). */
    private String statusOnceShown() throws InterruptedException {
        String shown = shownStatus();
        for (int i = 0; i < 80 && shown.isEmpty(); i++) {
            Thread.sleep(250);
            shown = shownStatus();
        }
        return shown;
    }

    /**
     * Read in one step: the page's polling may swap the element between a find and a read. Empty while no page with a
     * status is shown yet.
     */
    private String shownStatus() {
        return String.valueOf(((JavascriptExecutor) browser).executeScript(
                "var status = document.querySelector('#transaction-status [data-status]');"
                        + " return status ? status.textContent : '';"));
    }

    private void type(String id, String text) {
        browser.findElement(By.id(id)).sendKeys(text);
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
