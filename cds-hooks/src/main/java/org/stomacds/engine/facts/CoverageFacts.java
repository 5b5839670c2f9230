package org.stomacds.engine.facts;

import java.util.List;
import org.stomacds.engine.findings.Evidence;
import org.stomacds.engine.payer.Payer;

/**
 * The coverage a case is billed to.
 *
 * @param ref the Coverage, as a relative reference; null when the case has none
 * @param payer the payer and line of business
 * @param evidence the Coverage and payer Organization elements the payer was read from
 */
public record CoverageFacts(String ref, Payer payer, List<Evidence> evidence) {
  public CoverageFacts {
    evidence = List.copyOf(evidence);
  }
}
