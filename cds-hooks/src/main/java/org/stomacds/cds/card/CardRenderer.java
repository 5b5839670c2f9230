package org.stomacds.cds.card;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.stomacds.casedata.CaseData;
import org.stomacds.cds.url.PublicEndpoints;
import org.stomacds.cds.wire.Card;
import org.stomacds.cds.wire.CdsResponse;
import org.stomacds.cds.wire.Coding;
import org.stomacds.engine.Evaluation;
import org.stomacds.engine.findings.Finding;
import org.stomacds.engine.findings.Severity;

/**
 * Turns findings into CDS Hooks cards: one rule per card (the findings of one rule on one resource
 * share a card, so its Claim update fixes every line at once), a summary that says what to do, a
 * Markdown detail with enough to make the fix by hand (many clients cannot apply actions), and
 * suggestions a client can apply: an {@code update} carrying the whole corrected Claim, a {@code
 * create} of a Task asking the procedure's author for missing documentation.
 *
 * <p>Suggestions use {@code selectionBehavior: any} (the only one some EHRs support), so fixes that
 * exclude one another (one {@code alternativeGroup}) are never offered side by side: the
 * recommended one is applied, the others are explained in the detail.
 *
 * <p>The order-sign documentation checklist (the findings {@link Finding#isOrderChecklist()} tells
 * apart, whatever their rule id) becomes one info card and a system action writing the same list
 * onto the draft order ({@link OrderChecklistCard}); no other card repeats it.
 *
 * <p>This class groups the findings into cards; {@link CardText} words them, {@link
 * CardSuggestions} builds what a client can apply.
 */
public final class CardRenderer {

  public static final String RULE_SYSTEM = "https://stomacds.org/fhir/CodeSystem/rule";

  private final RuleReferences references;
  private final CardSuggestions suggestions;
  private final OrderChecklistCard checklistCard;

  public CardRenderer(PublicEndpoints endpoints, Clock clock) {
    this.references = new RuleReferences(endpoints);
    this.suggestions = new CardSuggestions(clock);
    this.checklistCard = new OrderChecklistCard(clock);
  }

  /**
   * @param userId the hook's {@code context.userId}, for the requester of Tasks; may be null
   */
  public RenderedCards render(Evaluation evaluation, CaseData caseData, String userId) {
    List<Card> cards = new ArrayList<>();
    List<Card.Action> systemActions = new ArrayList<>();
    List<RenderedCards.Issued> issued = new ArrayList<>();
    List<Finding> checklist = new ArrayList<>();
    Map<String, List<Finding>> byRuleAndResource = new LinkedHashMap<>();
    for (Finding finding : evaluation.findings()) {
      if (finding.isOrderChecklist()) {
        checklist.add(finding);
        continue;
      }
      String key = finding.ruleId() + '\u0000' + Objects.toString(finding.resource(), "");
      byRuleAndResource.computeIfAbsent(key, k -> new ArrayList<>()).add(finding);
    }
    for (List<Finding> findings : byRuleAndResource.values()) {
      Card card = card(findings, caseData, userId);
      cards.add(card);
      List<String> suggestionUuids =
          card.suggestions() == null
              ? List.of()
              : card.suggestions().stream().map(Card.Suggestion::uuid).toList();
      issued.add(new RenderedCards.Issued(card.uuid(), findings.get(0).ruleId(), suggestionUuids));
    }
    if (!checklist.isEmpty()) {
      String uuid = UUID.randomUUID().toString();
      Finding first = checklist.get(0);
      cards.add(checklistCard.card(uuid, checklist, source(first), links(first)));
      issued.add(new RenderedCards.Issued(uuid, first.ruleId(), List.of()));
      systemActions.addAll(
          checklistCard.actions(uuid, checklist, caseData, evaluation.packVersion()));
    }
    return new RenderedCards(new CdsResponse(cards, systemActions), issued);
  }

  /**
   * One card for the findings of one rule on one resource (e.g. a place of service wrong on two
   * lines of a Claim): its update carries every fix at once. Two cards each carrying the whole
   * Claim with only their own line corrected would undo each other when both are accepted.
   */
  private Card card(List<Finding> findings, CaseData caseData, String userId) {
    Finding first = findings.get(0);
    List<Card.Suggestion> suggestions = new ArrayList<>();
    this.suggestions.claimCorrection(findings, caseData).ifPresent(suggestions::add);
    this.suggestions.documentationTask(findings, caseData, userId).ifPresent(suggestions::add);
    boolean atRisk = findings.stream().anyMatch(f -> f.severity() != Severity.INFO);
    return new Card(
        UUID.randomUUID().toString(),
        CardText.summary(findings),
        CardText.detail(findings),
        indicator(atRisk ? Severity.WARNING : Severity.INFO),
        source(first),
        suggestions.isEmpty() ? null : suggestions,
        suggestions.isEmpty() ? null : "any",
        OverrideReasons.ALL,
        links(first));
  }

  static String indicator(Severity severity) {
    // Billing findings are never "critical": that indicator is for patient safety.
    return severity == Severity.INFO ? "info" : "warning";
  }

  private Card.Source source(Finding finding) {
    return new Card.Source(
        "stomacds rule pack " + finding.packVersion(),
        references.rulePage(finding.ruleId()),
        null,
        new Coding(RULE_SYSTEM, finding.ruleId(), finding.ruleId()));
  }

  private List<Card.Link> links(Finding finding) {
    return references.links(finding.ruleId(), finding.source());
  }
}
