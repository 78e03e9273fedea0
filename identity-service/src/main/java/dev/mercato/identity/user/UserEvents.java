package dev.mercato.identity.user;

import java.util.Arrays;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;

/** Publishes a user's new state through the outbox, in the transaction that changed it. */
@ApplicationScoped
public class UserEvents {

    /** Users, published by identity-service (deploy/k8s/base/kafka/topics/identity-users.yaml). */
    public static final String TOPIC = "identity.users";

    private final Outbox outbox;

    public UserEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> created(User user) {
        return outbox.publish(TOPIC, user.id, UserChangedV1.CREATED, toEvent(user)).replaceWithVoid();
    }

    public Uni<Void> updated(User user) {
        return outbox.publish(TOPIC, user.id, UserChangedV1.UPDATED, toEvent(user)).replaceWithVoid();
    }

    static UserChangedV1 toEvent(User user) {
        return new UserChangedV1(user.id, user.email, user.name, user.status.name(), user.organizationId,
                Arrays.asList(user.ownerPath.split("/")), user.role.name(), user.createdAt, user.updatedAt,
                user.version);
    }
}
