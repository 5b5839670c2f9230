package org.stomacds.engine.facts;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Reference;

/**
 * Reads one {@code Claim.item} into a {@link ClaimLine}: code, modifiers, units, date, place of
 * service, the diagnoses it points to, its rendering provider and encounters.
 */
final class ClaimLineReader {

  private final ProviderKeys providers;

  ClaimLineReader(ProviderKeys providers) {
    this.providers = providers;
  }

  /**
   * @param position the item's index in {@code Claim.item}
   * @param diagnoses the claim's diagnoses, for the line's pointers
   * @param claimDate the claim's date, for a line with no date of its own
   */
  ClaimLine read(Claim claim, int position, List<Diagnosis> diagnoses, LocalDate claimDate) {
    Claim.ItemComponent item = claim.getItem().get(position);
    String code = FhirValues.procedureCode(item.getProductOrService());
    List<String> modifiers = new ArrayList<>(item.getModifier().size());
    for (CodeableConcept modifier : item.getModifier()) {
      String value = modifierCode(modifier);
      if (value != null) {
        modifiers.add(value);
      }
    }
    int quantity = 1;
    if (item.hasQuantity() && item.getQuantity().getValue() != null) {
      quantity = item.getQuantity().getValue().setScale(0, RoundingMode.UP).intValue();
    }
    LocalDate date = FhirValues.day(item.getServiced());
    if (date == null) {
      date = claimDate;
    }
    List<Diagnosis> pointed = new ArrayList<>(2);
    for (PositiveIntType pointer : item.getDiagnosisSequence()) {
      for (Diagnosis diagnosis : diagnoses) {
        if (pointer.getValue() != null && diagnosis.sequence() == pointer.getValue()) {
          pointed.add(diagnosis);
        }
      }
    }
    List<String> encounters = new ArrayList<>(1);
    for (Reference encounter : item.getEncounter()) {
      String key = ResourceIndex.key(encounter);
      if (key != null) {
        encounters.add(key);
      }
    }
    return new ClaimLine(
        item.getSequence(),
        position,
        code,
        modifiers,
        quantity,
        date,
        placeOfService(item),
        pointed,
        item.hasDiagnosisSequence(),
        provider(claim, item),
        encounters);
  }

  private static String placeOfService(Claim.ItemComponent item) {
    if (item.hasLocationCodeableConcept()) {
      for (Coding coding : item.getLocationCodeableConcept().getCoding()) {
        if (coding.hasCode()
            && (!coding.hasSystem()
                || CodeSystems.PLACE_OF_SERVICE.equals(
                    CodeSystems.canonical(coding.getSystem())))) {
          return coding.getCode().strip();
        }
      }
    }
    return null;
  }

  /** The line's care team member, else the claim's provider. */
  private String provider(Claim claim, Claim.ItemComponent item) {
    for (PositiveIntType sequence : item.getCareTeamSequence()) {
      for (Claim.CareTeamComponent member : claim.getCareTeam()) {
        if (sequence.getValue() != null && member.getSequence() == sequence.getValue()) {
          String provider = providers.of(member.getProvider(), claim);
          if (provider != null) {
            return provider;
          }
          break;
        }
      }
    }
    return providers.of(claim.getProvider(), claim);
  }

  /** A modifier code, whichever of the CPT and HCPCS systems (or none) carries it. */
  static String modifierCode(CodeableConcept modifier) {
    for (Coding coding : modifier.getCoding()) {
      if (coding.hasCode()
          && (!coding.hasSystem() || CodeSystems.isProcedureCodeSystem(coding.getSystem()))) {
        return coding.getCode().strip().toUpperCase(Locale.ROOT);
      }
    }
    if (modifier.getCoding().isEmpty() && modifier.hasText()) {
      String text = modifier.getText().strip();
      if (text.length() == 2) {
        return text.toUpperCase(Locale.ROOT);
      }
    }
    return null;
  }
}
