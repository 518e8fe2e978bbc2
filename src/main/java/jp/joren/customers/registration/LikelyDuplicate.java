package jp.joren.customers.registration;

/** An existing customer who may be the person being registered, and why we think so. */
public record LikelyDuplicate(long id, String code, String name, String nameKana, String phone, String email,
                              boolean samePhone, boolean sameEmail, boolean sameKanaAndBirthday) {
}
