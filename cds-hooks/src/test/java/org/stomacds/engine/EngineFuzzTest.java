package org.stomacds.engine;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.stomacds.engine.rules.Stage;

/**
 * Fact extraction and rule evaluation on whatever a parser makes of arbitrary bytes: the engine
 * promises never to throw for bad clinical data, so any exception it throws is a finding. Bytes the
 * FHIR parser itself refuses are not the engine's business and end the run early.
 *
 * <p>Regression mode (the default build) replays the inputs under {@code EngineFuzzTestInputs/};
 * {@code JAZZER_FUZZ=1} fuzzes (see README.md).
 */
class EngineFuzzTest {

  private static final FhirContext FHIR = FhirContext.forR4Cached();

  @FuzzTest(maxDuration = "30s")
  @DictionaryEntries({
    "\"resourceType\"",
    "\"Procedure\"",
    "\"Claim\"",
    "\"Bundle\"",
    "\"ServiceRequest\"",
    "\"Encounter\"",
    "\"Coverage\"",
    "\"DocumentReference\"",
    "\"44405\"",
    "\"44388\"",
    "\"http://www.ama-assn.org/go/cpt\"",
    "\"http://hl7.org/fhir/sid/icd-10-cm\"",
    "\"K94.03\"",
    "\"modifier\"",
    "\"quantity\"",
    "\"note\"",
    "\"text\"",
    "\"balloon\"",
    "\"mm\"",
    "\"inflations\"",
    "\"reference\"",
    "\"Patient/hp1\"",
    "\"entry\"",
    "\"resource\"",
    "\"item\"",
    "\"productOrService\"",
    "\"coding\"",
    "\"system\"",
    "\"code\"",
    "\"status\""
  })
  void evaluatesAnyParsedResourceWithoutThrowing(byte[] bytes) {
    List<Resource> resources = parse(bytes);
    if (resources.isEmpty()) {
      return;
    }
    Engines.standard()
        .evaluate(new EvaluationRequest(resources, EnumSet.allOf(Stage.class), Set.of()));
  }

  private static List<Resource> parse(byte[] bytes) {
    IBaseResource parsed;
    try {
      IParser parser = FHIR.newJsonParser().setParserErrorHandler(new LenientErrorHandler(false));
      parsed = parser.parseResource(new ByteArrayInputStream(bytes));
    } catch (RuntimeException notFhir) {
      return List.of(); // the parser's refusal, not the engine's
    }
    List<Resource> resources = new ArrayList<>();
    if (parsed instanceof Bundle bundle) {
      for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
        if (entry.getResource() != null) {
          resources.add(entry.getResource());
        }
      }
    } else if (parsed instanceof Resource resource) {
      resources.add(resource);
    }
    return resources;
  }
}
