package org.stomacds.server.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class FhirEncodingTest {

  private static final String CLAIM_WITH_CONTAINED_PATIENT =
      "{\"resourceType\":\"Claim\",\"id\":\"c1\",\"contained\":[{\"resourceType\":\"Patient\","
          + "\"id\":\"p1\",\"name\":[{\"family\":\"Doe\"}]}],\"status\":\"active\","
          + "\"patient\":{\"reference\":\"#p1\"},\"provider\":{\"reference\":\"Practitioner/d1\"}}";

  private final FhirContext context =
      (FhirContext) new FhirEncoding().postProcessAfterInitialization(FhirContext.forR4(), "fhir");

  @Test
  void theContextNoLongerSearchesReferencesForTargetsToContain() {
    assertThat(context.getParserOptions().isAutoContainReferenceTargetsWithNoId()).isFalse();
    Object other = new Object();
    assertThat(new FhirEncoding().postProcessAfterInitialization(other, "other")).isSameAs(other);
  }

  @Test
  void aResourceReadFromJsonEncodesToTheSameJsonContainedResourcesIncluded() {
    FhirContext defaults = FhirContext.forR4();
    Claim claim = context.newJsonParser().parseResource(Claim.class, CLAIM_WITH_CONTAINED_PATIENT);

    String ours = context.newJsonParser().encodeResourceToString(claim);

    assertThat(ours)
        .isEqualTo(
            defaults
                .newJsonParser()
                .encodeResourceToString(
                    defaults
                        .newJsonParser()
                        .parseResource(Claim.class, CLAIM_WITH_CONTAINED_PATIENT)))
        .contains("\"contained\":[{\"resourceType\":\"Patient\",\"id\":\"p1\"")
        .contains("\"patient\":{\"reference\":\"#p1\"}");
  }

  @Test
  void aReferenceToAnInMemoryResourceWithoutAnIdIsNoLongerContained() {
    // What the option gives up, and why nothing here needs it: no code of ours builds a reference
    // to an in-memory resource (references are strings), so this shape never reaches an encoder.
    Claim claim = new Claim();
    claim.setPatient(new Reference(new Patient().addName(new org.hl7.fhir.r4.model.HumanName())));

    assertThat(context.newJsonParser().encodeResourceToString(claim)).doesNotContain("contained");
    assertThat(FhirContext.forR4().newJsonParser().encodeResourceToString(claim))
        .contains("contained");
  }
}
