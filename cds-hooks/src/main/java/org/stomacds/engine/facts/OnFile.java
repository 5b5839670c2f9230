package org.stomacds.engine.facts;

import java.util.List;
import org.stomacds.engine.findings.Evidence;

/**
 * Whether an administrative document (an ABN, a payer notification or authorization) is on file for
 * a case, and where it was seen.
 */
public record OnFile(boolean present, List<Evidence> evidence) {
  public OnFile {
    evidence = List.copyOf(evidence);
  }

  public static final OnFile ABSENT = new OnFile(false, List.of());
}
