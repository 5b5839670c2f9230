package org.stomacds.cds.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
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
 * Feedback, stored durably and once: an entry's key is a hash of its content (card, outcome, time,
 * accepted suggestions, override reason and comment), so a client that sends the same feedback
 * twice gets it stored once. The comment itself is not stored.
 */
public class FeedbackRepository {

  private final JdbcTemplate jdbc;

  public FeedbackRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Stores one entry for an issued card.
   *
   * @return true when stored, false when the same entry was stored before
   */
  public boolean store(
      Feedback feedback, CardIssuanceRepository.IssuedCard card, Instant receivedAt) {
    try {
      // Auto-commit, one statement: a duplicate is a refused insert, not a broken transaction.
      jdbc.update(
          "INSERT INTO \"stomacds\".card_feedback (feedback_key, card_uuid, service_id, rule_id, outcome,"
              + " override_reason_system, override_reason_code, accepted_suggestions, outcome_at,"
              + " received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          key(feedback),
          card.cardUuid(),
          card.serviceId(),
          card.ruleId(),
          feedback.outcome(),
          feedback.overrideReason() == null ? null : feedback.overrideReason().system(),
          feedback.overrideReason() == null ? null : feedback.overrideReason().code(),
          feedback.acceptedSuggestions().size(),
          feedback.outcomeTimestamp().withOffsetSameInstant(ZoneOffset.UTC),
          receivedAt.atOffset(ZoneOffset.UTC));
      return true;
    } catch (DuplicateKeyException e) {
      return false;
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
