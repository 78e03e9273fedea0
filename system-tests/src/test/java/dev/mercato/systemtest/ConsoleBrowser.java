package dev.mercato.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which .ci/run installs) on the
 * suite's console, one browser profile per instance (its own cookies), with screenshots under
 * {@code target/screenshots/} and downloads in a folder of its own under {@code target/downloads/}.
 */
final class ConsoleBrowser implements AutoCloseable {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofSeconds(30);

    final ChromeDriver driver;
    private final String base;
    private final Path downloads;

    private ConsoleBrowser(String base) {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium chromium-driver; .ci/run does it)").isFile();
        assertThat(CHROMEDRIVER).as("Debian's chromium-driver (apt-get install chromium-driver)").isFile();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1280,900", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
        this.base = base;
        this.downloads = Path.of("target", "downloads", UUID.randomUUID().toString()).toAbsolutePath();
        this.driver.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    }

    /** A browser on the console at {@code consoleUrl}, whose host it reaches as localhost (a secure context). */
    static ConsoleBrowser open(String consoleUrl) {
        return new ConsoleBrowser(consoleUrl.replace("127.0.0.1", "localhost"));
    }

    /** Signs in with the form, as a user would, and answers the home page's heading. */
    String signIn(String email, String password) {
        go("/");
        assertThat(driver.getCurrentUrl()).endsWith("/sign-in");
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form[action='/sign-in'] button[type=submit]")).click();
        // the sign-in page's own heading is there until the browser has left it
        await(Duration.ofSeconds(30), browser -> !browser.getCurrentUrl().endsWith("/sign-in"));
        return heading();
    }

    void go(String path) {
        driver.get(base + path);
    }

    String heading() {
        return text(By.tagName("h1"));
    }

    String main() {
        return text(By.tagName("main"));
    }

    /** The element's text, found again should the page replace it between finding and reading (a navigation ending). */
    private String text(By by) {
        for (int attempt = 1;; attempt++) {
            try {
                return driver.findElement(by).getText();
            } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
                if (attempt == 5) {
                    throw replaced;
                }
            }
        }
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    /** Sets a control's value as a script would: a date input takes no typing independent of the browser's locale. */
    void setValue(By by, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", find(by), value);
    }

    /**
     * Waits up to {@code timeout} until {@code condition} holds for the browser. An element the page replaced between
     * finding and reading it (a status filled in live) counts as "not yet".
     */
    void await(Duration timeout, java.util.function.Predicate<WebDriver> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!holds(condition)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + " on " + driver.getCurrentUrl() + ":\n" + main());
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
        }
    }

    private boolean holds(java.util.function.Predicate<WebDriver> condition) {
        try {
            return condition.test(driver);
        } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
            return false;
        }
    }

    /** Clicks {@code link} and answers the file it downloads once it is complete. */
    Path download(By link) throws IOException {
        Files.createDirectories(downloads);
        find(link).click();
        await(DOWNLOAD_TIMEOUT, ignored -> completeDownload() != null);
        return completeDownload();
    }

    /**
     * The downloaded file once Chromium has finished it: nothing partial ({@code .crdownload}) left in the folder, and
     * the file not empty. Chromium may reserve the final name with an empty file while it still writes the partial
     * one, and reading it then read nothing (every download here has content).
     */
    private Path completeDownload() {
        try (Stream<Path> files = Files.list(downloads)) {
            List<Path> present = files.toList();
            if (present.stream().anyMatch(file -> file.getFileName().toString().endsWith(".crdownload"))) {
                return null;
            }
            for (Path file : present) {
                if (Files.size(file) > 0) {
                    return file;
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
