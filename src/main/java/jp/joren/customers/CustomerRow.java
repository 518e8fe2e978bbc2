package jp.joren.customers;

import java.time.LocalDate;

import jp.joren.segments.Cell;
import jp.joren.segments.Segment;

/**
 * A line of the owner's customer list (and of its CSV export). The forecast's two figures are null while the
 * shop has none (not enough history) or the customer no visit; the cell until the night classified them.
 */
public record CustomerRow(long id, String code, String name, String nameKana, String phone, String email,
                          String postalCode, String prefecture, String city, String town, String addressLine,
                          AcquisitionChannel acquisitionChannel, String storeName, String tags, CustomerStatus status,
                          String emailConsent, String postalConsent, int visits, LocalDate firstVisit,
                          LocalDate lastVisit, long totalAmount, Double probabilityActive, Long expectedValue12Months,
                          Segment segment, Boolean lapsed) {

    /** The customer's cell in last night's portfolio; null before their first classified visit. */
    public Cell cell() {
        return segment == null ? null : new Cell(segment, lapsed);
    }
}
