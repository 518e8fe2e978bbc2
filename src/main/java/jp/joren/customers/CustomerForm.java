package jp.joren.customers;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A customer's details as the counter enters them: name and kana, a phone or an email, the rest optional.
 * The two consent questions are asked on registration only and have no default: the clerk must ask.
 */
public class CustomerForm {

    /** The member code printed on the card; blank gives a new customer the shop's next code. */
    @Size(max = 30, message = "{validation.tooLong}")
    private String code = "";

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

    @NotNull(message = "{validation.required}")
    private AcquisitionChannel acquisitionChannel = AcquisitionChannel.WALK_IN;

    private Long storeId;

    @Size(max = 300, message = "{validation.tooLong}")
    private String tags = "";

    @Size(max = 2000, message = "{validation.tooLong}")
    private String notes = "";

    /** The version of the record the form was opened on (null for a new customer). */
    private Long version;

    /** Asked on registration: null until the clerk has asked the customer. */
    private Boolean emailConsent;

    private Boolean postalConsent;

    /** The clerk saw the likely duplicates and says this is someone else. */
    private boolean notADuplicate;

    static CustomerForm of(Customer customer) {
        CustomerForm form = new CustomerForm();
        form.code = orEmpty(customer.getCode());
        form.name = customer.getName();
        form.nameKana = orEmpty(customer.getNameKana());
        form.phone = orEmpty(customer.getPhone());
        form.email = orEmpty(customer.getEmail());
        form.postalCode = orEmpty(customer.getPostalCode());
        form.prefecture = orEmpty(customer.getPrefecture());
        form.city = orEmpty(customer.getCity());
        form.town = orEmpty(customer.getTown());
        form.addressLine = orEmpty(customer.getAddressLine());
        form.birthday = customer.getBirthday();
        form.acquisitionChannel = customer.getAcquisitionChannel();
        form.storeId = customer.getStoreId();
        form.tags = String.join(", ", customer.getTags());
        form.notes = orEmpty(customer.getNotes());
        form.version = customer.getVersion();
        return form;
    }

    /** Tags as typed, separated by commas (either width), 、 or spaces; each once. */
    List<String> tagList() {
        return Arrays.stream(Normalizer.normalize(tags == null ? "" : tags, Normalizer.Form.NFKC).split("[,、\\s]+"))
                .map(String::strip).filter(tag -> !tag.isEmpty()).distinct().toList();
    }

    /** True when the phone has the digits of a Japanese number, however it is written. */
    boolean phoneLooksValid() {
        return CustomerFields.phoneLooksValid(phone);
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
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

    public void setEmail(String email) {
        this.email = email;
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

    public AcquisitionChannel getAcquisitionChannel() {
        return acquisitionChannel;
    }

    public void setAcquisitionChannel(AcquisitionChannel acquisitionChannel) {
        this.acquisitionChannel = acquisitionChannel;
    }

    public Long getStoreId() {
        return storeId;
    }

    public void setStoreId(Long storeId) {
        this.storeId = storeId;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public Boolean getEmailConsent() {
        return emailConsent;
    }

    public void setEmailConsent(Boolean emailConsent) {
        this.emailConsent = emailConsent;
    }

    public Boolean getPostalConsent() {
        return postalConsent;
    }

    public void setPostalConsent(Boolean postalConsent) {
        this.postalConsent = postalConsent;
    }

    public boolean isNotADuplicate() {
        return notADuplicate;
    }

    public void setNotADuplicate(boolean notADuplicate) {
        this.notADuplicate = notADuplicate;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
