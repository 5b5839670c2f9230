package org.stomacds.engine.terminology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.stomacds.engine.terminology.Terminology.CPT;
import static org.stomacds.engine.terminology.Terminology.DOCUMENTATION_ELEMENT;
import static org.stomacds.engine.terminology.Terminology.HCPCS;
import static org.stomacds.engine.terminology.Terminology.ICD_10_CM;
import static org.stomacds.engine.terminology.Terminology.PLACE_OF_SERVICE;

import ca.uhn.fhir.context.FhirContext;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.stomacds.engine.documentation.DocumentationElement;

/** The terminology the product ships: the value sets the rules name, and what they hold. */
class DefaultTerminologyTest {

  private static final String HCPCS_HTTP =
      "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";
  private static final String HCPCS_OID = "urn:oid:2.16.840.1.113883.6.285";

  private static Terminology terminology;

  @BeforeAll
  static void load() {
    terminology = Terminology.loadDefault(FhirContext.forR4Cached());
  }

  private static String vs(String id) {
    return Terminology.VALUE_SET_BASE + id;
  }

  /** The value sets of the terminology contract, with the number of members each must have. */
  static List<Object[]> contractValueSets() {
    return List.of(
        new Object[] {"cpt-44405-supporting-diagnoses", 39},
        new Object[] {"cpt-44381-supporting-diagnoses", 19},
        new Object[] {"cpt-45386-supporting-diagnoses", 35},
        new Object[] {"ostomy-status-diagnoses", 3},
        new Object[] {"stoma-complication-diagnoses", 10},
        new Object[] {"stoma-attention-diagnoses", 2},
        new Object[] {"stoma-colonoscopy-family", 14},
        new Object[] {"distinct-service-modifiers", 5},
        new Object[] {"x-modifiers", 4},
        new Object[] {"incomplete-procedure-modifiers", 4},
        new Object[] {"repeat-procedure-modifiers", 2},
        new Object[] {"global-period-modifiers", 3},
        new Object[] {"screening-modifiers", 2},
        new Object[] {"abn-modifiers", 4},
        new Object[] {"anesthesia-role-modifiers", 6},
        new Object[] {"physical-status-modifiers", 6},
        new Object[] {"cpt-44405-modifiers", 19},
        new Object[] {"facility-places-of-service", 13},
        new Object[] {"hospital-places-of-service", 4},
        new Object[] {"office-places-of-service", 5},
        new Object[] {"moderate-sedation-same-physician", 4},
        new Object[] {"moderate-sedation-other-physician", 3},
        new Object[] {"lower-gi-anesthesia", 3},
        new Object[] {"evaluation-and-management", 50},
        new Object[] {"documentation-elements", 17});
  }

  @ParameterizedTest(name = "{0} has {1} members")
  @MethodSource("contractValueSets")
  void everyContractValueSetIsLoadedWithItsMembers(String id, int size) {
    assertThat(terminology.hasValueSet(vs(id))).isTrue();
    assertThat(terminology.expand(vs(id))).hasSize(size);
    assertThat(terminology.expectedSize(vs(id))).isEqualTo(size);
  }

  @Test
  void loadsOnlyTheContractValueSets() {
    Set<String> expected =
        contractValueSets().stream().map(row -> vs((String) row[0])).collect(Collectors.toSet());
    assertThat(terminology.valueSetUrls()).isEqualTo(expected);
  }

  @Test
  void supportingDiagnosesHoldStomaMalfunctionButNotStatusOrCareCodes() {
    String url = vs("cpt-44405-supporting-diagnoses");
    assertThat(terminology.memberOf(url, ICD_10_CM, "K94.03")).isTrue();
    assertThat(terminology.memberOf(url, ICD_10_CM, "K94.13")).isTrue();
    assertThat(terminology.memberOf(url, ICD_10_CM, "K56.699")).isTrue();
    assertThat(terminology.memberOf(url, ICD_10_CM, "K91.89")).isTrue();
    assertThat(terminology.memberOf(url, ICD_10_CM, "K51.912")).isTrue();
    assertThat(terminology.memberOf(url, ICD_10_CM, "Z93.3")).isFalse();
    assertThat(terminology.memberOf(url, ICD_10_CM, "Z43.3")).isFalse();
    assertThat(terminology.memberOf(url, ICD_10_CM, "K62.4")).isFalse();
  }

  @Test
  void codesAreComparedAsTheCodeSystemSpellsThem() {
    String url = vs("cpt-44405-supporting-diagnoses");
    assertThat(terminology.memberOf(url, ICD_10_CM, "K9403")).isFalse();
    assertThat(terminology.memberOf(url, CPT, "K94.03")).isFalse();
  }

  @Test
  void stomaComplicationsAreEveryK940AndK941Code() {
    assertThat(codes("stoma-complication-diagnoses"))
        .containsExactly(
            "K94.00", "K94.01", "K94.02", "K94.03", "K94.09", "K94.10", "K94.11", "K94.12",
            "K94.13", "K94.19");
  }

  @Test
  void ostomyStatusAndAttentionSetsHoldTheirZCodes() {
    assertThat(codes("ostomy-status-diagnoses")).containsExactly("Z93.2", "Z93.3", "Z93.4");
    assertThat(codes("stoma-attention-diagnoses")).containsExactly("Z43.2", "Z43.3");
  }

  @ParameterizedTest
  @ValueSource(strings = {HCPCS, HCPCS_HTTP, HCPCS_OID})
  void xsIsADistinctServiceModifierUnderEveryHcpcsSpelling(String system) {
    assertThat(terminology.memberOf(vs("distinct-service-modifiers"), system, "XS")).isTrue();
    assertThat(terminology.memberOf(vs("x-modifiers"), system, "XU")).isTrue();
  }

  @Test
  void modifier59IsADistinctServiceModifierOnlyAsCpt() {
    String url = vs("distinct-service-modifiers");
    assertThat(terminology.memberOf(url, CPT, "59")).isTrue();
    assertThat(terminology.memberOf(url, HCPCS, "59")).isFalse();
    assertThat(terminology.memberOf(url, CPT, "XS")).isFalse();
    assertThat(terminology.memberOf(vs("x-modifiers"), CPT, "59")).isFalse();
  }

  @Test
  void distinctServiceModifiersListEachModifierUnderItsOwnSystem() {
    assertThat(terminology.expand(vs("distinct-service-modifiers")))
        .extracting(Coded::system, Coded::code)
        .containsExactly(
            tuple(CPT, "59"),
            tuple(HCPCS, "XE"),
            tuple(HCPCS, "XS"),
            tuple(HCPCS, "XP"),
            tuple(HCPCS, "XU"));
  }

  @Test
  void modifiersOf44405LeaveOutTheOnesThatBelongOnOtherCodes() {
    String url = vs("cpt-44405-modifiers");
    assertThat(terminology.memberOf(url, CPT, "22")).isTrue();
    assertThat(terminology.memberOf(url, CPT, "52")).isTrue();
    assertThat(terminology.memberOf(url, HCPCS_OID, "XS")).isTrue();
    assertThat(terminology.memberOf(url, HCPCS, "GA")).isTrue();
    assertThat(terminology.memberOf(url, CPT, "53")).isFalse();
    assertThat(terminology.memberOf(url, CPT, "25")).isFalse();
    assertThat(terminology.memberOf(url, HCPCS, "PT")).isFalse();
    assertThat(terminology.memberOf(url, HCPCS, "QK")).isFalse();
  }

  @Test
  void smallModifierSetsHoldExactlyTheirCodes() {
    assertThat(codes("incomplete-procedure-modifiers")).containsExactly("52", "53", "73", "74");
    assertThat(codes("repeat-procedure-modifiers")).containsExactly("76", "77");
    assertThat(codes("global-period-modifiers")).containsExactly("58", "78", "79");
    assertThat(codes("screening-modifiers")).containsExactly("33", "PT");
    assertThat(codes("abn-modifiers")).containsExactly("GA", "GZ", "GX", "GY");
    assertThat(codes("anesthesia-role-modifiers"))
        .containsExactly("AA", "AD", "QK", "QX", "QY", "QZ");
    assertThat(codes("physical-status-modifiers"))
        .containsExactly("P1", "P2", "P3", "P4", "P5", "P6");
  }

  @Test
  void stomaColonoscopyFamilyIsTheCodesWithBase44388AndNoRetiredCode() {
    assertThat(codes("stoma-colonoscopy-family"))
        .containsExactly(
            "44388", "44389", "44390", "44391", "44392", "44394", "44401", "44402", "44403",
            "44404", "44405", "44406", "44407", "44408");
    for (String code : codes("stoma-colonoscopy-family")) {
      if (!code.equals("44388")) {
        assertThat(terminology.lookup(CPT, code).orElseThrow().property("endoscopic-base"))
            .as("endoscopic base of %s", code)
            .contains("44388");
      }
    }
  }

  @Test
  void retiredStomaCodesAreCarriedInactive() {
    for (String code : List.of("44393", "44397")) {
      Concept concept = terminology.lookup(CPT, code).orElseThrow();
      assertThat(concept.inactive()).isTrue();
      assertThat(concept.properties()).containsEntry("status", List.of("retired"));
      assertThat(terminology.memberOf(vs("stoma-colonoscopy-family"), CPT, code)).isFalse();
    }
    assertThat(terminology.lookup(CPT, "44405").orElseThrow().inactive()).isFalse();
  }

  @Test
  void lookupOf44405GivesOurDisplayAndItsCmsBillingAttributes() {
    Concept concept = terminology.lookup(CPT, "44405").orElseThrow();
    assertThat(concept.display()).isEqualTo("Stoma colonoscopy, balloon dilation of stricture");
    assertThat(concept.properties())
        .containsEntry("global-days", List.of("000"))
        .containsEntry("mue-practitioner", List.of("1"))
        .containsEntry("mue-practitioner-mai", List.of("3"))
        .containsEntry("mue-outpatient-hospital", List.of("1"))
        .containsEntry("endoscopic-base", List.of("44388"))
        .containsEntry("multiple-procedure", List.of("3"))
        .containsEntry("family", List.of("stoma-colonoscopy"))
        .containsEntry("confidence", List.of("cms-data"));
    assertThat(concept.properties().get("source"))
        .anySatisfy(source -> assertThat(source).contains("pfs-rvu-2024jul.csv"))
        .anySatisfy(source -> assertThat(source).contains("ncci-mue-2024q3.csv"));
  }

  @Test
  void billingAttributesAreLeftOutWhereNoCmsValueIsHeld() {
    Concept snare = terminology.lookup(CPT, "44394").orElseThrow();
    assertThat(snare.properties()).doesNotContainKeys("global-days", "mue-practitioner");
    assertThat(snare.property("confidence")).contains("sourced");
  }

  @Test
  void everyConceptStatesItsConfidenceInTheFactSheetVocabulary() {
    Set<String> vocabulary = Set.of("cms-data", "sourced", "widely-known", "uncertain");
    for (Resource resource : terminology.resources()) {
      if (resource instanceof CodeSystem codeSystem) {
        for (var definition : allConcepts(codeSystem.getConcept())) {
          Concept concept =
              terminology.lookup(codeSystem.getUrl(), definition.getCode()).orElseThrow();
          assertThat(concept.properties().get("confidence"))
              .as("confidence of %s %s", codeSystem.getUrl(), concept.code())
              .singleElement()
              .isIn(vocabulary);
          assertThat(concept.properties().get("source"))
              .as("source of %s %s", codeSystem.getUrl(), concept.code())
              .isNotEmpty();
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {HCPCS, HCPCS_HTTP, HCPCS_OID})
  void lookupAcceptsEveryHcpcsSpelling(String system) {
    Concept concept = terminology.lookup(system, "G0500").orElseThrow();
    assertThat(concept.system()).isEqualTo(HCPCS);
    assertThat(concept.property("family")).contains("moderate-sedation");
  }

  @Test
  void icdCategoriesAreCarriedAsParentsOfTheBillableCodesAndInNoValueSet() {
    CodeSystem icd =
        terminology.resources().stream()
            .filter(r -> r instanceof CodeSystem cs && cs.getUrl().equals(ICD_10_CM))
            .map(CodeSystem.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(icd.getHierarchyMeaning()).isEqualTo(CodeSystem.CodeSystemHierarchyMeaning.ISA);
    var k94 = icd.getConcept().stream().filter(c -> c.getCode().equals("K94")).findFirst();
    assertThat(k94).isPresent();
    assertThat(k94.get().getConcept())
        .extracting(CodeSystem.ConceptDefinitionComponent::getCode)
        .containsExactly("K94.0", "K94.1");
    assertThat(k94.get().getConcept().get(0).getConcept())
        .extracting(CodeSystem.ConceptDefinitionComponent::getCode)
        .containsExactly("K94.00", "K94.01", "K94.02", "K94.03", "K94.09");
    List<String> categories =
        List.of("K94", "K94.0", "K94.1", "K56", "K56.5", "K56.6", "K56.60", "K56.69", "K91.3");
    for (String code : categories) {
      assertThat(terminology.lookup(ICD_10_CM, code).orElseThrow().property("kind"))
          .as(code)
          .contains("category");
      for (String url : terminology.valueSetUrls()) {
        assertThat(terminology.memberOf(url, ICD_10_CM, code)).as(code + " in " + url).isFalse();
      }
    }
    assertThat(terminology.lookup(ICD_10_CM, "K94.03").orElseThrow().property("kind")).isEmpty();
  }

  @Test
  void lookupOfACodeWeDoNotCarryIsEmpty() {
    assertThat(terminology.lookup(CPT, "45385")).isEmpty();
    assertThat(terminology.lookup("http://example.org/unknown", "44405")).isEmpty();
    assertThat(terminology.lookup(null, "44405")).isEmpty();
  }

  @Test
  void placeOfServiceSetsSeparateFacilityFromOffice() {
    assertThat(codes("hospital-places-of-service")).containsExactly("19", "21", "22", "23");
    assertThat(terminology.memberOf(vs("facility-places-of-service"), PLACE_OF_SERVICE, "24"))
        .isTrue();
    assertThat(terminology.memberOf(vs("facility-places-of-service"), PLACE_OF_SERVICE, "11"))
        .isFalse();
    assertThat(terminology.memberOf(vs("office-places-of-service"), PLACE_OF_SERVICE, "11"))
        .isTrue();
    for (String code : codes("facility-places-of-service")) {
      assertThat(
              terminology.lookup(PLACE_OF_SERVICE, code).orElseThrow().property("pfs-rate-setting"))
          .as("rate setting of POS %s", code)
          .contains("facility");
    }
    for (String code : codes("office-places-of-service")) {
      assertThat(
              terminology.lookup(PLACE_OF_SERVICE, code).orElseThrow().property("pfs-rate-setting"))
          .as("rate setting of POS %s", code)
          .contains("non-facility");
    }
  }

  @Test
  void sedationAndAnesthesiaSetsHoldTheirCodes() {
    assertThat(terminology.expand(vs("moderate-sedation-same-physician")))
        .extracting(Coded::code)
        .containsExactly("99151", "99152", "99153", "G0500");
    assertThat(terminology.memberOf(vs("moderate-sedation-same-physician"), HCPCS_OID, "G0500"))
        .isTrue();
    assertThat(codes("moderate-sedation-other-physician"))
        .containsExactly("99155", "99156", "99157");
    assertThat(codes("lower-gi-anesthesia")).containsExactly("00811", "00812", "00813");
  }

  @Test
  void evaluationAndManagementHoldsTheVisitsModifier25CanUnbundle() {
    String url = vs("evaluation-and-management");
    assertThat(terminology.memberOf(url, CPT, "99213")).isTrue();
    assertThat(terminology.memberOf(url, CPT, "99291")).isTrue();
    assertThat(terminology.memberOf(url, HCPCS, "G0463")).isTrue();
    // Paired with 44405 at indicator 0 (never payable together): carried, but not in the set.
    assertThat(terminology.memberOf(url, CPT, "99446")).isFalse();
    assertThat(terminology.lookup(CPT, "99446")).isPresent();
    // Deleted with the 2023 E/M revision.
    assertThat(terminology.memberOf(url, CPT, "99218")).isFalse();
  }

  @Test
  void documentationElementsAreExactlyTheIdsTheEngineUses() {
    Set<String> ids =
        Arrays.stream(DocumentationElement.values())
            .map(DocumentationElement::id)
            .collect(Collectors.toSet());
    assertThat(codes("documentation-elements")).containsExactlyInAnyOrderElementsOf(ids);
    for (String id : ids) {
      assertThat(terminology.lookup(DOCUMENTATION_ELEMENT, id)).as(id).isPresent();
    }
  }

  @Test
  void expansionCarriesOurDisplays() {
    assertThat(terminology.expand(vs("x-modifiers")))
        .contains(new Coded(HCPCS, "XS", "Distinct: other organ or structure"));
  }

  @Test
  void memberOfAnUnknownValueSetIsAnError() {
    assertThatThrownBy(() -> terminology.memberOf(vs("no-such-set"), CPT, "44405"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no-such-set");
    assertThatThrownBy(() -> terminology.expand(null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(terminology.hasValueSet(vs("no-such-set"))).isFalse();
  }

  @Test
  void aMissingSystemOrCodeIsNeverAMember() {
    assertThat(terminology.memberOf(vs("x-modifiers"), null, "XS")).isFalse();
    assertThat(terminology.memberOf(vs("x-modifiers"), HCPCS, null)).isFalse();
  }

  @Test
  void aValueSetCanBeNamedWithItsVersion() {
    assertThat(terminology.hasValueSet(vs("x-modifiers") + "|2026.11.0")).isTrue();
    assertThat(terminology.memberOf(vs("x-modifiers") + "|2026.11.0", HCPCS, "XE")).isTrue();
    assertThat(terminology.hasValueSet(vs("x-modifiers") + "|1.0.0")).isFalse();
  }

  @Test
  void resourcesComeCodeSystemsFirstAndAreCopies() {
    List<Resource> resources = terminology.resources();
    assertThat(resources).hasSize(31);
    assertThat(resources.subList(0, 6)).allMatch(CodeSystem.class::isInstance);
    assertThat(resources.subList(6, 31)).allMatch(ValueSet.class::isInstance);
    ((ValueSet) resources.get(6)).setUrl("http://changed");
    assertThat(((ValueSet) terminology.resources().get(6)).getUrl())
        .startsWith(Terminology.VALUE_SET_BASE);
  }

  @Test
  void everyResourceCarriesTheMetadataAReviewerNeeds() {
    Map<String, CodeSystem.CodeSystemContentMode> content =
        Map.of(
            CPT,
            CodeSystem.CodeSystemContentMode.COMPLETE,
            HCPCS,
            CodeSystem.CodeSystemContentMode.COMPLETE,
            ICD_10_CM,
            CodeSystem.CodeSystemContentMode.COMPLETE,
            PLACE_OF_SERVICE,
            CodeSystem.CodeSystemContentMode.COMPLETE,
            DOCUMENTATION_ELEMENT,
            CodeSystem.CodeSystemContentMode.COMPLETE,
            "https://stomacds.org/fhir/CodeSystem/administrative-document",
            CodeSystem.CodeSystemContentMode.COMPLETE);
    for (Resource resource : terminology.resources()) {
      if (resource instanceof CodeSystem cs) {
        assertThat(cs.getContent()).as(cs.getUrl()).isEqualTo(content.get(cs.getUrl()));
        if (!cs.getUrl().startsWith("https://stomacds.org/")) {
          // Subsets say so, and say why they still declare 'complete' (HAPI indexes nothing else).
          assertThat(cs.getDescription()).as(cs.getUrl()).containsIgnoringCase("subset");
          assertThat(cs.getDescription()).as(cs.getUrl()).contains("Declared content 'complete'");
        }
        // count is every concept, nested ones too (FHIR's meaning of CodeSystem.count).
        assertThat(cs.getCount()).as(cs.getUrl()).isEqualTo(allConcepts(cs.getConcept()).size());
        assertThat(cs.getProperty())
            .as(cs.getUrl())
            .allSatisfy(p -> assertThat(p.getDescription()).isNotBlank());
        assertMetadata(
            cs.getId(),
            cs.getVersion(),
            cs.getName(),
            cs.getTitle(),
            cs.getStatus(),
            cs.getPublisher(),
            cs.getDescription());
      } else {
        ValueSet valueSet = (ValueSet) resource;
        assertThat(valueSet.getUrl()).isEqualTo(vs(valueSet.getIdElement().getIdPart()));
        assertMetadata(
            valueSet.getIdElement().getIdPart(),
            valueSet.getVersion(),
            valueSet.getName(),
            valueSet.getTitle(),
            valueSet.getStatus(),
            valueSet.getPublisher(),
            valueSet.getDescription());
      }
    }
  }

  private static void assertMetadata(
      String id,
      String version,
      String name,
      String title,
      PublicationStatus status,
      String publisher,
      String description) {
    assertThat(id).isNotBlank();
    assertThat(version).as(id).isEqualTo("2026.11.0");
    assertThat(name).as(id).matches("[A-Z][A-Za-z0-9]*");
    assertThat(title).as(id).isNotBlank();
    assertThat(status).as(id).isEqualTo(PublicationStatus.ACTIVE);
    assertThat(publisher).as(id).isEqualTo("stomacds");
    assertThat(description).as(id).isNotBlank();
  }

  /** Concepts and their nested concepts, depth first. */
  private static List<CodeSystem.ConceptDefinitionComponent> allConcepts(
      List<CodeSystem.ConceptDefinitionComponent> concepts) {
    List<CodeSystem.ConceptDefinitionComponent> all = new java.util.ArrayList<>();
    for (var concept : concepts) {
      all.add(concept);
      all.addAll(allConcepts(concept.getConcept()));
    }
    return all;
  }

  private static List<String> codes(String id) {
    return terminology.expand(vs(id)).stream().map(Coded::code).toList();
  }
}
