package jp.joren.system;

import javax.sql.DataSource;

import org.springframework.boot.quartz.autoconfigure.QuartzTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.session.jdbc.config.annotation.SpringSessionTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Sessions and Quartz keep platform tables that hold no shop rows, so they use plain JDBC transactions
 * that are never bound to a shop. (Loading a session inside the tenant-binding transaction manager would
 * recurse: binding a tenant reads the principal, which is stored in the session.)
 */
@Configuration(proxyBeanMethods = false)
class PlatformTransactions {

    @Bean
    @SpringSessionTransactionManager
    @QuartzTransactionManager
    PlatformTransactionManager platformTransactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }
}
