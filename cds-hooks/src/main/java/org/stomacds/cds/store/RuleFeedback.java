package org.stomacds.cds.store;

import java.util.List;

/**
 * How one rule's cards fared with one service.
 *
 * @param ruleId the rule
 * @param issued cards issued
 * @param accepted cards whose latest feedback is accepted
 * @param overridden cards whose latest feedback is overridden
 * @param overrideReasons overridden cards by reason (those that gave one)
 */
public record RuleFeedback(
    String ruleId, long issued, long accepted, long overridden, List<ReasonCount> overrideReasons) {

  /** Overrides with one reason. */
  public record ReasonCount(String system, String code, long count) {}
}
