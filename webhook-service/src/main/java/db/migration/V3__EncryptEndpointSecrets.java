package db.migration;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;

import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import dev.mercato.platform.crypto.AesGcm;
import dev.mercato.platform.crypto.ServerKeys;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * Encrypts the endpoint secrets stored as issued before secrets were encrypted at rest (README "Signing"): each
 * {@code secret} and {@code previous_secret} still in its issued form ({@code whsec_…}) is replaced by its AES-GCM
 * ciphertext under {@code mercato.webhooks.secret-encryption-key}, with the endpoint id as associated data — the
 * form {@code SecretEncryption} reads.
 */
public class V3__EncryptEndpointSecrets extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Optional<String> configured = ConfigProvider.getConfig()
                .getOptionalValue("mercato.webhooks.secret-encryption-key", String.class);
        AesGcm cipher = new AesGcm(ServerKeys.resolve("mercato.webhooks.secret-encryption-key",
                "MERCATO_WEBHOOKS_SECRET_ENCRYPTION_KEY", configured, ConfigUtils.getProfiles().contains("prod")));
        try (Statement select = context.getConnection().createStatement();
                ResultSet rows = select.executeQuery("select id, secret, previous_secret from webhook_endpoint "
                        + "where secret like 'whsec\\_%' or previous_secret like 'whsec\\_%' for update");
                PreparedStatement update = context.getConnection().prepareStatement(
                        "update webhook_endpoint set secret = ?, previous_secret = ? where id = ?")) {
            while (rows.next()) {
                String id = rows.getString("id");
                update.setString(1, sealed(cipher, id, rows.getString("secret")));
                update.setString(2, sealed(cipher, id, rows.getString("previous_secret")));
                update.setString(3, id);
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private static String sealed(AesGcm cipher, String endpointId, String stored) {
        return stored == null || !stored.startsWith("whsec_") ? stored : cipher.encrypt(endpointId, stored);
    }
}
