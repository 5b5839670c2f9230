package org.stomacds.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import org.junit.jupiter.api.Test;

class PatientSubjectsTest {

  /** The choice of parameter needs no extractor. */
  private final PatientSubjects subjects = new PatientSubjects(FhirContext.forR4Cached(), null);

  @Test
  void thePrimaryPatientParameterOfEachType() {
    assertThat(subjects.primaryParameter("Claim")).hasValue("patient");
    assertThat(subjects.primaryParameter("Procedure")).hasValue("patient");
    assertThat(subjects.primaryParameter("Coverage")).hasValue("patient");
    assertThat(subjects.primaryParameter("Observation")).hasValue("patient");
    assertThat(subjects.primaryParameter("Patient")).hasValue(PatientSubjects.SELF);
  }

  @Test
  void typesNoPatientOwns() {
    assertThat(subjects.primaryParameter("Practitioner")).isEmpty();
    assertThat(subjects.primaryParameter("Organization")).isEmpty();
    assertThat(subjects.primaryParameter("Group")).isEmpty();
    assertThat(subjects.primaryParameter("Person")).isEmpty();
    assertThat(subjects.primaryParameter("NoSuchType")).isEmpty();
  }
}
