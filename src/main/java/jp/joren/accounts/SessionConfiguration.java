package jp.joren.accounts;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/** Sessions live in PostgreSQL (any node of the cluster serves any request), written back sparingly. */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    /**
     * Wraps the JDBC store Spring Boot configures (its timeout, its clean-up, its own transactions) rather than
     * replacing it: a session repository bean of Joren's own would turn Boot's configuration off.
     */
    @Bean
    static BeanPostProcessor sparingSessions() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JdbcIndexedSessionRepository jdbcStore ? new SparingSessionRepository(jdbcStore) : bean;
            }
        };
    }
}
