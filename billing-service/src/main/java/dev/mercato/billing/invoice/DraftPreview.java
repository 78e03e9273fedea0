package dev.mercato.billing.invoice;

import java.util.ArrayList;
import java.util.List;

import dev.mercato.billing.rating.RatedLine;

/** A computed invoice shown as the API shows a stored draft: what a dry run answers. */
public final class DraftPreview {

    private DraftPreview() {
    }

    public static InvoiceResponse of(InvoiceDraft draft) {
        List<InvoiceLineResponse> lines = new ArrayList<>();
        int lineNo = 0;
        for (RatedLine line : draft.lines()) {
            lines.add(new InvoiceLineResponse(++lineNo, line.kind(), line.subscriptionId(), line.description(), line.sku(),
                    line.planId(), line.planVersion(), line.dimension(), line.serviceFrom(), line.serviceTo(),
                    InvoiceReader.plain(line.price().quantity()), InvoiceReader.plain(line.price().unitPrice()),
                    line.price().list().amount(), line.price().discount().amount(), line.price().total().amount(),
                    line.priceCurrency(), line.exchangeRate(), line.rateDate(), line.discountId(), line.srpPrice(),
                    line.purPrice()));
        }
        return new InvoiceResponse(draft.id(), draft.issuerId(), null, draft.customerId(), draft.period().name(),
                draft.period().start(), draft.period().end(), draft.currency(), "DRAFT", draft.subtotal().amount(),
                draft.discountTotal().amount(), draft.total().amount(), lines, null, null, null, null);
    }
}
