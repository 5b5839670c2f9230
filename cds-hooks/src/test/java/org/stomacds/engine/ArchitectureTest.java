package org.stomacds.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine's layering, held by ArchUnit (ARCHITECTURE.md, STYLE.md). */
class ArchitectureTest {

  /** The rule engine's checks, one package per feature (ARCHITECTURE.md, "Packages"). */
  private static final List<String> RULE_FEATURES =
      List.of("documentation", "bundling", "modifiers", "sedation", "payer", "diagnosis", "coding");

  private static JavaClasses engine;

  @BeforeAll
  static void importEngine() {
    engine =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.stomacds.engine");
  }

  @Test
  void theEngineIsPlainJava() {
    noClasses()
        .that()
        .resideInAPackage("org.stomacds.engine..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "jakarta.servlet..", "javax.servlet..")
        .because("the engine is plain Java, called by the CDS service and the server alike")
        .check(engine);
  }

  @Test
  void theEngineNeverReachesUpIntoTheWebLayers() {
    noClasses()
        .that()
        .resideInAPackage("org.stomacds.engine..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.stomacds.cds..", "org.stomacds.server..")
        .check(engine);
  }

  @Test
  void onlyTheFactsReadFhirResources() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.stomacds.engine.rules..",
            "org.stomacds.engine.findings..",
            "org.stomacds.engine.payer..",
            "org.stomacds.engine.reference..",
            "org.stomacds.engine.documentation..",
            "org.stomacds.engine.narrative..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.hl7.fhir..", "ca.uhn.fhir..")
        .because("the facts package is the one place that turns FHIR resources into facts")
        .check(engine);
  }

  @Test
  void factRecordsCarryNoFhirTypes() {
    noClasses()
        .that()
        .resideInAPackage("org.stomacds.engine.facts..")
        .and(
            DescribedPredicate.describe(
                "are records or enums", (JavaClass c) -> c.isRecord() || c.isEnum()))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.hl7.fhir..", "ca.uhn.fhir..")
        .because("the rules read facts, never resources")
        .check(engine);
  }

  @Test
  void theRulesDoNotSeeTheNarrativeReaderOrTheTerminologyDirectly() {
    noClasses()
        .that()
        .resideInAPackage("org.stomacds.engine.rules..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.stomacds.engine.narrative..", "org.stomacds.engine.terminology..")
        .because("notes reach the rules as facts, and value sets as code sets copied at load")
        .check(engine);
  }

  @Test
  void theEnginePackagesHaveNoCycles() {
    slices()
        .matching("org.stomacds.engine.(**)..")
        .should()
        .beFreeOfCycles()
        .because("each package builds on the ones below it, so each can be read on its own")
        .check(engine);
  }

  @Test
  void theRuleFeaturesDoNotDependOnOneAnother() {
    for (String feature : RULE_FEATURES) {
      String[] others =
          RULE_FEATURES.stream()
              .filter(other -> !other.equals(feature))
              .map(other -> "org.stomacds.engine.rules." + other + "..")
              .toArray(String[]::new);
      noClasses()
          .that()
          .resideInAPackage("org.stomacds.engine.rules." + feature + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(others)
          .because(
              "a feature's checks share only the core types (engine.rules) and the CMS data;"
                  + " what two features need goes there, not from one feature to another "
                  + Arrays.toString(others))
          .check(engine);
    }
  }

  @Test
  void theRuleCoreAndTheCmsDataKnowNoFeatureAndNoLoader() {
    noClasses()
        .that()
        .resideInAnyPackage("org.stomacds.engine.rules", "org.stomacds.engine.rules.cms..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            RULE_FEATURES.stream()
                .map(feature -> "org.stomacds.engine.rules." + feature + "..")
                .toArray(String[]::new))
        .orShould()
        .dependOnClassesThat()
        .resideInAPackage("org.stomacds.engine.rules.loading..")
        .because("the loader builds each check kind (CheckFactories); the core only names them")
        .check(engine);
  }

  @Test
  void aRuleFeatureShowsOnlyItsFactoriesToTheLoader() {
    classes()
        .that()
        .resideInAnyPackage(
            RULE_FEATURES.stream()
                .map(feature -> "org.stomacds.engine.rules." + feature + "..")
                .toArray(String[]::new))
        .and()
        .haveSimpleNameNotEndingWith("Checks")
        .should()
        .notBePublic()
        .because("a check is built by its feature's *Checks factories and used through Check")
        .check(engine);
  }
}
