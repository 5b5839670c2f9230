package org.stomacds.cds.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit trail of hook invocations: who called (issuer, subject, tenant of the token), ids,
 * rules, timing and outcome; never content or the token.
 */
public class AuditRepository {

  private static final Pattern LOGGABLE =
      Pattern.compile("[A-Za-z0-9._~:/?#@!$&'()*+,;=%\\-]{1,256}");

  private final JdbcTemplate jdbc;

  /**
   * Who made a call, from its verified CDS Hooks JWT.
   *
   * @param issuer {@code iss}
   * @param subject {@code sub}; null when the token had none (accepted only from an issuer
   *     configured with {@code allow-missing-sub}): recorded as absent
   * @param tenant {@code tenant}, or null
   */
  public record Caller(String issuer, String subject, String tenant) {

    /**
     * For a log line: {@code iss=... sub=... tenant=...}, an absent {@code sub} said as {@code
     * (absent)}; a value with characters a log line should not carry is replaced.
     */
    public String forLog() {
      return "iss="
          + loggable(issuer, "(none)")
          + " sub="
          + loggable(subject, "(absent)")
          + " tenant="
          + loggable(tenant, "(none)");
    }

    private static String loggable(String value, String missing) {
      if (value == null) {
        return missing;
      }
      return LOGGABLE.matcher(value).matches() ? value : "(not loggable)";
    }
  }

  public AuditRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * One invocation.
   *
   * @param caller who called; null when the call was not authenticated (the demo profile with no
   *     trusted issuer)
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
      Caller caller,
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
    Caller caller = i.caller();
    jdbc.update(
        "INSERT INTO \"stomacds\".invocation_audit (caller_issuer, caller_subject, caller_tenant,"
            + " hook_instance, service_id, hook, status, error_code, rule_ids, card_uuids,"
            + " pack_version, started_at, duration_ms)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        caller == null ? null : clip(caller.issuer(), 512),
        caller == null ? null : clip(caller.subject(), 255),
        caller == null ? null : clip(caller.tenant(), 255),
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
