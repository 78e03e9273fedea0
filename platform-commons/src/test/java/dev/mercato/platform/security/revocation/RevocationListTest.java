package dev.mercato.platform.security.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.mercato.platform.events.CredentialRevokedV1;
import dev.mercato.platform.events.CredentialRevokedV1.Kind;
import dev.mercato.platform.security.CallerClaims;

class RevocationListTest {

    private static final Instant T = Instant.parse("2026-01-16T12:00:00Z");
    private static final Instant LATER = T.plus(Duration.ofHours(2));

    private final RevocationList list = new RevocationList();

    @Test
    void rejectsARevokedTokenIdWhenever() {
        list.add(new CredentialRevokedV1(Kind.TOKEN, "jti-1", T, LATER));

        assertThat(list.rejects("jti-1", "app_a", "usr_a", T.plusSeconds(60))).isTrue();
        assertThat(list.rejects("jti-2", "app_a", "usr_a", T.minusSeconds(60))).isFalse();
    }

    @Test
    void rejectsTokensOfARevokedClientIssuedAtOrBeforeTheRevocation() {
        list.add(new CredentialRevokedV1(Kind.CLIENT, "app_a", T, LATER));

        assertThat(list.rejects("j", "app_a", "usr_a", T.minusSeconds(1))).isTrue();
        assertThat(list.rejects("j", "app_a", "usr_a", T)).isTrue();
        assertThat(list.rejects("j", "app_a", "usr_a", T.plusSeconds(1))).isFalse();
        assertThat(list.rejects("j", "app_b", "usr_a", T.minusSeconds(1))).isFalse();
        assertThat(list.rejects("j", null, "usr_a", T.minusSeconds(1))).isFalse();
    }

    @Test
    void rejectsTokensOfADisabledSubjectIssuedUntilThen() {
        list.add(new CredentialRevokedV1(Kind.SUBJECT, "usr_a", T, LATER));

        assertThat(list.rejects("j", "app_x", "usr_a", T.minusSeconds(5))).isTrue();
        assertThat(list.rejects("j", "app_x", "usr_a", T.plusSeconds(5))).isFalse();
    }

    @Test
    void comparesAtMillisecondsWhenTheTokenSaysWhenItWasIssuedPrecisely() {
        Instant revokedAt = T.plusMillis(400);
        list.add(new CredentialRevokedV1(Kind.SUBJECT, "usr_a", revokedAt, LATER));
        long second = T.getEpochSecond();

        // iat is the same second for all three; iat_ms tells them apart.
        assertThat(list.rejects("j", "app_x", "usr_a", CallerClaims.issuedAt(second, T.plusMillis(700).toEpochMilli())))
                .isFalse();
        assertThat(list.rejects("j", "app_x", "usr_a", CallerClaims.issuedAt(second, T.plusMillis(100).toEpochMilli())))
                .isTrue();
        assertThat(list.rejects("j", "app_x", "usr_a", CallerClaims.issuedAt(second, revokedAt.toEpochMilli())))
                .isTrue();
        // Without iat_ms, or with one outside its iat second, the whole second counts as revoked.
        assertThat(list.rejects("j", "app_x", "usr_a", CallerClaims.issuedAt(second, null))).isTrue();
        assertThat(list.rejects("j", "app_x", "usr_a", CallerClaims.issuedAt(second, T.plusSeconds(5).toEpochMilli())))
                .isTrue();
    }

    @Test
    void keepsTheLatestRevocationOfTheSameClientWhateverTheOrder() {
        list.add(new CredentialRevokedV1(Kind.CLIENT, "app_a", T.plusSeconds(100), LATER));
        list.add(new CredentialRevokedV1(Kind.CLIENT, "app_a", T, LATER)); // an older one, replayed late

        assertThat(list.rejects("j", "app_a", "usr_a", T.plusSeconds(50))).isTrue();
        assertThat(list.size()).isEqualTo(1);
    }

    @Test
    void forgetsExpiredEntries() {
        list.add(new CredentialRevokedV1(Kind.TOKEN, "old", T, T.plusSeconds(10)));
        list.add(new CredentialRevokedV1(Kind.TOKEN, "new", T, LATER));

        assertThat(list.removeExpired(T.plusSeconds(11))).isEqualTo(1);

        assertThat(list.rejects("old", null, "usr", T)).isFalse();
        assertThat(list.rejects("new", null, "usr", T)).isTrue();
    }

    @Test
    void rejectsTokensOfASuspendedOrganizationAndItsSubtreeIssuedUntilThen() {
        list.add(new CredentialRevokedV1(Kind.ORGANIZATION, "org_dist", T, LATER));

        assertThat(list.rejects("j", "app_a", "app_a", "org_plat/org_dist", T.minusSeconds(5))).isTrue();
        assertThat(list.rejects("j", "app_a", "app_a", "org_plat/org_dist/org_partner/org_tenant", T)).isTrue();
        assertThat(list.rejects("j", "app_a", "app_a", "org_plat/org_dist/org_partner", T.plusSeconds(1))).isFalse();
        assertThat(list.rejects("j", "app_a", "app_a", "org_plat", T.minusSeconds(5))).isFalse();
        assertThat(list.rejects("j", "app_a", "app_a", "org_plat/org_dist2", T.minusSeconds(5))).isFalse();
        assertThat(list.rejects("j", "app_a", "app_a", null, T.minusSeconds(5))).isFalse();
    }

    @Test
    void theOverloadWithoutAPathIgnoresOrganizationRevocations() {
        list.add(new CredentialRevokedV1(Kind.ORGANIZATION, "org_dist", T, LATER));

        assertThat(list.rejects("j", "app_a", "app_a", T.minusSeconds(5))).isFalse();
    }
}
