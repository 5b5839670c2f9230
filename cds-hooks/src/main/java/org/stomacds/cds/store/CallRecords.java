package org.stomacds.cds.store;

import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.stomacds.cds.card.RenderedCards;

/**
 * What one hook call leaves in the database, written before the answer is sent: its audit row and,
 * when it issued cards, one row per card, all in one transaction (one commit; the card rows as one
 * JDBC batch). A call that issued no card writes its audit row alone. Nothing is queued in memory:
 * when {@link #record} returns, every row is committed.
 */
public class CallRecords {

  private final AuditRepository audit;
  private final CardIssuanceRepository issuance;
  private final TransactionTemplate transaction;

  /**
   * The cards a call issued, as their rows record them.
   *
   * @param serviceId the service called
   * @param hookInstance the call's hook instance
   * @param packVersion the rule pack version the cards come from
   * @param issuedAt when they were issued
   * @param cards the cards, each with its rule and suggestions
   */
  public record IssuedCards(
      String serviceId,
      String hookInstance,
      String packVersion,
      Instant issuedAt,
      List<RenderedCards.Issued> cards) {

    public IssuedCards {
      cards = List.copyOf(cards);
    }
  }

  /**
   * @param dataSource the one both repositories write to (their {@code JdbcTemplate}s take part in
   *     this class's transaction through it)
   */
  public CallRecords(
      DataSource dataSource, AuditRepository audit, CardIssuanceRepository issuance) {
    this.audit = audit;
    this.issuance = issuance;
    this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  /**
   * Writes a call's rows: the audit row, and the card rows when {@code issued} holds cards, in one
   * transaction. Throws when they could not be committed (then none of them is).
   *
   * @param issued the cards issued, or null when the call issued none
   */
  public void record(AuditRepository.Invocation invocation, IssuedCards issued) {
    if (issued == null || issued.cards().isEmpty()) {
      audit.record(invocation);
      return;
    }
    transaction.executeWithoutResult(
        status -> {
          issuance.recordIssued(
              issued.serviceId(),
              issued.hookInstance(),
              issued.packVersion(),
              issued.issuedAt(),
              issued.cards());
          audit.record(invocation);
        });
  }
}
