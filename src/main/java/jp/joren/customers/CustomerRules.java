package jp.joren.customers;

import jakarta.validation.Validator;
import jakarta.validation.groups.Default;
import jp.joren.shared.FormErrors;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * Checks a registration against {@link CustomerDetails}'s rules — the same wherever a customer registers, at the
 * counter or on the shop's public page — and puts each broken rule beside the form field it concerns.
 */
@Component
public class CustomerRules {

    private final Validator validator;

    CustomerRules(Validator validator) {
        this.validator = validator;
    }

    public void checkRegistration(CustomerDetails details, BindingResult form) {
        FormErrors.add(validator.validate(details, Default.class, CustomerDetails.Registration.class), form);
    }
}
