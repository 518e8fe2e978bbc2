package jp.joren.customers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jp.joren.shared.Kana;

/** A reading of a name: katakana or hiragana (either width), the long vowel mark and spaces. Blank is fine. */
@Documented
@Constraint(validatedBy = KanaReading.Check.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface KanaReading {

    String message() default "{customer.validation.kana}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<KanaReading, String> {

        @Override
        public boolean isValid(String reading, ConstraintValidatorContext context) {
            return reading == null || reading.isBlank() || Kana.looksLikeKana(reading);
        }
    }
}
