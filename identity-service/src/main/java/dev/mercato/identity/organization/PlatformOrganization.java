package dev.mercato.identity.organization;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;

/** Makes sure the root organization exists before the service takes requests. */
@ApplicationScoped
public class PlatformOrganization {

    private static final Logger LOG = Logger.getLogger(PlatformOrganization.class);

    private final OrganizationService organizations;

    public PlatformOrganization(OrganizationService organizations) {
        this.organizations = organizations;
    }

    void ensure(@Observes @Priority(100) StartupEvent event) throws Throwable {
        Organization platform = VertxContextSupport.subscribeAndAwait(organizations::ensurePlatform);
        LOG.infof("platform organization %s (%s)", platform.id, platform.name);
    }
}
