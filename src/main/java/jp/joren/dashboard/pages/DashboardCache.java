package jp.joren.dashboard.pages;

import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Configuration;

/**
 * The dashboard remembers, on this node, figures that cannot change before the next night: those of periods
 * already over and those computed from last night's classification. Keys carry the shop and the as-of date of
 * its classification, so a new night is a new key; entries also expire after a few minutes
 * ({@code spring.cache.caffeine.spec}), so that a correction to an old purchase shows soon.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class DashboardCache {

    static final String NAME = "dashboard";
}
