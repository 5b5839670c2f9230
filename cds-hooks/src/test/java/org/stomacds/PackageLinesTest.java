package org.stomacds;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The "Packages" tables of ARCHITECTURE.md for the {@code cds-hooks} module, held by ArchUnit: each
 * line depends only on the lines above it or on its own package, every package of the module is on
 * a line, and no two packages depend on each other.
 */
class PackageLinesTest {

  /** The engine's table, then the case data and web layer's table, top to bottom. */
  static final List<String> LINES =
      List.of(
          "org.stomacds.engine.rules.yaml",
          "org.stomacds.engine.findings",
          "org.stomacds.engine.documentation",
          "org.stomacds.engine.terminology",
          "org.stomacds.engine.payer",
          "org.stomacds.engine.narrative",
          "org.stomacds.engine.facts",
          "org.stomacds.engine.rules.cms",
          "org.stomacds.engine.rules",
          "org.stomacds.engine.rules.documentation",
          "org.stomacds.engine.rules.diagnosis",
          "org.stomacds.engine.rules.bundling",
          "org.stomacds.engine.rules.modifiers",
          "org.stomacds.engine.rules.sedation",
          "org.stomacds.engine.rules.payer",
          "org.stomacds.engine.rules.coding",
          "org.stomacds.engine.rules.loading",
          "org.stomacds.engine",
          "org.stomacds.engine.reference",
          "org.stomacds.casedata",
          "org.stomacds.cds.bodies",
          "org.stomacds.cds.wire",
          "org.stomacds.cds.url",
          "org.stomacds.cds.prefetch",
          "org.stomacds.cds.card",
          "org.stomacds.cds.store",
          "org.stomacds.cds.security",
          "org.stomacds.cds.service",
          "org.stomacds.cds");

  private static JavaClasses module;

  @BeforeAll
  static void importModule() {
    module =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.stomacds");
  }

  @Test
  void eachLineDependsOnlyOnTheLinesAboveIt() {
    LayeredArchitecture layers =
        layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(false);
    for (String line : LINES) {
      layers = layers.layer(line).definedBy(line);
    }
    for (int i = 0; i < LINES.size(); i++) {
      List<String> below = LINES.subList(i + 1, LINES.size());
      layers =
          below.isEmpty()
              ? layers.whereLayer(LINES.get(i)).mayNotBeAccessedByAnyLayer()
              : layers
                  .whereLayer(LINES.get(i))
                  .mayOnlyBeAccessedByLayers(below.toArray(String[]::new));
    }
    layers
        .ensureAllClassesAreContainedInArchitecture()
        .because("ARCHITECTURE.md, Packages: each line depends only on lines above it")
        .check(module);
  }

  @Test
  void noTwoPackagesDependOnEachOther() {
    slices().matching("org.stomacds.(**)").should().beFreeOfCycles().check(module);
  }
}
