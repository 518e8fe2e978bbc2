package jp.joren.customers.registration;

import java.time.LocalDate;
import java.util.List;

import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Likely duplicates (§8): the same normalised phone, the same email, or the same kana and birthday. */
@Service
@RequiredArgsConstructor
public class DuplicateFinder {

    private final JdbcClient jdbc;

    /** @param exceptId the customer being edited, never its own duplicate; null on registration */
    @Transactional(readOnly = true)
    public List<LikelyDuplicate> find(String phone, String email, String kana, @Nullable LocalDate birthday,
            @Nullable Long exceptId) {
        return jdbc.sql("""
                        select c.id, c.code, c.name, c.name_kana, c.phone, c.email,
                               coalesce(c.phone_normalized = phone_key(:phone), false) as same_phone,
                               coalesce(c.email_key = lower(nullif(trim(:email), '')), false) as same_email,
                               coalesce(c.kana_key = kana_key(:kana) and c.birthday = :birthday, false)
                                   as same_kana_and_birthday
                          from customer c
                         where c.tenant_id = :shop and c.status in ('ACTIVE', 'ARCHIVED')
                           and c.id is distinct from :except
                           and (c.phone_normalized = phone_key(:phone)
                                or c.email_key = lower(nullif(trim(:email), ''))
                                or (c.kana_key = kana_key(:kana) and c.birthday = :birthday))
                         order by c.id
                         limit 10
                        """)
                .param("shop", CurrentTenant.require())
                .param("phone", phone)
                .param("email", email)
                .param("kana", kana)
                .param("birthday", birthday)
                .param("except", exceptId)
                .query(LikelyDuplicate.class).list();
    }
}
