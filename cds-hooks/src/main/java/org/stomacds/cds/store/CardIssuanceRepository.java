package org.stomacds.cds.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.stomacds.cds.card.RenderedCards;

/** The cards issued, each with its rule: what feedback is attributed through. */
public class CardIssuanceRepository {

  private final JdbcTemplate jdbc;

  public CardIssuanceRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** One issued card, as stored. */
  public record IssuedCard(String cardUuid, String serviceId, String ruleId) {}

  public void recordIssued(
      String serviceId,
      String hookInstance,
      String packVersion,
      Instant issuedAt,
      List<RenderedCards.Issued> cards) {
    if (cards.isEmpty()) {
      return;
    }
    OffsetDateTime at = issuedAt.atOffset(ZoneOffset.UTC);
    jdbc.batchUpdate(
        "INSERT INTO \"stomacds\".card_issuance"
            + " (card_uuid, service_id, rule_id, hook_instance, pack_version, issued_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        cards,
        cards.size(),
        (ps, card) -> {
          ps.setString(1, card.cardUuid());
          ps.setString(2, serviceId);
          ps.setString(3, card.ruleId());
          ps.setString(4, hookInstance);
          ps.setString(5, packVersion);
          ps.setObject(6, at);
        });
  }

  public Optional<IssuedCard> find(String cardUuid) {
    return jdbc
        .query(
            "SELECT card_uuid, service_id, rule_id FROM \"stomacds\".card_issuance WHERE card_uuid = ?",
            (rs, n) -> new IssuedCard(rs.getString(1), rs.getString(2), rs.getString(3)),
            cardUuid)
        .stream()
        .findFirst();
  }
}
