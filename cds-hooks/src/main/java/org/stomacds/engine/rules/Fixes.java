package org.stomacds.engine.rules;

import org.stomacds.engine.documentation.DocumentationElement;
import org.stomacds.engine.facts.ClaimFacts;
import org.stomacds.engine.facts.ClaimLine;
import org.stomacds.engine.facts.CodeSystems;
import org.stomacds.engine.findings.Fix;
import org.stomacds.engine.findings.FixKind;

/** Builds the fixes the checks suggest, so every check writes them the same way. */
public final class Fixes {

  private Fixes() {}

  public static Fix addModifier(
      String claim,
      ClaimLine line,
      String modifier,
      String label,
      boolean recommended,
      String group) {
    return new Fix(
        FixKind.ADD_MODIFIER,
        label,
        claim,
        line.sequence(),
        CodeSystems.modifierSystem(modifier),
        modifier,
        null,
        recommended,
        group);
  }

  public static Fix removeModifier(
      String claim,
      ClaimLine line,
      String modifier,
      String label,
      boolean recommended,
      String group) {
    return new Fix(
        FixKind.REMOVE_MODIFIER,
        label,
        claim,
        line.sequence(),
        CodeSystems.modifierSystem(modifier),
        modifier,
        null,
        recommended,
        group);
  }

  public static Fix replaceCode(
      String claim, ClaimLine line, String code, String label, boolean recommended, String group) {
    return new Fix(
        FixKind.REPLACE_CODE,
        label,
        claim,
        line.sequence(),
        CodeSystems.serviceSystem(code),
        code,
        null,
        recommended,
        group);
  }

  public static Fix removeLine(
      String claim, ClaimLine line, String label, boolean recommended, String group) {
    return new Fix(
        FixKind.REMOVE_LINE,
        label,
        claim,
        line.sequence(),
        line.code() == null ? null : CodeSystems.serviceSystem(line.code()),
        line.code(),
        null,
        recommended,
        group);
  }

  /**
   * The line's removal; when it is the claim's only line, a claim cannot be corrected to no lines:
   * the fix says not to send the claim (a step by hand, which no update can carry).
   */
  public static Fix removeLine(
      ClaimFacts claim, ClaimLine line, String label, boolean recommended, String group) {
    if (claim.lines().size() == 1) {
      return manual(
          claim.ref(),
          "Do not send this claim: its only line (" + line.code() + ") is not payable",
          recommended,
          group);
    }
    return removeLine(claim.ref(), line, label, recommended, group);
  }

  public static Fix setPlaceOfService(
      String claim, ClaimLine line, String pos, String label, boolean recommended, String group) {
    return new Fix(
        FixKind.SET_PLACE_OF_SERVICE,
        label,
        claim,
        line.sequence(),
        CodeSystems.PLACE_OF_SERVICE,
        pos,
        null,
        recommended,
        group);
  }

  public static Fix setQuantity(
      String claim, ClaimLine line, int quantity, String label, boolean recommended, String group) {
    return new Fix(
        FixKind.SET_QUANTITY,
        label,
        claim,
        line.sequence(),
        null,
        Integer.toString(quantity),
        null,
        recommended,
        group);
  }

  public static Fix addDiagnosis(String claim, ClaimLine line, String code, String label) {
    return new Fix(
        FixKind.ADD_DIAGNOSIS,
        label,
        claim,
        line.sequence(),
        CodeSystems.ICD10CM,
        code,
        null,
        true,
        null);
  }

  public static Fix document(String resource, DocumentationElement element, String label) {
    return new Fix(
        FixKind.DOCUMENT_ELEMENT, label, resource, null, null, null, element.id(), true, null);
  }

  public static Fix document(
      String resource,
      DocumentationElement element,
      String label,
      boolean recommended,
      String group) {
    return new Fix(
        FixKind.DOCUMENT_ELEMENT,
        label,
        resource,
        null,
        null,
        null,
        element.id(),
        recommended,
        group);
  }

  public static Fix obtainAbn(String label) {
    return new Fix(FixKind.OBTAIN_ABN, label, null, null, null, null, null, true, null);
  }

  public static Fix notifyPayer(String label) {
    return new Fix(FixKind.NOTIFY_PAYER, label, null, null, null, null, null, true, null);
  }

  public static Fix attachRecords(String claim, String label) {
    return new Fix(FixKind.ATTACH_RECORDS, label, claim, null, null, null, null, true, null);
  }

  public static Fix manual(String resource, String label, boolean recommended, String group) {
    return new Fix(FixKind.MANUAL, label, resource, null, null, null, null, recommended, group);
  }

  public static Fix manual(
      String resource,
      ClaimLine line,
      String system,
      String code,
      String label,
      boolean recommended,
      String group) {
    return new Fix(
        FixKind.MANUAL,
        label,
        resource,
        line == null ? null : line.sequence(),
        system,
        code,
        null,
        recommended,
        group);
  }
}
