package org.stomacds.cds.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.stomacds.cds.wire.Feedback;

/**
 * Feedback, stored durably, one row per card: the latest feedback on a card (by its {@code
 * outcomeTimestamp}) stands, so per-rule counts count each card once. The same feedback sent again
 * changes nothing: an entry's content hash (card, outcome, time, accepted suggestions, override
 * reason and comment) tells it apart from a new one. The comment itself is not stored.
 *
 * <p>Replicas share the table: the unique key on the card decides, never memory. A first feedback
 * is an insert; when the key exists, a conditional update replaces the row only with a different
 * feedback at least as recent, so two replicas racing on one card end with the later feedback.
 */
public class FeedbackRepository {

  /** What storing one feedback did. */
  public enum Result {
    /** The first feedback on its card. */
    STORED,
    /** It replaced an earlier feedback on its card. */
    REPLACED,
    /** Nothing changed: the same feedback again, or one older than the feedback kept. */
    UNCHANGED
  }

  private final JdbcTemplate jdbc;

  public FeedbackRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores one entry for an issued card. */
  public Result store(
      Feedback feedback, CardIssuanceRepository.IssuedCard card, Instant receivedAt) {
    String key = key(feedback);
    String reasonSystem =
        feedback.overrideReason() == null ? null : feedback.overrideReason().system();
    String reasonCode = feedback.overrideReason() == null ? null : feedback.overrideReason().code();
    OffsetDateTime outcomeAt = feedback.outcomeTimestamp().withOffsetSameInstant(ZoneOffset.UTC);
    OffsetDateTime received = receivedAt.atOffset(ZoneOffset.UTC);
    try {
      // Auto-commit, one statement: a duplicate is a refused insert, not a broken transaction.
      jdbc.update(
          "INSERT INTO \"stomacds\".card_feedback (feedback_key, card_uuid, service_id, rule_id,"
              + " outcome, override_reason_system, override_reason_code, accepted_suggestions,"
              + " outcome_at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          key,
          card.cardUuid(),
          card.serviceId(),
          card.ruleId(),
          feedback.outcome(),
          reasonSystem,
          reasonCode,
          feedback.acceptedSuggestions().size(),
          outcomeAt,
          received);
      return Result.STORED;
    } catch (DuplicateKeyException e) {
      int replaced =
          jdbc.update(
              "UPDATE \"stomacds\".card_feedback SET feedback_key = ?, outcome = ?,"
                  + " override_reason_system = ?, override_reason_code = ?,"
                  + " accepted_suggestions = ?, outcome_at = ?, received_at = ?"
                  + " WHERE card_uuid = ? AND feedback_key <> ? AND outcome_at <= ?",
              key,
              feedback.outcome(),
              reasonSystem,
              reasonCode,
              feedback.acceptedSuggestions().size(),
              outcomeAt,
              received,
              card.cardUuid(),
              key,
              outcomeAt);
      return replaced > 0 ? Result.REPLACED : Result.UNCHANGED;
    }
  }

  /** Per-rule counts for one service, rules in id order. */
  public List<RuleFeedback> summary(String serviceId) {
    Map<String, long[]> counts = new LinkedHashMap<>();
    Map<String, List<RuleFeedback.ReasonCount>> reasons = new LinkedHashMap<>();
    jdbc.query(
        "SELECT rule_id, COUNT(*) FROM \"stomacds\".card_issuance WHERE service_id = ?"
            + " GROUP BY rule_id ORDER BY rule_id",
        rs -> {
          counts.computeIfAbsent(rs.getString(1), k -> new long[3])[0] = rs.getLong(2);
        },
        serviceId);
    jdbc.query(
        "SELECT rule_id, outcome, override_reason_system, override_reason_code, COUNT(*)"
            + " FROM \"stomacds\".card_feedback WHERE service_id = ?"
            + " GROUP BY rule_id, outcome, override_reason_system, override_reason_code",
        rs -> {
          String rule = rs.getString(1);
          long n = rs.getLong(5);
          long[] c = counts.computeIfAbsent(rule, k -> new long[3]);
          if ("accepted".equals(rs.getString(2))) {
            c[1] += n;
          } else {
            c[2] += n;
            if (rs.getString(4) != null) {
              reasons
                  .computeIfAbsent(rule, k -> new ArrayList<>())
                  .add(new RuleFeedback.ReasonCount(rs.getString(3), rs.getString(4), n));
            }
          }
        },
        serviceId);
    return counts.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(
            e ->
                new RuleFeedback(
                    e.getKey(),
                    e.getValue()[0],
                    e.getValue()[1],
                    e.getValue()[2],
                    reasons.getOrDefault(e.getKey(), List.of())))
        .toList();
  }

  static String key(Feedback f) {
    StringBuilder s = new StringBuilder();
    s.append(f.card()).append('\u0000').append(f.outcome()).append('\u0000');
    s.append(f.outcomeTimestamp().toInstant()).append('\u0000');
    f.acceptedSuggestions().stream().sorted().forEach(id -> s.append(id).append(','));
    s.append('\u0000');
    if (f.overrideReason() != null) {
      s.append(f.overrideReason().system()).append('|').append(f.overrideReason().code());
    }
    s.append('\u0000').append(f.userComment() == null ? "" : f.userComment());
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(s.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
