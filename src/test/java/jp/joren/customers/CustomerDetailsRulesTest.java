package jp.joren.customers;

import java.lang.annotation.Annotation;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.groups.Default;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one set of rules for a customer's details, which the counter, the public page and the import all check:
 * what each refuses and what it lets through, whatever the width or the spelling it was typed in.
 */
class CustomerDetailsRulesTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void rules() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void aPhoneMustBeOneThatCanBeDialledNotJustTenDigits() {
        for (String dialable : List.of("03-1234-5678", "090-1234-5678", "０９０１２３４５６７８", "+81 90 1234 5678",
                "0120-123-456", "050-1234-5678", "075-221-0000", "+1 212 555 0100")) {
            assertThat(brokenRules(phone(dialable))).as(dialable).isEmpty();
        }
        for (String wrong : List.of("03-1234-567", "1234", "090-1234-5678-9999", "でんわ", "090-0000-0000",
                "1234567890")) {
            assertThat(brokenRules(phone(wrong))).as(wrong).containsEntry("phone", JapanesePhone.class);
        }
    }

    @Test
    void aRegistrationNeedsAPhoneOrAnEmailButALedgerRowDoesNot() {
        CustomerDetails addressOnly = CustomerDetails.personal("青木 浩", "アオキ ヒロシ", " ", "", "154-0004", "東京都",
                "世田谷区", "太子堂三丁目", "1-2-3", null);

        assertThat(brokenRules(addressOnly, CustomerDetails.Registration.class)).containsEntry("phone", PhoneOrEmail.class);
        assertThat(brokenRules(addressOnly)).isEmpty();
    }

    @Test
    void eachBrokenRuleIsReportedAtItsFieldAllAtOnce() {
        CustomerDetails typed = CustomerDetails.personal(" ", "Yamada", "", "not-an-address", "12-345", null, null,
                null, null, LocalDate.now().plusDays(1));

        assertThat(brokenRules(typed, CustomerDetails.Registration.class)).containsOnly(
                Map.entry("name", NotBlank.class), Map.entry("nameKana", KanaReading.class),
                Map.entry("email", Email.class), Map.entry("postalCode", PostalCode.class),
                Map.entry("birthday", PastOrPresent.class));
    }

    @Test
    void detailsAreHeldAsTheyAreStoredHoweverTheyWereTyped() {
        CustomerDetails typed = CustomerDetails.personal(" 鈴木 一郎 ", "すずき　いちろう", "０９０－１１１１－２２０２",
                " ICHIRO@example.JP ", "〒１５４－０００４", "", null, null, null, null);

        assertThat(typed.name()).isEqualTo("鈴木 一郎");
        assertThat(typed.nameKana()).isEqualTo("スズキ イチロウ");
        assertThat(typed.phone()).isEqualTo("090-1111-2202");
        assertThat(typed.email()).isEqualTo("ICHIRO@example.JP");
        assertThat(typed.postalCode()).isEqualTo("154-0004");
        assertThat(typed.prefecture()).isNull();
        assertThat(brokenRules(typed, CustomerDetails.Registration.class)).isEmpty();
    }

    private static CustomerDetails phone(String phone) {
        return CustomerDetails.personal("鈴木 一郎", null, phone, null, null, null, null, null, null, null);
    }

    private static Map<String, Class<? extends Annotation>> brokenRules(CustomerDetails details, Class<?>... groups) {
        Class<?>[] checked = Stream.concat(Stream.of(Default.class), Arrays.stream(groups)).toArray(Class<?>[]::new);
        return validator.validate(details, checked).stream().collect(Collectors.toMap(
                broken -> broken.getPropertyPath().toString(),
                broken -> broken.getConstraintDescriptor().getAnnotation().annotationType(), (a, b) -> a));
    }
}
