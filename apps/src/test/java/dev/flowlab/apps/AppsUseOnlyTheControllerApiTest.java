package dev.flowlab.apps;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Apps talk to the controller only through its public API, so the core can change behind it. */
class AppsUseOnlyTheControllerApiTest {

    @Test
    void appsImportNoControllerPackageButTheApi() {
        JavaClasses apps = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.flowlab.apps");
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("dev.flowlab.controller", "dev.flowlab.controller.core..",
                        "dev.flowlab.controller.openflow..", "dev.flowlab.controller.topology..",
                        "dev.flowlab.controller.rest..", "dev.flowlab.dataplane..", "dev.flowlab.cli..")
                .because("apps may use only dev.flowlab.controller.api (DESIGN.md)")
                .check(apps);
    }
}
