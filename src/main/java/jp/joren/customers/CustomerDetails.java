package jp.joren.customers;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * A customer's details as any door hands them in — the counter, the shop's public page, a file — and the one
 * set of rules they must keep (the customer table's bounds among them). Built from what was typed, it holds the
 * fields as they are stored: phones, codes, emails and postal codes NFKC, readings in katakana, blanks as null. A phone or an
 * email is asked only where a customer registers ({@link Registration}): a paper ledger has customers known
 * only by their address, to whom the shop sends postcards.
 */
@PhoneOrEmail(groups = CustomerDetails.Registration.class)
public record CustomerDetails(
        @Size(max = 30, message = "{validation.tooLong}") String code,
        @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.tooLong}") String name,
        @KanaReading @Size(max = 100, message = "{validation.tooLong}") String nameKana,
        @JapanesePhone @Size(max = 40, message = "{validation.tooLong}") String phone,
        @Email(message = "{validation.email}") @Size(max = 200, message = "{validation.tooLong}") String email,
        @PostalCode String postalCode,
        @Size(max = 20, message = "{validation.tooLong}") String prefecture,
        @Size(max = 60, message = "{validation.tooLong}") String city,
        @Size(max = 60, message = "{validation.tooLong}") String town,
        @Size(max = 200, message = "{validation.tooLong}") String addressLine,
        @PastOrPresent(message = "{customer.validation.birthdayInFuture}") LocalDate birthday,
        @NotNull(message = "{validation.required}") AcquisitionChannel acquisitionChannel,
        Long storeId,
        List<String> tags,
        @Size(max = 2000, message = "{validation.tooLong}") String notes) {

    public CustomerDetails {
        code = CustomerFields.code(code);
        name = name == null ? "" : name.strip();
        nameKana = CustomerFields.kana(nameKana);
        phone = CustomerFields.phone(phone);
        email = CustomerFields.email(email);
        postalCode = CustomerFields.postalCode(postalCode);
        prefecture = stripped(prefecture);
        city = stripped(city);
        town = stripped(town);
        addressLine = stripped(addressLine);
        tags = tags == null ? List.of() : List.copyOf(tags);
        notes = stripped(notes);
    }

    /** The rules checked where a customer registers — at the counter or on the public page — besides the rest. */
    public interface Registration {
    }

    /** The details a person gives about themselves, before the shop adds a channel, a store, tags or notes. */
    public static CustomerDetails personal(String name, String nameKana, String phone, String email, String postalCode,
            String prefecture, String city, String town, String addressLine, LocalDate birthday) {
        return new CustomerDetails(null, name, nameKana, phone, email, postalCode, prefecture, city, town, addressLine,
                birthday, AcquisitionChannel.WALK_IN, null, List.of(), null);
    }

    /** Tags as typed, separated by commas (either width), 、 or spaces; each once. */
    public static List<String> tags(String typed) {
        return Arrays.stream(Normalizer.normalize(typed == null ? "" : typed, Normalizer.Form.NFKC).split("[,、\\s]+"))
                .map(String::strip).filter(tag -> !tag.isEmpty()).distinct().toList();
    }

    private static String stripped(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
