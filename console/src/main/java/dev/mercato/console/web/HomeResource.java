package dev.mercato.console.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import dev.mercato.console.identity.IdentityApi;
import dev.mercato.console.identity.Organization;
import dev.mercato.console.identity.OrganizationKind;
import dev.mercato.console.session.Session;
import dev.mercato.console.session.TokenClaims;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * The home page by role: the user and the organization, then what the role needs first — the platform its counts and
 * latest activity; a distributor or partner its tenants, renewals due and commissions this month; a tenant its
 * subscriptions, usage against its balance and latest invoice; a vendor its listings, offers and usage. The user and
 * organization are the page (identity down is its error page); each card loads on its own ({@link HomeCards}).
 */
@Path("/")
public class HomeResource {

    /** The kinds the platform counts, in the order of the channel, vendors last. */
    private static final List<OrganizationKind> MARKETPLACE = List.of(OrganizationKind.TENANT,
            OrganizationKind.PARTNER, OrganizationKind.DISTRIBUTOR, OrganizationKind.VENDOR);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Frame frame, HomeView home);
    }

    private final IdentityApi identity;
    private final HomeCards cards;
    private final CurrentSession current;
    private final Clock clock;

    public HomeResource(IdentityApi identity, HomeCards cards, CurrentSession current, Clock clock) {
        this.identity = identity;
        this.cards = cards;
        this.current = current;
        this.clock = clock;
    }

    @GET
    public Uni<Response> home() {
        Session session = current.required();
        TokenClaims claims = session.claims();
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        YearMonth month = YearMonth.from(today);
        // The user first: an ended session or identity down ends the page here, once, before any card is asked for.
        // Then the organization and the cards together; a failure that is not a card's own still ends the page.
        return identity.me(session).chain(user -> Uni.combine().all()
                .unis(myOrganization(session), cardsOf(session, today, month))
                .with((Organization organization, HomeView.Cards found) -> new HomeView(user, organization,
                        claims.organizationId(), claims.organizationKind(), claims.role(), Viewer.of(session), month,
                        found)))
                .chain(home -> Html.page(200, Templates.home(Frame.of("Home", session), home)));
    }

    /**
     * The user's organization, when the token may read its kind (a vendor's role does not read vendors: its card then
     * shows what the token says, the kind and the id); null for the platform, which no collection lists.
     */
    private Uni<Organization> myOrganization(Session session) {
        TokenClaims claims = session.claims();
        boolean readable = OrganizationKind.ofName(claims.organizationKind())
                .map(kind -> claims.may(kind.readScope())).orElse(false);
        return readable ? identity.myOrganization(session) : Uni.createFrom().nullItem();
    }

    private Uni<HomeView.Cards> cardsOf(Session session, LocalDate today, YearMonth month) {
        TokenClaims claims = session.claims();
        return switch (claims.organizationKind()) {
            case "PLATFORM" -> Uni.combine().all().unis(
                    cards.organizationCounts(session, MARKETPLACE, ""),
                    when(claims.may("read:orders"), () -> cards.latestTransactions(session)),
                    when(claims.may("read:billing"), () -> cards.latestInvoices(session, HomeCards.FEW)))
                    .with(HomeView.Cards::platform);
            case "DISTRIBUTOR", "PARTNER" -> Uni.combine().all().unis(
                    when(claims.may("read:customers"), () -> cards.organizationCounts(session,
                            List.of(OrganizationKind.TENANT), " below your organization")),
                    when(claims.may("read:orders"), () -> cards.renewalsDue(session, today)),
                    when(claims.may("read:billing"), () -> cards.commissions(session, month)))
                    .with(HomeView.Cards::channel);
            case "TENANT" -> Uni.combine().all().unis(
                    when(claims.may("read:orders"), () -> cards.activeSubscriptions(session)),
                    when(claims.may("read:metering"), () -> cards.usage(session, month, claims.organizationId())),
                    when(claims.may("read:billing"), () -> cards.latestInvoices(session, 1)))
                    .with(HomeView.Cards::tenant);
            case "VENDOR" -> Uni.combine().all().unis(
                    when(claims.may("read:catalog"), () -> cards.ownListings(session)),
                    when(claims.may("read:private-offers"), () -> cards.offersByStatus(session)),
                    when(claims.may("read:metering"), () -> cards.usage(session, month, null)))
                    .with(HomeView.Cards::vendor);
            default -> Uni.createFrom().item(HomeView.Cards.none());
        };
    }

    /** The card, when the token's scopes allow its call; otherwise no card (null). */
    private static <C> Uni<C> when(boolean allowed, java.util.function.Supplier<Uni<C>> card) {
        return allowed ? card.get() : Uni.createFrom().nullItem();
    }
}
