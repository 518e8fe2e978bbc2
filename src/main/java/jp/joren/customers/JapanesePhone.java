package jp.joren.customers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.text.Normalizer;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A phone number that can be dialled: a Japanese one with a real area code and length (03-1234-5678,
 * ０９０－１２３４－５６７８), or a foreign one written with its country code (+1 …). Blank is fine: whether a
 * phone is needed is another rule ({@link PhoneOrEmail}).
 */
@Documented
@Constraint(validatedBy = JapanesePhone.Check.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface JapanesePhone {

    String message() default "{validation.phone}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Google's numbering plans (libphonenumber), read with Japan as the country of a number without one. */
    class Check implements ConstraintValidator<JapanesePhone, String> {

        private static final PhoneNumberUtil PLANS = PhoneNumberUtil.getInstance();

        @Override
        public boolean isValid(String phone, ConstraintValidatorContext context) {
            if (phone == null || phone.isBlank()) {
                return true;
            }
            try {
                return PLANS.isValidNumber(PLANS.parse(Normalizer.normalize(phone, Normalizer.Form.NFKC), "JP"));
            } catch (NumberParseException notANumber) {
                return false;
            }
        }
    }
}
