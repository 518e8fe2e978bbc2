package jp.joren.customers;

import java.time.LocalDate;
import java.util.List;

/** A durable product the customer owns, with each consumable part that fits it and when it is due. */
public record OwnedProduct(long id, long modelId, String productCode, String productName, String modelNumber,
                           LocalDate purchasedOn, String source, Long sourcePurchaseId, List<PartDue> parts) {

    /**
     * @param lastReplaced the later of the model's purchase and the customer's last purchase of this part
     * @param remindFrom   the day a replacement reminder may go out (due date minus the part's lead days)
     */
    public record PartDue(String partNumber, String name, long price, int intervalDays, LocalDate lastReplaced,
                          LocalDate dueOn, LocalDate remindFrom) {

        public boolean overdueOn(LocalDate today) {
            return dueOn.isBefore(today);
        }

        public boolean dueSoonOn(LocalDate today) {
            return !remindFrom.isAfter(today) && !overdueOn(today);
        }
    }
}
