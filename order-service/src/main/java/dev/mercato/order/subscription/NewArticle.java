package dev.mercato.order.subscription;

/** The article a subscription switches to (S2S), keeping its term; seats follow the new pack size. */
public record NewArticle(
        String renewalSku,
        String description,
        String productLineCode,
        Deployment deployment,
        int packSize,
        Prices prices) {

    public NewArticle {
        if (renewalSku == null || renewalSku.isBlank() || packSize < 1 || deployment == null) {
            throw new IllegalArgumentException("an article needs a SKU, a deployment and a pack size of at least 1");
        }
        prices = prices == null ? Prices.NONE : prices;
    }
}
