package dev.mercato.identity.token;

import java.time.Instant;

import jakarta.inject.Singleton;

import dev.mercato.identity.audit.AuditRow;
import dev.mercato.identity.audit.GroupCommitAuditWriter;
import dev.mercato.identity.token.AccessTokenMinter.MintedToken;
import dev.mercato.platform.id.Ids;
import dev.mercato.platform.web.RequestIds;
import io.smallrye.mutiny.Uni;

/** Writes the audit event {@code token.issued} of every token, through the group-commit writer. */
@Singleton
public class TokenAudit {

    public static final String ISSUED = "token.issued";

    private final GroupCommitAuditWriter writer;

    public TokenAudit(GroupCommitAuditWriter writer) {
        this.writer = writer;
    }

    /** Completes when the event is committed. {@code grant} may be null. */
    public Uni<Void> issued(TokenSubject subject, MintedToken token, String scope, String grant) {
        StringBuilder details = new StringBuilder(1024).append("{\"subject\":");
        JsonText.quote(details, subject.subject()).append(",\"clientId\":");
        JsonText.quote(details, subject.clientId()).append(",\"role\":\"").append(subject.role().name())
                .append("\",\"scope\":");
        JsonText.quote(details, scope);
        if (grant != null) {
            JsonText.quote(details.append(",\"grant\":"), grant);
        }
        details.append(",\"expiresAt\":\"").append(token.expiresAt()).append("\"}");
        return writer.append(new AuditRow(Ids.next("aud"), Instant.now(), subject.subject(),
                subject.organizationPath(), ISSUED, "token", token.jti(), details.toString(), RequestIds.current()));
    }
}
