package dev.mercato.order.team;

import java.time.Instant;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.order.account.CustomerRef;
import dev.mercato.order.subscription.SubscriptionRepository;
import dev.mercato.platform.id.Ids;
import io.smallrye.mutiny.Uni;

/** Keeps a customer's teams: found or made by name when a subscription joins one, counted as they change. */
@ApplicationScoped
public class TeamService {

    private final TeamRepository teams;
    private final SubscriptionRepository subscriptions;

    public TeamService(TeamRepository teams, SubscriptionRepository subscriptions) {
        this.teams = teams;
        this.subscriptions = subscriptions;
    }

    /**
     * {@code customer}'s team called {@code name}, made now if it has none; a primary admin given replaces the
     * team's (a team has one).
     */
    public Uni<Team> findOrCreate(CustomerRef customer, String name, String adminEmail, String adminFirstName,
            String adminLastName, Instant now) {
        return teams.findByCustomerAndName(customer.id, name).chain(existing -> {
            Team team = existing;
            if (team == null) {
                team = new Team();
                team.id = Ids.next("team");
                team.customer = customer.copy();
                team.name = name;
                team.createdAt = now;
                team.lastUpdated = now;
            }
            if (adminEmail != null && !adminEmail.equals(team.primaryAdminEmail)) {
                team.primaryAdminEmail = adminEmail;
                team.primaryAdminFirstName = adminFirstName;
                team.primaryAdminLastName = adminLastName;
                team.lastUpdated = now;
            }
            return existing == null ? teams.persistAndFlush(team) : Uni.createFrom().item(team);
        });
    }

    /** Recounts team {@code teamId}'s seats and subscriptions; statuses must be current. */
    public Uni<Void> recount(String teamId, Instant now) {
        return teams.findById(teamId).chain(team -> subscriptions.teamTotals(teamId).invoke(totals -> {
            if (totals.seats() != team.seats || totals.activeSubscriptions() != team.productSeats
                    || !Objects.equals(totals.latestEndDate(), team.latestEndDate)) {
                team.seats = totals.seats();
                team.productSeats = totals.activeSubscriptions();
                team.latestEndDate = totals.latestEndDate();
                team.lastUpdated = now;
            }
        })).replaceWithVoid();
    }
}
