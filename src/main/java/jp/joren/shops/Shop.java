package jp.joren.shops;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/** The tenant: its id is every shop row's tenant_id. */
@Entity
public class Shop {

    @Id
    private Long id;

    private String name;

    private String slug;

    private String timeZone;

    private LocalTime nightlyRunAt = LocalTime.of(2, 0);

    private @Nullable String senderName;

    private @Nullable String senderPostalAddress;

    private @Nullable String senderEmail;

    private @Nullable String senderPhone;

    private Instant createdAt = Instant.now();

    /** Moved on by every update of the row (optimistic locking; see V23). */
    @Version
    private long version;

    protected Shop() {
    }

    Shop(long id, String name, ZoneId timeZone) {
        this.id = id;
        this.name = name.trim();
        this.slug = "shop-" + id;
        this.timeZone = timeZone.getId();
        this.senderName = this.name;
    }

    void update(ShopSettingsForm settings) {
        this.name = settings.getName().trim();
        this.slug = settings.getSlug().trim();
        this.timeZone = settings.getTimeZone();
        this.senderName = trimToNull(settings.getSenderName());
        this.senderPostalAddress = trimToNull(settings.getSenderPostalAddress());
        this.senderEmail = trimToNull(settings.getSenderEmail());
        this.senderPhone = trimToNull(settings.getSenderPhone());
    }

    /** The settings as a person reads them, for the conflict page (keys name their labels). */
    static Map<String, Object> snapshot(ShopSettingsForm settings) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("shopName", settings.getName());
        fields.put("slug", settings.getSlug());
        fields.put("timeZone", settings.getTimeZone());
        fields.put("senderName", trimToNull(settings.getSenderName()));
        fields.put("senderPostalAddress", trimToNull(settings.getSenderPostalAddress()));
        fields.put("senderEmail", trimToNull(settings.getSenderEmail()));
        fields.put("senderPhone", trimToNull(settings.getSenderPhone()));
        return fields;
    }

    public long getVersion() {
        return version;
    }

    private static @Nullable String trimToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getSlug() {
        return slug;
    }

    public ZoneId getZone() {
        return ZoneId.of(timeZone);
    }

    public String getTimeZone() {
        return timeZone;
    }

    public LocalTime getNightlyRunAt() {
        return nightlyRunAt;
    }

    public @Nullable String getSenderName() {
        return senderName;
    }

    public @Nullable String getSenderPostalAddress() {
        return senderPostalAddress;
    }

    public @Nullable String getSenderEmail() {
        return senderEmail;
    }

    public @Nullable String getSenderPhone() {
        return senderPhone;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
