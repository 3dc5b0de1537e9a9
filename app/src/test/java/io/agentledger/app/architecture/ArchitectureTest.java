package io.agentledger.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.agentledger");
    }

    @Test
    void theSharedKernelUsesNeitherSpringNorJpa() {
        noClasses().that().resideInAPackage("io.agentledger.kernel..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "javax.persistence..", "org.hibernate..")
                .check(classes);
    }

    @Test
    void theSharedKernelDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("io.agentledger.kernel..")
                .should().dependOnClassesThat().resideInAnyPackage("io.agentledger.command..",
                        "io.agentledger.projection..", "io.agentledger.query..", "io.agentledger.axon..",
                        "io.agentledger.app..")
                .check(classes);
    }

    @Test
    void theCommandSideReadsNoProjectionAndNoQuerySide() {
        noClasses().that().resideInAPackage("io.agentledger.command..")
                .should().dependOnClassesThat().resideInAnyPackage("io.agentledger.projection..",
                        "io.agentledger.query..")
                .check(classes);
    }

    @Test
    void projectionsKnowNothingOfCommandsOrQueriesHandling() {
        noClasses().that().resideInAPackage("io.agentledger.projection..")
                .should().dependOnClassesThat().resideInAnyPackage("io.agentledger.command..",
                        "io.agentledger.query..", "io.agentledger.app..")
                .check(classes);
    }

    @Test
    void aggregatesNeitherReadTheClockNorDoIo() {
        noClasses().that().haveSimpleNameEndingWith("Aggregate")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.net..",
                        "java.sql..")
                .check(classes);
    }
}
