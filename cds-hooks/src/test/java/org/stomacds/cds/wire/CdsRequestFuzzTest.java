package org.stomacds.cds.wire;

import ca.uhn.fhir.context.FhirContext;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Set;

class CdsRequestFuzzTest {

  private static final CdsRequestReader READER =
      new CdsRequestReader(new CdsJson(FhirContext.forR4Cached()));

  @FuzzTest(maxDuration = "20s")
  void readsAnyBytesOrRefusesWithACdsError(byte[] body) {
    try {
      READER.read(body, Set.of("patient", "encounter"));
    } catch (CdsException expected) {
      // the documented refusal
    }
  }
}
