package org.stomacds.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stomacds.cds.card.OverrideReasons;
import org.stomacds.engine.DefaultRuleEngine;

class RuleCatalogTest {

  @Test
  void listsTheLoadedPacksRulesWithTitlesAndSeveritiesPayerOverlaysIncluded() {
    RuleCatalog catalog = RuleCatalog.of(DefaultRuleEngine.builder().build());

    assertThat(catalog.all()).hasSizeGreaterThan(30);
    assertThat(catalog.all()).extracting(RuleCatalog.Entry::id).isSorted().doesNotHaveDuplicates();
    assertThat(catalog.title("doc-balloon-diameter")).isPresent();
    assertThat(catalog.severity("mue-units")).contains("error");
    assertThat(catalog.all())
        .filteredOn(rule -> rule.overlay() != null)
        .extracting(RuleCatalog.Entry::id)
        .contains("payer-aetna-records-22");
    assertThat(catalog.all())
        .extracting(RuleCatalog.Entry::severity)
        .containsOnly("error", "warning", "info");
  }

  @Test
  void knowsNothingOfARuleItDoesNotHold() {
    RuleCatalog catalog = RuleCatalog.of(DefaultRuleEngine.builder().build());

    assertThat(catalog.title("no-such-rule")).isEmpty();
    assertThat(catalog.severity("no-such-rule")).isEmpty();
  }

  @Test
  void namesOurOverrideReasonsOnly() {
    RuleCatalog catalog = new RuleCatalog(java.util.List.of());

    assertThat(catalog.overrideReasonDisplay(OverrideReasons.SYSTEM, "documented-elsewhere"))
        .contains("Documented elsewhere in the record");
    assertThat(catalog.overrideReasonDisplay("https://ehr.example/reasons", "documented-elsewhere"))
        .isEmpty();
  }
}
