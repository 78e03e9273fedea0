package dev.mercato.metering.readmodel;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.platform.events.ListingChangedV1;
import dev.mercato.platform.events.ListingChangedV1.DimensionV1;
import dev.mercato.platform.events.Topics;

/** Every listing of {@code catalog.listings} with its dimensions, in memory: usage is checked against them. */
@Singleton // no client proxy: read on every usage event, and the superclass has no no-args constructor
public class MeteredListings extends CompactedTopicView<ListingChangedV1> {

    public MeteredListings(ObjectMapper json) {
        super(Topics.CATALOG_LISTINGS, ListingChangedV1.CHANGED, ListingChangedV1.class, ListingChangedV1::version, json);
    }

    /** The dimension {@code key} of {@code listing}, or null. */
    public static DimensionV1 dimension(ListingChangedV1 listing, String key) {
        if (listing.dimensions() == null || key == null) {
            return null;
        }
        // A listing has a handful of dimensions: a scan beats building a map per snapshot.
        for (DimensionV1 dimension : listing.dimensions()) {
            if (key.equals(dimension.key())) {
                return dimension;
            }
        }
        return null;
    }
}
