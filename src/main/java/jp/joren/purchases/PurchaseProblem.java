package jp.joren.purchases;

import java.util.List;

import org.springframework.validation.BindingResult;

/**
 * Something wrong with a sale, as a message key and the field it belongs beside ({@code lines[2].code}); no
 * field for a problem of the whole sale.
 */
record PurchaseProblem(String field, String messageKey) {

    static PurchaseProblem ofSale(String messageKey) {
        return new PurchaseProblem(null, messageKey);
    }

    /** Puts the problems beside the form's fields; a field that could not even be read keeps that message. */
    static void show(List<PurchaseProblem> problems, BindingResult form) {
        for (PurchaseProblem problem : problems) {
            if (problem.field() == null) {
                form.reject(problem.messageKey());
            } else if (!form.hasFieldErrors(problem.field())) {
                form.rejectValue(problem.field(), problem.messageKey());
            }
        }
    }
}
