package dev.mercato.order.transaction;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.order.catalogmodel.CatalogEvents;
import dev.mercato.testkit.OrganizationEvents;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.testkit.TestSql;

/**
 * An organization tree and a small catalogue for order tests: a distributor with two partners, each with a
 * tenant (currency eur), a vendor; an article orderable now for INITIAL, ADD_SEAT and EXTEND at 47.00 eur with pack
 * size 5, one at 10.125 eur for INITIAL and ADD_PRODUCT, one whose window has ended, one not yet orderable, and
 * one sold for RENEWAL only.
 */
final class OrderFixture {

    private static final ObjectMapper JSON = new ObjectMapper();

    final TestOrganization platform = OrganizationEvents.PLATFORM;
    final TestOrganization distributor = platform.child("DISTRIBUTOR");
    final TestOrganization partner = distributor.child("PARTNER");
    final TestOrganization otherPartner = distributor.child("PARTNER");
    final TestOrganization tenant = partner.child("TENANT");
    final TestOrganization otherTenant = otherPartner.child("TENANT");
    final TestOrganization vendor = platform.child("VENDOR");

    final String sku = CatalogEvents.newSku();
    final String endedSku = CatalogEvents.newSku();
    final String futureSku = CatalogEvents.newSku();
    final String renewalOnlySku = CatalogEvents.newSku();
    final String otherSku = CatalogEvents.newSku();

    /** Publishes the tree and the catalogue and waits until both read models have them. */
    OrderFixture publish() {
        List<TestOrganization> tree = List.of(distributor, partner, otherPartner, tenant, otherTenant, vendor);
        tree.forEach(organization -> OrganizationEvents.send(organization, organization.kind() + " " + organization.id(),
                "FI", 0));
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        CatalogEvents.article(sku, "47.00", 5, "\"INITIAL\", \"ADD_SEAT\", \"EXTEND\"", today.minusDays(30), null);
        CatalogEvents.article(otherSku, "10.125", 1, "\"INITIAL\", \"ADD_PRODUCT\"", null, null);
        CatalogEvents.article(endedSku, "47.00", 1, "\"INITIAL\"", today.minusDays(60), today.minusDays(1));
        CatalogEvents.article(futureSku, "47.00", 1, "\"INITIAL\"", today.plusDays(1), null);
        CatalogEvents.article(renewalOnlySku, "47.00", 1, "\"RENEWAL\"", null, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> TestSql.number(
                "select count(*) from account where id in (?, ?, ?, ?, ?, ?)", tree.stream().map(TestOrganization::id)
                        .toArray()) == tree.size()
                && TestSql.number("select count(*) from catalog_article where sku in (?, ?, ?, ?, ?)", sku, otherSku,
                        endedSku, futureSku, renewalOnlySku) == 5);
        return this;
    }

    static String csnOf(TestOrganization organization) {
        return (String) TestSql.rows("select csn from account where id = ?", organization.id()).get(0).get("csn");
    }

    /** A unique purchase order number, to find what an order stored. */
    static String newPurchaseOrder() {
        return "PO-" + UUID.randomUUID().toString().substring(0, 18);
    }

    /** A valid INITIAL order for {@code customer}: {@code quantity} of {@code sku} at {@code price}. */
    static Map<String, Object> initialOrder(String customerCsn, String purchaseOrder, String sku, int quantity,
            Object price) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("deliveryDate", "2026-12-01");
        order.put("purchaseOrderNumber", purchaseOrder);
        order.put("resellerSiteId", "50192");
        order.put("customerCsn", customerCsn);
        order.put("customerName", "Customer Inc");
        order.put("customerAddressLine1", "Customer Address Line 1");
        order.put("customerCity", "Customer City");
        order.put("customerPostal", "100 00");
        order.put("customerCountry", "Finland");
        order.put("contactFirstName", "Contact First Name");
        order.put("contactLastName", "Contact Last Name");
        order.put("contactEmail", "contact@email.com");
        order.put("contactLanguage", "EN");
        order.put("contactCountryCode", "FI");
        order.put("contractStartDate", "2026-12-01");
        List<Map<String, Object>> items = new ArrayList<>();
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("sku", sku);
        item.put("quantity", quantity);
        item.put("price", price);
        items.add(item);
        order.put("items", items);
        return order;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> firstItem(Map<String, Object> order) {
        return ((List<Map<String, Object>>) order.get("items")).get(0);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
