package dev.mercato.identity.user;

import java.util.Arrays;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.platform.events.Topics;
import dev.mercato.platform.events.UserChangedV1;
import dev.mercato.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;

/** Publishes a user's new state through the outbox, in the transaction that changed it. */
@ApplicationScoped
public class UserEvents {

    private final Outbox outbox;

    public UserEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> created(User user) {
        return outbox.publish(Topics.IDENTITY_USERS, user.id, UserChangedV1.CREATED, toEvent(user)).replaceWithVoid();
    }

    public Uni<Void> updated(User user) {
        return outbox.publish(Topics.IDENTITY_USERS, user.id, UserChangedV1.UPDATED, toEvent(user)).replaceWithVoid();
    }

    static UserChangedV1 toEvent(User user) {
        return new UserChangedV1(user.id, user.email, user.name, user.status.name(), user.organizationId,
                Arrays.asList(user.ownerPath.split("/")), user.role.name(), user.createdAt, user.updatedAt,
                user.version);
    }
}
