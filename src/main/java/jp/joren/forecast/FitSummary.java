package jp.joren.forecast;

import java.time.LocalDate;

/**
 * The shop's last fit as the owner sees it; {@code reason} is null when it is reliable. {@code model} is the
 * model of visits chosen, by the errors of both on the held-out half-year when there are any, else by
 * likelihood; {@code holdoutReason} says why the half-year could not be checked.
 */
public record FitSummary(LocalDate fittedOn, int customers, int repeatCustomers, String reason, String model,
                         Double bgNbdError, Double paretoNbdError, String holdoutReason) {

    /** How the model came to be chosen: a message key's last part. */
    public String choiceKey() {
        if (model == null) {
            return null;
        }
        return bgNbdError != null && paretoNbdError != null ? "forecast.model.byHoldout"
                : bgNbdError != null || paretoNbdError != null ? "forecast.model.onlyOne" : "forecast.model.byLikelihood";
    }

    public boolean reliable() {
        return reason == null;
    }

    public String reasonKey() {
        return "forecast.reason." + reason;
    }
}
