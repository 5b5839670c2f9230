package org.stomacds.engine.rules.documentation;

import org.stomacds.engine.rules.Check;
import org.stomacds.engine.rules.Parameters;
import org.stomacds.engine.rules.RuleDefinition;

/**
 * The check kinds of the documentation and the order: what the loader may build from this package.
 * The checks themselves stay package-private.
 */
public final class DocumentationChecks {

  private DocumentationChecks() {}

  /** The {@code documentation-element} check. */
  public static Check documentationElement(Parameters parameters, RuleDefinition rule) {
    return new DocumentationElementCheck(parameters, rule);
  }

  /** The {@code documentation-present} check. */
  public static Check documentationPresent(Parameters parameters, RuleDefinition rule) {
    return new DocumentationPresentCheck(parameters, rule);
  }

  /** The {@code documentation-agreement} check. */
  public static Check documentationAgreement(Parameters parameters, RuleDefinition rule) {
    return new DocumentationAgreementCheck(parameters, rule);
  }

  /** The {@code readable-note} check. */
  public static Check readableNote(Parameters parameters, RuleDefinition rule) {
    return new ReadableNoteCheck(parameters, rule);
  }

  /** The {@code order-checklist} check. */
  public static Check orderChecklist(Parameters parameters, RuleDefinition rule) {
    return new OrderChecklistCheck(parameters, rule);
  }

  /** The {@code order-site} check. */
  public static Check orderSite(Parameters parameters, RuleDefinition rule) {
    return new OrderSiteCheck(parameters, rule);
  }
}
