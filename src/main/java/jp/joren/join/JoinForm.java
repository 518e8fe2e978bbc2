package jp.joren.join;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import jp.joren.customers.PersonalDetailsForm;
import lombok.Getter;
import lombok.Setter;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** What a customer fills in on the public page; the consents are unticked until the customer ticks them. */
public class JoinForm extends PersonalDetailsForm {

    @Getter @Setter private boolean emailConsent;

    @Getter @Setter private boolean postalConsent;

    @Size(max = 60, message = "{validation.tooLong}")
    @Getter private String modelNumber = "";

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    @PastOrPresent(message = "{join.validation.purchasedOn}")
    @Getter @Setter private @Nullable LocalDate purchasedOn;

    /** Hidden from people; a bot that fills every field fills this one too. */
    @Getter @Setter private String website = "";

    /** The public page asks for the kana: nobody at the counter is there to read the name aloud. */
    @Override
    @NotBlank(message = "{validation.required}")
    public String getNameKana() {
        return super.getNameKana();
    }

    public void setModelNumber(String modelNumber) {
        this.modelNumber = modelNumber == null ? "" : modelNumber.strip();
    }
}
