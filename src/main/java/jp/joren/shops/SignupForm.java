package jp.joren.shops;

import java.time.ZoneId;
import java.util.Locale;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jp.joren.accounts.AcceptablePassword;

class SignupForm {

    @NotBlank(message = "{validation.required}")
    @Size(max = 100, message = "{validation.tooLong}")
    private String shopName = "";

    @NotBlank(message = "{validation.required}")
    @Size(max = 100, message = "{validation.tooLong}")
    private String ownerName = "";

    @NotBlank(message = "{validation.required}")
    @Email(message = "{validation.email}")
    @Size(max = 200, message = "{validation.tooLong}")
    private String email = "";

    @NotBlank(message = "{validation.required}")
    @AcceptablePassword
    private String password = "";

    @NotBlank(message = "{validation.required}")
    private String timeZone = "Asia/Tokyo";

    NewShop toNewShop(Locale language) {
        return new NewShop(shopName, ownerName, email, password, ZoneId.of(timeZone), language);
    }

    public String getShopName() {
        return shopName;
    }

    public void setShopName(String shopName) {
        this.shopName = shopName;
    }

    public String getOwnerName() {
        return ownerName;
    }

    public void setOwnerName(String ownerName) {
        this.ownerName = ownerName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }
}
