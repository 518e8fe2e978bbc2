package jp.joren.customers;

import java.time.LocalDate;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A person's own details, with their bounds, wherever a form takes them: the counter's customer form and the
 * shop's public sign-up page. The bounds are the customer table's.
 */
public class PersonalDetailsForm {

    @NotBlank(message = "{validation.required}")
    @Size(max = 100, message = "{validation.tooLong}")
    private String name = "";

    @Size(max = 100, message = "{validation.tooLong}")
    private String nameKana = "";

    @Size(max = 40, message = "{validation.tooLong}")
    private String phone = "";

    @Email(message = "{validation.email}")
    @Size(max = 200, message = "{validation.tooLong}")
    private String email = "";

    @Pattern(regexp = "^$|^[0-9０-９]{3}[-－ー]?[0-9０-９]{4}$", message = "{customer.validation.postalCode}")
    private String postalCode = "";

    @Size(max = 20, message = "{validation.tooLong}")
    private String prefecture = "";

    @Size(max = 60, message = "{validation.tooLong}")
    private String city = "";

    @Size(max = 60, message = "{validation.tooLong}")
    private String town = "";

    @Size(max = 200, message = "{validation.tooLong}")
    private String addressLine = "";

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    @PastOrPresent(message = "{customer.validation.birthdayInFuture}")
    private LocalDate birthday;

    /** Copies these details into another form, as the public page hands a sign-up to the customer registry. */
    public void copyTo(PersonalDetailsForm other) {
        other.name = name;
        other.nameKana = nameKana;
        other.phone = phone;
        other.email = email;
        other.postalCode = postalCode;
        other.prefecture = prefecture;
        other.city = city;
        other.town = town;
        other.addressLine = addressLine;
        other.birthday = birthday;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getNameKana() {
        return nameKana;
    }

    public void setNameKana(String nameKana) {
        this.nameKana = nameKana;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getEmail() {
        return email;
    }

    /** An address copied with a space around it is the same address. */
    public void setEmail(String email) {
        this.email = email == null ? "" : email.strip();
    }

    public String getPostalCode() {
        return postalCode;
    }

    public void setPostalCode(String postalCode) {
        this.postalCode = postalCode;
    }

    public String getPrefecture() {
        return prefecture;
    }

    public void setPrefecture(String prefecture) {
        this.prefecture = prefecture;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public String getTown() {
        return town;
    }

    public void setTown(String town) {
        this.town = town;
    }

    public String getAddressLine() {
        return addressLine;
    }

    public void setAddressLine(String addressLine) {
        this.addressLine = addressLine;
    }

    public LocalDate getBirthday() {
        return birthday;
    }

    public void setBirthday(LocalDate birthday) {
        this.birthday = birthday;
    }
}
