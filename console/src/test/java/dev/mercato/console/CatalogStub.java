package dev.mercato.console;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * catalog-service's public API as the console uses it, with its real JSON shapes: articles (with {@code orderableOn}),
 * listings and their dimensions, plans with versions and publish, private offers with send, accept and decline. Scopes
 * and sides are checked as catalog checks them: {@code write:catalog} to change listings and plans, a vendor sends and
 * the customer side answers.
 */
final class CatalogStub extends StubServer {

    static final String PLAN_ID = "plan_01TEAM";

    private final Map<String, Map<String, Object>> articles = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> listings = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> plans = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> offers = new ConcurrentHashMap<>();
    private final AtomicInteger counter = new AtomicInteger();

    CatalogStub() {
        article("MOD-1", "Modeler, one year", null, null, null, Map.of("eur", "1400.00"),
                Map.of("eur", "1750.00", "sek", "15000"), List.of(Map.of("sku", "MOD-1-R", "orderType", "RENEWAL",
                        "shortDescription", "Modeler renewal", "productLineDesc", "Modeler", "deployment", "SINGLE_USER",
                        "contractTerm", 12, "packSize", 1, "purPrice", Map.of("eur", "1200.00"),
                        "srpPrice", Map.of("eur", "1500.00"))));
        article("MOD-1-R", "Modeler renewal", null, null, null, Map.of("eur", "1200.00"), Map.of("eur", "1500.00"),
                List.of());
        article("XMAS-PROMO", "Modeler at Christmas", "2026-12-01", "2026-12-31", "Christmas 2026",
                Map.of("eur", "1000.00"), Map.of("eur", "1250.00"), List.of());
        listing("lst_01LOGS", IdentityStub.VENDOR_ID, "CloudMeter Logs");
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("id", PLAN_ID);
        plan.put("ownerId", IdentityStub.VENDOR_ID);
        plan.put("name", "Team");
        plan.put("description", "Team edition");
        plan.put("listingId", "lst_01LOGS");
        plan.put("publishedVersion", 1);
        plan.put("draftVersion", 2);
        plan.put("versions", new ArrayList<>(List.of(version(1, "PUBLISHED", "4.00"), version(2, "DRAFT", "5.00"))));
        plan.put("createdAt", "2026-11-02T08:00:00Z");
        plans.put(PLAN_ID, plan);
    }

    @Override
    Reply handle(Call call) {
        if (call.authorization() == null) {
            return error(401, "A bearer token is required");
        }
        String[] parts = call.path().split("/");
        if (parts.length < 4) {
            return notFound();
        }
        return switch (parts[3]) {
            case "articles" -> articles(call, parts);
            case "listings" -> listings(call, parts);
            case "plans" -> plans(call, parts);
            case "private-offers" -> offers(call, parts);
            default -> notFound();
        };
    }

    private Reply articles(Call call, String[] parts) {
        if (!call.scopes().contains("read:catalog")) {
            return error(403, "The token lacks the scope read:catalog");
        }
        if (parts.length == 5) {
            Map<String, Object> article = articles.get(parts[4]);
            return article == null ? notFound() : ok(article);
        }
        LocalDate day;
        try {
            day = call.query().containsKey("orderableOn") ? LocalDate.parse(call.query().get("orderableOn")) : null;
        } catch (DateTimeParseException e) {
            return invalid("orderableOn", "must be a date as YYYY-MM-DD");
        }
        List<Map<String, Object>> found = articles.values().stream()
                .filter(article -> like(article, call.query(), "sku") && like(article, call.query(), "shortDescription"))
                .filter(article -> day == null || orderableOn(article, day))
                .sorted(Comparator.comparing(article -> article.get("sku").toString())).toList();
        return paged(found, call.query());
    }

    private Reply listings(Call call, String[] parts) {
        if (call.method().equals("GET")) {
            if (parts.length == 5) {
                Map<String, Object> listing = listings.get(parts[4]);
                return listing == null ? notFound() : ok(listing);
            }
            List<Map<String, Object>> found = listings.values().stream()
                    .filter(listing -> like(listing, call.query(), "name") && equal(listing, call.query(), "status")
                            && equal(listing, call.query(), "vendor") && equal(listing, call.query(), "vendorId"))
                    .sorted(Comparator.comparing(listing -> listing.get("id").toString())).toList();
            return paged(found, call.query());
        }
        if (!call.scopes().contains("write:catalog")) {
            return error(403, "The token lacks the scope write:catalog");
        }
        if (parts.length == 4 && call.method().equals("POST")) {
            Map<String, Object> body = call.json();
            if (!String.valueOf(body.get("vendor")).matches("aws|azure|direct")) {
                return invalid("vendor", "must be aws, azure or direct");
            }
            if (!String.valueOf(body.get("currency")).matches("[A-Za-z]{3}")) {
                return invalid("currency", "must be an ISO 4217 code such as eur");
            }
            Map<String, Object> listing = listing("lst_" + counter.incrementAndGet(), call.claim("org"),
                    body.get("name").toString());
            listing.put("vendor", body.get("vendor"));
            listing.put("description", body.get("description"));
            listing.put("productCode", body.get("productCode"));
            listing.put("currency", body.get("currency").toString().toLowerCase());
            return created(listing);
        }
        Map<String, Object> listing = listings.get(parts[4]);
        if (listing == null) {
            return notFound();
        }
        if (parts.length == 5 && call.method().equals("PATCH")) {
            listing.putAll(call.json());
            return ok(listing);
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> dimensions = (List<Map<String, Object>>) listing.get("dimensions");
        if (parts.length == 6 && call.method().equals("POST")) {
            Map<String, Object> body = call.json();
            if (!String.valueOf(body.get("key")).matches("[a-z][a-z0-9_.-]{0,63}")) {
                return invalid("key", "must be 1-64 lower-case letters, digits, '_', '.' or '-', starting with a letter");
            }
            if (!(body.get("pricePerUnit") instanceof Number)) {
                return invalid("pricePerUnit", "must be a number");
            }
            Map<String, Object> dimension = new LinkedHashMap<>(body);
            dimension.putIfAbsent("decimals", 0);
            dimension.putIfAbsent("aggregation", "SUM");
            dimension.put("retiredAt", null);
            dimensions.add(dimension);
            return created(listing);
        }
        if (parts.length == 7 && call.method().equals("PATCH")) {
            Map<String, Object> dimension = dimensions.stream().filter(found -> parts[6].equals(found.get("key")))
                    .findFirst().orElse(null);
            Map<String, Object> body = call.json();
            if (dimension == null) {
                return notFound();
            }
            if (body.containsKey("pricePerUnit") && !(body.get("pricePerUnit") instanceof Number)) {
                return invalid("pricePerUnit", "must be a number");
            }
            dimension.putAll(body);
            return ok(listing);
        }
        if (parts.length == 8 && call.method().equals("POST") && parts[7].equals("retire")) {
            Map<String, Object> dimension = dimensions.stream().filter(found -> parts[6].equals(found.get("key")))
                    .findFirst().orElse(null);
            if (dimension == null) {
                return notFound();
            }
            dimension.put("retiredAt", Instant.now().toString());
            return ok(listing);
        }
        return notFound();
    }

    private Reply plans(Call call, String[] parts) {
        if (parts.length == 4) {
            List<Map<String, Object>> found = plans.values().stream().map(plan -> {
                Map<String, Object> summary = new LinkedHashMap<>(plan);
                summary.remove("versions");
                return summary;
            }).filter(plan -> like(plan, call.query(), "name")).toList();
            return paged(found, call.query());
        }
        Map<String, Object> plan = plans.get(parts[4]);
        if (plan == null) {
            return notFound();
        }
        if (parts.length == 5 && call.method().equals("GET")) {
            return ok(plan);
        }
        if (parts.length == 6 && parts[5].equals("publish") && call.method().equals("POST")) {
            if (!call.scopes().contains("write:catalog")) {
                return error(403, "The token lacks the scope write:catalog");
            }
            if (plan.get("draftVersion") == null) {
                return error(409, "plan " + parts[4] + " has no draft to publish");
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> versions = (List<Map<String, Object>>) plan.get("versions");
            versions.stream().filter(version -> version.get("version").equals(plan.get("draftVersion")))
                    .forEach(version -> {
                        version.put("status", "PUBLISHED");
                        version.put("publishedAt", Instant.now().toString());
                    });
            plan.put("publishedVersion", plan.get("draftVersion"));
            plan.put("draftVersion", null);
            return ok(plan);
        }
        return notFound();
    }

    private Reply offers(Call call, String[] parts) {
        if (parts.length == 4 && call.method().equals("GET")) {
            List<Map<String, Object>> found = offers.values().stream()
                    .filter(offer -> equal(offer, call.query(), "status"))
                    .sorted(Comparator.comparing(offer -> offer.get("id").toString())).toList();
            return paged(found, call.query());
        }
        if (!call.scopes().contains("write:private-offers")) {
            return error(403, "The token lacks the scope write:private-offers");
        }
        boolean vendorSide = List.of("VENDOR", "PLATFORM").contains(call.claim("org_kind"));
        if (parts.length == 4 && call.method().equals("POST")) {
            if (!vendorSide) {
                return error(403, "Only a vendor or the platform makes offers");
            }
            Map<String, Object> body = call.json();
            Map<?, ?> pricing = body.get("pricing") instanceof Map<?, ?> given ? given : Map.of();
            if (!(pricing.get("discountPercentage") instanceof Number discount) || discount.doubleValue() <= 0
                    || discount.doubleValue() > 100) {
                return invalid("pricing.discountPercentage", "must be above 0 and at most 100");
            }
            Map<String, Object> listing = listings.get(String.valueOf(body.get("listingId")));
            if (listing == null) {
                return invalid("listingId", "must be an active listing you manage");
            }
            Map<String, Object> offer = offer("ofr_" + counter.incrementAndGet(), "DRAFT", listing.get("name").toString());
            offer.put("listingId", listing.get("id"));
            offer.put("customerId", body.get("customerId"));
            offer.put("title", body.get("title"));
            offer.put("notes", body.get("notes"));
            offer.put("pricing", Map.of("discountPercentage", pricing.get("discountPercentage"), "duration",
                    pricing.get("duration")));
            return created(offer);
        }
        Map<String, Object> offer = parts.length == 6 ? offers.get(parts[4]) : null;
        if (offer == null || !call.method().equals("POST")) {
            return notFound();
        }
        String action = parts[5];
        boolean vendorAction = action.equals("send");
        if (vendorAction != vendorSide && !call.claim("org_kind").equals("PLATFORM")) {
            return error(403, "the " + (vendorSide ? "vendor" : "customer") + " side may not " + action + " this offer");
        }
        String from = vendorAction ? "DRAFT" : "SENT";
        if (!from.equals(offer.get("status"))) {
            return error(409, "offer " + parts[4] + " is " + offer.get("status").toString().toLowerCase() + "; only a "
                    + from.toLowerCase() + " offer can be " + action + "ed");
        }
        offer.put("status", switch (action) {
            case "send" -> "SENT";
            case "accept" -> "ACCEPTED";
            case "decline" -> "DECLINED";
            default -> offer.get("status");
        });
        if (vendorAction) {
            offer.put("sentAt", Instant.now().toString());
            offer.put("expiresAt", Instant.now().plusSeconds(30L * 86400).toString());
        }
        return ok(offer);
    }

    /** Puts an offer on the stub's listing to the tenant in {@code status}; answers its id. */
    String offerIn(String status) {
        String id = "ofr_" + counter.incrementAndGet();
        offer(id, status, "CloudMeter Logs");
        return id;
    }

    Map<String, Object> storedOffer(String id) {
        return offers.get(id);
    }

    List<Map<String, Object>> storedOffers() {
        return List.copyOf(offers.values());
    }

    Map<String, Object> storedListing(String id) {
        return listings.get(id);
    }

    List<Map<String, Object>> storedListings() {
        return List.copyOf(listings.values());
    }

    Map<String, Object> storedPlan(String id) {
        return plans.get(id);
    }

    private Map<String, Object> offer(String id, String status, String listingName) {
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("id", id);
        offer.put("object", "private_offer");
        offer.put("vendor", "aws");
        offer.put("vendorId", IdentityStub.VENDOR_ID);
        offer.put("listingId", "lst_01LOGS");
        offer.put("listingName", listingName);
        offer.put("customerId", IdentityStub.TENANT_ID);
        offer.put("customerName", "Tenant One");
        offer.put("title", "Launch deal " + id);
        offer.put("notes", null);
        offer.put("pricing", Map.of("discountPercentage", "20.00", "duration", 12));
        offer.put("status", status);
        offer.put("expiresAt", "2027-01-15T00:00:00Z");
        offer.put("sentAt", status.equals("DRAFT") ? null : "2026-12-01T08:00:00Z");
        offer.put("createdAt", "2026-12-01T07:00:00Z");
        offers.put(id, offer);
        return offer;
    }

    private void article(String sku, String description, String startDate, String endDate, String promoName,
            Map<String, Object> purPrice, Map<String, Object> srpPrice, List<Map<String, Object>> links) {
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("id", "art_" + sku);
        article.put("object", "article");
        article.put("sku", sku);
        article.put("ownerId", IdentityStub.VENDOR_ID);
        article.put("shortDescription", description);
        article.put("productLineDesc", "Modeler");
        article.put("deployment", "SINGLE_USER");
        article.put("contractType", "SUBSCRIPTION");
        article.put("contractTerm", 12);
        article.put("packSize", 1);
        article.put("supportedOrderTypes", List.of("INITIAL", "RENEWAL"));
        article.put("links", links);
        article.put("startDate", startDate);
        article.put("endDate", endDate);
        article.put("promoName", promoName);
        article.put("tokens", null);
        article.put("purPrice", purPrice);
        article.put("srpPrice", srpPrice);
        article.put("version", 1);
        articles.put(sku, article);
    }

    private static boolean orderableOn(Map<String, Object> article, LocalDate day) {
        Object start = article.get("startDate");
        Object end = article.get("endDate");
        return (start == null || !LocalDate.parse(start.toString()).isAfter(day))
                && (end == null || !LocalDate.parse(end.toString()).isBefore(day));
    }

    private Map<String, Object> listing(String id, String vendorId, String name) {
        Map<String, Object> listing = new LinkedHashMap<>();
        listing.put("id", id);
        listing.put("object", "listing");
        listing.put("vendor", "aws");
        listing.put("vendorId", vendorId);
        listing.put("name", name);
        listing.put("description", null);
        listing.put("productCode", "prod-7x2");
        listing.put("currency", "usd");
        listing.put("status", "ACTIVE");
        List<Map<String, Object>> dimensions = new ArrayList<>();
        Map<String, Object> calls = new LinkedHashMap<>(Map.of("key", "api_calls", "title", "API calls", "unit", "call",
                "pricePerUnit", 0.001, "decimals", 0, "aggregation", "SUM"));
        calls.put("retiredAt", null);
        dimensions.add(calls);
        listing.put("dimensions", dimensions);
        listing.put("createdAt", "2026-11-02T08:00:00Z");
        listings.put(id, listing);
        return listing;
    }

    private static Map<String, Object> version(int number, String status, String salePrice) {
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("planId", PLAN_ID);
        version.put("version", number);
        version.put("status", status);
        version.put("currency", "usd");
        version.put("pricingPeriod", "MONTHLY");
        version.put("priceDefinitions", List.of(Map.of("id", "price_" + number, "costTypeCategory", "RECURRING",
                "pricingStrategy", "UNIT", "unit", "USER", "priceRanges",
                List.of(Map.of("min", 0, "max", 50, "salePrice", salePrice, "wholeSalePrice", "3.20")))));
        version.put("publishedAt", status.equals("PUBLISHED") ? "2026-11-03T08:00:00Z" : null);
        return version;
    }
}
