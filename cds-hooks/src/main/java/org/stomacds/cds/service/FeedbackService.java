package org.stomacds.cds.service;

import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stomacds.cds.store.CardIssuanceRepository;
import org.stomacds.cds.store.FeedbackRepository;
import org.stomacds.cds.store.RuleFeedback;
import org.stomacds.cds.wire.CdsException;
import org.stomacds.cds.wire.Feedback;
import org.stomacds.cds.wire.FeedbackReader;

/**
 * Feedback on cards: every entry must name a card this service issued (else 422 and nothing is
 * stored); each entry is stored once however often it is sent; per-rule counts can be read back.
 */
public final class FeedbackService {

  private static final Logger log = LoggerFactory.getLogger(FeedbackService.class);

  private final CdsServiceCatalog catalog;
  private final FeedbackReader reader;
  private final CardIssuanceRepository issuance;
  private final FeedbackRepository feedback;
  private final Clock clock;
  private final long maxBodyBytes;

  public FeedbackService(
      CdsServiceCatalog catalog,
      FeedbackReader reader,
      CardIssuanceRepository issuance,
      FeedbackRepository feedback,
      Clock clock,
      long maxBodyBytes) {
    this.catalog = catalog;
    this.reader = reader;
    this.issuance = issuance;
    this.feedback = feedback;
    this.clock = clock;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** The answer to a feedback POST. */
  public record Receipt(int stored, int duplicates) {}

  /** Per-rule counts of one service. */
  public record Summary(String serviceId, List<RuleFeedback> rules) {}

  public Receipt record(String serviceId, InputStream body) {
    String service = service(serviceId);
    List<Feedback> entries = reader.read(Bodies.read(body, maxBodyBytes));
    List<CardIssuanceRepository.IssuedCard> cards = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      String uuid = entries.get(i).card();
      int index = i;
      CardIssuanceRepository.IssuedCard card =
          (uuid.length() <= 36
                  ? issuance.find(uuid)
                  : java.util.Optional.<CardIssuanceRepository.IssuedCard>empty())
              .filter(c -> c.serviceId().equals(service))
              .orElseThrow(
                  () ->
                      CdsException.contract(
                          "unknown-card",
                          "feedback["
                              + index
                              + "].card names no card issued by service '"
                              + service
                              + "'"));
      cards.add(card);
    }
    int stored = 0;
    for (int i = 0; i < entries.size(); i++) {
      if (feedback.store(entries.get(i), cards.get(i), clock.instant())) {
        stored++;
      }
    }
    log.info(
        "cds feedback service={} rules={} stored={} duplicates={}",
        service,
        cards.stream().map(CardIssuanceRepository.IssuedCard::ruleId).toList(),
        stored,
        entries.size() - stored);
    return new Receipt(stored, entries.size() - stored);
  }

  public Summary summary(String serviceId) {
    String service = service(serviceId);
    return new Summary(service, feedback.summary(service));
  }

  private String service(String serviceId) {
    return catalog
        .find(serviceId)
        .orElseThrow(
            () ->
                new CdsException(
                    404,
                    "unknown-service",
                    "there is no CDS service '" + CdsHookService.safeId(serviceId) + "'"))
        .id();
  }
}
