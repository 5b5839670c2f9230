package org.stomacds.server.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.stomacds.cds.service.CdsServiceCatalog;
import org.stomacds.cds.wire.CdsJson;
import org.stomacds.fixtures.cases.CaseLibrary;

/** Over the real case library, read from the fixtures jar on the class path as the app does. */
class SandboxCasesTest {

  private static final CdsServiceCatalog SERVICES =
      CdsServiceCatalog.load(new CdsJson(FhirContext.forR4Cached()));

  private final AtomicInteger reads = new AtomicInteger();
  private final SandboxCases cases =
      new SandboxCases(
          () -> {
            reads.incrementAndGet();
            return CaseLibrary.fromClasspath();
          },
          SERVICES::find);

  @Test
  void listsEveryPackagedCaseWithItsOutcomePayerAndHooks() {
    var summaries = cases.summaries();

    assertThat(summaries).hasSizeGreaterThanOrEqualTo(60);
    assertThat(summaries)
        .extracting(SandboxCase.Summary::outcome)
        .contains("pass", "info", "warn", "error");
    var balloon =
        summaries.stream()
            .filter(s -> s.name().equals("warn-missing-balloon-size"))
            .findFirst()
            .orElseThrow();
    assertThat(balloon.outcome()).isEqualTo("warn");
    assertThat(balloon.payer()).startsWith("Novitas");
    assertThat(balloon.hooks()).containsExactly("encounter-discharge");
    assertThat(balloon.description()).isNotBlank();
  }

  @Test
  void givesOneCaseWholeWithItsRequestTemplatesAndExpectations() {
    SandboxCase.Detail detail = cases.detail("warn-missing-balloon-size").orElseThrow();

    assertThat(detail.bundle().path("type").asText()).isEqualTo("transaction");
    assertThat(detail.readme()).contains("warn-missing-balloon-size");
    SandboxCase.Request request = detail.requests().get(0);
    assertThat(request.service()).isEqualTo("cpt-44405-encounter-discharge");
    assertThat(request.hook()).isEqualTo("encounter-discharge");
    assertThat(request.template()).contains("{{hookInstance}}");
    assertThat(request.expectedStatus()).isEqualTo(200);
    assertThat(request.expectedCards())
        .containsExactly(new SandboxCase.ExpectedCard("doc-balloon-diameter", "warning"));
  }

  @Test
  void saysWhenACaseNeedsAServerWhoseCallersDoNotShareItsStore() {
    assertThat(cases.detail("error-no-prefetch-no-fhir-server").orElseThrow().needsOwnStoreOff())
        .isTrue();
    assertThat(cases.detail("warn-missing-balloon-size").orElseThrow().needsOwnStoreOff())
        .isFalse();
  }

  @Test
  void readsTheLibraryOnceAndFindsNoCaseThatIsNotThere() {
    cases.summaries();
    cases.detail("warn-missing-balloon-size");

    assertThat(cases.detail("../../etc/passwd")).isEmpty();
    assertThat(reads).hasValue(1);
  }

  @Test
  void namesThePayerOrganizationACoverageNamesNotAnyOrganization() throws Exception {
    JsonNode bundle =
        new ObjectMapper()
            .readTree(
                """
                {"resourceType": "Bundle", "type": "transaction", "entry": [
                  {"resource": {"resourceType": "Organization", "id": "h", "name": "Mercy General Hospital"}},
                  {"resource": {"resourceType": "Organization", "id": "p", "name": "Aetna"}},
                  {"resource": {"resourceType": "Coverage", "id": "c", "payor": [{"reference": "Organization/p"}]}}
                ]}""");

    assertThat(SandboxCases.payerName(bundle)).isEqualTo("Aetna");
    assertThat(SandboxCases.payerName(new ObjectMapper().readTree("{\"entry\": []}"))).isNull();
  }

  @Test
  void tellsTheOutcomeFromTheNamesPrefix() {
    assertThat(SandboxCases.outcome("pass-complete-documentation")).isEqualTo("pass");
    assertThat(SandboxCases.outcome("error-unknown-service")).isEqualTo("error");
    assertThat(SandboxCases.outcome("odd")).isEqualTo("other");
  }
}
