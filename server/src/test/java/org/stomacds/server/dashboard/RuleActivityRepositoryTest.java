package org.stomacds.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.stomacds.cds.store.StomacdsSchema;

/** Against the CDS service's own tables, created by its migrations in an in-memory H2. */
class RuleActivityRepositoryTest {

  private static final String ORDER_SIGN = "cpt-44405-order-sign";
  private static final String DISCHARGE = "cpt-44405-encounter-discharge";

  private JdbcTemplate jdbc;
  private RuleActivityRepository repository;

  @BeforeEach
  void createSchema() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:dashboard-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    StomacdsSchema.flyway(h2).migrate();
    jdbc = new JdbcTemplate(h2);
    repository = new RuleActivityRepository(jdbc, new RuleCatalog(List.of()));
  }

  @Test
  void readsIssuedAcceptedAndOverriddenCardsByDayInTheAskedZone() {
    String a = issue(DISCHARGE, "doc-balloon-diameter", "2026-11-02T04:30:00Z");
    String b = issue(DISCHARGE, "doc-balloon-diameter", "2026-11-02T15:00:00Z");
    issue(ORDER_SIGN, "order-documentation-checklist", "2026-11-03T15:00:00Z");
    feedback(a, DISCHARGE, "doc-balloon-diameter", "accepted", null, "2026-11-02T16:00:00Z");
    feedback(
        b,
        DISCHARGE,
        "doc-balloon-diameter",
        "overridden",
        "will-fix-later",
        "2026-11-03T16:00:00Z");

    RuleActivity activity =
        repository.activity(
            ActivityRange.parse("2026-11-01", "2026-11-03", "America/New_York", Instant.EPOCH),
            null);

    // 04:30 UTC on the 2nd is still the 1st in New York.
    RuleActivity.Rule balloon = rule(activity, "doc-balloon-diameter");
    assertThat(balloon.daily().issued()).containsExactly(1, 1, 0);
    assertThat(balloon.daily().accepted()).containsExactly(0, 1, 0);
    assertThat(balloon.daily().overridden()).containsExactly(0, 0, 1);
    assertThat(balloon.overrideReasons())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.code()).isEqualTo("will-fix-later");
              assertThat(r.display()).isEqualTo("Will fix before the claim goes out");
            });
    assertThat(activity.totals().issued()).isEqualTo(3);
  }

  @Test
  void keepsToOneServiceWhenAsked() {
    issue(DISCHARGE, "doc-balloon-diameter", "2026-11-02T12:00:00Z");
    issue(ORDER_SIGN, "order-documentation-checklist", "2026-11-02T12:00:00Z");

    RuleActivity activity =
        repository.activity(
            ActivityRange.parse("2026-11-02", "2026-11-02", null, Instant.EPOCH), ORDER_SIGN);

    assertThat(activity.rules())
        .extracting(RuleActivity.Rule::ruleId)
        .containsExactly("order-documentation-checklist");
  }

  @Test
  void answersEmptyDaysForAnEmptyRange() {
    RuleActivity activity =
        repository.activity(
            ActivityRange.parse("2026-11-01", "2026-11-07", null, Instant.EPOCH), null);

    assertThat(activity.rules()).isEmpty();
    assertThat(activity.totals().daily().issued()).hasSize(7).containsOnly(0L);
  }

  private String issue(String service, String rule, String at) {
    String uuid = UUID.randomUUID().toString();
    jdbc.update(
        "INSERT INTO \"stomacds\".card_issuance (card_uuid, service_id, rule_id, hook_instance,"
            + " pack_version, issued_at) VALUES (?, ?, ?, ?, ?, ?)",
        uuid,
        service,
        rule,
        UUID.randomUUID().toString(),
        "test",
        time(at));
    return uuid;
  }

  private void feedback(
      String card, String service, String rule, String outcome, String reason, String at) {
    jdbc.update(
        "INSERT INTO \"stomacds\".card_feedback (feedback_key, card_uuid, service_id, rule_id,"
            + " outcome, override_reason_system, override_reason_code, accepted_suggestions,"
            + " outcome_at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        UUID.randomUUID().toString(),
        card,
        service,
        rule,
        outcome,
        reason == null ? null : "https://stomacds.org/fhir/CodeSystem/override-reason",
        reason,
        outcome.equals("accepted") ? 1 : 0,
        time(at),
        time(at));
  }

  private static OffsetDateTime time(String at) {
    return Instant.parse(at).atOffset(ZoneOffset.UTC);
  }

  private static RuleActivity.Rule rule(RuleActivity activity, String id) {
    return activity.rules().stream().filter(r -> r.ruleId().equals(id)).findFirst().orElseThrow();
  }
}
