package jp.joren.shops;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;
import org.jspecify.annotations.Nullable;

class ShopSettingsForm {

    @NotBlank(message = "{validation.required}")
    @Size(max = 100, message = "{validation.tooLong}")
    @Getter @Setter private String name = "";

    @NotBlank(message = "{validation.required}")
    @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,38}[a-z0-9]", message = "{validation.slug}")
    @Getter @Setter private String slug = "";

    @NotBlank(message = "{validation.required}")
    @Getter @Setter private String timeZone = "Asia/Tokyo";

    @Size(max = 100, message = "{validation.tooLong}")
    @Getter @Setter private @Nullable String senderName;

    @Size(max = 300, message = "{validation.tooLong}")
    @Getter @Setter private @Nullable String senderPostalAddress;

    @Email(message = "{validation.email}")
    @Size(max = 200, message = "{validation.tooLong}")
    @Getter @Setter private @Nullable String senderEmail;

    @Pattern(regexp = "^$|[0-9０-９+() -]{6,20}", message = "{validation.phone}")
    @Getter @Setter private @Nullable String senderPhone;

    /** The version of the settings the form was opened on. */
    @Getter @Setter private @Nullable Long version;

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
}
