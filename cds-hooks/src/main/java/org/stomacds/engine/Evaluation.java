package org.stomacds.engine;

import java.util.List;
import org.stomacds.engine.findings.Finding;

/**
 * The result of one evaluation.
 *
 * @param packVersion the rule pack version
 * @param findings the findings, in a deterministic order (severity, then rule id, then resource)
 */
public record Evaluation(String packVersion, List<Finding> findings) {
  public Evaluation {
    findings = List.copyOf(findings);
  }
}
