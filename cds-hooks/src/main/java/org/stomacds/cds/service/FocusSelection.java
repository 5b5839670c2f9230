package org.stomacds.cds.service;

/** Which resources of a hook call the rules are asked about. */
public enum FocusSelection {
  /** order-select: the draft orders named in {@code context.selections}. */
  SELECTED_ORDERS,
  /** order-sign: every draft order. */
  DRAFT_ORDERS,
  /** encounter-discharge: the encounter's Procedures and Claims. */
  ENCOUNTER_RECORDS
}
