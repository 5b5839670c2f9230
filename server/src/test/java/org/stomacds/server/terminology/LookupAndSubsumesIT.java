package org.stomacds.server.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Parameters;
import org.junit.jupiter.api.Test;

/** {@code CodeSystem/$lookup} with {@code property}, and {@code $subsumes} over our hierarchy. */
class LookupAndSubsumesIT extends TerminologyCalls {

  private static String lookup(String system, String code, String... more) {
    String[] all = new String[4 + more.length];
    all[0] = "system";
    all[1] = system;
    all[2] = "code";
    all[3] = code;
    System.arraycopy(more, 0, all, 4, more.length);
    return query("/fhir/CodeSystem/$lookup", all);
  }

  private static String subsumes(String system, String codeA, String codeB) {
    return query("/fhir/CodeSystem/$subsumes", "system", system, "codeA", codeA, "codeB", codeB);
  }

  private static String outcome(String path) {
    return parameters(path).getParameter("outcome").getValue().primitiveValue();
  }

  @Test
  void lookupReturnsTheParentAndChildrenOfAHierarchicalCode() {
    Parameters k940 = parameters(lookup(ICD10, "K94.0", "property", "parent", "property", "child"));
    assertThat(k940.getParameter("display").getValue().primitiveValue())
        .isEqualTo("Colostomy problems");
    assertThat(property(k940, "parent")).containsExactly("K94");
    assertThat(property(k940, "child"))
        .containsExactly("K94.00", "K94.01", "K94.02", "K94.03", "K94.09");
    // Only what was asked for.
    assertThat(property(k940, "kind")).isEmpty();
    assertThat(property(k940, "definition")).isEmpty();

    Parameters leaf = parameters(lookup(ICD10, "K94.03", "property", "parent"));
    assertThat(property(leaf, "parent")).containsExactly("K94.0");
    assertThat(property(parameters(lookup(ICD10, "K94", "property", "parent")), "parent"))
        .isEmpty();
  }

  @Test
  void lookupReturnsOurOwnPropertiesAndTheDefinitionWhenAskedFor() {
    Parameters cpt =
        parameters(
            lookup(
                CPT,
                "44405",
                "property",
                "family",
                "property",
                "global-days",
                "property",
                "definition",
                "property",
                "display"));
    assertThat(cpt.getParameter("display").getValue().primitiveValue())
        .isEqualTo("Stoma colonoscopy, balloon dilation of stricture");
    assertThat(cpt.getParameter("version").getValue().primitiveValue()).isEqualTo(VERSION);
    assertThat(property(cpt, "family")).containsExactly("stoma-colonoscopy");
    assertThat(property(cpt, "global-days")).containsExactly("000");
    assertThat(property(cpt, "definition")).singleElement().asString().contains("balloon");
    assertThat(property(cpt, "mue-practitioner")).isEmpty();
    assertThat(property(parameters(lookup(ICD10, "K94.0", "property", "kind")), "kind"))
        .containsExactly("category");
  }

  @Test
  void lookupWithoutPropertyReturnsEveryPropertyItHas() {
    Parameters all = parameters(lookup(ICD10, "K94.0"));
    assertThat(property(all, "parent")).containsExactly("K94");
    assertThat(property(all, "child")).hasSize(5);
    assertThat(property(all, "definition")).hasSize(1);
    assertThat(property(all, "kind")).containsExactly("category");
    assertThat(property(all, "confidence")).containsExactly("widely-known");
  }

  @Test
  void lookupByACodingInAParametersBody() {
    Parameters body = new Parameters();
    body.addParameter().setName("coding").setValue(new Coding(ICD10, "K94.13", null));
    body.addParameter("property", new CodeType("parent"));
    Parameters answer = ok(postParameters("/fhir/CodeSystem/$lookup", body), Parameters.class);
    assertThat(answer.getParameter("display").getValue().primitiveValue())
        .isEqualTo("Enterostomy not working mechanically, including narrowing");
    assertThat(property(answer, "parent")).containsExactly("K94.1");
  }

  @Test
  void lookupOfWhatIsNotHereIsNotFoundAndSaysWhat() {
    assertThat(refused(call(lookup(CPT, "99999")), 404, "not-found").getDiagnostics())
        .contains("'99999'")
        .contains(CPT);
    assertThat(
            refused(call(lookup("http://example.org/CodeSystem/none", "1")), 404, "not-found")
                .getDiagnostics())
        .contains("code system 'http://example.org/CodeSystem/none' is not on this server");
    assertThat(
            refused(call(lookup(CPT, "44405", "version", "1999.1.0")), 404, "not-found")
                .getDiagnostics())
        .contains("'" + VERSION + "' only, not '1999.1.0'");
    // HCPCS under the spelling some claims use: the message names the one held.
    assertThat(
            refused(
                    call(
                        lookup("http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets", "G0500")),
                    404,
                    "not-found")
                .getDiagnostics())
        .contains("https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets");
  }

  @Test
  void lookupWithoutSystemOrCodeIsABadRequest() {
    refused(call(query("/fhir/CodeSystem/$lookup", "code", "44405")), 400, "invalid");
    refused(call(query("/fhir/CodeSystem/$lookup", "system", CPT)), 400, "invalid");
    refused(call(lookup(CPT, "44405", "date", "2020-01-01")), 400, "not-supported");
    refused(call(lookup(CPT, "44405", "displayLanguage", "fr")), 400, "not-supported");
    assertThat(parameters(lookup(CPT, "44405", "displayLanguage", "en-GB")).getParameter("display"))
        .isNotNull();
  }

  @Test
  void subsumesAnswersFromTheIcdHierarchy() {
    assertThat(outcome(subsumes(ICD10, "K94.0", "K94.03"))).isEqualTo("subsumes");
    assertThat(outcome(subsumes(ICD10, "K94", "K94.03"))).isEqualTo("subsumes");
    assertThat(outcome(subsumes(ICD10, "K94.03", "K94"))).isEqualTo("subsumed-by");
    assertThat(outcome(subsumes(ICD10, "K56.6", "K56.699"))).isEqualTo("subsumes");
    assertThat(outcome(subsumes(ICD10, "K94.0", "K94.13"))).isEqualTo("not-subsumed");
    assertThat(outcome(subsumes(ICD10, "K94.03", "K56.699"))).isEqualTo("not-subsumed");
    // HAPI alone says not-subsumed for a code and itself.
    assertThat(outcome(subsumes(ICD10, "K94.03", "K94.03"))).isEqualTo("equivalent");
  }

  @Test
  void subsumesByCodingsInAParametersBody() {
    Parameters body = new Parameters();
    body.addParameter().setName("codingA").setValue(new Coding(ICD10, "K94.1", null));
    body.addParameter().setName("codingB").setValue(new Coding(ICD10, "K94.19", null));
    Parameters answer = ok(postParameters("/fhir/CodeSystem/$subsumes", body), Parameters.class);
    assertThat(answer.getParameter("outcome").getValue().primitiveValue()).isEqualTo("subsumes");
  }

  @Test
  void subsumesRefusesWhatItCannotAnswerWithAClearClientError() {
    var flat = refused(call(subsumes(CPT, "44388", "44405")), 422, "not-supported");
    assertThat(flat.getDiagnostics()).contains("has no hierarchy").contains(ICD10);
    refused(call(subsumes("http://example.org/CodeSystem/none", "a", "b")), 404, "not-found");
    assertThat(refused(call(subsumes(ICD10, "K94.03", "X99.9")), 404, "not-found").getDiagnostics())
        .contains("'X99.9'");
    refused(
        call(query("/fhir/CodeSystem/$subsumes", "codeA", "K94", "codeB", "K94.0")),
        400,
        "invalid");
    refused(
        call(query("/fhir/CodeSystem/$subsumes", "system", ICD10, "codeA", "K94")), 400, "invalid");

    Parameters acrossSystems = new Parameters();
    acrossSystems.addParameter().setName("codingA").setValue(new Coding(ICD10, "K94", null));
    acrossSystems.addParameter().setName("codingB").setValue(new Coding(CPT, "44405", null));
    refused(postParameters("/fhir/CodeSystem/$subsumes", acrossSystems), 400, "invalid");
  }

  @Test
  void everyPropertyRequestedTogetherComesBackTogether() {
    Parameters answer =
        parameters(
            lookup(
                ICD10,
                "K56.69",
                "property",
                "parent",
                "property",
                "child",
                "property",
                "kind",
                "property",
                "definition"));
    assertThat(property(answer, "parent")).containsExactly("K56.6");
    assertThat(property(answer, "child"))
        .containsExactlyElementsOf(List.of("K56.690", "K56.691", "K56.699"));
    assertThat(property(answer, "kind")).containsExactly("category");
    assertThat(property(answer, "definition")).hasSize(1);
  }
}
