package jp.joren.shared;

import java.util.Set;

import jakarta.validation.ConstraintViolation;
import org.springframework.validation.BindingResult;

/**
 * Puts the rules a command broke beside the form fields of the same name, in the user's language, keeping what
 * was typed in each field (not the command's normalised value). A field that already has an error (a date that
 * could not be read) keeps that one.
 */
public final class FormErrors {

    private FormErrors() {
    }

    public static void add(Set<? extends ConstraintViolation<?>> violations, BindingResult form) {
        for (ConstraintViolation<?> violation : violations) {
            String field = violation.getPropertyPath().toString();
            String rule = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            if (field.isEmpty()) {
                form.reject(rule, violation.getMessage());
            } else if (!form.hasFieldErrors(field)) {
                form.rejectValue(field, rule, violation.getMessage());
            }
        }
    }
}
