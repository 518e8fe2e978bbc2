package jp.joren.shops;

import java.time.ZoneId;
import java.util.Locale;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jp.joren.accounts.AcceptablePassword;
import lombok.Getter;
import lombok.Setter;

class SignupForm {

    @NotBlank(message = "{validation.required}")
    @Size(max = 100, message = "{validation.tooLong}")
    @Getter @Setter private String shopName = "";

    @NotBlank(message = "{validation.required}")
    @Size(max = 100, message = "{validation.tooLong}")
    @Getter @Setter private String ownerName = "";

    @NotBlank(message = "{validation.required}")
    @Email(message = "{validation.email}")
    @Size(max = 200, message = "{validation.tooLong}")
    @Getter @Setter private String email = "";

    @NotBlank(message = "{validation.required}")
    @AcceptablePassword
    @Getter @Setter private String password = "";

    @NotBlank(message = "{validation.required}")
    @Getter @Setter private String timeZone = "Asia/Tokyo";

    NewShop toNewShop(Locale language) {
        return new NewShop(shopName, ownerName, email, password, ZoneId.of(timeZone), language);
    }
}
