package jp.joren.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo shop the demo profile creates (joren.demo.*, set in application-demo.properties). Not validated:
 * outside that profile nothing reads it.
 */
@ConfigurationProperties("joren.demo")
record DemoProperties(long seed, int customers, String ownerEmail, String ownerPassword) {
}
