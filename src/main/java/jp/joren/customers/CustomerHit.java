package jp.joren.customers;

import java.time.LocalDate;

/** A search result at the counter: enough to recognise the person and pick them. */
public record CustomerHit(long id, String code, String name, String nameKana, String phone, String email,
                          CustomerStatus status, LocalDate lastVisit, int visits) {
}
