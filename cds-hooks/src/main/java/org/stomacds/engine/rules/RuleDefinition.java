package org.stomacds.engine.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stomacds.engine.findings.Confidence;
import org.stomacds.engine.findings.Severity;
import org.stomacds.engine.findings.SourceCitation;

/**
 * One requirement of the rule pack as the rule file states it.
 *
 * @param id stable id (e.g. {@code doc-balloon-diameter})
 * @param title a few words
 * @param text the requirement in plain English
 * @param kind the check that evaluates it
 * @param parameters the check's parameters as written (for the reference)
 * @param severity how much payment is at risk when it fires
 * @param stages when it is evaluated
 * @param fix the suggested fix in plain English
 * @param effective first date of service it applies to
 * @param end last date of service it applies to; null when open
 * @param source the policy it comes from
 * @param confidence how far the requirement is established
 * @param notes lines added to every finding of the rule
 * @param overlay the payer overlay that adds it; null for a rule of every payer
 * @param replaces ids of rules this overlay rule replaces for its payers
 * @param location {@code file:line} of its definition
 */
public record RuleDefinition(
    String id,
    String title,
    String text,
    CheckKind kind,
    Map<String, Object> parameters,
    Severity severity,
    Set<Stage> stages,
    String fix,
    LocalDate effective,
    LocalDate end,
    SourceCitation source,
    Confidence confidence,
    List<String> notes,
    String overlay,
    List<String> replaces,
    String location) {

  public RuleDefinition {
    parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    stages = Set.copyOf(stages);
    notes = List.copyOf(notes);
    replaces = List.copyOf(replaces);
  }

  /** Whether the rule applies on a date of service (no date: it applies). */
  public boolean effectiveOn(LocalDate date) {
    return date == null || (!date.isBefore(effective) && (end == null || !date.isAfter(end)));
  }

  /** The same rule with other parameters (a payer overlay's override). */
  public RuleDefinition withParameters(Map<String, Object> merged, String overlayId) {
    return new RuleDefinition(
        id,
        title,
        text,
        kind,
        merged,
        severity,
        stages,
        fix,
        effective,
        end,
        source,
        confidence,
        notes,
        overlayId,
        replaces,
        location);
  }
}
