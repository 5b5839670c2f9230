package org.stomacds.engine.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The closed vocabulary of checks a rule can use. Each kind is one class implementing {@link
 * Check}, in the package of its feature; {@code loading.CheckFactories} builds it, and its
 * parameters are read (and validated), when the pack loads.
 */
public enum CheckKind {
  DOCUMENTATION_ELEMENT(
      "documentation-element",
      "The procedure documentation (structured elements, devices, our extension, Observations,"
          + " template answers, the notes) contains one documentation element; optionally only when the claim bills given codes"
          + " or the line carries a given modifier."),
  DOCUMENTATION_PRESENT(
      "documentation-present",
      "A claim line of the subject code has its procedure documentation in the case."),
  DOCUMENTATION_AGREEMENT(
      "documentation-agreement",
      "Where the structured record and a note both state a measured element (balloon diameter,"
          + " inflations, lumens), they share a value; both are quoted with where they were"
          + " stated."),
  READABLE_NOTE(
      "readable-note",
      "Every note linked to the procedure can be read by machine (text, HTML, XHTML or RTF)."),
  ORDER_CHECKLIST(
      "order-checklist",
      "At order signing, one finding listing as fixes the documentation elements the note will"
          + " need (from the pack's documentation-element rules)."),
  SUPPORTING_DIAGNOSIS(
      "supporting-diagnosis",
      "The order's reasons, or the diagnoses the claim line points at, include a code of a value"
          + " set."),
  EXCLUDES1_PAIR(
      "excludes1-pair",
      "No two claim diagnoses form a pair an ICD-10-CM Excludes1 note forbids, at the level the"
          + " note is written (the pack's Tabular notes of the date of service); the fix names the"
          + " code to remove; codes about different sites (unrelated-sites) are exempt."),
  DIAGNOSIS_SEQUENCE(
      "diagnosis-sequence",
      "A status code (not-first value sets) is not the subject line's first diagnosis while a"
          + " condition code is on the claim; and a code the Tabular says to code first comes"
          + " first."),
  RESOLVED_CONDITION(
      "resolved-condition",
      "A claim diagnosis the patient's problem list has as resolved, inactive or in remission (and"
          + " nowhere as present) is not coded as current; instead names its replacement."),
  DIAGNOSIS_COMPANION(
      "diagnosis-companion",
      "A code is billed with the companion its Tabular \"use additional code\" note asks for,"
          + " for the pairs the rule names (companions) where the companion always applies."),
  MEDICARE_ABN(
      "medicare-abn",
      "With no supporting diagnosis: obtain an ABN at order time; on the claim, GA when an ABN is"
          + " on file, otherwise the risk explained (never an automatic GZ)."),
  NCCI_PTP(
      "ncci-ptp",
      "Every pair of lines with the same date and provider against the NCCI PTP edits of that"
          + " date: indicator 0 removes the column-2 line, 1 needs a documented distinct-service"
          + " modifier, 9 or deleted is no edit."),
  UNNECESSARY_DISTINCT_MODIFIER(
      "unnecessary-distinct-modifier",
      "A 59/X modifier on a line that pairs with the subject code under no NCCI edit at all is"
          + " unnecessary."),
  DOCUMENTED_BUNDLE(
      "documented-bundle",
      "A line that is part of another line of the same date and provider when the documentation"
          + " states a fact of what was done (narrative/service-facts.yaml): the biopsy of a lesion then removed,"
          + " the control of bleeding the session's own therapy caused; not with the"
          + " unless-modifiers (78, 79)."),
  DISTINCT_MODIFIER_FIT(
      "distinct-modifier-fit",
      "XP and XU bypass an NCCI edit only when what they claim is true (another practitioner; a"
          + " service that overlaps nothing, when no specific X modifier fits); the X modifier the"
          + " documentation supports is offered in their place."),
  MUE_UNITS(
      "mue-units",
      "Units of the subject code on all lines of a date of service within the MUE of that date."),
  REPEAT_SESSION(
      "repeat-session",
      "A second line of the subject code on one date: 76/77 for a separate session, none for one"
          + " session."),
  CODE_SELECTION(
      "code-selection",
      "Each line of a lower-GI endoscopy code bills the code the documentation supports (route,"
          + " anatomy, reach, therapy done), from the pack's code-family data; the fix replaces"
          + " the code."),
  INCOMPLETE_PROCEDURE(
      "incomplete-procedure",
      "An incomplete exam carries 52 on the professional claim, 73/74 on the facility claim; a"
          + " complete one none."),
  EXCLUSIVE_MODIFIERS(
      "exclusive-modifiers", "Two modifiers that never go on one line (59 with an X modifier)."),
  X_MODIFIER_PREFERRED(
      "x-modifier-preferred",
      "Where the payer accepts XE/XS/XP/XU, they replace a 59 that bypasses an edit; where"
          + " acceptance is unknown, say so."),
  GLOBAL_PERIOD(
      "global-period",
      "Inside an earlier procedure's global period (same provider): 58, 78 or 79; 58 on a"
          + " complication is 78; none for another provider's surgery."),
  FEE_SCHEDULE_MODIFIER(
      "fee-schedule-modifier",
      "A modifier on any line checked against one payment-policy indicator of the line's code in"
          + " the fee schedule of its date (bilateral, assistant, co-surgeon, team, PC/TC,"
          + " multiple procedure): listed indicator values rule it out."),
  GLOBAL_VISIT(
      "global-visit",
      "A visit (E/M) line against the global surgery package: on the day of a minor procedure it"
          + " is part of it without 25 (package report); 57 beside only minor procedures, 59/X on"
          + " a visit, 25 on a visit pointing only at the procedure's diagnoses, a visit in the"
          + " same provider's 90-day global period without 24 (modifiers report)."),
  UNEXPECTED_MODIFIER("unexpected-modifier", "A modifier not expected on the subject line."),
  ANESTHESIA_MODIFIERS(
      "anesthesia-modifiers",
      "An anesthesia line carries a role modifier and a physical status modifier."),
  PLACE_OF_SERVICE(
      "place-of-service",
      "On a professional claim, each line's place of service matches the encounter's setting."),
  ORDER_SITE("order-site", "A signed order says where the procedure will be done."),
  SEDATION_MINIMUM_TIME(
      "sedation-minimum-time",
      "Moderate sedation under the minimum intraservice time is not reported."),
  SEDATION_ADDON_TIME(
      "sedation-addon-time", "Add-on sedation units within the documented intraservice time."),
  PAYER_SEDATION_CODE(
      "payer-sedation-code",
      "The code the payer takes for the endoscopist's moderate sedation (G0500 vs 99152)."),
  AGE_SPECIFIC_CODE(
      "age-specific-code",
      "Of two codes split by the patient's age (99151 under 5, 99152 from 5), the line carries the"
          + " one that fits the age on the date of service."),
  SEDATION_WITH_ANESTHESIA(
      "sedation-with-anesthesia",
      "The endoscopist's moderate sedation is not billed for a session with anesthesia care."),
  ANESTHESIA_CODE(
      "anesthesia-code",
      "The anesthesia code fits the session: the screening code only with a screening diagnosis;"
          + " an upper and a lower endoscopy under one anesthetic as the combined code."),
  ANESTHESIA_TIME_UNITS(
      "anesthesia-time-units",
      "An anesthesia line carries the anesthesia time in minutes, not base units, and agrees with"
          + " the documented time."),
  LIABILITY_MODIFIERS(
      "liability-modifiers",
      "The beneficiary-liability modifiers (GA, GX, GY, GZ): only on the lines of business whose"
          + " notice they report, GY/GX only for excluded services, GZ denied automatically."),
  CLAIM_FORM(
      "claim-form",
      "A claim for a service in a given setting is on the form (professional or institutional)"
          + " the payer takes for that setting."),
  PAYER_NOTIFICATION(
      "payer-notification",
      "The payer's notification or authorization requirement, or that no payer-specific policy is"
          + " on file."),
  PAYER_RECORDS("payer-records", "The payer asks for records when some modifiers are billed."),
  SINGLE_LINE_MODIFIER(
      "single-line-modifier",
      "A payer's edit on distinct-service modifiers on single-line claims, E/M codes and with 51.");

  private final String id;
  private final String summary;

  CheckKind(String id, String summary) {
    this.id = id;
    this.summary = summary;
  }

  /** The id used in the rule file. */
  public String id() {
    return id;
  }

  /** What the check does, in plain English, for the reference. */
  public String summary() {
    return summary;
  }

  public static Optional<CheckKind> fromId(String id) {
    for (CheckKind kind : values()) {
      if (kind.id.equals(id)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  public static List<String> ids() {
    List<String> ids = new ArrayList<>();
    for (CheckKind kind : values()) {
      ids.add(kind.id);
    }
    return ids;
  }
}
