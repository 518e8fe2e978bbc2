package jp.joren.join;

import java.time.LocalDate;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/** What a customer fills in on the public page; the consents are unticked until the customer ticks them. */
public class JoinForm {

    @NotBlank(message = "{validation.required}")
    @Size(max = 100, message = "{validation.tooLong}")
    private String name = "";

    @NotBlank(message = "{validation.required}")
    @Size(max = 100, message = "{validation.tooLong}")
    private String nameKana = "";

    @Email(message = "{validation.email}")
    @Size(max = 200, message = "{validation.tooLong}")
    private String email = "";

    @Size(max = 40, message = "{validation.tooLong}")
    private String phone = "";

    @Pattern(regexp = "^$|^[0-9０-９]{3}[-－ー]?[0-9０-９]{4}$", message = "{join.validation.postalCode}")
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
    @PastOrPresent(message = "{join.validation.birthday}")
    private LocalDate birthday;

    private boolean emailConsent;

    private boolean postalConsent;

    @Size(max = 60, message = "{validation.tooLong}")
    private String modelNumber = "";

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    @PastOrPresent(message = "{join.validation.purchasedOn}")
    private LocalDate purchasedOn;

    /** Hidden from people; a bot that fills every field fills this one too. */
    private String website = "";

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

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email == null ? "" : email.strip();
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
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

    public LocalDate getPurchasedOn() {
        return purchasedOn;
    }

    public void setPurchasedOn(LocalDate purchasedOn) {
        this.purchasedOn = purchasedOn;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }
}
