package org.stomacds.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stomacds.cds.card.OverrideReasons;

class ActivityTallyTest {

  private static final RuleCatalog CATALOG =
      new RuleCatalog(
          List.of(
              new RuleCatalog.Entry("doc-balloon-diameter", "Balloon diameter", "warning", null),
              new RuleCatalog.Entry("mue-units", "Units within the MUE", "error", null)));

  private final ActivityRange range =
      ActivityRange.parse("2026-11-01", "2026-11-03", "UTC", Instant.EPOCH);

  @Test
  void countsCardsAndFeedbackPerRuleAndDay() {
    ActivityTally tally = new ActivityTally(range, CATALOG);
    tally.issued("doc-balloon-diameter", at("2026-11-01T10:00:00Z"));
    tally.issued("doc-balloon-diameter", at("2026-11-03T10:00:00Z"));
    tally.issued("mue-units", at("2026-11-02T23:59:59Z"));
    tally.feedback("doc-balloon-diameter", "accepted", null, null, at("2026-11-03T11:00:00Z"));
    tally.feedback(
        "mue-units",
        "overridden",
        OverrideReasons.SYSTEM,
        "payer-exception",
        at("2026-11-03T00:00:00Z"));

    RuleActivity result = tally.result();

    assertThat(result.days()).hasSize(3);
    assertThat(result.totals().issued()).isEqualTo(3);
    assertThat(result.totals().daily().issued()).containsExactly(1, 1, 1);
    assertThat(result.totals().daily().accepted()).containsExactly(0, 0, 1);
    assertThat(result.totals().daily().overridden()).containsExactly(0, 0, 1);
    RuleActivity.Rule balloon = result.rules().get(0);
    assertThat(balloon.ruleId()).isEqualTo("doc-balloon-diameter");
    assertThat(balloon.title()).isEqualTo("Balloon diameter");
    assertThat(balloon.severity()).isEqualTo("warning");
    assertThat(balloon.issued()).isEqualTo(2);
    assertThat(balloon.accepted()).isEqualTo(1);
    RuleActivity.Rule mue = result.rules().get(1);
    assertThat(mue.overridden()).isEqualTo(1);
    assertThat(mue.overrideReasons())
        .containsExactly(
            new RuleActivity.Reason(
                OverrideReasons.SYSTEM,
                "payer-exception",
                "The payer has a different rule for this case",
                1));
  }

  @Test
  void ordersRulesBusiestFirstAndKeepsRulesTheCatalogueNoLongerHas() {
    ActivityTally tally = new ActivityTally(range, CATALOG);
    tally.issued("retired-rule", at("2026-11-01T00:00:00Z"));
    tally.issued("mue-units", at("2026-11-01T00:00:00Z"));
    tally.issued("mue-units", at("2026-11-02T00:00:00Z"));

    List<RuleActivity.Rule> rules = tally.result().rules();

    assertThat(rules)
        .extracting(RuleActivity.Rule::ruleId)
        .containsExactly("mue-units", "retired-rule");
    assertThat(rules.get(1).title()).isNull();
  }

  @Test
  void leavesOutWhatIsOutsideTheRangeAndOutcomesItDoesNotKnow() {
    ActivityTally tally = new ActivityTally(range, CATALOG);
    tally.issued("mue-units", at("2026-10-31T23:59:59Z"));
    tally.issued("mue-units", at("2026-11-04T00:00:00Z"));
    tally.feedback("mue-units", "ignored", null, null, at("2026-11-02T00:00:00Z"));
    tally.feedback("mue-units", "overridden", null, null, at("2026-11-02T00:00:00Z"));

    RuleActivity result = tally.result();

    assertThat(result.totals().issued()).isZero();
    assertThat(result.totals().accepted()).isZero();
    assertThat(result.totals().overridden()).isEqualTo(1);
    assertThat(result.rules().get(0).overrideReasons()).isEmpty();
  }

  private static Instant at(String instant) {
    return Instant.parse(instant);
  }
}
