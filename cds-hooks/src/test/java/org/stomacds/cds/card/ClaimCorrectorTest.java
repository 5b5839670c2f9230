package org.stomacds.cds.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.Test;
import org.stomacds.engine.findings.Fix;
import org.stomacds.engine.findings.FixKind;

class ClaimCorrectorTest {

  private final ClaimCorrector corrector = new ClaimCorrector();

  static Claim claim() {
    Claim claim = new Claim();
    claim.setId("c1");
    claim.getMeta().setVersionId("7");
    claim.addDiagnosis().setSequence(1).setDiagnosis(cc(ClaimCorrector.ICD10CM, "K56.699"));
    claim.addDiagnosis().setSequence(2).setDiagnosis(cc(ClaimCorrector.ICD10CM, "Z93.3"));
    line(claim, 1, "44405", 1).addDiagnosisSequence(1);
    line(claim, 2, "44388", 1).addDiagnosisSequence(2);
    line(claim, 3, "99152", 1).addDiagnosisSequence(1);
    claim.setTotal(new Money().setValue(new BigDecimal("900")).setCurrency("USD"));
    return claim;
  }

  private static Claim.ItemComponent line(Claim claim, int seq, String code, int units) {
    Claim.ItemComponent item = claim.addItem();
    item.setSequence(seq);
    item.setProductOrService(cc(ClaimCorrector.CPT, code));
    item.setQuantity(new Quantity(units));
    item.setUnitPrice(new Money().setValue(new BigDecimal("300")).setCurrency("USD"));
    item.setNet(new Money().setValue(new BigDecimal("300")).setCurrency("USD"));
    return item;
  }

  private static CodeableConcept cc(String system, String code) {
    return new CodeableConcept().addCoding(new Coding(system, code, null));
  }

  static Fix fix(FixKind kind, Integer line, String system, String code) {
    return new Fix(kind, "do it", "Claim/c1", line, system, code, null, true, null);
  }

  @Test
  void replacesALinesCodeAndKeepsItsModifiersUnitsPointersAndCharges() {
    Claim original = claim();
    original.getItem().get(0).addModifier(cc(ClaimCorrector.CPT, "52"));
    Claim fixed =
        corrector.apply(
            original,
            List.of(
                fix(FixKind.REPLACE_CODE, 1, ClaimCorrector.CPT, "44388"),
                fix(FixKind.ADD_MODIFIER, 1, null, "53")));
    Claim.ItemComponent line = fixed.getItem().get(0);
    assertThat(line.getProductOrService().getCodingFirstRep().getCode()).isEqualTo("44388");
    assertThat(line.getProductOrService().getCodingFirstRep().getSystem())
        .isEqualTo(ClaimCorrector.CPT);
    assertThat(line.getModifier())
        .extracting(m -> m.getCodingFirstRep().getCode())
        .containsExactly("52", "53");
    assertThat(line.getDiagnosisSequence())
        .extracting(PositiveIntType::getValue)
        .containsExactly(1);
    assertThat(line.getNet().getValue()).isEqualByComparingTo("300");
    assertThat(original.getItem().get(0).getProductOrService().getCodingFirstRep().getCode())
        .isEqualTo("44405");
    assertThat(ClaimCorrector.changesClaim(FixKind.REPLACE_CODE)).isTrue();
  }

  @Test
  void addsAModifierOnceAndLeavesTheOriginalUntouched() {
    Claim original = claim();
    Claim fixed =
        corrector.apply(
            original,
            List.of(
                fix(FixKind.ADD_MODIFIER, 3, null, "59"),
                fix(FixKind.ADD_MODIFIER, 3, null, "59")));

    assertThat(fixed.getItem().get(2).getModifier()).hasSize(1);
    assertThat(fixed.getItem().get(2).getModifierFirstRep().getCodingFirstRep().getSystem())
        .isEqualTo(ClaimCorrector.CPT);
    assertThat(original.getItem().get(2).getModifier()).isEmpty();
    assertThat(fixed.getIdElement().getIdPart()).isEqualTo("c1");
    assertThat(fixed.getMeta().getVersionId()).isEqualTo("7");
  }

  @Test
  void codesAnXModifierAsHcpcs() {
    Claim fixed = corrector.apply(claim(), List.of(fix(FixKind.ADD_MODIFIER, 1, null, "XS")));

    assertThat(fixed.getItemFirstRep().getModifierFirstRep().getCodingFirstRep().getSystem())
        .isEqualTo(ClaimCorrector.HCPCS);
  }

  @Test
  void removesAModifierWhereverItIsOnTheLine() {
    Claim claim = claim();
    claim.getItem().get(0).addModifier(cc(ClaimCorrector.CPT, "51"));
    claim.getItem().get(0).addModifier(cc(ClaimCorrector.CPT, "22"));

    Claim fixed = corrector.apply(claim, List.of(fix(FixKind.REMOVE_MODIFIER, 1, null, "51")));

    assertThat(fixed.getItemFirstRep().getModifier())
        .extracting(m -> m.getCodingFirstRep().getCode())
        .containsExactly("22");
  }

  @Test
  void removesALineWithoutRenumberingTheOthersAndRecomputesTheTotal() {
    Claim fixed = corrector.apply(claim(), List.of(fix(FixKind.REMOVE_LINE, 2, null, null)));

    assertThat(fixed.getItem()).extracting(Claim.ItemComponent::getSequence).containsExactly(1, 3);
    assertThat(fixed.getItem().get(1).getDiagnosisSequence())
        .extracting(PositiveIntType::getValue)
        .containsExactly(1);
    assertThat(fixed.getDiagnosis()).hasSize(2);
    assertThat(fixed.getTotal().getValue()).isEqualByComparingTo("600");
  }

  @Test
  void refusesToRemoveTheLastLine() {
    Claim claim = claim();
    claim.getItem().subList(1, 3).clear();

    assertThatThrownBy(
            () -> corrector.apply(claim, List.of(fix(FixKind.REMOVE_LINE, 1, null, null))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void setsThePlaceOfServiceOfOneLine() {
    Claim fixed =
        corrector.apply(claim(), List.of(fix(FixKind.SET_PLACE_OF_SERVICE, 1, null, "22")));

    assertThat(fixed.getItemFirstRep().getLocationCodeableConcept().getCodingFirstRep())
        .satisfies(
            c -> {
              assertThat(c.getSystem()).isEqualTo(ClaimCorrector.PLACE_OF_SERVICE);
              assertThat(c.getCode()).isEqualTo("22");
            });
    assertThat(fixed.getItem().get(1).hasLocation()).isFalse();
  }

  @Test
  void setsTheQuantityAndRecomputesNetAndTotal() {
    Claim claim = claim();
    claim.getItemFirstRep().setQuantity(new Quantity(2));
    claim.getItemFirstRep().getNet().setValue(new BigDecimal("600"));

    Claim fixed = corrector.apply(claim, List.of(fix(FixKind.SET_QUANTITY, 1, null, "1")));

    assertThat(fixed.getItemFirstRep().getQuantity().getValue()).isEqualByComparingTo("1");
    assertThat(fixed.getItemFirstRep().getNet().getValue()).isEqualByComparingTo("300");
    assertThat(fixed.getTotal().getValue()).isEqualByComparingTo("900");
  }

  @Test
  void addsADiagnosisAndPointsTheLineToItFirst() {
    Claim fixed = corrector.apply(claim(), List.of(fix(FixKind.ADD_DIAGNOSIS, 1, null, "K94.03")));

    assertThat(fixed.getDiagnosis()).hasSize(3);
    assertThat(fixed.getDiagnosis().get(2).getSequence()).isEqualTo(3);
    assertThat(fixed.getItemFirstRep().getDiagnosisSequence())
        .extracting(PositiveIntType::getValue)
        .containsExactly(3, 1);
  }

  @Test
  void reusesADiagnosisAlreadyOnTheClaim() {
    Claim fixed = corrector.apply(claim(), List.of(fix(FixKind.ADD_DIAGNOSIS, 1, null, "Z93.3")));

    assertThat(fixed.getDiagnosis()).hasSize(2);
    assertThat(fixed.getItemFirstRep().getDiagnosisSequence())
        .extracting(PositiveIntType::getValue)
        .containsExactly(2, 1);
  }

  @Test
  void refusesAFixForALineTheClaimDoesNotHave() {
    assertThatThrownBy(
            () -> corrector.apply(claim(), List.of(fix(FixKind.ADD_MODIFIER, 9, null, "59"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 9");
  }
}
