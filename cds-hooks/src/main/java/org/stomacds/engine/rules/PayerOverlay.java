package org.stomacds.engine.rules;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stomacds.engine.payer.LineOfBusiness;
import org.stomacds.engine.payer.Payer;
import org.stomacds.engine.payer.PayerKey;

/**
 * Rules and parameter overrides that apply to some payers only.
 *
 * @param id stable id
 * @param title what it is about
 * @param payers the payer keys it applies to; empty for any
 * @param licensees the BCBS licensees it applies to; empty for any
 * @param linesOfBusiness the lines of business it applies to; empty for any
 * @param rules rules it adds (they may replace rules of every payer)
 * @param overrides parameter overrides of existing rules, by rule id
 * @param location {@code file:line}
 */
public record PayerOverlay(
    String id,
    String title,
    Set<PayerKey> payers,
    Set<String> licensees,
    Set<LineOfBusiness> linesOfBusiness,
    List<RuleDefinition> rules,
    Map<String, Map<String, Object>> overrides,
    String location) {

  public PayerOverlay {
    payers = Set.copyOf(payers);
    licensees = Set.copyOf(licensees);
    linesOfBusiness = Set.copyOf(linesOfBusiness);
    rules = List.copyOf(rules);
    overrides = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(overrides));
  }

  public boolean matches(Payer payer) {
    return (payers.isEmpty() || payers.contains(payer.key()))
        && (licensees.isEmpty()
            || (payer.licensee() != null && licensees.contains(payer.licensee())))
        && (linesOfBusiness.isEmpty() || linesOfBusiness.contains(payer.lineOfBusiness()));
  }
}
