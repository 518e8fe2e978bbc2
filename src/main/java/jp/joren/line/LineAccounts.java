package jp.joren.line;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;

import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The current shop's LINE official account: connecting it, and its credentials and send hours for others. */
@Service
@RequiredArgsConstructor
public class LineAccounts {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final LineSecretBox box;
    private final Clock clock;

    /** Connects (or updates) the account; false when a secret or token is missing for a first connection. */
    @Transactional
    public boolean connect(LineConnection connection) {
        boolean connected = view().isPresent();
        String secret = blankToNull(connection.channelSecret());
        String token = blankToNull(connection.accessToken());
        if (!connected && (secret == null || token == null)) {
            return false;
        }
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        LocalTime from = connection.sendFrom() == null ? SendHours.DEFAULT_FROM : connection.sendFrom();
        LocalTime until = connection.sendUntil() == null ? SendHours.DEFAULT_UNTIL : connection.sendUntil();
        if (!connected) {
            jdbc.sql("""
                            insert into line_account (tenant_id, channel_id, channel_secret, access_token, secret_tail,
                                                      token_tail, webhook_key, send_from, send_until, connected_at,
                                                      updated_at)
                            values (:shop, :channelId, :secret, :token, :secretTail, :tokenTail, :webhookKey, :from,
                                    :until, :now, :now)""")
                    .param("shop", shop()).param("channelId", connection.channelId().trim())
                    .param("secret", box.seal(secret)).param("token", box.seal(token))
                    .param("secretTail", tail(secret)).param("tokenTail", tail(token))
                    .param("webhookKey", HexFormat.of().formatHex(randomBytes()))
                    .param("from", from).param("until", until).param("now", now)
                    .update();
            return true;
        }
        jdbc.sql("""
                        update line_account
                           set channel_id = :channelId,
                               channel_secret = coalesce(:secret, channel_secret),
                               secret_tail = coalesce(:secretTail, secret_tail),
                               access_token = coalesce(:token, access_token),
                               token_tail = coalesce(:tokenTail, token_tail),
                               send_from = :from, send_until = :until, updated_at = :now
                         where tenant_id = :shop""")
                .param("channelId", connection.channelId().trim())
                .param("secret", secret == null ? null : box.seal(secret))
                .param("secretTail", secret == null ? null : tail(secret))
                .param("token", token == null ? null : box.seal(token))
                .param("tokenTail", token == null ? null : tail(token))
                .param("from", from).param("until", until).param("now", now).param("shop", shop())
                .update();
        return true;
    }

    @Transactional(readOnly = true)
    public Optional<LineAccountView> view() {
        return jdbc.sql("""
                        select channel_id, secret_tail, token_tail, webhook_key, send_from, send_until
                          from line_account where tenant_id = :shop""")
                .param("shop", shop())
                .query((rs, row) -> new LineAccountView(rs.getString("channel_id"), rs.getString("secret_tail"),
                        rs.getString("token_tail"), rs.getString("webhook_key"),
                        rs.getObject("send_from", LocalTime.class), rs.getObject("send_until", LocalTime.class)))
                .optional();
    }

    /** The decrypted credentials, when the shop connected LINE. */
    @Transactional(readOnly = true)
    public Optional<LineCredentials> credentials() {
        return jdbc.sql("select channel_id, channel_secret, access_token from line_account where tenant_id = :shop")
                .param("shop", shop())
                .query((rs, row) -> new LineCredentials(rs.getString("channel_id"),
                        box.open(rs.getBytes("channel_secret")), box.open(rs.getBytes("access_token"))))
                .optional();
    }

    /** The shop's LINE send hours in its time zone (the defaults when LINE is not connected). */
    @Transactional(readOnly = true)
    public SendHours sendHours() {
        return jdbc.sql("""
                        select s.time_zone, a.send_from, a.send_until
                          from shop s left join line_account a on a.tenant_id = s.id and a.tenant_id = :shop
                         where s.id = :shop""")
                .param("shop", shop())
                .query((rs, row) -> {
                    LocalTime from = rs.getObject("send_from", LocalTime.class);
                    LocalTime until = rs.getObject("send_until", LocalTime.class);
                    return new SendHours(from == null ? SendHours.DEFAULT_FROM : from,
                            until == null ? SendHours.DEFAULT_UNTIL : until, ZoneId.of(rs.getString("time_zone")));
                })
                .single();
    }

    /** The shop whose webhook URL carries this key; read before any shop is known. */
    Optional<Long> shopForWebhook(String key) {
        return jdbc.sql("select shop_for_line_webhook(:key)").param("key", key).query(Long.class).list().stream()
                .filter(java.util.Objects::nonNull).findFirst();
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String tail(String secret) {
        return secret.length() <= 4 ? secret : secret.substring(secret.length() - 4);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static long shop() {
        return CurrentTenant.require();
    }
}
