package jp.joren.customers.registration;

import jp.joren.customers.AcquisitionChannel;
import jp.joren.customers.Customer;
import jp.joren.customers.CustomerDetails;
import jp.joren.customers.PersonalDetailsForm;
import org.jspecify.annotations.Nullable;

/**
 * A customer's details as the counter enters them: name and kana, a phone or an email, the rest optional.
 * The two consent questions are asked on registration only and have no default: the clerk must ask.
 */
public class CustomerForm extends PersonalDetailsForm {

    /** The member code printed on the card; blank gives a new customer the shop's next code. */
    private String code = "";

    private AcquisitionChannel acquisitionChannel = AcquisitionChannel.WALK_IN;

    private @Nullable Long storeId;

    private String tags = "";

    private String notes = "";

    /** The version of the record the form was opened on (null for a new customer). */
    private @Nullable Long version;

    /** Asked on registration: null until the clerk has asked the customer. */
    private @Nullable Boolean emailConsent;

    private @Nullable Boolean postalConsent;

    /** The clerk saw the likely duplicates and says this is someone else. */
    private boolean notADuplicate;

    static CustomerForm of(Customer customer) {
        CustomerDetails saved = customer.details();
        CustomerForm form = new CustomerForm();
        form.code = orEmpty(saved.code());
        form.setName(saved.name());
        form.setNameKana(orEmpty(saved.nameKana()));
        form.setPhone(orEmpty(saved.phone()));
        form.setEmail(orEmpty(saved.email()));
        form.setPostalCode(orEmpty(saved.postalCode()));
        form.setPrefecture(orEmpty(saved.prefecture()));
        form.setCity(orEmpty(saved.city()));
        form.setTown(orEmpty(saved.town()));
        form.setAddressLine(orEmpty(saved.addressLine()));
        form.setBirthday(saved.birthday());
        form.acquisitionChannel = saved.acquisitionChannel();
        form.storeId = saved.storeId();
        form.tags = String.join(", ", saved.tags());
        form.notes = orEmpty(saved.notes());
        form.version = customer.getVersion();
        return form;
    }

    /** What the clerk typed, as the command the registry takes. */
    CustomerDetails details() {
        return new CustomerDetails(code, getName(), getNameKana(), getPhone(), getEmail(), getPostalCode(),
                getPrefecture(), getCity(), getTown(), getAddressLine(), getBirthday(), acquisitionChannel, storeId,
                CustomerDetails.tags(tags), notes);
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

    public @Nullable Long getStoreId() {
        return storeId;
    }

    public void setStoreId(@Nullable Long storeId) {
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

    public @Nullable Boolean getEmailConsent() {
        return emailConsent;
    }

    public void setEmailConsent(@Nullable Boolean emailConsent) {
        this.emailConsent = emailConsent;
    }

    public @Nullable Boolean getPostalConsent() {
        return postalConsent;
    }

    public void setPostalConsent(@Nullable Boolean postalConsent) {
        this.postalConsent = postalConsent;
    }

    public boolean isNotADuplicate() {
        return notADuplicate;
    }

    public void setNotADuplicate(boolean notADuplicate) {
        this.notADuplicate = notADuplicate;
    }

    public @Nullable Long getVersion() {
        return version;
    }

    public void setVersion(@Nullable Long version) {
        this.version = version;
    }
}
