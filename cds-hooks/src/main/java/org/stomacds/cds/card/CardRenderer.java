package org.stomacds.cds.card;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.stomacds.casedata.CaseData;
import org.stomacds.cds.url.PublicEndpoints;
import org.stomacds.cds.wire.Card;
import org.stomacds.cds.wire.CdsResponse;
import org.stomacds.cds.wire.Coding;
import org.stomacds.engine.Evaluation;
import org.stomacds.engine.findings.Confidence;
import org.stomacds.engine.findings.Evidence;
import org.stomacds.engine.findings.Finding;
import org.stomacds.engine.findings.Fix;
import org.stomacds.engine.findings.FixKind;
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
 * <p>The order-sign documentation checklist (rule {@value #CHECKLIST_RULE}) becomes one info card
 * and a system action writing the same list onto the draft order ({@link
 * DocumentationRequirements}); no other card repeats it.
 */
public final class CardRenderer {

  public static final String CHECKLIST_RULE = "order-documentation-checklist";
  public static final String RULE_SYSTEM = "https://stomacds.org/fhir/CodeSystem/rule";
  static final int MAX_SUMMARY = 139;

  private final RuleReferences references;
  private final ClaimCorrector corrector = new ClaimCorrector();
  private final Clock clock;

  public CardRenderer(PublicEndpoints endpoints, Clock clock) {
    this.references = new RuleReferences(endpoints);
    this.clock = clock;
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
      if (CHECKLIST_RULE.equals(finding.ruleId())) {
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
      cards.add(checklistCard(uuid, checklist));
      issued.add(new RenderedCards.Issued(uuid, CHECKLIST_RULE, List.of()));
      systemActions.addAll(checklistActions(uuid, checklist, caseData, evaluation.packVersion()));
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
    claimSuggestion(findings, caseData).ifPresent(suggestions::add);
    taskSuggestion(findings, caseData, userId).ifPresent(suggestions::add);
    boolean atRisk = findings.stream().anyMatch(f -> f.severity() != Severity.INFO);
    return new Card(
        UUID.randomUUID().toString(),
        summary(findings),
        detail(findings),
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

  /**
   * What to do, in under 140 characters: the recommended fix, else the finding's first sentence.
   */
  static String summary(Finding finding) {
    String text =
        recommended(finding.fixes()).stream()
            .map(Fix::label)
            .filter(l -> l != null && !l.isBlank())
            .findFirst()
            .orElseGet(() -> firstSentence(finding.message()));
    return truncate(text.replaceAll("\\s+", " ").trim());
  }

  /** The first finding's summary, saying how many more of the same kind the card holds. */
  static String summary(List<Finding> findings) {
    if (findings.size() == 1) {
      return summary(findings.get(0));
    }
    String more = ", and " + (findings.size() - 1) + " more like it";
    String first = summary(findings.get(0));
    return truncate(first, MAX_SUMMARY - more.length()) + more;
  }

  static String truncate(String text) {
    return truncate(text, MAX_SUMMARY);
  }

  private static String truncate(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int cut = text.lastIndexOf(' ', max - 1);
    if (cut < max / 2) {
      cut = max - 1;
    }
    return text.substring(0, cut).trim() + "…";
  }

  private static String firstSentence(String message) {
    if (message == null) {
      return "";
    }
    int end = message.indexOf(". ");
    return end < 0 ? message : message.substring(0, end + 1);
  }

  /** The fixes to apply together: every fix outside a group, and one fix per group. */
  static List<Fix> recommended(List<Fix> fixes) {
    List<Fix> chosen = new ArrayList<>();
    Map<String, Fix> byGroup = new LinkedHashMap<>();
    for (Fix fix : fixes) {
      if (fix.alternativeGroup() == null) {
        chosen.add(fix);
      } else {
        Fix current = byGroup.get(fix.alternativeGroup());
        if (current == null || (!current.recommended() && fix.recommended())) {
          byGroup.put(fix.alternativeGroup(), fix);
        }
      }
    }
    chosen.addAll(byGroup.values());
    chosen.sort((a, b) -> Boolean.compare(b.recommended(), a.recommended()));
    return chosen;
  }

  private Optional<Card.Suggestion> claimSuggestion(List<Finding> findings, CaseData caseData) {
    Map<String, List<Fix>> byClaim = new LinkedHashMap<>();
    for (Finding finding : findings) {
      // Alternatives are chosen per finding: each finding's group offers its own one fix.
      for (Fix fix : recommended(finding.fixes())) {
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

  private Optional<Card.Suggestion> taskSuggestion(
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

  /** Each finding's message, evidence and fixes; then the notes, the source and the rule once. */
  private String detail(List<Finding> findings) {
    StringBuilder md = new StringBuilder();
    Set<String> notes = new LinkedHashSet<>();
    for (int i = 0; i < findings.size(); i++) {
      if (i > 0) {
        md.append("---\n\n");
      }
      findingDetail(md, findings.get(i));
      notes.addAll(findings.get(i).notes());
    }
    if (!notes.isEmpty()) {
      md.append("**Notes**\n\n");
      notes.forEach(n -> md.append("- ").append(MarkdownText.escape(n)).append('\n'));
      md.append('\n');
    }
    Finding first = findings.get(0);
    md.append(RuleReferences.sourceLine(first.source())).append("\n\n");
    md.append("Rule ")
        .append(MarkdownText.escape(first.ruleId()))
        .append(", rule pack ")
        .append(MarkdownText.escape(first.packVersion()))
        .append('.');
    return md.toString();
  }

  private static void findingDetail(StringBuilder md, Finding finding) {
    md.append(MarkdownText.escape(finding.message())).append("\n\n");
    if (!finding.evidence().isEmpty()) {
      md.append("**What was seen**\n\n");
      for (Evidence e : finding.evidence()) {
        md.append("- ");
        String where = where(e.resource(), e.expression());
        if (!where.isEmpty()) {
          md.append(where).append(": ");
        }
        md.append(e.text() == null ? "(nothing found)" : "“" + MarkdownText.escape(e.text()) + "”");
        md.append('\n');
      }
      md.append('\n');
    }
    if (!finding.fixes().isEmpty()) {
      md.append("**How to fix it by hand**\n\n");
      List<Fix> chosen = recommended(finding.fixes());
      for (Fix fix : chosen) {
        md.append("- ").append(describe(fix, finding)).append('\n');
      }
      for (Fix fix : finding.fixes()) {
        if (!chosen.contains(fix)) {
          md.append("- Alternative, instead of the one above (apply only one): ")
              .append(describe(fix, finding))
              .append('\n');
        }
      }
      md.append('\n');
    }
  }

  private static String where(String resource, String expression) {
    List<String> parts = new ArrayList<>();
    if (resource != null) {
      parts.add(MarkdownText.escape(resource));
    }
    if (expression != null) {
      parts.add(MarkdownText.escape(expression));
    }
    return String.join(", ", parts);
  }

  /** The fix's own sentence, plus exactly what to change, for someone without the actions. */
  static String describe(Fix fix, Finding finding) {
    String label = MarkdownText.escape(fix.label());
    String target =
        MarkdownText.escape(fix.resource() != null ? fix.resource() : finding.resource());
    String line = fix.claimItemSequence() == null ? "" : " line " + fix.claimItemSequence();
    String code = MarkdownText.escape(fix.code());
    String how =
        switch (fix.kind()) {
          case ADD_MODIFIER -> "on " + target + line + ", add modifier " + code;
          case REMOVE_MODIFIER -> "on " + target + line + ", remove modifier " + code;
          case REMOVE_LINE ->
              "on " + target + ", remove" + line + " (other lines keep their numbers)";
          case REPLACE_CODE -> "on " + target + line + ", bill code " + code + " instead";
          case SET_PLACE_OF_SERVICE ->
              "on "
                  + target
                  + (line.isEmpty() ? " every line" : line)
                  + ", set place of service "
                  + code;
          case SET_QUANTITY -> "on " + target + line + ", set the units to " + code;
          case ADD_DIAGNOSIS ->
              "on "
                  + target
                  + ", add diagnosis "
                  + code
                  + (line.isEmpty() ? "" : " and point" + line + " to it first");
          case DOCUMENT_ELEMENT ->
              "in the procedure note ("
                  + target
                  + "), document: "
                  + MarkdownText.escape(
                      DocumentationTasks.labels(
                          List.of(fix.element() == null ? "" : fix.element())));
          default -> null;
        };
    return how == null ? label : label + " (" + how + ")";
  }

  static String confidence(Confidence confidence) {
    return RuleReferences.confidence(confidence);
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

  private Card checklistCard(String uuid, List<Finding> checklist) {
    Finding first = checklist.get(0);
    List<String> elements = checklistElements(checklist);
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
    if (!notes.isEmpty()) {
      md.append("**Notes**\n\n");
      notes.forEach(n -> md.append("- ").append(MarkdownText.escape(n)).append('\n'));
      md.append('\n');
    }
    md.append("The same list is written onto the order (assessment ")
        .append(uuid)
        .append("). This is documentation guidance, not a coverage decision.\n\n");
    md.append(RuleReferences.sourceLine(first.source())).append("\n\n");
    md.append("Rule ")
        .append(CHECKLIST_RULE)
        .append(", rule pack ")
        .append(MarkdownText.escape(first.packVersion()))
        .append('.');
    String summary =
        truncate(
            "Document these "
                + elements.size()
                + " items in the procedure note: the 44405 claim will need them");
    return new Card(
        uuid,
        summary,
        md.toString(),
        "info",
        source(first),
        null,
        null,
        OverrideReasons.ALL,
        links(first));
  }

  private static List<String> checklistElements(List<Finding> checklist) {
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

  private List<Card.Action> checklistActions(
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
