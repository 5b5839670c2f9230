package org.stomacds.engine.findings;

/** The closed set of things a suggested fix can ask for. */
public enum FixKind {
  /** Add {@code code} as a modifier on claim line {@code claimItemSequence}. */
  ADD_MODIFIER,
  /** Remove modifier {@code code} from claim line {@code claimItemSequence}. */
  REMOVE_MODIFIER,
  /**
   * Replace the code of claim line {@code claimItemSequence} with {@code code} (in {@code system});
   * the line keeps its modifiers, units, pointers and charges.
   */
  REPLACE_CODE,
  /** Remove claim line {@code claimItemSequence}. */
  REMOVE_LINE,
  /** Set the place of service of claim line {@code claimItemSequence} to {@code code}. */
  SET_PLACE_OF_SERVICE,
  /** Set the quantity of claim line {@code claimItemSequence} to {@code code} (a number). */
  SET_QUANTITY,
  /**
   * Put diagnosis {@code code} on the claim and point claim line {@code claimItemSequence} at it.
   */
  ADD_DIAGNOSIS,
  /**
   * Ask the author to document {@code element} in the procedure note. On a ServiceRequest it is the
   * note of the procedure ordered, still to be written: a finding made only of such fixes is the
   * order's documentation checklist ({@link Finding#isOrderChecklist()}).
   */
  DOCUMENT_ELEMENT,
  /** Obtain an Advance Beneficiary Notice before the service (Original Medicare). */
  OBTAIN_ABN,
  /** Notify the payer or obtain its authorization before the service. */
  NOTIFY_PAYER,
  /** Send records (operative report, office notes) with the claim. */
  ATTACH_RECORDS,
  /** Anything a person must do by hand; {@code label} says what. */
  MANUAL
}
