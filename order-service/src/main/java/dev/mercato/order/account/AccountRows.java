package dev.mercato.order.account;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;

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
@Singleton
class AccountRows {

    /** The columns read, in order: a row's values are read by position (by name, each read searches the names). */
    private enum Column {
        ID, CSN, NAME, ACCOUNT_TYPE, STATUS, PARENT_ID, ANCESTRY, PATH, EXTERNAL_ID, COUNTRY_CODE, ADDRESS_LINE1,
        ADDRESS_LINE2, ADDRESS_LINE3, CITY, POSTAL, STATE_PROVINCE, COUNTRY, SEGMENT, CURRENCY, METADATA, CREATED_AT,
        LAST_UPDATED, SOURCE_VERSION;

        String of(Row row) {
            return row.getString(ordinal());
        }
    }

    private static final String BY_ID = Arrays.stream(Column.values()).map(column -> column.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining(", ", "select ", " from account where id = $1"));

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
        account.id = Column.ID.of(row);
        account.csn = Column.CSN.of(row);
        account.name = Column.NAME.of(row);
        account.accountType = AccountType.valueOf(Column.ACCOUNT_TYPE.of(row));
        account.status = AccountStatus.valueOf(Column.STATUS.of(row));
        account.parentId = Column.PARENT_ID.of(row);
        account.ancestry = Column.ANCESTRY.of(row);
        account.path = Column.PATH.of(row);
        account.externalId = Column.EXTERNAL_ID.of(row);
        account.countryCode = Column.COUNTRY_CODE.of(row);
        account.addressLine1 = Column.ADDRESS_LINE1.of(row);
        account.addressLine2 = Column.ADDRESS_LINE2.of(row);
        account.addressLine3 = Column.ADDRESS_LINE3.of(row);
        account.city = Column.CITY.of(row);
        account.postal = Column.POSTAL.of(row);
        account.stateProvince = Column.STATE_PROVINCE.of(row);
        account.country = Column.COUNTRY.of(row);
        account.segment = Column.SEGMENT.of(row);
        account.currency = Column.CURRENCY.of(row);
        account.metadata = Column.METADATA.of(row);
        account.createdAt = instant(row.getOffsetDateTime(Column.CREATED_AT.ordinal()));
        account.lastUpdated = instant(row.getOffsetDateTime(Column.LAST_UPDATED.ordinal()));
        account.sourceVersion = row.getLong(Column.SOURCE_VERSION.ordinal());
        return account;
    }

    private static Instant instant(OffsetDateTime time) {
        return time.toInstant();
    }
}
