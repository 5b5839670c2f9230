package org.stomacds.cds.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** The audit trail of hook invocations: ids, rules, timing and outcome; never content. */
public class AuditRepository {

  private final JdbcTemplate jdbc;

  public AuditRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * One invocation.
   *
   * @param hookInstance the client's id of the call, or null when the request had none
   * @param serviceId the service asked for
   * @param hook the hook the client named, or null
   * @param status the HTTP status answered
   * @param errorCode the error code answered, or null
   * @param ruleIds the rules that fired, one per card
   * @param cardUuids the cards issued
   * @param packVersion the rule pack version, or null when the rules did not run
   * @param startedAt when the call came in
   * @param durationMs how long it took
   */
  public record Invocation(
      String hookInstance,
      String serviceId,
      String hook,
      int status,
      String errorCode,
      List<String> ruleIds,
      List<String> cardUuids,
      String packVersion,
      Instant startedAt,
      long durationMs) {}

  public void record(Invocation i) {
    jdbc.update(
        "INSERT INTO \"stomacds\".invocation_audit (hook_instance, service_id, hook, status, error_code,"
            + " rule_ids, card_uuids, pack_version, started_at, duration_ms)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        i.hookInstance(),
        clip(i.serviceId(), 64),
        clip(i.hook(), 64),
        i.status(),
        i.errorCode(),
        clip(String.join(",", i.ruleIds()), 4000),
        clip(String.join(",", i.cardUuids()), 8000),
        i.packVersion(),
        i.startedAt().atOffset(ZoneOffset.UTC),
        (int) Math.min(Integer.MAX_VALUE, i.durationMs()));
  }

  private static String clip(String s, int max) {
    if (s == null || s.isEmpty()) {
      return null;
    }
    return s.length() <= max ? s : s.substring(0, max);
  }
}
