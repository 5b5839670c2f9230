package org.stomacds.cds.card;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Quantity;
import org.stomacds.engine.findings.Fix;
import org.stomacds.engine.findings.FixKind;

/**
 * Applies a finding's Claim fixes to a copy of the Claim, so a card's {@code update} action can
 * carry the whole corrected Claim. The original is never changed; id and meta (version) are kept so
 * a version-aware server can refuse an update built on a stale Claim.
 *
 * <ul>
 *   <li>modifiers: added once (not twice), removed wherever they are on the line;
 *   <li>a removed line takes nothing else with it: other lines keep their sequence numbers, and
 *       diagnoses stay (they may be pointed to by other lines or be the principal one);
 *   <li>an added diagnosis reuses the Claim's diagnosis entry for that code when there is one,
 *       otherwise gets the next sequence; the line points to it first (it is the reason for the
 *       line), keeping at most four pointers as the 837P allows;
 *   <li>a new quantity recomputes the line's net from its unit price, and the total from the nets
 *       when every line has one.
 * </ul>
 */
public final class ClaimCorrector {

  public static final String CPT = "http://www.ama-assn.org/go/cpt";
  public static final String HCPCS = "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";
  public static final String PLACE_OF_SERVICE =
      "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set";
  public static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";

  private static final int MAX_DIAGNOSIS_POINTERS = 4;

  /** Whether a fix kind changes the Claim. */
  public static boolean changesClaim(FixKind kind) {
    return switch (kind) {
      case ADD_MODIFIER,
          REMOVE_MODIFIER,
          REMOVE_LINE,
          REPLACE_CODE,
          SET_PLACE_OF_SERVICE,
          SET_QUANTITY,
          ADD_DIAGNOSIS ->
          true;
      default -> false;
    };
  }

  /**
   * @return a corrected copy
   * @throws IllegalArgumentException when a fix names a line the Claim does not have, lacks the
   *     code it needs, or would leave the Claim without lines
   */
  public Claim apply(Claim original, List<Fix> fixes) {
    Claim claim = original.copy();
    for (Fix fix : fixes) {
      switch (fix.kind()) {
        case ADD_MODIFIER -> addModifier(claim, fix);
        case REMOVE_MODIFIER -> removeModifier(claim, fix);
        case REMOVE_LINE -> removeLine(claim, fix);
        case REPLACE_CODE -> replaceCode(claim, fix);
        case SET_PLACE_OF_SERVICE -> setPlaceOfService(claim, fix);
        case SET_QUANTITY -> setQuantity(claim, fix);
        case ADD_DIAGNOSIS -> addDiagnosis(claim, fix);
        default -> throw new IllegalArgumentException(fix.kind() + " does not change a Claim");
      }
    }
    recomputeTotal(claim);
    return claim;
  }

  private static void addModifier(Claim claim, Fix fix) {
    String code = code(fix);
    Claim.ItemComponent item = item(claim, fix);
    boolean present =
        item.getModifier().stream()
            .flatMap(cc -> cc.getCoding().stream())
            .anyMatch(c -> code.equalsIgnoreCase(c.getCode()));
    if (!present) {
      item.addModifier(
          new CodeableConcept()
              .addCoding(new org.hl7.fhir.r4.model.Coding(modifierSystem(fix), code, null)));
    }
  }

  private static void removeModifier(Claim claim, Fix fix) {
    String code = code(fix);
    Claim.ItemComponent item = item(claim, fix);
    for (CodeableConcept cc : item.getModifier()) {
      cc.getCoding().removeIf(c -> code.equalsIgnoreCase(c.getCode()));
    }
    item.getModifier().removeIf(cc -> cc.getCoding().isEmpty() && !cc.hasText());
  }

  private static void removeLine(Claim claim, Fix fix) {
    Claim.ItemComponent item = item(claim, fix);
    if (claim.getItem().size() == 1) {
      throw new IllegalArgumentException(
          "removing line " + fix.claimItemSequence() + " would leave no line");
    }
    claim.getItem().remove(item);
  }

  /** The line's code becomes the fix's; everything else on the line stays. */
  private static void replaceCode(Claim claim, Fix fix) {
    String code = code(fix);
    Claim.ItemComponent item = item(claim, fix);
    item.setProductOrService(
        new CodeableConcept()
            .addCoding(
                new org.hl7.fhir.r4.model.Coding(
                    fix.system() != null ? fix.system() : CPT, code, null)));
  }

  private static void setPlaceOfService(Claim claim, Fix fix) {
    String code = code(fix);
    List<Claim.ItemComponent> items =
        fix.claimItemSequence() == null ? claim.getItem() : List.of(item(claim, fix));
    for (Claim.ItemComponent item : items) {
      item.setLocation(
          new CodeableConcept()
              .addCoding(
                  new org.hl7.fhir.r4.model.Coding(
                      fix.system() != null ? fix.system() : PLACE_OF_SERVICE, code, null)));
    }
  }

  private static void setQuantity(Claim claim, Fix fix) {
    BigDecimal units;
    try {
      units = new BigDecimal(code(fix));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("quantity '" + fix.code() + "' is not a number");
    }
    if (units.signum() <= 0) {
      throw new IllegalArgumentException("quantity must be positive");
    }
    Claim.ItemComponent item = item(claim, fix);
    Quantity quantity = item.hasQuantity() ? item.getQuantity() : new Quantity();
    quantity.setValue(units);
    item.setQuantity(quantity);
    if (item.hasUnitPrice() && item.getUnitPrice().hasValue()) {
      BigDecimal factor = item.hasFactor() ? item.getFactor() : BigDecimal.ONE;
      item.setNet(
          new Money()
              .setValue(item.getUnitPrice().getValue().multiply(units).multiply(factor))
              .setCurrency(item.getUnitPrice().getCurrency()));
    }
  }

  private static void addDiagnosis(Claim claim, Fix fix) {
    String code = code(fix);
    String system = fix.system() != null ? fix.system() : ICD10CM;
    Integer sequence = null;
    int max = 0;
    for (Claim.DiagnosisComponent d : claim.getDiagnosis()) {
      max = Math.max(max, d.getSequence());
      boolean same =
          d.hasDiagnosisCodeableConcept()
              && d.getDiagnosisCodeableConcept().getCoding().stream()
                  .anyMatch(
                      c -> code.equalsIgnoreCase(c.getCode()) && system.equals(c.getSystem()));
      if (same) {
        sequence = d.getSequence();
      }
    }
    if (sequence == null) {
      sequence = max + 1;
      claim
          .addDiagnosis()
          .setSequence(sequence)
          .setDiagnosis(
              new CodeableConcept()
                  .addCoding(new org.hl7.fhir.r4.model.Coding(system, code, null)));
    }
    if (fix.claimItemSequence() == null) {
      return;
    }
    Claim.ItemComponent item = item(claim, fix);
    final int seq = sequence;
    List<PositiveIntType> pointers = new ArrayList<>(item.getDiagnosisSequence());
    pointers.removeIf(p -> p.getValue() != null && p.getValue() == seq);
    pointers.add(0, new PositiveIntType(seq));
    while (pointers.size() > MAX_DIAGNOSIS_POINTERS) {
      pointers.remove(pointers.size() - 1);
    }
    item.setDiagnosisSequence(pointers);
  }

  private static void recomputeTotal(Claim claim) {
    if (!claim.hasTotal() || claim.getItem().isEmpty()) {
      return;
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (Claim.ItemComponent item : claim.getItem()) {
      if (!item.hasNet() || !item.getNet().hasValue()) {
        return; // cannot tell: leave the total as the author wrote it
      }
      sum = sum.add(item.getNet().getValue());
    }
    claim.getTotal().setValue(sum);
  }

  private static Claim.ItemComponent item(Claim claim, Fix fix) {
    if (fix.claimItemSequence() == null) {
      throw new IllegalArgumentException(fix.kind() + " needs a claim line");
    }
    return claim.getItem().stream()
        .filter(i -> i.getSequence() == fix.claimItemSequence())
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("the Claim has no line " + fix.claimItemSequence()));
  }

  private static String code(Fix fix) {
    if (fix.code() == null || fix.code().isBlank()) {
      throw new IllegalArgumentException(fix.kind() + " needs a code");
    }
    return fix.code().trim();
  }

  /** CPT modifiers are two digits; HCPCS Level II modifiers have letters (XS, GA, KX). */
  private static String modifierSystem(Fix fix) {
    if (fix.system() != null) {
      return fix.system();
    }
    return fix.code().trim().toUpperCase(Locale.ROOT).matches("\\d{2}") ? CPT : HCPCS;
  }
}
