package jp.joren.forecast;

import java.time.LocalDate;

/** The shop's last fit as the owner sees it; {@code reason} is null when it is reliable. */
public record FitSummary(LocalDate fittedOn, int customers, int repeatCustomers, String reason) {

    public boolean reliable() {
        return reason == null;
    }

    public String reasonKey() {
        return "forecast.reason." + reason;
    }
}
