package org.stomacds.casedata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaseQueriesTest {

  @Test
  void dropsResultShapingParametersSoAPrefetchTemplateMatchesTheAssemblersSearch() {
    assertThat(CaseQueries.normalize("Coverage?patient=p1&_include=Coverage:payor&_count=50"))
        .isEqualTo(CaseQueries.coverageOfPatient("p1"));
  }

  @Test
  void turnsASearchByIdAloneIntoTheReadItIs() {
    assertThat(CaseQueries.normalize("Encounter?_id=e1&_include=Encounter:location"))
        .isEqualTo("Encounter/e1");
  }

  @Test
  void dropsTheVersionAndLeadingSlashOfARead() {
    assertThat(CaseQueries.normalize("/Patient/p1/_history/3")).isEqualTo("Patient/p1");
  }

  @Test
  void readsRelativeAbsoluteAndVersionedReferencesButNotContainedOrUrnOnes() {
    assertThat(References.relative("https://ehr.example.org/fhir/Patient/123"))
        .contains("Patient/123");
    assertThat(References.relative("Patient/123/_history/2")).contains("Patient/123");
    assertThat(References.relative("#contained")).isEmpty();
    assertThat(References.relative("urn:uuid:0b5e1c4a-4f0e-4b7a-9d4e-000000000000")).isEmpty();
  }
}
