package dev.mercato.billing.run;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.billing.invoice.DraftPreview;
import dev.mercato.billing.invoice.InvoiceDraft;
import dev.mercato.billing.invoice.InvoiceFinalizer;
import dev.mercato.billing.invoice.InvoiceResponse;
import dev.mercato.billing.invoice.InvoiceWriter;
import dev.mercato.billing.rating.BillingPeriod;
import dev.mercato.billing.rating.RatedLine;
import dev.mercato.billing.rating.RatingException;
import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.id.Ids;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Bills a period: every customer with subscriptions whose billing period of that month has ended and that
 * has no invoice for it yet gets one draft invoice with the rated lines of all its subscriptions. Runs of one
 * period are serialized by an advisory lock, and a customer invoiced already is left alone, so running a period
 * twice changes nothing. A dry run rates the same way and stores nothing.
 */
@ApplicationScoped
public class BillingRuns {

    private final Pool pool;
    private final RatingInputs inputs;
    private final InvoiceWriter writer;
    private final InvoiceFinalizer finalizer;
    private final Clock clock;
    private final MeterRegistry registry;

    public BillingRuns(Pool pool, RatingInputs inputs, InvoiceWriter writer, InvoiceFinalizer finalizer,
            MeterRegistry registry, Clock clock) {
        this.pool = pool;
        this.inputs = inputs;
        this.writer = writer;
        this.finalizer = finalizer;
        this.clock = clock;
        this.registry = registry;
    }

    /** The month of {@code period}; 400 naming {@code period} unless it is {@code yyyy-MM} and has ended. */
    public YearMonth endedMonth(String period) {
        YearMonth month = BillingPeriod.parseMonth(period);
        if (month == null) {
            throw ApiException.invalidField("period", "must be a month as yyyy-MM, such as 2026-10");
        }
        if (!month.isBefore(YearMonth.now(clock))) {
            throw ApiException.invalidField("period", "must be a month before the current one: "
                    + month + " has not ended");
        }
        return month;
    }

    /**
     * Bills {@code month}, measured as {@code mercato.billing.run.duration} (tags {@code mode} dry-run or stored,
     * {@code outcome} ok or failed) with the invoices counted in {@code mercato.billing.invoices} (tag {@code event}
     * created, finalized) and the customers left out in {@code mercato.billing.run.skipped}.
     */
    public Uni<BillingRunResponse> run(YearMonth month, boolean dryRun, boolean finalize) {
        Timer.Sample sample = Timer.start(registry);
        String mode = dryRun ? "dry-run" : "stored";
        return bill(month, dryRun, finalize)
                .invoke(result -> {
                    sample.stop(registry.timer("mercato.billing.run.duration", "mode", mode, "outcome", "ok"));
                    if (!dryRun) {
                        registry.counter("mercato.billing.invoices", "event", "created").increment(result.invoicesCreated());
                        registry.counter("mercato.billing.invoices", "event", "finalized").increment(result.invoicesFinalized());
                        registry.counter("mercato.billing.run.skipped").increment(result.skipped().size());
                    }
                })
                .onFailure().invoke(() -> sample.stop(registry.timer("mercato.billing.run.duration", "mode", mode,
                        "outcome", "failed")));
    }

    private Uni<BillingRunResponse> bill(YearMonth month, boolean dryRun, boolean finalize) {
        LocalDate today = LocalDate.now(clock);
        return pool.withTransaction(connection -> connection
                .preparedQuery("select pg_advisory_xact_lock(hashtext($1))").execute(Tuple.of("billing-run:" + month))
                .chain(() -> customers(connection, month))
                .chain(candidates -> {
                    List<DueCustomer> due = new ArrayList<>();
                    List<BillingRunResponse.Skipped> skipped = new ArrayList<>();
                    int invoiced = 0;
                    for (Candidate candidate : candidates) {
                        if (candidate.invoiced()) {
                            invoiced++;
                        } else if (!candidate.customer().period().endedBy(today)) {
                            skipped.add(new BillingRunResponse.Skipped(candidate.customer().id(),
                                    "its billing period ends on " + candidate.customer().period().end()));
                        } else {
                            due.add(candidate.customer());
                        }
                    }
                    int alreadyInvoiced = invoiced;
                    if (due.isEmpty()) {
                        return Uni.createFrom().item(result(null, month, dryRun, List.of(), 0, alreadyInvoiced, skipped));
                    }
                    return inputs.load(connection, due)
                            .map(loaded -> draft(due, loaded, skipped))
                            .chain(drafts -> dryRun
                                    ? Uni.createFrom().item(result(null, month, true, drafts, 0, alreadyInvoiced, skipped))
                                    : store(connection, month, drafts, finalize, alreadyInvoiced, skipped));
                }));
    }

    private Uni<BillingRunResponse> store(SqlConnection connection, YearMonth month, List<InvoiceDraft> drafts,
            boolean finalize, int alreadyInvoiced, List<BillingRunResponse.Skipped> skipped) {
        String runId = Ids.next("run");
        List<String> ids = drafts.stream().map(InvoiceDraft::id).toList();
        return writer.insertDrafts(connection, drafts)
                .chain(() -> connection.preparedQuery("""
                        insert into billing_run (id, period, started_at, invoices, skipped) values ($1, $2, $3, $4, $5)""")
                        .execute(Tuple.from(Arrays.asList(runId, month.toString(), OffsetDateTime.now(clock),
                                drafts.size(), skipped.size()))))
                .chain(() -> finalize ? finalizer.finalizeDrafts(connection, ids).map(List::size) : Uni.createFrom().item(0))
                .map(finalized -> new BillingRunResponse(runId, month.toString(), false, drafts.size(), finalized,
                        alreadyInvoiced, skipped, ids, null));
    }

    private static BillingRunResponse result(String id, YearMonth month, boolean dryRun, List<InvoiceDraft> drafts,
            int finalized, int alreadyInvoiced, List<BillingRunResponse.Skipped> skipped) {
        List<InvoiceResponse> previews = drafts.stream().map(DraftPreview::of).toList();
        return new BillingRunResponse(id, month.toString(), dryRun, dryRun ? 0 : drafts.size(), finalized, alreadyInvoiced,
                skipped, null, dryRun ? previews : null);
    }

    private static List<InvoiceDraft> draft(List<DueCustomer> due, RatingInputs.Loaded loaded,
            List<BillingRunResponse.Skipped> skipped) {
        List<InvoiceDraft> drafts = new ArrayList<>();
        for (DueCustomer customer : due) {
            List<RatedLine> lines;
            try {
                lines = CustomerRating.rate(customer, loaded);
            } catch (RatingException e) {
                skipped.add(new BillingRunResponse.Skipped(customer.id(), e.getMessage()));
                continue;
            }
            if (lines.isEmpty()) {
                skipped.add(new BillingRunResponse.Skipped(customer.id(), "nothing to bill in its period"));
                continue;
            }
            drafts.add(new InvoiceDraft(Ids.next("inv"), customer.issuerId(), customer.id(), customer.path(),
                    customer.period(), customer.currency(), lines));
        }
        return drafts;
    }

    private record Candidate(DueCustomer customer, boolean invoiced) {
    }

    private static Uni<List<Candidate>> customers(SqlConnection connection, YearMonth month) {
        return connection.preparedQuery("""
                select c.id, c.parent_id, c.ancestry, c.currency, c.billing_day,
                    exists (select 1 from invoice i where i.customer_id = c.id and i.period = $1) as invoiced
                from billing_customer c
                where exists (select 1 from billing_subscription s where s.customer_id = c.id)
                order by c.id""").execute(Tuple.of(month.toString()))
                .map(rows -> {
                    List<Candidate> candidates = new ArrayList<>();
                    for (Row row : rows) {
                        String id = row.getString("id");
                        String ancestry = row.getString("ancestry");
                        String parent = row.getString("parent_id");
                        int billingDay = row.getInteger("billing_day");
                        candidates.add(new Candidate(new DueCustomer(id, parent == null ? id : parent,
                                ancestry.isEmpty() ? id : ancestry + "/" + id, row.getString("currency"), billingDay,
                                BillingPeriod.of(month, billingDay)), row.getBoolean("invoiced")));
                    }
                    return candidates;
                });
    }
}
