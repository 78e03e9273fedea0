package dev.mercato.identity.federated;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The {@code federated_identity} table: which Mercato user an account at an external issuer
 * ({@code iss}, {@code sub}) is. Every method joins the caller's transaction.
 */
@ApplicationScoped
class FederatedIdentities {

    /** The user linked to {@code subject} at {@code issuerUrl}, noting this login; null when none is. */
    Uni<String> loginOf(String issuerUrl, String subject) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                update federated_identity set last_login_at = :now
                where issuer_url = :issuer and subject = :subject returning user_id""", String.class)
                .setParameter("now", Instant.now())
                .setParameter("issuer", issuerUrl)
                .setParameter("subject", subject)
                .getSingleResultOrNull());
    }

    /** Whether {@code userId} is already linked to some account at {@code issuerUrl}. */
    Uni<Boolean> linked(String userId, String issuerUrl) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                select count(*) from federated_identity where user_id = :user and issuer_url = :issuer""", Long.class)
                .setParameter("user", userId)
                .setParameter("issuer", issuerUrl)
                .getSingleResult())
                .map(count -> count > 0);
    }

    /**
     * Links {@code subject} at {@code issuerUrl} to {@code userId}; false when a concurrent login linked
     * that account or that user at that issuer first.
     */
    Uni<Boolean> link(String issuerUrl, String subject, String userId, String email) {
        Instant now = Instant.now();
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into federated_identity (issuer_url, subject, user_id, linked_email, linked_at, last_login_at)
                values (:issuer, :subject, :user, :email, :now, :now) on conflict do nothing""")
                .setParameter("issuer", issuerUrl)
                .setParameter("subject", subject)
                .setParameter("user", userId)
                .setParameter("email", email)
                .setParameter("now", now)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
