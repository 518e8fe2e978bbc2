package jp.joren;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Feature packages (accounts, shops, tenancy, nightly, ...) are modules: no dependency cycles, and one
 * feature uses another only through the public types of that feature's top package.
 */
class ArchitectureTest {

    @Test
    void featurePackagesRespectEachOthersBoundaries() {
        ApplicationModules.of(JorenApplication.class).verify();
    }

    /**
     * Writes the modules' diagrams and canvases into docs/modules, to be committed with a change of the modules
     * ({@code ./mvnw verify -Dtest=ArchitectureTest -Djoren.docs=true}); an ordinary build leaves the files alone.
     */
    @Test
    @EnabledIfSystemProperty(named = "joren.docs", matches = "true")
    void writesTheModulesDocumentation() {
        new Documenter(ApplicationModules.of(JorenApplication.class),
                Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeDocumentation();
    }
}
