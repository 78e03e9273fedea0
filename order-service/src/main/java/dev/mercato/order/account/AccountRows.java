package dev.mercato.order.account;

import java.time.Instant;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * One account by id, read with one statement on the reactive client, without an ORM session: the single-row read
 * behind {@code GET /accounts/{id}}, which a session, its persistence context and a query plan lookup made several
 * times dearer than the statement itself (docs/BENCHMARKS.md). Lists and dumps stay on Hibernate ({@code Listings}).
 */
@ApplicationScoped
class AccountRows {

    private static final String BY_ID = """
            select id, csn, name, account_type, status, parent_id, ancestry, path, external_id, country_code,
                   address_line1, address_line2, address_line3, city, postal, state_province, country, segment,
                   currency, metadata, created_at, last_updated, source_version
            from account where id = $1""";

    private final Pool pool;

    AccountRows(Pool pool) {
        this.pool = pool;
    }

    /** The account with this id, or null; not attached to any session. */
    Uni<Account> byId(String id) {
        return pool.preparedQuery(BY_ID).execute(Tuple.of(id)).map(rows -> {
            RowIterator<Row> found = rows.iterator();
            return found.hasNext() ? account(found.next()) : null;
        });
    }

    private static Account account(Row row) {
        Account account = new Account();
        account.id = row.getString("id");
        account.csn = row.getString("csn");
        account.name = row.getString("name");
        account.accountType = AccountType.valueOf(row.getString("account_type"));
        account.status = AccountStatus.valueOf(row.getString("status"));
        account.parentId = row.getString("parent_id");
        account.ancestry = row.getString("ancestry");
        account.path = row.getString("path");
        account.externalId = row.getString("external_id");
        account.countryCode = row.getString("country_code");
        account.addressLine1 = row.getString("address_line1");
        account.addressLine2 = row.getString("address_line2");
        account.addressLine3 = row.getString("address_line3");
        account.city = row.getString("city");
        account.postal = row.getString("postal");
        account.stateProvince = row.getString("state_province");
        account.country = row.getString("country");
        account.segment = row.getString("segment");
        account.currency = row.getString("currency");
        account.metadata = row.getString("metadata");
        account.createdAt = instant(row.getOffsetDateTime("created_at"));
        account.lastUpdated = instant(row.getOffsetDateTime("last_updated"));
        account.sourceVersion = row.getLong("source_version");
        return account;
    }

    private static Instant instant(OffsetDateTime time) {
        return time.toInstant();
    }
}
