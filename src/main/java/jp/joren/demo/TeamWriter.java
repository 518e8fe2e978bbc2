package jp.joren.demo;

import jp.joren.accounts.JorenUser;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** The shop's second store (a branch in 下北沢) and its counter clerk, beside what sign-up created. */
@Component
@RequiredArgsConstructor
class TeamWriter {

    private static final String BRANCH_NAME = "下北沢店";
    private static final String STAFF_NAME = "田中 美咲";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;

    /** The clerk logs in as {@code name+staff@domain} with the owner's password, so one note opens both views. */
    ShopTeam write(JorenUser owner, String password) {
        long mainStore = jdbc.sql("select min(id) from store where tenant_id = ?").param(CurrentTenant.require())
                .query(Long.class).single();
        long branch = jdbc.sql("insert into store (tenant_id, name) values (app_current_tenant(), ?) returning id")
                .param(BRANCH_NAME)
                .query(Long.class).single();
        long staff = jdbc.sql("""
                        insert into account (tenant_id, email, password_hash, display_name, role)
                        values (app_current_tenant(), ?, ?, ?, 'STAFF')
                        returning id
                        """)
                .params(staffEmail(owner.getUsername()), passwordEncoder.encode(password), STAFF_NAME)
                .query(Long.class).single();
        return new ShopTeam(mainStore, branch, owner.accountId(), staff);
    }

    /** What the owner fills in the settings before the shop may send email: who signs it, where, how to reach them. */
    void signLetters(String shopName, String ownerEmail) {
        jdbc.sql("""
                        update shop set sender_name = :name, sender_postal_address = '〒111-0036 東京都台東区松が谷1-2-3',
                                        sender_phone = '03-0000-0000', sender_email = :email
                         where id = :shop""")
                .param("shop", CurrentTenant.require())
                .param("name", shopName)
                .param("email", ownerEmail)
                .update();
    }

    static String staffEmail(String ownerEmail) {
        int at = ownerEmail.lastIndexOf('@');
        return ownerEmail.substring(0, at) + "+staff" + ownerEmail.substring(at);
    }
}
