package jp.joren.customers;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A person's own details as typed into a form, wherever a form takes them: the counter's customer form and the
 * shop's public sign-up page. The rules they must keep are {@link CustomerDetails}'s, checked on the command
 * the form makes; a field keeps what was typed so that a mistake is shown as typed.
 */
public class PersonalDetailsForm {

    private String name = "";

    private String nameKana = "";

    private String phone = "";

    private String email = "";

    private String postalCode = "";

    private String prefecture = "";

    private String city = "";

    private String town = "";

    private String addressLine = "";

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate birthday;

    /** These details as a command, as a person gives them about themselves. */
    public CustomerDetails personalDetails() {
        return CustomerDetails.personal(name, nameKana, phone, email, postalCode, prefecture, city, town, addressLine,
                birthday);
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
