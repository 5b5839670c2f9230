package org.stomacds.server;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code server} table of ARCHITECTURE.md, held by ArchUnit: the feature packages are
 * independent of one another except where the doc says (the FHIR server's configuration, and the
 * SMART discovery reading the grantable operations of security); every package is on a line; no two
 * packages depend on each other.
 */
class PackageLinesTest {

  private static final String FHIR = "org.stomacds.server.fhir";
  private static final String SECURITY = "org.stomacds.server.security";
  private static final String SMART = "org.stomacds.server.smart";
  private static final String TERMINOLOGY = "org.stomacds.server.terminology";
  private static final String CHECKS = "org.stomacds.server.checks";

  /** Feature packages nothing else in the server may depend on. */
  private static final String[] LEAVES = {
    "org.stomacds.server.engine",
    "org.stomacds.server.store",
    "org.stomacds.server.sandbox",
    "org.stomacds.server.dashboard",
    "org.stomacds.server.lifecycle",
    "org.stomacds.server.deploy",
    "org.stomacds.server.rules",
  };

  private static JavaClasses server;

  @BeforeAll
  static void importServer() {
    server =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.stomacds.server");
  }

  @Test
  void featurePackagesDependOnEachOtherOnlyWhereTheDocSays() {
    var layers =
        layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .withOptionalLayers(false)
            .layer("application")
            .definedBy("org.stomacds.server")
            .layer(FHIR)
            .definedBy(FHIR)
            .layer(TERMINOLOGY)
            .definedBy(TERMINOLOGY)
            .layer(CHECKS)
            .definedBy(CHECKS)
            .layer(SECURITY)
            .definedBy(SECURITY)
            .layer(SMART)
            .definedBy(SMART);
    for (String leaf : LEAVES) {
      layers = layers.layer(leaf).definedBy(leaf);
    }
    layers =
        layers
            .whereLayer(FHIR)
            .mayOnlyBeAccessedByLayers(TERMINOLOGY, CHECKS, SECURITY, SMART)
            .whereLayer(SECURITY)
            .mayOnlyBeAccessedByLayers(SMART)
            .whereLayer("application")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer(TERMINOLOGY)
            .mayNotBeAccessedByAnyLayer()
            .whereLayer(CHECKS)
            .mayNotBeAccessedByAnyLayer()
            .whereLayer(SMART)
            .mayNotBeAccessedByAnyLayer();
    for (String leaf : LEAVES) {
      layers = layers.whereLayer(leaf).mayNotBeAccessedByAnyLayer();
    }
    layers
        .ensureAllClassesAreContainedInArchitecture()
        .because("ARCHITECTURE.md, Packages: server")
        .check(server);
  }

  @Test
  void noTwoPackagesDependOnEachOther() {
    slices().matching("org.stomacds.server.(**)").should().beFreeOfCycles().check(server);
  }
}
