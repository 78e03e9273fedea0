package dev.mercato.billing.invoice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mercato.billing.BillingWorld;
import dev.mercato.testkit.OrganizationEvents;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class InvoiceExportTest {

    @Test
    void exportsOneRowPerLineInTheDocumentedColumns() {
        BillingWorld world = BillingRunTest.billedWorld();
        String id = BillingRunTest.run(world, true);
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        String export = given().auth().oauth2(OrganizationEvents.platformAdmin()).queryParam("from", today)
                .queryParam("to", today).get("/api/v1/invoices/-export").then().statusCode(200)
                .contentType("text/csv").extract().asString();
        List<String> rows = export.lines().filter(line -> line.startsWith(id) || line.startsWith("invoice_id")).toList();

        assertThat(rows.getFirst()).isEqualTo(String.join(",", InvoiceCsv.COLUMNS));
        assertThat(rows).hasSize(3);
        List<String> usage = List.of(rows.get(2).split(","));
        assertThat(usage.get(InvoiceCsv.COLUMNS.indexOf("invoice_number"))).isEqualTo("1");
        assertThat(usage.get(InvoiceCsv.COLUMNS.indexOf("kind"))).isEqualTo("USAGE");
        assertThat(usage.get(InvoiceCsv.COLUMNS.indexOf("quantity"))).isEqualTo("1250");
        assertThat(usage.get(InvoiceCsv.COLUMNS.indexOf("amount"))).isEqualTo("112.50");
        assertThat(usage.get(InvoiceCsv.COLUMNS.indexOf("currency"))).isEqualTo("eur");

        String single = given().auth().oauth2(OrganizationEvents.platformAdmin()).get("/api/v1/invoices/" + id + ".csv")
                .then().statusCode(200).extract().asString();
        assertThat(single.lines().toList()).containsExactlyElementsOf(rows);
    }

    @Test
    void quotesAndDefusesWhatASpreadsheetWouldMisread() {
        assertThat(InvoiceCsv.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(InvoiceCsv.field("Seats, yearly")).isEqualTo("\"Seats, yearly\"");
        assertThat(InvoiceCsv.field("-15.00")).isEqualTo("-15.00");
        assertThat(InvoiceCsv.field("@sum")).isEqualTo("'@sum");
    }
}
