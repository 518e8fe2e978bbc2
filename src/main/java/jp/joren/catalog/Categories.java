package jp.joren.catalog;

import java.util.List;

import jp.joren.shared.NotFoundException;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The shop's product categories (部門・分類), with how many products each holds. */
@Service
@RequiredArgsConstructor
class Categories {

    record Category(long id, String name, long products) {
    }

    private final JdbcClient jdbc;

    @Transactional(readOnly = true)
    List<Category> all() {
        return jdbc.sql("""
                        select c.id, c.name, (select count(*) from product p where p.tenant_id = :shop and p.tenant_id = c.tenant_id
                                                 and p.category_id = c.id) as products
                          from category c where c.tenant_id = :shop order by c.name
                        """).param("shop", CurrentTenant.require()).query(Category.class).list();
    }

    @Transactional(readOnly = true)
    boolean exists(long id) {
        return all().stream().anyMatch(category -> category.id() == id);
    }

    @Transactional
    void add(String name) {
        jdbc.sql("insert into category (tenant_id, name) values (:shop, :name)")
                .param("shop", CurrentTenant.require()).param("name", name.strip()).update();
    }

    @Transactional
    void rename(long id, String name) {
        if (jdbc.sql("update category set name = :name where tenant_id = :shop and id = :id")
                .param("name", name.strip()).param("shop", CurrentTenant.require()).param("id", id).update() == 0) {
            throw new NotFoundException("category", id);
        }
    }
}
