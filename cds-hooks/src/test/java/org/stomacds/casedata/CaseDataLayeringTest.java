package org.stomacds.casedata;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The case assembler is shared with the server's write checks: plain Java, no web, no Spring. */
class CaseDataLayeringTest {

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.stomacds.casedata", "org.stomacds.cds.card");

  @Test
  void caseDataDependsOnNeitherSpringNorHttpNorTheWebLayer() {
    noClasses()
        .that()
        .resideInAPackage("org.stomacds.casedata..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..", "java.net.http..", "jakarta.servlet..", "org.stomacds.cds..")
        .check(classes);
  }

  @Test
  void cardRenderingDependsOnNoSpring() {
    noClasses()
        .that()
        .resideInAPackage("org.stomacds.cds.card..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "jakarta.servlet..")
        .check(classes);
  }
}
