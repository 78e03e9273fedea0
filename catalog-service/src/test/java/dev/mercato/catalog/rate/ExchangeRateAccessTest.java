package dev.mercato.catalog.rate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.mercato.platform.security.Role;
import dev.mercato.platform.security.Scopes;
import dev.mercato.testkit.AuthorizationMatrix;
import dev.mercato.testkit.OrganizationEvents;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Who may do what with exchange rates: every holder of read:catalog reads and converts; only the platform
 * operator adds and deactivates rates, a vendor (which holds write:catalog for its own catalogue) gets 403.
 * <p>
 * The matrix's rule shows a resource to the organizations at or above its owner. Rates belong to nobody and
 * everyone reads them, so the owner handed to the matrix is the tenant at the bottom of the one branch, and
 * the vendor, on another branch, is told what to expect.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExchangeRateAccessTest {

    private final TestOrganization platform = OrganizationEvents.PLATFORM;
    private final TestOrganization distributor = platform.child("DISTRIBUTOR");
    private final TestOrganization partner = distributor.child("PARTNER");
    private final TestOrganization tenant = partner.child("TENANT");
    private final TestOrganization vendor = platform.child("VENDOR");

    private String rateId;

    /** Once, before the first test: HTTP calls need the application started, which @BeforeAll precedes. */
    @BeforeEach
    void addARate() {
        if (rateId != null) {
            return;
        }
        rateId = ExchangeRates.createRate(TestTokens.forRole(Role.PLATFORM_ADMIN, platform), "chf", "nzd", "1.9",
                "2026-01-01");
    }

    @Test
    void everyReaderGetsARate() {
        readMatrix(AuthorizationMatrix.get("/api/v1/exchange-rates/" + rateId), 404).verify();
    }

    @Test
    void everyReaderListsTheRates() {
        readMatrix(AuthorizationMatrix.get("/api/v1/exchange-rates?baseCurrency=chf&counterCurrency=nzd"), 200).verify();
    }

    @Test
    void everyReaderExportsTheRates() {
        readMatrix(AuthorizationMatrix.get("/api/v1/exchange-rates/-dump"), 200).verify();
    }

    @Test
    void everyReaderConverts() {
        readMatrix(AuthorizationMatrix.get("/api/v1/exchange-rates/convert?from=chf&to=nzd&amount=10&on=2026-02-01"),
                404).verify();
    }

    @Test
    void onlyThePlatformAdminAddsARate() {
        AuthorizationMatrix.request("POST", "/api/v1/exchange-rates")
                .body("{\"baseCurrency\": \"chf\", \"counterCurrency\": \"isk\", \"rate\": 151.25, \"validFrom\": \"2090-01-01\"}")
                .requiring(Scopes.WRITE_CATALOG)
                .exposing("2090-01-01", tenant.path())
                .allowedWith(201)
                .callersFrom(platform, distributor, partner, tenant, vendor)
                .expect(Role.VENDOR_ADMIN, vendor, 403)
                .verify();
    }

    @Test
    void onlyThePlatformAdminDeactivatesARate() {
        String other = ExchangeRates.createRate(TestTokens.forRole(Role.PLATFORM_ADMIN, platform), "chf", "nzd", "1.95",
                "2026-03-01");
        AuthorizationMatrix.request("POST", "/api/v1/exchange-rates/" + other + "/deactivate")
                .requiring(Scopes.WRITE_CATALOG)
                .exposing(other, tenant.path())
                .callersFrom(platform, distributor, partner, tenant, vendor)
                .expect(Role.VENDOR_ADMIN, vendor, 403)
                .verify();
    }

    private AuthorizationMatrix readMatrix(AuthorizationMatrix matrix, int hidden) {
        return matrix.requiring(Scopes.READ_CATALOG)
                .exposing(rateId, tenant.path())
                .hiddenWith(hidden)
                .callersFrom(platform, distributor, partner, tenant, vendor)
                .expect(Role.VENDOR_ADMIN, vendor, 200)
                .expect(Role.VENDOR_READER, vendor, 200);
    }
}
