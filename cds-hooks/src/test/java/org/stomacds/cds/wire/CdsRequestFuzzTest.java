package org.stomacds.cds.wire;

import ca.uhn.fhir.context.FhirContext;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Set;

/**
 * Reading a hook request from arbitrary bytes: the reader's only way to refuse is a {@link
 * CdsException} (a 4xx with a message); anything else it throws would be a 500, so it is a finding.
 *
 * <p>Regression mode (the default build) replays the inputs under {@code
 * CdsRequestFuzzTestInputs/}: valid requests as seeds and every finding kept as a regression case;
 * {@code JAZZER_FUZZ=1} fuzzes (see README.md).
 */
class CdsRequestFuzzTest {

  private static final CdsRequestReader READER =
      new CdsRequestReader(new CdsJson(FhirContext.forR4Cached()));
  private static final Set<String> PREFETCH_KEYS =
      Set.of(
          "patient",
          "encounter",
          "coverage",
          "conditions",
          "procedures",
          "claims",
          "documents",
          "priorProcedures");

  @FuzzTest(maxDuration = "30s")
  @DictionaryEntries({
    "\"hook\"",
    "\"hookInstance\"",
    "\"context\"",
    "\"prefetch\"",
    "\"fhirServer\"",
    "\"fhirAuthorization\"",
    "\"access_token\"",
    "\"token_type\"",
    "\"patientId\"",
    "\"encounterId\"",
    "\"userId\"",
    "\"draftOrders\"",
    "\"selections\"",
    "\"resourceType\"",
    "\"Bundle\"",
    "\"entry\"",
    "\"resource\"",
    "\"fullUrl\"",
    "\"ServiceRequest\"",
    "\"OperationOutcome\"",
    "\"searchset\"",
    "\"https://ehr.example.org/fhir\"",
    "null"
  })
  void readsAnyBytesOrRefusesWithACdsError(byte[] body) {
    try {
      READER.read(body, PREFETCH_KEYS).prefetch().values(); // the prefetch is read when asked
    } catch (CdsException expected) {
      // the documented refusal: a 4xx with a message
    }
  }
}
