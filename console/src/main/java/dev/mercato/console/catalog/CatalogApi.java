package dev.mercato.console.catalog;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.console.api.ApiClient;
import dev.mercato.console.api.ApiPage;
import dev.mercato.console.api.PathSegment;
import dev.mercato.console.api.Upstream;
import dev.mercato.console.session.Session;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;

/**
 * catalog-service's public API as the console's pages use it, always as the signed-in user: articles, listings and
 * their dimensions, plans, private offers. A {@code query} is the API's list query ({@code ?page=…&limit=…&…}).
 */
@ApplicationScoped
public class CatalogApi {

    private static final String ARTICLES = "/api/v1/articles";
    private static final String LISTINGS = "/api/v1/listings";
    private static final String PLANS = "/api/v1/plans";
    private static final String OFFERS = "/api/v1/private-offers";

    private final ApiClient api;

    public CatalogApi(ApiClient api) {
        this.api = api;
    }

    public Uni<ApiPage<Article>> articles(Session session, String query) {
        return api.getPage(session, Upstream.CATALOG, ARTICLES + query, Article.class);
    }

    public Uni<Article> article(Session session, String sku) {
        return api.get(session, Upstream.CATALOG, ARTICLES + "/" + PathSegment.encode(sku), Article.class);
    }

    public Uni<ApiPage<Listing>> listings(Session session, String query) {
        return api.getPage(session, Upstream.CATALOG, LISTINGS + query, Listing.class);
    }

    public Uni<Listing> listing(Session session, String id) {
        return api.get(session, Upstream.CATALOG, listingPath(id), Listing.class);
    }

    public Uni<Listing> createListing(Session session, NewListing listing) {
        return api.send(session, Upstream.CATALOG, HttpMethod.POST, LISTINGS, listing, Listing.class);
    }

    public Uni<Listing> changeListing(Session session, String id, ListingChange change) {
        return api.send(session, Upstream.CATALOG, HttpMethod.PATCH, listingPath(id), change, Listing.class);
    }

    /** Adds a dimension; the answer is the listing with it. */
    public Uni<Listing> addDimension(Session session, String listingId, NewDimension dimension) {
        return api.send(session, Upstream.CATALOG, HttpMethod.POST, listingPath(listingId) + "/dimensions", dimension,
                Listing.class);
    }

    /** Changes a dimension's title, unit price, description or token rate. */
    public Uni<Listing> changeDimension(Session session, String listingId, String key, DimensionChange change) {
        return api.send(session, Upstream.CATALOG, HttpMethod.PATCH, dimensionPath(listingId, key), change,
                Listing.class);
    }

    /** Retires a dimension: it stays on the listing and takes no new usage. */
    public Uni<Listing> retireDimension(Session session, String listingId, String key) {
        return api.send(session, Upstream.CATALOG, HttpMethod.POST,
                dimensionPath(listingId, key) + "/retire", null, Listing.class);
    }

    public Uni<ApiPage<Plan>> plans(Session session, String query) {
        return api.getPage(session, Upstream.CATALOG, PLANS + query, Plan.class);
    }

    public Uni<Plan> plan(Session session, String id) {
        return api.get(session, Upstream.CATALOG, PLANS + "/" + PathSegment.encode(id), Plan.class);
    }

    /** Publishes the plan's draft version; it never changes again. */
    public Uni<Plan> publishPlan(Session session, String id) {
        return api.send(session, Upstream.CATALOG, HttpMethod.POST, PLANS + "/" + PathSegment.encode(id) + "/publish",
                null, Plan.class);
    }

    public Uni<ApiPage<PrivateOffer>> offers(Session session, String query) {
        return api.getPage(session, Upstream.CATALOG, OFFERS + query, PrivateOffer.class);
    }

    /** Creates a draft offer (vendor side). */
    public Uni<PrivateOffer> createOffer(Session session, NewPrivateOffer offer) {
        return api.send(session, Upstream.CATALOG, HttpMethod.POST, OFFERS, offer, PrivateOffer.class);
    }

    /** Draft → sent (vendor side). */
    public Uni<PrivateOffer> sendOffer(Session session, String id) {
        return offerTransition(session, id, "send");
    }

    /** Sent → accepted (customer side). */
    public Uni<PrivateOffer> acceptOffer(Session session, String id) {
        return offerTransition(session, id, "accept");
    }

    /** Sent → declined (customer side). */
    public Uni<PrivateOffer> declineOffer(Session session, String id) {
        return offerTransition(session, id, "decline");
    }

    private Uni<PrivateOffer> offerTransition(Session session, String id, String action) {
        return api.send(session, Upstream.CATALOG, HttpMethod.POST, OFFERS + "/" + PathSegment.encode(id) + "/" + action,
                null, PrivateOffer.class);
    }

    private static String listingPath(String id) {
        return LISTINGS + "/" + PathSegment.encode(id);
    }

    private static String dimensionPath(String listingId, String key) {
        return listingPath(listingId) + "/dimensions/" + PathSegment.encode(key);
    }
}
