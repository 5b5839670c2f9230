package org.stomacds.cds.store;

import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.stomacds.cds.card.RenderedCards;

/**
 * What one hook call leaves in the database, written before the answer is sent: the first use of
 * its token ({@link FirstUse}, when the call was authenticated), its audit row and, when it issued
 * cards, one row per card, all in one transaction (one commit; the card rows as one JDBC batch). A
 * call with neither a token nor cards writes its audit row alone. Nothing is queued in memory: when
 * {@link #record} returns, every row is committed.
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
   * Writes a call's rows in one transaction: its token's first use first, then the card rows when
   * {@code issued} holds cards, then the audit row. Throws when they could not be committed (then
   * none of them is).
   *
   * @param issued the cards issued, or null when the call issued none
   * @param firstUse the first use of the call's token, or null when there is none to record (the
   *     call was not authenticated, or its token is already recorded)
   * @throws FirstUse.Replayed when the token's first use was already on record (nothing written)
   */
  public void record(AuditRepository.Invocation invocation, IssuedCards issued, FirstUse firstUse) {
    boolean cards = issued != null && !issued.cards().isEmpty();
    if (firstUse == null && !cards) {
      audit.record(invocation); // one statement: auto-commit is its one transaction
      return;
    }
    transaction.executeWithoutResult(
        status -> {
          recordFirstUseHere(firstUse);
          if (cards) {
            issuance.recordIssued(
                issued.serviceId(),
                issued.hookInstance(),
                issued.packVersion(),
                issued.issuedAt(),
                issued.cards());
          }
          audit.record(invocation);
        });
  }

  /**
   * Writes a token's first use alone (its own transaction): for a call whose rows could not be
   * written, which may be answered only once its token is on record.
   *
   * @throws FirstUse.Replayed when it was already on record
   */
  public void recordFirstUse(FirstUse firstUse) {
    if (firstUse != null) {
      transaction.executeWithoutResult(status -> recordFirstUseHere(firstUse));
    }
  }

  private static void recordFirstUseHere(FirstUse firstUse) {
    if (firstUse != null && !firstUse.record()) {
      throw new FirstUse.Replayed();
    }
  }
}
