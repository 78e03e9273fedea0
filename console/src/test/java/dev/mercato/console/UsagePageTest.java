package dev.mercato.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class UsagePageTest {

    @AfterEach
    void meteringBack() {
        UpstreamStubs.METERING.recover();
    }

    private static long count(String html, String regex) {
        return Pattern.compile(regex).matcher(html).results().count();
    }

    @Test
    void aChartPerDimensionWithABarPerDayAndTheRowsValuesOnTheirDays() {
        Browser browser = Browser.signedIn();

        String page = browser.get("/usage").body().asString();

        assertThat(UpstreamStubs.METERING.lastSummaryQuery).containsEntry("granularity", "day").containsKey("from");
        assertThat(page).contains("<h2 id=\"usage-chart-0-heading\">api_calls</h2>", "<h2 id=\"usage-chart-1-heading\">storage_gb</h2>");
        assertThat(count(page, "<svg ")).isEqualTo(2);
        assertThat(count(page, "<rect ")).isEqualTo(2 * 30);
        String today = Instant.now().truncatedTo(ChronoUnit.DAYS).toString().substring(0, 10);
        String yesterday = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(1, ChronoUnit.DAYS).toString().substring(0, 10);
        assertThat(page).contains("<title>" + yesterday + ": 1200 api_calls</title>", ": 345 api_calls</title>",
                "<title>" + today + ": 7.5 storage_gb</title>");
        assertThat(count(page, "<title>[^<]*: 0 api_calls</title>")).isEqualTo(28);
    }

    @Test
    void theWindowEndsOnTheDayChosenAndTheApiIsAskedForExactlyThoseDays() {
        Browser browser = Browser.signedIn();
        LocalDate until = LocalDate.now(ZoneOffset.UTC).plusDays(5);

        String page = browser.get("/usage?until=" + until).body().asString();

        assertThat(UpstreamStubs.METERING.lastSummaryQuery).containsEntry("from", until.minusDays(29) + "T00:00:00Z")
                .containsEntry("to", until.plusDays(1) + "T00:00:00Z");
        assertThat(page).contains("value=\"" + until + "\"", "<title>" + until + ": 0 api_calls</title>",
                "<title>" + until.minusDays(29) + ": 0 api_calls</title>", ": 1200 api_calls</title>")
                .doesNotContain("<title>" + until.minusDays(30) + ":", "<title>" + until.plusDays(1) + ":");
    }

    @Test
    void aDayThatIsNotADateIsRefusedNextToItsFieldAndTheWindowEndsNow() {
        Browser browser = Browser.signedIn();

        Response page = browser.get("/usage?until=tomorrow");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body().asString()).contains("id=\"usage-until-error\"", "Not a date: give a day as YYYY-MM-DD",
                "aria-invalid=\"true\"", "<title>" + LocalDate.now(ZoneOffset.UTC) + ": 7.5 storage_gb</title>");
    }

    @Test
    void anEmptyWindowSaysWhichWindowItIsAndHowToLookAtAnother() {
        Browser browser = Browser.signedIn();

        String page = browser.get("/usage?until=2020-02-29").body().asString();

        assertThat(page).contains("No usage in the 30 days ending 2020-02-29.", "choose the day the window ends on");
    }

    @Test
    void byHourAsksTheApiForHoursAndDrawsTheLast48() {
        Browser browser = Browser.signedIn();

        String page = browser.get("/usage?granularity=hour&dimension=api_calls").body().asString();

        assertThat(UpstreamStubs.METERING.lastSummaryQuery).containsEntry("granularity", "hour")
                .containsEntry("dimension", "api_calls");
        assertThat(page).contains("<option value=\"hour\" selected>", "value=\"api_calls\"", "api_calls per hour");
        assertThat(count(page, "<rect ")).isEqualTo(2 * 48);
    }

    @Test
    void aCustomersBalanceWithItsProjectedRunOut() {
        Browser browser = Browser.signedIn();

        String page = browser.get("/usage?customer=" + MeteringStub.TENANT).body().asString();

        assertThat(UpstreamStubs.METERING.lastSummaryQuery).containsEntry("customer", MeteringStub.TENANT);
        assertThat(page).contains("Token balance of " + MeteringStub.TENANT, "3000", "2027-01-01", "in 30 days",
                "<title>" + LocalDate.now(ZoneOffset.UTC).minusDays(1) + ": 100 tokens</title>");
        assertThat(count(page, "<title>[^<]*: 0 tokens</title>")).isEqualTo(29);
        assertThat(browser.get("/usage").body().asString()).doesNotContain("Token balance");
    }

    @Test
    void meteringDownIsThePageThatNamesIt() {
        Browser browser = Browser.signedIn();
        UpstreamStubs.METERING.failWith(503);

        Response page = browser.get("/usage");

        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.body().asString()).contains("metering-service is not available");
    }
}
