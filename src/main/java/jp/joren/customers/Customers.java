package jp.joren.customers;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Customers extends JpaRepository<Customer, Long> {

    @Query(value = """
            select id from customer
             where tenant_id = :shop and email_key = lower(trim(:email)) and status in ('ACTIVE', 'ARCHIVED')
             order by id limit 1
            """, nativeQuery = true)
    Optional<Long> idForEmail(@Param("shop") long shop, @Param("email") String email);

    /** Whether another customer of the shop has this member code (ignoring case, as an import matches codes). */
    @Query(value = """
            select exists (select 1 from customer c
                            where c.tenant_id = :shop and c.code_key = lower(:code) and c.id is distinct from cast(:except as bigint))
            """, nativeQuery = true)
    boolean codeTaken(@Param("shop") long shop, @Param("code") String code, @Param("except") Long except);
}
