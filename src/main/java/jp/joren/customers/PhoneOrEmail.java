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

/**
 * A way to reach the customer other than a letter: a phone or an email. The counter and the public page ask for
 * one; an imported ledger may have customers known only by their address. Reported at the phone field.
 */
@Documented
@Constraint(validatedBy = PhoneOrEmail.Check.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface PhoneOrEmail {

    String message() default "{customer.validation.phoneOrEmail}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<PhoneOrEmail, CustomerDetails> {

        @Override
        public boolean isValid(CustomerDetails details, ConstraintValidatorContext context) {
            if (details == null || details.phone() != null || details.email() != null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("phone").addConstraintViolation();
            return false;
        }
    }
}
