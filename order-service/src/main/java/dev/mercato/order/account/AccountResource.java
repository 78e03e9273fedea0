package dev.mercato.order.account;

import java.time.Clock;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.api.ApiResponse;
import dev.mercato.platform.api.PageResponse;
import dev.mercato.platform.persistence.Listings;
import dev.mercato.platform.query.ListQuery;
import dev.mercato.platform.query.QueryContext;
import dev.mercato.platform.query.QueryFields;
import dev.mercato.platform.security.Caller;
import dev.mercato.platform.security.Scopes;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Accounts: the organizations order-service knows, read-only. Needs {@code read:customers};
 * a caller sees its own organization's account and those below it, and nothing else (404).
 */
@Path("/api/v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
@PermissionsAllowed(Scopes.READ_CUSTOMERS)
public class AccountResource {

    static final QueryFields FIELDS = QueryFields.builder()
            .string("id", "id")
            .string("csn", "csn")
            .string("name", "name")
            .enumeration("accountType", "accountType", AccountType.class)
            .enumeration("status", "status", AccountStatus.class)
            .string("parentId", "parentId")
            .string("externalId", "externalId")
            .string("city", "city")
            .string("postal", "postal")
            .string("countryCode", "countryCode")
            .string("segment", "segment")
            .string("currency", "currency")
            .instant("createdAt", "createdAt")
            .instant("lastUpdated", "lastUpdated")
            .defaultSort("-createdAt")
            .tieBreaker("id")
            .build();

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    /** The account attribute holding the owning organization's path. */
    private static final String OWNER_PATH = "path";

    private final AccountRepository accounts;
    private final AccountRows rows;
    private final ObjectMapper json;
    private final Caller caller;

    public AccountResource(AccountRepository accounts, AccountRows rows, ObjectMapper json, Caller caller) {
        this.accounts = accounts;
        this.rows = rows;
        this.json = json;
        this.caller = caller;
    }

    @GET
    @WithSession
    public Uni<PageResponse<AccountResponse>> list(@Context UriInfo uri) {
        ListQuery query = ListQuery.parse(uri.getQueryParameters(), FIELDS, QueryContext.of(Clock.systemUTC()));
        return Listings.page(accounts, caller.visibility(OWNER_PATH), query, this::toResponse);
    }

    @GET
    @Path("/-dump")
    public Multi<AccountResponse> dump() {
        return Listings.dump(accounts, caller.visibility(OWNER_PATH), "id", account -> account.id, this::toResponse);
    }

    /** One statement on the reactive client (no ORM session); an account the caller may not see is not found. */
    @GET
    @Path("/{id}")
    public Uni<ApiResponse<AccountResponse>> get(@PathParam("id") String id) {
        return rows.byId(id)
                .map(account -> account != null && caller.canSee(account.path) ? account : null)
                .onItem().ifNull().failWith(() -> ApiException.notFound("account", id))
                .map(account -> ApiResponse.ok(toResponse(account)));
    }

    private AccountResponse toResponse(Account account) {
        return new AccountResponse(account.id, "account", account.csn, account.name, account.accountType.name(),
                account.status.name(), account.parentId, account.externalId, account.addressLine1,
                account.addressLine2, account.addressLine3, account.city, account.postal, account.stateProvince,
                account.country, account.countryCode, account.segment, account.currency, metadataOf(account),
                account.createdAt, account.lastUpdated);
    }

    private Map<String, Object> metadataOf(Account account) {
        try {
            return json.readValue(account.metadata, OBJECT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored metadata of account " + account.id + " is not JSON", e);
        }
    }
}
