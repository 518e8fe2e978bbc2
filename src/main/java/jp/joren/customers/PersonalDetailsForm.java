package jp.joren.customers;

import java.time.LocalDate;

import lombok.Getter;
import lombok.Setter;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A person's own details as typed into a form, wherever a form takes them: the counter's customer form and the
 * shop's public sign-up page. The rules they must keep are {@link CustomerDetails}'s, checked on the command
 * the form makes; a field keeps what was typed so that a mistake is shown as typed.
 */
public class PersonalDetailsForm {

    @Getter @Setter private String name = "";

    @Getter @Setter private String nameKana = "";

    @Getter @Setter private String phone = "";

    @Getter private String email = "";

    @Getter @Setter private String postalCode = "";

    @Getter @Setter private String prefecture = "";

    @Getter @Setter private String city = "";

    @Getter @Setter private String town = "";

    @Getter @Setter private String addressLine = "";

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    @Getter @Setter private LocalDate birthday;

    /** These details as a command, as a person gives them about themselves. */
    public CustomerDetails personalDetails() {
        return CustomerDetails.personal(name, nameKana, phone, email, postalCode, prefecture, city, town, addressLine,
                birthday);
    }

    /** An address copied with a space around it is the same address. */
    public void setEmail(String email) {
        this.email = email == null ? "" : email.strip();
    }
}
