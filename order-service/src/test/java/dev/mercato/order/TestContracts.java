package dev.mercato.order;

import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.order.account.AccountRepository;
import dev.mercato.order.contract.ContractCreated;
import dev.mercato.order.contract.ContractService;
import dev.mercato.order.contract.ContractType;
import dev.mercato.order.contract.NewContract;
import dev.mercato.order.subscription.NewSubscription;
import dev.mercato.order.subscription.Prices;
import dev.mercato.testkit.OrganizationEvents;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.testkit.TestSql;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * Contracts for tests, made the way transaction processing makes them: through {@link ContractService}, in a
 * transaction on a Vert.x context, after the customer's account has arrived from identity.organizations.
 */
@ApplicationScoped
public class TestContracts {

    /** Unit prices of the tests' articles: 400 eur to buy, 405 eur (4500 sek) to sell. */
    public static final Prices PRICES = new Prices(Map.of("eur", new BigDecimal("400")),
            Map.of("eur", new BigDecimal("405"), "sek", new BigDecimal("4500")));

    private final ContractService contracts;
    private final AccountRepository accounts;

    public TestContracts(ContractService contracts, AccountRepository accounts) {
        this.contracts = contracts;
        this.accounts = accounts;
    }

    /** Publishes {@code organizations} (all in {@code country}) and waits until order-service has their accounts. */
    public static void publish(String country, TestOrganization... organizations) {
        for (TestOrganization organization : organizations) {
            OrganizationEvents.send(organization, organization.kind() + " " + organization.id(), country, 0);
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TestSql.number("select count(*) from account where country_code = ?", country)
                        >= organizations.length);
    }

    /** A 12-month subscription contract for {@code customer} from {@code start} to {@code end}. */
    public ContractCreated create(TestOrganization customer, LocalDate start, LocalDate end, NewSubscription... items) {
        NewContract terms = new NewContract(start, end, 12, ContractType.SUBSCRIPTION, "viktor@mineparts.example",
                "Viktor", "Mäkelä", "+46722483990");
        return inTransaction(() -> accounts.findById(customer.id())
                .chain(account -> contracts.createWithSubscriptions(account, terms, List.of(items))));
    }

    /** {@code quantity} of article {@code sku} (pack size 1) at {@link #PRICES}. */
    public static NewSubscription item(String sku, int quantity) {
        return NewSubscription.of(sku, quantity, 1, PRICES);
    }

    /** Runs {@code work} in a transaction on a Vert.x context, as a request or consumer would, and waits for it. */
    public static <T> T inTransaction(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
        } catch (Throwable e) {
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }
}
