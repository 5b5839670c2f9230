package org.stomacds.cds.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.stomacds.cds.card.RenderedCards;

/** The cards issued, each with its rule and its suggestions: what feedback is checked against. */
public class CardIssuanceRepository {

  /** The column's size: a card with more suggestions than fit has them stored as unknown. */
  private static final int MAX_SUGGESTION_TEXT = 4000;

  private final JdbcTemplate jdbc;

  public CardIssuanceRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * One issued card, as stored.
   *
   * @param suggestionUuids the uuids of its suggestions, or null when not known (a card issued
   *     before they were recorded)
   */
  public record IssuedCard(
      String cardUuid, String serviceId, String ruleId, Set<String> suggestionUuids) {

    /** The card's suggestions, when the store knows them. */
    public Optional<Set<String>> suggestions() {
      return Optional.ofNullable(suggestionUuids);
    }
  }

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
            + " (card_uuid, service_id, rule_id, hook_instance, pack_version, issued_at,"
            + " suggestion_uuids) VALUES (?, ?, ?, ?, ?, ?, ?)",
        cards,
        cards.size(),
        (ps, card) -> {
          ps.setString(1, card.cardUuid());
          ps.setString(2, serviceId);
          ps.setString(3, card.ruleId());
          ps.setString(4, hookInstance);
          ps.setString(5, packVersion);
          ps.setObject(6, at);
          String suggestions = String.join(" ", card.suggestionUuids());
          ps.setString(7, suggestions.length() <= MAX_SUGGESTION_TEXT ? suggestions : null);
        });
  }

  public Optional<IssuedCard> find(String cardUuid) {
    return jdbc
        .query(
            "SELECT card_uuid, service_id, rule_id, suggestion_uuids"
                + " FROM \"stomacds\".card_issuance WHERE card_uuid = ?",
            (rs, n) ->
                new IssuedCard(
                    rs.getString(1), rs.getString(2), rs.getString(3), uuids(rs.getString(4))),
            cardUuid)
        .stream()
        .findFirst();
  }

  private static Set<String> uuids(String stored) {
    if (stored == null) {
      return null;
    }
    return Arrays.stream(stored.split(" "))
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }
}
