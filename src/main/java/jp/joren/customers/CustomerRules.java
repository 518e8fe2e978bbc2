package jp.joren.customers;

import jakarta.validation.Validator;
import jakarta.validation.groups.Default;
import jp.joren.shared.FormErrors;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * Checks the details a form makes against {@link CustomerDetails}'s rules — the same wherever a customer
 * registers or is corrected, at the counter or on the shop's public page, a phone or an email included — and puts
 * each broken rule beside the form field it concerns.
 */
@Component
@RequiredArgsConstructor
public class CustomerRules {

    private final Validator validator;

    public void check(CustomerDetails details, BindingResult form) {
        FormErrors.add(validator.validate(details, Default.class, CustomerDetails.Registration.class), form);
    }
}
