package org.stomacds.engine.rules;

import org.stomacds.engine.facts.ClaimFacts;
import org.stomacds.engine.facts.OrderFacts;
import org.stomacds.engine.facts.ProcedureFacts;

/**
 * The code behind one check kind. Built once per rule at load time (parameters resolved, value sets
 * copied); stateless afterwards, so one instance serves every request. A check is asked about each
 * subject of the stages its rule runs at: orders (order-select, order-sign), procedures
 * (documentation) and claims (claim); it reports through the context.
 */
public interface Check {

  default void onOrder(OrderFacts order, RuleContext context) {}

  default void onProcedure(ProcedureFacts procedure, RuleContext context) {}

  default void onClaim(ClaimFacts claim, RuleContext context) {}
}
