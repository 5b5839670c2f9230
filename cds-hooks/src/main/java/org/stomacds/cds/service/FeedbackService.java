package org.stomacds.cds.service;

import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stomacds.cds.store.CardIssuanceRepository;
import org.stomacds.cds.store.FeedbackRepository;
import org.stomacds.cds.store.RuleFeedback;
import org.stomacds.cds.wire.CdsException;
import org.stomacds.cds.wire.Feedback;
import org.stomacds.cds.wire.FeedbackReader;

/**
 * Feedback on cards: every entry must name a card this service issued, and accept only suggestions
 * that card had (else 422 and nothing of the body is stored); the latest feedback on a card
 * replaces an earlier one, so each card counts once in the per-rule counts read back.
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

  /**
   * The answer to a feedback POST.
   *
   * @param stored entries that are the first feedback on their card
   * @param replaced entries that replaced an earlier feedback on their card
   * @param duplicates entries that changed nothing: the same feedback again, or one older than the
   *     feedback kept for that card
   */
  public record Receipt(int stored, int replaced, int duplicates) {}

  /** Per-rule counts of one service. */
  public record Summary(String serviceId, List<RuleFeedback> rules) {}

  public Receipt record(String serviceId, InputStream body) {
    String service = service(serviceId);
    List<Feedback> entries = reader.read(Bodies.read(body, maxBodyBytes));
    List<CardIssuanceRepository.IssuedCard> cards = new ArrayList<>();
    // Every entry is checked before any is stored: a refused body leaves nothing behind.
    for (int i = 0; i < entries.size(); i++) {
      Feedback entry = entries.get(i);
      String uuid = entry.card();
      int index = i;
      CardIssuanceRepository.IssuedCard card =
          (uuid.length() <= 36
                  ? issuance.find(uuid)
                  : Optional.<CardIssuanceRepository.IssuedCard>empty())
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
      checkSuggestions(entry, card, i);
      cards.add(card);
    }
    Map<FeedbackRepository.Result, Integer> results =
        new EnumMap<>(FeedbackRepository.Result.class);
    for (int i = 0; i < entries.size(); i++) {
      results.merge(feedback.store(entries.get(i), cards.get(i), clock.instant()), 1, Integer::sum);
    }
    Receipt receipt =
        new Receipt(
            results.getOrDefault(FeedbackRepository.Result.STORED, 0),
            results.getOrDefault(FeedbackRepository.Result.REPLACED, 0),
            results.getOrDefault(FeedbackRepository.Result.UNCHANGED, 0));
    log.info(
        "cds feedback service={} rules={} stored={} replaced={} duplicates={}",
        service,
        cards.stream().map(CardIssuanceRepository.IssuedCard::ruleId).toList(),
        receipt.stored(),
        receipt.replaced(),
        receipt.duplicates());
    return receipt;
  }

  /** 422 when an accepted suggestion is not one of the card's (when the store knows them). */
  private static void checkSuggestions(
      Feedback entry, CardIssuanceRepository.IssuedCard card, int index) {
    Optional<Set<String>> known = card.suggestions();
    if (known.isEmpty()) {
      return;
    }
    List<String> accepted = entry.acceptedSuggestions();
    for (int j = 0; j < accepted.size(); j++) {
      if (!known.get().contains(accepted.get(j))) {
        throw CdsException.contract(
            "unknown-suggestion",
            "feedback["
                + index
                + "].acceptedSuggestions["
                + j
                + "].id names no suggestion of that card");
      }
    }
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
