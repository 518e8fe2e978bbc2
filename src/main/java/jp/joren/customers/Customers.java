package jp.joren.customers;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Customers extends JpaRepository<Customer, Long> {

    @Query(value = """
            select id from customer
             where email_key = lower(trim(:email)) and status in ('ACTIVE', 'ARCHIVED')
             order by id limit 1
            """, nativeQuery = true)
    Optional<Long> idForEmail(@Param("email") String email);
}
