package jp.joren.customers;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A customer's details as the counter enters them: name and kana, a phone or an email, the rest optional.
 * The two consent questions are asked on registration only and have no default: the clerk must ask.
 */
public class CustomerForm extends PersonalDetailsForm {

    /** The member code printed on the card; blank gives a new customer the shop's next code. */
    @Size(max = 30, message = "{validation.tooLong}")
    private String code = "";

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
        form.setName(customer.getName());
        form.setNameKana(orEmpty(customer.getNameKana()));
        form.setPhone(orEmpty(customer.getPhone()));
        form.setEmail(orEmpty(customer.getEmail()));
        form.setPostalCode(orEmpty(customer.getPostalCode()));
        form.setPrefecture(orEmpty(customer.getPrefecture()));
        form.setCity(orEmpty(customer.getCity()));
        form.setTown(orEmpty(customer.getTown()));
        form.setAddressLine(orEmpty(customer.getAddressLine()));
        form.setBirthday(customer.getBirthday());
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
        return CustomerFields.phoneLooksValid(getPhone());
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
