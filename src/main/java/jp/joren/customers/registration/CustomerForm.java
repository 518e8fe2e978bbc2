package jp.joren.customers.registration;

import jp.joren.customers.AcquisitionChannel;
import jp.joren.customers.Customer;
import jp.joren.customers.CustomerDetails;
import jp.joren.customers.PersonalDetailsForm;
import lombok.Getter;
import lombok.Setter;
import org.jspecify.annotations.Nullable;

/**
 * A customer's details as the counter enters them: name and kana, a phone or an email, the rest optional.
 * The two consent questions are asked on registration only and have no default: the clerk must ask.
 */
public class CustomerForm extends PersonalDetailsForm {

    /** The member code printed on the card; blank gives a new customer the shop's next code. */
    @Getter @Setter private String code = "";

    @Getter @Setter private AcquisitionChannel acquisitionChannel = AcquisitionChannel.WALK_IN;

    @Getter @Setter private @Nullable Long storeId;

    @Getter @Setter private String tags = "";

    @Getter @Setter private String notes = "";

    /** The version of the record the form was opened on (null for a new customer). */
    @Getter @Setter private @Nullable Long version;

    /** Asked on registration: null until the clerk has asked the customer. */
    @Getter @Setter private @Nullable Boolean emailConsent;

    @Getter @Setter private @Nullable Boolean postalConsent;

    /** The clerk saw the likely duplicates and says this is someone else. */
    @Getter @Setter private boolean notADuplicate;

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
}
