package jp.joren.accounts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A password that is long enough ({@link PasswordRules#MIN_LENGTH} characters) and not one that guessers
 * try first. Every form that sets a password carries it: shop sign-up, new staff, a reset by the owner or
 * by email.
 */
@Documented
@Constraint(validatedBy = PasswordRules.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface AcceptablePassword {

    String message() default "{validation.password}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
