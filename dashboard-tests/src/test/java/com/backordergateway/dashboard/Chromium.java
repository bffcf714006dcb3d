package com.backordergateway.dashboard;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium through its chromium-driver, with the flags that keep it off the
 * network (this machine has none beyond its package mirrors) and out of any profile.
 *
 * <p>Without the two binaries the tests are skipped, unless {@code BACKORDER_BROWSER_TESTS=required}
 * (CI sets it after installing them): then their absence fails the build.
 */
final class Chromium {

  static final Path BROWSER = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target/screenshots");

  private Chromium() {}

  static ChromeDriver start(Path profile) {
    boolean installed = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    if (!installed && "required".equals(System.getenv("BACKORDER_BROWSER_TESTS"))) {
      fail("BACKORDER_BROWSER_TESTS=required, but " + BROWSER + " or " + DRIVER
          + " is missing: apt-get install chromium chromium-driver");
    }
    assumeTrue(installed, "browser tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
    ChromeOptions options = new ChromeOptions()
        .setBinary(BROWSER.toString())
        .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-extensions", "--user-data-dir=" + profile, "--window-size=1280,900");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }

  static void resize(ChromeDriver browser, int width, int height) {
    browser.manage().window().setSize(new Dimension(width, height));
  }

  static Path screenshot(ChromeDriver browser, String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path file = SCREENSHOTS.resolve(name + ".png");
    Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    return file;
  }
}
