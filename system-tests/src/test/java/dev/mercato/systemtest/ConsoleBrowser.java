package dev.mercato.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.openqa.selenium.By;
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
 * {@code target/screenshots/}.
 */
final class ConsoleBrowser implements AutoCloseable {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final WebDriver driver;
    private final String base;

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
        return heading();
    }

    void go(String path) {
        driver.get(base + path);
    }

    String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    String main() {
        return driver.findElement(By.tagName("main")).getText();
    }

    WebElement find(By by) {
        return driver.findElement(by);
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
