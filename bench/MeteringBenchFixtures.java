import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What metering-service's read models need besides the tenant, published as catalog-service and order-service
 * would: a metered listing (api_calls) and an entitlement of the tenant to it, each with a fixed id so that a
 * second run replaces rather than adds them. Run with the broker's jars on the class path:
 *
 * <pre>java -cp '.mercato/kafka/lib/*' bench/MeteringBenchFixtures.java bootstrap tenantId listingId vendorId</pre>
 */
public class MeteringBenchFixtures {

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0], tenant = args[1], listing = args[2], vendor = args[3];
        String entitlement = "ent_" + listing.substring(4) + "_" + tenant.substring(Math.max(0, tenant.length() - 8));
        Instant now = Instant.now();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long version = now.toEpochMilli();
        Properties properties = new Properties();
        properties.put("bootstrap.servers", bootstrap);
        properties.put("acks", "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            send(producer, "catalog.listings", listing, "mercato.catalog.listing.changed.v1", """
                    {"id": "%s", "vendor": "aws", "vendorId": "%s", "name": "Metering bench", "description": null,
                     "productCode": "bench", "currency": "usd", "status": "ACTIVE",
                     "dimensions": [{"key": "api_calls", "title": "API calls", "unit": "call", "pricePerUnit": 0.001,
                       "decimals": 0, "description": null, "retiredAt": null, "aggregation": "SUM", "uniqueProperty": null,
                       "tokenRate": null}],
                     "createdAt": "%s", "updatedAt": "%s", "version": %d}""".formatted(listing, vendor, now, now, version));
            send(producer, "orders.entitlements", entitlement, "mercato.orders.entitlement.changed.v1", """
                    {"id": "%s", "customerId": "%s", "customerCsn": null, "customerName": "Metering bench tenant",
                     "listingId": "%s", "sku": null, "description": "Metering bench", "dimensions": ["api_calls"], "seats": 1,
                     "startDate": "%s", "endDate": "%s", "status": "ACTIVE", "subscriptions": ["BENCH-1"],
                     "createdAt": "%s", "lastUpdated": "%s", "version": %d}"""
                    .formatted(entitlement, tenant, listing, today.minusDays(60), today.plusDays(300), now, now, version));
        }
    }

    private static void send(KafkaProducer<String, String> producer, String topic, String key, String type, String body)
            throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, body);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_source", "/mercato/metering-bench");
        header(record, "ce_type", type);
        header(record, "ce_subject", key);
        header(record, "ce_time", Instant.now().toString());
        header(record, "content-type", "application/json");
        producer.send(record).get();
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
