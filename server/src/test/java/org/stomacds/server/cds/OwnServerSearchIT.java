package org.stomacds.server.cds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.stomacds.cds.prefetch.OwnFhirServer;
import org.stomacds.server.support.SharedApplication;
import org.stomacds.server.support.TestTokens;

/**
 * What a hook reads from our own {@code /fhir} when it names it as {@code fhirServer} and did not
 * prefetch: every match of a search, across pages, without HAPI storing the search for paging (a
 * database write per search, on what is otherwise a read-only call).
 */
class OwnServerSearchIT extends SharedApplication {

  private static final String TOKEN = TestTokens.accessToken("system/*.read");

  @Autowired private OwnFhirServer own;

  @Test
  void readsEveryMatchAcrossPagesWithoutStoringASearch() {
    String patient = CaseFiles.newCaseId("paged");
    int encounters = 230; // more than one page of the largest page size (200)
    Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    Patient p = new Patient();
    p.setId(patient);
    transaction
        .addEntry()
        .setResource(p)
        .getRequest()
        .setMethod(Bundle.HTTPVerb.PUT)
        .setUrl("Patient/" + patient);
    for (int i = 0; i < encounters; i++) {
      Encounter e = new Encounter();
      e.setStatus(Encounter.EncounterStatus.FINISHED);
      e.setSubject(new Reference("Patient/" + patient));
      transaction
          .addEntry()
          .setResource(e)
          .getRequest()
          .setMethod(Bundle.HTTPVerb.POST)
          .setUrl("Encounter");
    }
    fhirClient().transaction().withBundle(transaction).execute();
    int storedBefore = storedSearches();

    List<Resource> found = own.asCaller(TOKEN).search("Encounter?patient=Patient/" + patient);

    assertThat(found).hasSize(encounters);
    assertThat(found.stream().map(r -> r.getIdElement().getIdPart()).distinct())
        .hasSize(encounters);
    assertThat(storedSearches()).isEqualTo(storedBefore);
  }

  @Test
  void readsASmallSearchInOnePageWithoutStoringIt() {
    String patient = CaseFiles.newCaseId("small");
    Patient p = new Patient();
    p.setId(patient);
    fhirClient().update().resource(p).execute();
    int storedBefore = storedSearches();

    List<Resource> found = own.asCaller(TOKEN).search("Patient?_id=" + patient);

    assertThat(found).extracting(r -> r.getIdElement().getIdPart()).containsExactly(patient);
    assertThat(storedSearches()).isEqualTo(storedBefore);
  }

  private int storedSearches() {
    return jdbc().queryForObject("select count(*) from HFJ_SEARCH", Integer.class);
  }
}
