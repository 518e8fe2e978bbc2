package jp.joren.tenancy;

import jakarta.persistence.EntityManagerFactory;
import org.springframework.orm.jpa.JpaTransactionManager;

/** The application's only transaction manager: JPA and JDBC work share one tenant-bound transaction. */
class TenantBindingTransactionManager extends JpaTransactionManager {

    TenantBindingTransactionManager(EntityManagerFactory entityManagerFactory) {
        super(entityManagerFactory);
    }

    @Override
    public void afterPropertiesSet() {
        super.afterPropertiesSet();
        // after super: it replaces the dialect with the EntityManagerFactory's own
        setJpaDialect(new TenantBindingJpaDialect());
    }
}
