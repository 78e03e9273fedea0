package dev.mercato.catalog.discount;

import static dev.mercato.catalog.discount.DiscountFixtures.PLATFORM;
import static dev.mercato.catalog.discount.DiscountFixtures.created;
import static dev.mercato.catalog.discount.DiscountFixtures.percentageBody;
import static dev.mercato.catalog.discount.DiscountFixtures.today;
import static dev.mercato.catalog.discount.DiscountFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.mercato.platform.security.Role;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.testkit.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/** {@link DiscountService#applicableByCode}: the discount a quote applies for a code, a target and a date. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApplicableDiscountTest {

    @Inject
    DiscountService service;

    private final TestOrganization vendor = PLATFORM.child("VENDOR");

    @BeforeAll
    void publishTheVendor() {
        DiscountFixtures.publish(vendor);
    }

    private String applicable(String code, List<String> owners, DiscountTarget target, LocalDate date)
            throws Throwable {
        CatalogDiscount found = VertxContextSupport.subscribeAndAwait(
                () -> service.applicableByCode(code, owners, target, date));
        return found == null ? null : found.id;
    }

    @Test
    void findsTheVendorsDiscountForItsPlanBeforeThePlatformsForEverything() throws Throwable {
        String code = DiscountFixtures.uniqueCode();
        String vendorAdmin = DiscountFixtures.token(Role.VENDOR_ADMIN, vendor);
        String plan = DiscountFixtures.plan(vendorAdmin);
        String sku = DiscountFixtures.article(vendorAdmin);
        String vendors = created(vendorAdmin,
                with(percentageBody(), "code", code, "planIds", List.of(plan), "articleSkus", List.of(sku)));
        String platforms = created(DiscountFixtures.token(Role.PLATFORM_ADMIN, PLATFORM), with(percentageBody(), "code", code));
        List<String> owners = List.of(vendor.id(), PLATFORM.id());

        assertThat(applicable(code.toLowerCase(), owners, DiscountTarget.plan(plan), today())).isEqualTo(vendors);
        assertThat(applicable(code, owners, DiscountTarget.article(sku), today())).isEqualTo(vendors);
        assertThat(applicable(code, owners, DiscountTarget.plan("pln_other"), today())).isEqualTo(platforms);
        assertThat(applicable(code, owners, DiscountTarget.listing("lst_any"), today())).isEqualTo(platforms);
        assertThat(applicable(code, List.of(vendor.id()), DiscountTarget.plan("pln_other"), today())).isNull();
        assertThat(applicable("NO-SUCH-CODE", owners, DiscountTarget.plan(plan), today())).isNull();
    }

    @Test
    void findsNothingOutsideTheDatesOrOnceTheLimitIsReached() throws Throwable {
        String code = DiscountFixtures.uniqueCode();
        String id = created(DiscountFixtures.token(Role.VENDOR_ADMIN, vendor), with(percentageBody(), "code", code,
                "startDate", today().plusDays(2).toString(), "expirationDate", today().plusDays(5).toString(),
                "maxRedemptions", 2));
        List<String> owners = List.of(vendor.id());
        DiscountTarget plan = DiscountTarget.plan("pln_any");

        assertThat(applicable(code, owners, plan, today().plusDays(1))).isNull();
        assertThat(applicable(code, owners, plan, today().plusDays(2))).isEqualTo(id);
        assertThat(applicable(code, owners, plan, today().plusDays(4))).isEqualTo(id);
        assertThat(applicable(code, owners, plan, today().plusDays(5))).isNull();

        TestSql.execute("update discount set redemptions = 2 where id = ?", id);
        assertThat(applicable(code, owners, plan, today().plusDays(3))).isNull();
    }
}
