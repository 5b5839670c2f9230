package org.stomacds.engine.rules;

/** When in the life of a case the rules are asked; a rule declares the stages it applies at. */
public enum Stage {
  /** An order is being chosen: only what matters for the choice (indication, payer notice). */
  ORDER_SELECT,
  /** An order is being signed: what is missing before the procedure, and the note checklist. */
  ORDER_SIGN,
  /** The procedure is documented: the note and the structured Procedure. */
  DOCUMENTATION,
  /** A claim is drafted or written: coding, modifiers, bundling, units, setting, payer. */
  CLAIM
}
