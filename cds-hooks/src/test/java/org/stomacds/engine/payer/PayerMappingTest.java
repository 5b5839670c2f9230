package org.stomacds.engine.payer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stomacds.engine.rules.yaml.RuleFileException;

class PayerMappingTest {

  private static final String SOPT = "https://nahdo.org/sopt";
  private static final String ACT = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
  private static final PayerMapping MAPPING = PayerMapping.loadDefault();

  private static Payer resolve(String name, String system, String type, String... plans) {
    List<PayerIdentity.Code> types =
        type == null ? List.of() : List.of(new PayerIdentity.Code(system, type));
    return MAPPING.resolve(
        new PayerIdentity(
            name != null,
            name == null ? List.of() : List.of(name),
            List.of(),
            types,
            List.of(plans)));
  }

  @Test
  void medicareFeeForServiceIsOriginalMedicare() {
    Payer payer = resolve("Medicare Part B", SOPT, "121");
    assertThat(payer.key()).isEqualTo(PayerKey.MEDICARE);
    assertThat(payer.lineOfBusiness()).isEqualTo(LineOfBusiness.ORIGINAL_MEDICARE);
    assertThat(resolve("Noridian Healthcare Solutions", null, null).key())
        .isEqualTo(PayerKey.MEDICARE);
  }

  @Test
  void aMedicareAdvantagePlanRunByUnitedHealthcareIsUnitedHealthcareMedicareAdvantage() {
    Payer byType = resolve("UnitedHealthcare", SOPT, "111");
    assertThat(byType.key()).isEqualTo(PayerKey.UNITEDHEALTHCARE);
    assertThat(byType.lineOfBusiness()).isEqualTo(LineOfBusiness.MEDICARE_ADVANTAGE);

    Payer byPlanName = resolve("UnitedHealthcare", ACT, "HMO", "AARP Medicare Advantage Choice");
    assertThat(byPlanName.key()).isEqualTo(PayerKey.UNITEDHEALTHCARE);
    assertThat(byPlanName.lineOfBusiness()).isEqualTo(LineOfBusiness.MEDICARE_ADVANTAGE);

    Payer medicareTypeOnACarrier = resolve("United Healthcare Insurance Company", SOPT, "1");
    assertThat(medicareTypeOnACarrier.lineOfBusiness())
        .isEqualTo(LineOfBusiness.MEDICARE_ADVANTAGE);
  }

  @Test
  void anUnknownCarriersMedicareAdvantagePlanIsNotMedicare() {
    Payer payer = resolve("Humana Gold Plus Medicare Advantage", null, null);
    assertThat(payer.key()).isEqualTo(PayerKey.UNKNOWN);
    assertThat(payer.lineOfBusiness()).isEqualTo(LineOfBusiness.MEDICARE_ADVANTAGE);
  }

  @Test
  void medicareNamedOnAManagedCareCoverageLeavesThePlanUnknown() {
    Payer payer = resolve("Medicare", SOPT, "11");
    assertThat(payer.key()).isEqualTo(PayerKey.UNKNOWN);
    assertThat(payer.lineOfBusiness()).isEqualTo(LineOfBusiness.MEDICARE_ADVANTAGE);
    assertThat(payer.basis()).anyMatch(b -> b.contains("not identified"));
  }

  @Test
  void commercialCarriersAndBlueCrossLicensees() {
    assertThat(resolve("Aetna Life Insurance Company", SOPT, "5").key()).isEqualTo(PayerKey.AETNA);
    assertThat(resolve("CIGNA HealthCare", null, null).lineOfBusiness())
        .isEqualTo(LineOfBusiness.COMMERCIAL);
    Payer ibx = resolve("Independence Blue Cross", SOPT, "61");
    assertThat(ibx.key()).isEqualTo(PayerKey.BCBS);
    assertThat(ibx.licensee()).isEqualTo("Independence Blue Cross");
    assertThat(resolve("Anthem Blue Cross", null, null).licensee()).isEqualTo("Anthem");
    Payer otherBlue = resolve("Blue Cross and Blue Shield of Vermont", null, null);
    assertThat(otherBlue.key()).isEqualTo(PayerKey.BCBS);
    assertThat(otherBlue.licensee()).isNull();
  }

  @Test
  void aBlueCrossCoverageTypeNamesBcbsWhenTheOrganizationIsUnknown() {
    Payer payer = resolve("Plan 4471", SOPT, "62");
    assertThat(payer.key()).isEqualTo(PayerKey.BCBS);
    assertThat(payer.lineOfBusiness()).isEqualTo(LineOfBusiness.COMMERCIAL);
  }

  @Test
  void medicaidManagedByACarrier() {
    Payer payer = resolve("UnitedHealthcare Community Plan", null, null);
    assertThat(payer.key()).isEqualTo(PayerKey.UNITEDHEALTHCARE);
    assertThat(payer.lineOfBusiness()).isEqualTo(LineOfBusiness.MEDICAID);
    Payer state = resolve("Medi-Cal", SOPT, "2");
    assertThat(state.key()).isEqualTo(PayerKey.UNKNOWN);
    assertThat(state.lineOfBusiness()).isEqualTo(LineOfBusiness.MEDICAID);
  }

  @Test
  void matchesByIdentifier() {
    Payer payer =
        MAPPING.resolve(
            new PayerIdentity(
                true,
                List.of("Claims Dept"),
                List.of(new PayerIdentity.Code("urn:payer-id", "60054")),
                List.of(),
                List.of()));
    assertThat(payer.key()).isEqualTo(PayerKey.AETNA);
  }

  @Test
  void aCaseWithNoPayerIsUnknown() {
    Payer payer = resolve(null, null, null);
    assertThat(payer.key()).isEqualTo(PayerKey.UNKNOWN);
    assertThat(payer.lineOfBusiness()).isEqualTo(LineOfBusiness.UNKNOWN);
    assertThat(payer.basis()).contains("no payer Organization in the case");
  }

  @Test
  void anOperatorFileExtendsTheMappingAndWins(@TempDir Path folder) throws IOException {
    Path file = folder.resolve("local.yaml");
    Files.writeString(
        file,
        "payers:\n"
            + "  - key: BCBS\n"
            + "    licensee: Highmark\n"
            + "    names: [Highmark]\n"
            + "    default-line-of-business: COMMERCIAL\n"
            + "  - key: CIGNA\n"
            + "    names: [Acme Health Plan]\n"
            + "    default-line-of-business: COMMERCIAL\n");
    PayerMapping mapping = PayerMapping.load(List.of(file));
    assertThat(mapping.knowsLicensee(PayerKey.BCBS, "Highmark")).isTrue();
    Payer acme =
        mapping.resolve(
            new PayerIdentity(true, List.of("Acme Health Plan"), List.of(), List.of(), List.of()));
    assertThat(acme.key()).isEqualTo(PayerKey.CIGNA);
  }

  @Test
  void aBadOperatorFileFailsWithFileAndLine(@TempDir Path folder) throws IOException {
    Path file = folder.resolve("bad.yaml");
    Files.writeString(
        file,
        "payers:\n  - key: HUMANA\n    names: [Humana]\n    default-line-of-business: COMMERCIAL\n");
    assertThatThrownBy(() -> PayerMapping.load(List.of(file)))
        .isInstanceOf(RuleFileException.class)
        .hasMessage(
            file
                + ":2: unknown payer 'HUMANA' (known: [MEDICARE, AETNA, BCBS, CIGNA, UNITEDHEALTHCARE, UNKNOWN])");
    Files.writeString(file, "payers:\n  - key: AETNA\n    nmes: [Aetna]\n");
    assertThatThrownBy(() -> PayerMapping.load(List.of(file)))
        .hasMessageStartingWith(file + ":3: unknown key 'nmes'");
    Files.writeString(
        file,
        "payers:\n  - key: AETNA\n    names: [Aetna]\n    default-line-of-business: PRIVATE\n");
    assertThatThrownBy(() -> PayerMapping.load(List.of(file)))
        .hasMessageStartingWith(file + ":4: unknown line of business");
  }

  @Test
  void listsTheKnownPayersByTheFirstNameTheirEntryGives() {
    List<KnownPayer> known = MAPPING.known();

    assertThat(known)
        .extracting(KnownPayer::key, KnownPayer::licensee, KnownPayer::name)
        .contains(
            org.assertj.core.groups.Tuple.tuple(PayerKey.CIGNA, null, "Cigna"),
            org.assertj.core.groups.Tuple.tuple(
                PayerKey.BCBS, "Independence Blue Cross", "Independence Blue Cross"),
            org.assertj.core.groups.Tuple.tuple(PayerKey.MEDICARE, null, "Medicare"));
    assertThat(known)
        .filteredOn(k -> k.key() == PayerKey.AETNA)
        .singleElement()
        .satisfies(
            aetna -> {
              assertThat(aetna.identifier().value()).isEqualTo("60054");
              assertThat(aetna.government()).isFalse();
              assertThat(aetna.defaultLineOfBusiness()).isEqualTo(LineOfBusiness.COMMERCIAL);
            });
  }

  @Test
  void offersACoverageTypeThatSaysEachLineOfBusinessByItself() {
    for (LineOfBusiness line :
        List.of(
            LineOfBusiness.ORIGINAL_MEDICARE,
            LineOfBusiness.MEDICARE_ADVANTAGE,
            LineOfBusiness.COMMERCIAL,
            LineOfBusiness.MEDICAID)) {
      PayerIdentity.Code type = MAPPING.coverageTypeSaying(line).orElseThrow();
      assertThat(type.system()).isEqualTo(SOPT);
      Payer payer = resolve("Harbor Mutual Health Plan", type.system(), type.value());
      assertThat(payer.lineOfBusiness()).as("%s says %s", type.value(), line).isEqualTo(line);
    }
    assertThat(MAPPING.coverageTypeSaying(LineOfBusiness.UNKNOWN)).isEmpty();
  }
}
