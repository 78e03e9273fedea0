package dev.mercato.metering.ingest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.mercato.platform.api.ApiError;

/** Answers {@link IngestUnavailableException} with 503, {@code Retry-After} and the error shape. */
public class IngestUnavailableMapper {

    private static final Logger LOG = Logger.getLogger(IngestUnavailableMapper.class);

    private final IngestConfig config;

    public IngestUnavailableMapper(IngestConfig config) {
        this.config = config;
    }

    @ServerExceptionMapper
    public Response unavailable(IngestUnavailableException e) {
        LOG.warnf("usage request answered 503: %s%s", e.getMessage(), e.getCause() == null ? "" : " (" + e.getCause() + ")");
        return Response.status(503).type(MediaType.APPLICATION_JSON)
                .header("Retry-After", Math.max(1, config.retryAfter().toSeconds()))
                .entity(new ApiError(503, e.getMessage(), java.util.List.of())).build();
    }
}
