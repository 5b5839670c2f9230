package org.stomacds.engine.facts;

import java.time.LocalDate;
import java.util.List;

/**
 * One {@code Claim.item}.
 *
 * @param sequence {@code Claim.item.sequence}
 * @param index the position in {@code Claim.item} (for FHIRPath)
 * @param code the CPT/HCPCS code of {@code productOrService}; null when it has none
 * @param modifiers modifier codes, upper case, in order (matched by code whichever of the CPT and
 *     HCPCS systems carries them, or none)
 * @param quantity units ({@code quantity}, 1 when absent)
 * @param date the date of service ({@code servicedDate}, {@code servicedPeriod.start}, else the
 *     claim's)
 * @param placeOfService the CMS place of service ({@code locationCodeableConcept}), or null
 * @param diagnoses the diagnoses the line points at through {@code diagnosisSequence}
 * @param diagnosisPointers whether the line has any {@code diagnosisSequence}
 * @param provider who rendered the line (its care team provider, else the claim's provider), as a
 *     comparable key (an NPI or a reference); null when unknown
 * @param encounters the encounters the line names ({@code item.encounter})
 */
public record ClaimLine(
    int sequence,
    int index,
    String code,
    List<String> modifiers,
    int quantity,
    LocalDate date,
    String placeOfService,
    List<Diagnosis> diagnoses,
    boolean diagnosisPointers,
    String provider,
    List<String> encounters) {

  public ClaimLine {
    modifiers = List.copyOf(modifiers);
    diagnoses = List.copyOf(diagnoses);
    encounters = List.copyOf(encounters);
  }

  public boolean hasModifier(String modifier) {
    return modifiers.contains(modifier);
  }

  /** FHIRPath to the line. */
  public String expression() {
    return "Claim.item[" + index + "]";
  }

  /** FHIRPath to a modifier of the line, or to the modifier list when it is absent. */
  public String modifierExpression(String modifier) {
    int position = modifiers.indexOf(modifier);
    return position < 0 ? expression() + ".modifier" : expression() + ".modifier[" + position + "]";
  }
}
