package jp.joren.join;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import jp.joren.customers.PersonalDetailsForm;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** What a customer fills in on the public page; the consents are unticked until the customer ticks them. */
public class JoinForm extends PersonalDetailsForm {

    private boolean emailConsent;

    private boolean postalConsent;

    @Size(max = 60, message = "{validation.tooLong}")
    private String modelNumber = "";

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    @PastOrPresent(message = "{join.validation.purchasedOn}")
    private @Nullable LocalDate purchasedOn;

    /** Hidden from people; a bot that fills every field fills this one too. */
    private String website = "";

    /** The public page asks for the kana: nobody at the counter is there to read the name aloud. */
    @Override
    @NotBlank(message = "{validation.required}")
    public String getNameKana() {
        return super.getNameKana();
    }

    public boolean isEmailConsent() {
        return emailConsent;
    }

    public void setEmailConsent(boolean emailConsent) {
        this.emailConsent = emailConsent;
    }

    public boolean isPostalConsent() {
        return postalConsent;
    }

    public void setPostalConsent(boolean postalConsent) {
        this.postalConsent = postalConsent;
    }

    public String getModelNumber() {
        return modelNumber;
    }

    public void setModelNumber(String modelNumber) {
        this.modelNumber = modelNumber == null ? "" : modelNumber.strip();
    }

    public @Nullable LocalDate getPurchasedOn() {
        return purchasedOn;
    }

    public void setPurchasedOn(@Nullable LocalDate purchasedOn) {
        this.purchasedOn = purchasedOn;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }
}
