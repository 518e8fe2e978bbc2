package jp.joren.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The load-test shops generated when joren.generate.shops is given (joren.generate.*). Not validated:
 * without that property nothing reads it.
 */
@ConfigurationProperties("joren.generate")
record LoadShopsProperties(int shops, @DefaultValue("2000") int customers, @DefaultValue("1") long seed,
        @DefaultValue("joren-load-2026") String password) {
}
