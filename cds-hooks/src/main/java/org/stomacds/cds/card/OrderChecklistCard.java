package org.stomacds.cds.card;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.stomacds.casedata.CaseData;
import org.stomacds.cds.wire.Card;
import org.stomacds.engine.findings.Finding;
import org.stomacds.engine.findings.Fix;
import org.stomacds.engine.findings.FixKind;

/**
 * The order-sign documentation checklist (the findings for which {@link Finding#isOrderChecklist()}
 * holds): one info card listing what the procedure note will need, and a system action writing the
 * same list onto the draft order ({@link DocumentationRequirements}).
 */
final class OrderChecklistCard {

  private final Clock clock;

  OrderChecklistCard(Clock clock) {
    this.clock = clock;
  }

  /**
   * @param uuid the card's id, also written on the order as the assessment id
   * @param source the card's source (the first finding's rule)
   * @param links the card's links
   */
  Card card(String uuid, List<Finding> checklist, Card.Source source, List<Card.Link> links) {
    Finding first = checklist.get(0);
    List<String> elements = elements(checklist);
    StringBuilder md = new StringBuilder();
    md.append("The claim for this procedure will need the procedure note to state:\n\n");
    for (String id : elements) {
      md.append("- ")
          .append(MarkdownText.escape(DocumentationTasks.labels(List.of(id))))
          .append('\n');
    }
    md.append('\n');
    Set<String> notes = new LinkedHashSet<>();
    checklist.forEach(f -> notes.addAll(f.notes()));
    CardText.appendNotes(md, notes);
    md.append("The same list is written onto the order (assessment ")
        .append(uuid)
        .append("). This is documentation guidance, not a coverage decision.\n\n");
    CardText.appendSourceAndRule(md, first);
    String code =
        first.evidence().stream()
            .filter(e -> "ServiceRequest.code".equals(e.expression()) && e.text() != null)
            .map(e -> e.text() + " ")
            .findFirst()
            .orElse("");
    String summary =
        CardText.truncate(
            "Document these "
                + elements.size()
                + " items in the procedure note: the "
                + code
                + "claim will need them");
    return new Card(
        uuid, summary, md.toString(), "info", source, null, null, OverrideReasons.ALL, links);
  }

  private static List<String> elements(List<Finding> checklist) {
    Set<String> elements = new LinkedHashSet<>();
    for (Finding f : checklist) {
      for (Fix fix : f.fixes()) {
        if (fix.kind() == FixKind.DOCUMENT_ELEMENT && fix.element() != null) {
          elements.add(fix.element());
        }
      }
    }
    return List.copyOf(elements);
  }

  /** One {@code update} per draft order in the case, carrying the order with the list on it. */
  List<Card.Action> actions(
      String assessmentId, List<Finding> checklist, CaseData caseData, String packVersion) {
    Map<String, List<String>> byOrder = new LinkedHashMap<>();
    for (Finding f : checklist) {
      for (Fix fix : f.fixes()) {
        String ref = fix.resource() != null ? fix.resource() : f.resource();
        if (fix.kind() == FixKind.DOCUMENT_ELEMENT
            && fix.element() != null
            && ref != null
            && ref.startsWith("ServiceRequest/")) {
          List<String> list = byOrder.computeIfAbsent(ref, k -> new ArrayList<>());
          if (!list.contains(fix.element())) {
            list.add(fix.element());
          }
        }
      }
    }
    List<Card.Action> actions = new ArrayList<>();
    LocalDate today = LocalDate.now(clock);
    byOrder.forEach(
        (ref, elements) ->
            caseData
                .resolve(ref)
                .filter(ServiceRequest.class::isInstance)
                .map(ServiceRequest.class::cast)
                .ifPresent(
                    order ->
                        actions.add(
                            new Card.Action(
                                "update",
                                "Record on " + ref + " the documentation the claim will need",
                                DocumentationRequirements.annotate(
                                    order, elements, packVersion, today, assessmentId),
                                null))));
    return actions;
  }
}
