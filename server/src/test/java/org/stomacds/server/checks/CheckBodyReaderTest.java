package org.stomacds.server.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

class CheckBodyReaderTest {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private final CheckBodyReader reader = new CheckBodyReader(FHIR);

  private CheckBodyReader.Body read(Resource body, String type) {
    byte[] json =
        FHIR.newJsonParser().encodeResourceToString(body).getBytes(StandardCharsets.UTF_8);
    return reader.read(json, "application/fhir+json", type);
  }

  @Test
  void bundleEntriesLinkedByUrnUuidBecomeTypeAndId() {
    Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    Procedure procedure = new Procedure();
    bundle
        .addEntry()
        .setFullUrl("urn:uuid:6f1b1d2e-0c1a-4b7e-9a43-1d2f3e4a5b6c")
        .setResource(procedure);
    Claim claim = new Claim();
    claim
        .addProcedure()
        .setProcedure(new Reference("urn:uuid:6f1b1d2e-0c1a-4b7e-9a43-1d2f3e4a5b6c"));
    bundle
        .addEntry()
        .setFullUrl("urn:uuid:0a0b0c0d-0000-4000-8000-000000000001")
        .setResource(claim);

    CheckBodyReader.Body body = read(bundle, "Claim");
    assertThat(body.resources()).hasSize(2);
    Claim read = (Claim) body.focus().iterator().next();
    assertThat(read.getIdElement().getValue())
        .isEqualTo("Claim/0a0b0c0d-0000-4000-8000-000000000001");
    assertThat(read.getProcedureFirstRep().getProcedureReference().getReference())
        .isEqualTo("Procedure/6f1b1d2e-0c1a-4b7e-9a43-1d2f3e4a5b6c");
  }

  @Test
  void aResourceWithoutIdGetsOne() {
    CheckBodyReader.Body body = read(new Claim(), "Claim");
    assertThat(body.focus().iterator().next().getIdElement().getIdPart()).startsWith("unsaved-");
  }

  @Test
  void aValueOfTheWrongKindIsA400SayingWhere() {
    assertThatThrownBy(
            () ->
                reader.read(
                    "{\"resourceType\":\"Claim\",\"created\":\"soon\"}"
                        .getBytes(StandardCharsets.UTF_8),
                    "application/fhir+json",
                    "Claim"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("created")
        .hasMessageContaining("soon");
  }

  @Test
  void aTruncatedBodyIsA400WithoutJavaNoise() {
    assertThatThrownBy(
            () ->
                reader.read(
                    "{\"resourceType\": \"Claim\", ".getBytes(StandardCharsets.UTF_8),
                    null,
                    "Claim"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("not a valid FHIR resource")
        .hasMessageNotContaining("Exception")
        .hasMessageNotContaining("[Source");
  }

  @Test
  void xmlIsReadToo() {
    String xml =
        "<Claim xmlns=\"http://hl7.org/fhir\"><id value=\"c9\"/><status value=\"active\"/></Claim>";
    CheckBodyReader.Body body =
        reader.read(xml.getBytes(StandardCharsets.UTF_8), "application/fhir+xml", "Claim");
    assertThat(body.focus().iterator().next().getIdElement().getValue()).isEqualTo("Claim/c9");
  }
}
