package org.stomacds.cds.store;

import java.util.List;

/**
 * How one rule's cards fared with one service.
 *
 * @param ruleId the rule
 * @param issued cards issued
 * @param accepted feedback entries with outcome accepted
 * @param overridden feedback entries with outcome overridden
 * @param overrideReasons overridden entries by reason (those that gave one)
 */
public record RuleFeedback(
    String ruleId, long issued, long accepted, long overridden, List<ReasonCount> overrideReasons) {

  /** Overrides with one reason. */
  public record ReasonCount(String system, String code, long count) {}
}
