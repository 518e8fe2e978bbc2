package jp.joren.shops;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

class ShopSettingsForm {

    @NotBlank(message = "{validation.required}")
    @Size(max = 100, message = "{validation.tooLong}")
    private String name = "";

    @NotBlank(message = "{validation.required}")
    @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,38}[a-z0-9]", message = "{validation.slug}")
    private String slug = "";

    @NotBlank(message = "{validation.required}")
    private String timeZone = "Asia/Tokyo";

    @Size(max = 100, message = "{validation.tooLong}")
    private @Nullable String senderName;

    @Size(max = 300, message = "{validation.tooLong}")
    private @Nullable String senderPostalAddress;

    @Email(message = "{validation.email}")
    @Size(max = 200, message = "{validation.tooLong}")
    private @Nullable String senderEmail;

    @Pattern(regexp = "^$|[0-9０-９+() -]{6,20}", message = "{validation.phone}")
    private @Nullable String senderPhone;

    /** The version of the settings the form was opened on. */
    private @Nullable Long version;

    static ShopSettingsForm of(Shop shop) {
        ShopSettingsForm form = new ShopSettingsForm();
        form.name = shop.getName();
        form.slug = shop.getSlug();
        form.timeZone = shop.getTimeZone();
        form.senderName = shop.getSenderName();
        form.senderPostalAddress = shop.getSenderPostalAddress();
        form.senderEmail = shop.getSenderEmail();
        form.senderPhone = shop.getSenderPhone();
        form.version = shop.getVersion();
        return form;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public @Nullable String getSenderName() {
        return senderName;
    }

    public void setSenderName(@Nullable String senderName) {
        this.senderName = senderName;
    }

    public @Nullable String getSenderPostalAddress() {
        return senderPostalAddress;
    }

    public void setSenderPostalAddress(@Nullable String senderPostalAddress) {
        this.senderPostalAddress = senderPostalAddress;
    }

    public @Nullable String getSenderEmail() {
        return senderEmail;
    }

    public void setSenderEmail(@Nullable String senderEmail) {
        this.senderEmail = senderEmail;
    }

    public @Nullable String getSenderPhone() {
        return senderPhone;
    }

    public void setSenderPhone(@Nullable String senderPhone) {
        this.senderPhone = senderPhone;
    }

    public @Nullable Long getVersion() {
        return version;
    }

    public void setVersion(@Nullable Long version) {
        this.version = version;
    }
}
