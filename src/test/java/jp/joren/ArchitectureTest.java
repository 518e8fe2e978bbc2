package jp.joren;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Feature packages (accounts, shops, tenancy, nightly, ...) are modules: no dependency cycles, and one
 * feature uses another only through the public types of that feature's top package.
 */
class ArchitectureTest {

    @Test
    void featurePackagesRespectEachOthersBoundaries() {
        ApplicationModules.of(JorenApplication.class).verify();
    }
}
