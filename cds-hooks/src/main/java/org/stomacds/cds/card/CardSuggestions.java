package org.stomacds.cds.card;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.stomacds.casedata.CaseData;
import org.stomacds.cds.wire.Card;
import org.stomacds.engine.findings.Finding;
import org.stomacds.engine.findings.Fix;
import org.stomacds.engine.findings.FixKind;

/**
 * The suggestions a client can apply from a card: an {@code update} carrying the whole corrected
 * Claim (every fix of the card at once, {@link ClaimCorrector}), and a {@code create} of a Task
 * asking the procedure's author for missing documentation ({@link DocumentationTasks}). A fix that
 * does not fit the resource in the case gives no action; the card's detail still says how.
 */
final class CardSuggestions {

  private final ClaimCorrector corrector = new ClaimCorrector();
  private final Clock clock;

  CardSuggestions(Clock clock) {
    this.clock = clock;
  }

  Optional<Card.Suggestion> claimCorrection(List<Finding> findings, CaseData caseData) {
    Map<String, List<Fix>> byClaim = new LinkedHashMap<>();
    for (Finding finding : findings) {
      // Alternatives are chosen per finding: each finding's group offers its own one fix.
      for (Fix fix : CardText.recommended(finding.fixes())) {
        if (ClaimCorrector.changesClaim(fix.kind())) {
          String ref = fix.resource() != null ? fix.resource() : finding.resource();
          if (ref != null && ref.startsWith("Claim/")) {
            byClaim.computeIfAbsent(ref, k -> new ArrayList<>()).add(fix);
          }
        }
      }
    }
    List<Card.Action> actions = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (Map.Entry<String, List<Fix>> e : byClaim.entrySet()) {
      Optional<Resource> claim = caseData.resolve(e.getKey());
      if (claim.isEmpty() || !(claim.get() instanceof Claim original)) {
        continue; // the detail still says how to do it by hand
      }
      try {
        Claim corrected = corrector.apply(original, e.getValue());
        List<String> fixLabels = e.getValue().stream().map(Fix::label).toList();
        actions.add(
            new Card.Action(
                "update",
                "Update " + e.getKey() + ": " + String.join("; ", fixLabels),
                corrected,
                null));
        labels.addAll(fixLabels);
      } catch (IllegalArgumentException ex) {
        // The fix does not fit this Claim (e.g. a line that is gone): no action, the detail
        // explains.
      }
    }
    if (actions.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Card.Suggestion(
            "Correct the claim: " + String.join("; ", labels),
            UUID.randomUUID().toString(),
            true,
            actions));
  }

  /**
   * @param userId the hook's {@code context.userId}, for the requester of Tasks; may be null
   */
  Optional<Card.Suggestion> documentationTask(
      List<Finding> findings, CaseData caseData, String userId) {
    Map<String, List<String>> elementsByProcedure = new LinkedHashMap<>();
    for (Finding finding : findings) {
      for (Fix fix : finding.fixes()) {
        if (fix.kind() != FixKind.DOCUMENT_ELEMENT || fix.element() == null) {
          continue;
        }
        String ref = fix.resource() != null ? fix.resource() : finding.resource();
        if (ref != null && ref.startsWith("Procedure/")) {
          List<String> list = elementsByProcedure.computeIfAbsent(ref, k -> new ArrayList<>());
          if (!list.contains(fix.element())) {
            list.add(fix.element());
          }
        }
      }
    }
    List<Card.Action> actions = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : elementsByProcedure.entrySet()) {
      Optional<Resource> resource = caseData.resolve(e.getKey());
      if (resource.isPresent() && resource.get() instanceof Procedure procedure) {
        actions.add(
            new Card.Action(
                "create",
                "Ask the author of "
                    + e.getKey()
                    + " to document: "
                    + DocumentationTasks.labels(e.getValue()),
                DocumentationTasks.ask(procedure, e.getValue(), userId, Date.from(clock.instant())),
                null));
      }
    }
    if (actions.isEmpty()) {
      return Optional.empty();
    }
    List<String> all =
        elementsByProcedure.values().stream().flatMap(List::stream).distinct().toList();
    return Optional.of(
        new Card.Suggestion(
            "Ask the procedure's author to document: " + DocumentationTasks.labels(all),
            UUID.randomUUID().toString(),
            true,
            actions));
  }
}
