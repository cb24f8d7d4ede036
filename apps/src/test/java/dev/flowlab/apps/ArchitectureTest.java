package dev.flowlab.apps;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Apps use the controller only through its public API package. */
class ArchitectureTest {
    private static final JavaClasses APPS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.flowlab.apps");

    @Test
    void appsImportOnlyTheControllerApi() {
        noClasses().that().resideInAPackage("dev.flowlab.apps..")
                .should().dependOnClassesThat(resideInAPackage("dev.flowlab.controller..")
                        .and(not(resideInAPackage("dev.flowlab.controller.api"))))
                .because("apps may import only dev.flowlab.controller.api (DESIGN.md, module boundaries)")
                .check(APPS);
    }

    @Test
    void appsDoNotTouchNetty() {
        noClasses().that().resideInAPackage("dev.flowlab.apps..")
                .should().dependOnClassesThat().resideInAPackage("io.netty..")
                .because("connections are the controller's job; apps talk to Switch")
                .check(APPS);
    }

    @Test
    void thereAreAppsToCheck() {
        org.assertj.core.api.Assertions.assertThat(APPS.containPackage("dev.flowlab.apps.learningswitch")).isTrue();
    }
}
