package jp.joren.system;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.quartz.autoconfigure.QuartzDataSource;
import org.springframework.boot.quartz.autoconfigure.QuartzTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.session.jdbc.config.annotation.SpringSessionDataSource;
import org.springframework.session.jdbc.config.annotation.SpringSessionTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Sessions and Quartz keep platform tables that hold no shop rows, so they run in their own plain JDBC
 * transactions, never bound to a shop. They reach the pool through a distinct {@link DataSource} object:
 * Spring keys a transaction's connection by its DataSource, and sharing the key with the JPA transaction
 * manager would let a session lookup commit (and so unbind the tenant from) a shop transaction in flight.
 * Separate transactions also avoid a loop: binding a tenant reads the principal, which lives in the session.
 */
@Configuration(proxyBeanMethods = false)
class PlatformTransactions {

    @Bean
    @Primary
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DataSourceProperties properties) {
        return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    }

    @Bean(defaultCandidate = false)
    @SpringSessionDataSource
    @QuartzDataSource
    DataSource platformDataSource(DataSource dataSource) {
        return new DelegatingDataSource(dataSource);
    }

    @Bean(defaultCandidate = false)
    @SpringSessionTransactionManager
    @QuartzTransactionManager
    PlatformTransactionManager platformTransactionManager(@SpringSessionDataSource DataSource platformDataSource) {
        return new JdbcTransactionManager(platformDataSource);
    }
}
