package org.stomacds.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stomacds.engine.findings.Finding;
import org.stomacds.engine.rules.Stage;

class DefaultRuleEngineTest {

  @Test
  void loadsTheShippedPacks() {
    DefaultRuleEngine engine = Engines.standard();
    assertThat(engine.packVersion())
        .isEqualTo("cpt-44405 2024.07.1, cpt-44381 2024.07.1, cpt-45386 2024.07.1");
    assertThat(engine.packs())
        .extracting(p -> p.subjectCode())
        .containsExactly("44405", "44381", "45386");
    assertThat(engine.packFor("44405").orElseThrow().subjectCode()).isEqualTo("44405");
    assertThat(engine.packFor("44405").orElseThrow().rules())
        .extracting(r -> r.id())
        .contains("doc-balloon-diameter", "ncci-ptp-edits");
  }

  @Test
  void cleanClaimWithCompleteDocumentationHasNoWarnings() {
    CaseBuilder c = CaseBuilder.newCase().documentedEverything().diagnosis("K94.03").line("44405");
    List<Finding> findings = Engines.evaluate(c, Stage.DOCUMENTATION, Stage.CLAIM);
    assertThat(findings).isEmpty();
  }

  /** A case that trips many rules at once. */
  static CaseBuilder busyCase() {
    CaseBuilder c =
        CaseBuilder.newCase()
            .originalMedicare()
            .note(
                "Scope through the colostomy. Balloon size not recorded. No immediate complications.")
            .diagnosis("R19.7")
            .diagnosis("Z93.3")
            .diagnosis("K94.03")
            .line("44405", 2, "59", "XS")
            .line("44388")
            .line("99152")
            .line("74360", "59")
            .line("99213")
            .placeOfService("11");
    c.documentReference("pdf1", "application/pdf", "%PDF-1.4");
    return c;
  }

  @Test
  void findingsComeInSeverityRuleResourceExpressionOrder() {
    List<Finding> findings = Engines.evaluate(busyCase());
    assertThat(findings).hasSizeGreaterThan(10);
    assertThat(findings)
        .isSortedAccordingTo(
            java.util.Comparator.comparing(Finding::severity)
                .thenComparing(Finding::ruleId)
                .thenComparing(
                    Finding::resource,
                    java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
                .thenComparing(
                    Finding::expression,
                    java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
    assertThat(findings)
        .allSatisfy(
            f -> {
              assertThat(f.packVersion()).isEqualTo("2024.07.1");
              assertThat(f.source()).isNotNull();
              assertThat(f.message()).isNotBlank();
            });
  }

  @Test
  void theSameCaseGivesTheSameFindingsWhateverTheResourceOrder() {
    CaseBuilder c = busyCase();
    List<org.hl7.fhir.r4.model.Resource> resources = new java.util.ArrayList<>(c.resources());
    List<Finding> first =
        Engines.standard()
            .evaluate(
                new EvaluationRequest(
                    resources, java.util.EnumSet.allOf(Stage.class), java.util.Set.of()))
            .findings();
    java.util.Collections.reverse(resources);
    List<Finding> reversed =
        Engines.standard()
            .evaluate(
                new EvaluationRequest(
                    resources, java.util.EnumSet.allOf(Stage.class), java.util.Set.of()))
            .findings();
    assertThat(reversed).isEqualTo(first);
  }

  @Test
  void concurrentEvaluationsGiveTheSameAnswers() throws Exception {
    List<CaseBuilder> cases =
        List.of(
            busyCase(),
            CaseBuilder.newCase().documentedEverything().diagnosis("K94.03").line("44405"),
            CaseBuilder.newCase()
                .unitedHealthcareCommercial()
                .diagnosis("K94.03")
                .line("44405", "59"),
            CaseBuilder.newCase().independenceBlueCross().diagnosis("K94.03").line("44405", "59"));
    List<List<Finding>> expected = new java.util.ArrayList<>();
    for (CaseBuilder c : cases) {
      expected.add(Engines.evaluate(c));
    }
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 100; i++) {
                    int which = i % cases.size();
                    if (!Engines.evaluate(cases.get(which)).equals(expected.get(which))) {
                      return false;
                    }
                  }
                  return true;
                }));
      }
      for (java.util.concurrent.Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
