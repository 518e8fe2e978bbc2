package jp.joren.customers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

/** A Japanese postal code: seven digits, a hyphen after the third if typed (either width: １５４－０００４). */
@Documented
@Pattern(regexp = "^$|^[0-9０-９]{3}[-－ー]?[0-9０-９]{4}$")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface PostalCode {

    String message() default "{customer.validation.postalCode}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
