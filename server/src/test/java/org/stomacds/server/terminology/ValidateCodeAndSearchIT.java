package org.stomacds.server.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.UriType;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.Test;

/**
 * {@code $validate-code} checking displays, on both types and both levels, and CodeSystem and
 * ValueSet search by {@code url} and {@code version}.
 */
class ValidateCodeAndSearchIT extends TerminologyCalls {

  private static final String K94_03_DISPLAY =
      "Colostomy not working mechanically, including narrowing";

  /** The four ways a client asks whether K94.03 with this display is right. */
  private static List<String> k9403Checks(String display) {
    return List.of(
        query(
            "/fhir/CodeSystem/$validate-code", "url", ICD10, "code", "K94.03", "display", display),
        query(
            "/fhir/CodeSystem/icd-10-cm-subset/$validate-code",
            "code",
            "K94.03",
            "display",
            display),
        query(
            "/fhir/ValueSet/$validate-code",
            "url",
            SUPPORTING,
            "system",
            ICD10,
            "code",
            "K94.03",
            "display",
            display),
        query(
            "/fhir/ValueSet/cpt-44405-supporting-diagnoses/$validate-code",
            "system",
            ICD10,
            "code",
            "K94.03",
            "display",
            display));
  }

  @Test
  void aWrongDisplayIsAWarningThatGivesTheCorrectDisplay() {
    for (String path : k9403Checks("Colostomy stenosis")) {
      Parameters answer = parameters(path);
      // The code is valid; our displays are our own words, so another wording is a warning.
      assertThat(answer.getParameterBool("result")).as(path).isTrue();
      assertThat(answer.getParameter("message").getValue().primitiveValue())
          .as(path)
          .contains("Colostomy stenosis")
          .contains(K94_03_DISPLAY);
      assertThat(answer.getParameter("display").getValue().primitiveValue())
          .isEqualTo(K94_03_DISPLAY);
    }
  }

  @Test
  void theRightDisplayValidatesWithoutAMessage() {
    for (String path : k9403Checks(K94_03_DISPLAY)) {
      Parameters answer = parameters(path);
      assertThat(answer.getParameterBool("result")).as(path).isTrue();
      assertThat(answer.getParameter("message")).as(path).isNull();
    }
  }

  @Test
  void aCodingInAParametersBodyIsCheckedTheSameWay() {
    Parameters body = new Parameters();
    body.addParameter("url", new UriType(SUPPORTING));
    body.addParameter().setName("coding").setValue(new Coding(ICD10, "K94.03", "Wrong words"));
    Parameters answer = ok(postParameters("/fhir/ValueSet/$validate-code", body), Parameters.class);
    assertThat(answer.getParameterBool("result")).isTrue();
    assertThat(answer.getParameter("message").getValue().primitiveValue()).contains(K94_03_DISPLAY);
  }

  @Test
  void aCategoryIsACodeOfTheSystemButInNoValueSet() {
    assertThat(
            parameters(query("/fhir/CodeSystem/$validate-code", "url", ICD10, "code", "K94.0"))
                .getParameterBool("result"))
        .isTrue();
    assertThat(
            parameters(
                    query(
                        "/fhir/ValueSet/$validate-code",
                        "url",
                        SUPPORTING,
                        "system",
                        ICD10,
                        "code",
                        "K94.0"))
                .getParameterBool("result"))
        .isFalse();
  }

  @Test
  void aCodeWeDoNotCarryIsInvalidButAnUnknownValueSetOrSystemIsNotFound() {
    assertThat(
            parameters(query("/fhir/CodeSystem/$validate-code", "url", CPT, "code", "99999"))
                .getParameterBool("result"))
        .isFalse();
    refused(
        call(
            query(
                "/fhir/ValueSet/$validate-code",
                "url",
                "https://example.org/ValueSet/none",
                "system",
                ICD10,
                "code",
                "K94.03")),
        404,
        "not-found");
    refused(
        call(
            query(
                "/fhir/CodeSystem/$validate-code",
                "url",
                "http://example.org/CodeSystem/none",
                "code",
                "1")),
        404,
        "not-found");
    refused(
        call(
            query(
                "/fhir/ValueSet/$validate-code",
                "url",
                SUPPORTING,
                "system",
                ICD10,
                "code",
                "K94.03",
                "date",
                "2020-01-01")),
        400,
        "not-supported");
  }

  @Test
  void searchByUrlReturnsExactlyThatCodeSystem() {
    Bundle byUrl = ok(call(query("/fhir/CodeSystem", "url", CPT)), Bundle.class);
    assertThat(byUrl.getEntry())
        .singleElement()
        .satisfies(
            e -> {
              CodeSystem cs = (CodeSystem) e.getResource();
              assertThat(cs.getIdElement().getIdPart()).isEqualTo("cpt-subset");
              assertThat(cs.getUrl()).isEqualTo(CPT);
            });
    Bundle byUrlAndVersion =
        ok(call(query("/fhir/CodeSystem", "url", CPT, "version", VERSION)), Bundle.class);
    assertThat(byUrlAndVersion.getEntry()).hasSize(1);
    Bundle otherVersion =
        ok(call(query("/fhir/CodeSystem", "url", CPT, "version", "1999.1.0")), Bundle.class);
    assertThat(otherVersion.getEntry()).isEmpty();
  }

  @Test
  void searchByUrlAndVersionReturnsExactlyThatValueSet() {
    Bundle found =
        ok(call(query("/fhir/ValueSet", "url", SUPPORTING, "version", VERSION)), Bundle.class);
    assertThat(found.getEntry())
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.getResource().getIdElement().getIdPart())
                    .isEqualTo("cpt-44405-supporting-diagnoses"));
    assertThat(ok(call(query("/fhir/ValueSet", "url", SUPPORTING)), Bundle.class).getEntry())
        .hasSize(1);
    assertThat(
            ok(
                    call(query("/fhir/ValueSet", "url", SUPPORTING, "version", "1999.1.0")),
                    Bundle.class)
                .getEntry())
        .isEmpty();
  }

  @Test
  void searchByVersionAloneReturnsEveryResourceOfThatVersionAndNoOther() {
    Bundle valueSets =
        ok(
            call(
                query(
                    "/fhir/ValueSet",
                    "version",
                    VERSION,
                    "_count",
                    "100",
                    "_elements",
                    "url,version")),
            Bundle.class);
    assertThat(valueSets.getEntry())
        .hasSizeGreaterThanOrEqualTo(23)
        .allSatisfy(e -> assertThat(((ValueSet) e.getResource()).getVersion()).isEqualTo(VERSION));
    assertThat(valueSets.getEntry())
        .extracting(e -> ((ValueSet) e.getResource()).getUrl())
        .contains(SUPPORTING, "https://stomacds.org/fhir/ValueSet/x-modifiers");
    Bundle codeSystems =
        ok(
            call(query("/fhir/CodeSystem", "version", VERSION, "_elements", "url,version")),
            Bundle.class);
    assertThat(codeSystems.getEntry())
        .extracting(e -> ((CodeSystem) e.getResource()).getUrl())
        .contains(CPT, ICD10)
        .hasSizeGreaterThanOrEqualTo(6);
    assertThat(ok(call(query("/fhir/ValueSet", "version", "1999.1.0")), Bundle.class).getEntry())
        .isEmpty();
  }
}
