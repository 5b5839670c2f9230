package org.stomacds.server.cds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stomacds.server.support.RunningServer;

/**
 * Feedback is durable: stored on one run of the application, it is counted (and still recognised as
 * a duplicate) after a restart on the same H2 database. Runs the demo profile, whose callers share
 * our store, so the hook reads the case from it with neither prefetch nor {@code fhirServer}.
 */
@Tag(RunningServer.OWN_SERVERS)
class FeedbackSurvivesRestartIT {

  private static final String SIGN = "/cds-services/cpt-44405-order-sign";
  private static final String FEEDBACK = SIGN + "/feedback";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataDir;

  private Map<String, String> demoOn(Path dataDir) {
    Map<String, String> settings = new HashMap<>(RunningServer.h2(dataDir));
    settings.put("spring.profiles.active", "demo");
    return settings;
  }

  @Test
  void keepsFeedbackAcrossARestart() {
    String c = CaseFiles.newCaseId("restart");
    String feedback;
    JsonNode countsBefore;
    try (RunningServer server = RunningServer.start(demoOn(dataDir))) {
      Bundle stored =
          server
              .fhirClient()
              .transaction()
              .withBundle(CaseFiles.bundle("order-case.json", Map.of("case", c)))
              .execute();
      assertThat(stored.getEntry()).isNotEmpty();
      ObjectNode request =
          CaseFiles.request(
              "order-sign-epic.json",
              Map.of(
                  "case",
                  c,
                  "fhirServer",
                  "https://not-used.example.org/fhir",
                  "token",
                  "not-used",
                  "hookInstance",
                  CaseFiles.newHookInstance()));
      request.remove("fhirServer");
      request.remove("fhirAuthorization");

      JsonNode response = json(server.postJson(SIGN, request.toString()), 200);

      // Coverage, payer and the order's reason are only in the store: the demo read it.
      assertThat(Cards.ruleIds(response))
          .containsExactlyInAnyOrderElementsOf(OrderHooksIT.ORDER_SIGN_RULES);
      JsonNode abn = Cards.card(response, "dx-medicare-abn");
      JsonNode site = Cards.card(response, "order-site-of-service");
      feedback =
          "{\"feedback\": ["
              + "{\"card\": \""
              + abn.path("uuid").asText()
              + "\", \"outcome\": \"overridden\", \"outcomeTimestamp\": \"2024-08-06T10:07:00-04:00\","
              + " \"overrideReason\": {\"reason\": {\"system\": \""
              + Cards.OVERRIDE_REASON_SYSTEM
              + "\", \"code\": \"payer-exception\"}}},"
              + "{\"card\": \""
              + site.path("uuid").asText()
              + "\", \"outcome\": \"overridden\", \"outcomeTimestamp\": \"2024-08-06T10:07:02-04:00\"}"
              + "]}";
      JsonNode receipt = json(server.postJson(FEEDBACK, feedback), 200);
      assertThat(receipt.path("stored").asInt()).isEqualTo(2);
      countsBefore = json(server.get(FEEDBACK), 200);
      assertThat(rule(countsBefore, "dx-medicare-abn").path("overridden").asInt()).isEqualTo(1);
      assertThat(
              rule(countsBefore, "dx-medicare-abn")
                  .path("overrideReasons")
                  .get(0)
                  .path("code")
                  .asText())
          .isEqualTo("payer-exception");
      assertThat(rule(countsBefore, "order-site-of-service").path("overridden").asInt())
          .isEqualTo(1);
      assertThat(rule(countsBefore, "order-site-of-service").path("issued").asInt()).isEqualTo(1);
    }

    try (RunningServer server = RunningServer.start(demoOn(dataDir))) {
      assertThat(json(server.get(FEEDBACK), 200)).isEqualTo(countsBefore);

      JsonNode again = json(server.postJson(FEEDBACK, feedback), 200);

      assertThat(again.path("stored").asInt()).isZero();
      assertThat(again.path("duplicates").asInt()).isEqualTo(2);
      assertThat(json(server.get(FEEDBACK), 200)).isEqualTo(countsBefore);
    }
  }

  private static JsonNode rule(JsonNode summary, String ruleId) {
    for (JsonNode rule : summary.path("rules")) {
      if (ruleId.equals(rule.path("ruleId").asText())) {
        return rule;
      }
    }
    throw new AssertionError("no counts for " + ruleId + " in " + summary);
  }

  private static JsonNode json(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
