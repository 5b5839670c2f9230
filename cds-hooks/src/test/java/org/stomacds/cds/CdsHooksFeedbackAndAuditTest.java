package org.stomacds.cds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.stomacds.cds.security.CdsCaller;

@ExtendWith(OutputCaptureExtension.class)
class CdsHooksFeedbackAndAuditTest {

  private static final String DISCHARGE = "/cds-services/cpt-44405-encounter-discharge";

  private final CdsHooksHarness app = new CdsHooksHarness(false, false);
  private final ObjectMapper mapper = new ObjectMapper();

  @AfterEach
  void close() {
    app.close();
  }

  /** One issued card: its uuid and its suggestions' uuids. */
  private record IssuedCard(String uuid, List<String> suggestions) {}

  /** Calls discharge with two findings and returns the cards by rule id. */
  private Map<String, IssuedCard> issue() throws Exception {
    app.engine.returning(
        r ->
            List.of(
                TestFindings.bundledBaseCode("Claim/c1"),
                TestFindings.missingBalloonDiameter("Procedure/proc1")));
    String body =
        app.mvc
            .perform(
                post(DISCHARGE)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(Requests.discharge(Requests.claim()).toString()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    Map<String, IssuedCard> byRule = new java.util.HashMap<>();
    for (JsonNode card : mapper.readTree(body).get("cards")) {
      List<String> suggestions = new java.util.ArrayList<>();
      card.path("suggestions").forEach(x -> suggestions.add(x.get("uuid").asText()));
      byRule.put(
          card.at("/source/topic/code").asText(),
          new IssuedCard(card.get("uuid").asText(), suggestions));
    }
    return byRule;
  }

  /** Card uuid by rule id. */
  private Map<String, String> issueCards() throws Exception {
    Map<String, String> byRule = new java.util.HashMap<>();
    issue().forEach((rule, card) -> byRule.put(rule, card.uuid()));
    return byRule;
  }

  private ResultActions feedback(String service, String body) throws Exception {
    return app.mvc.perform(
        post("/cds-services/" + service + "/feedback")
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  private ResultActions discharge(String body) throws Exception {
    return feedback("cpt-44405-encounter-discharge", body);
  }

  private static String accepted(IssuedCard card, String time) {
    return "{\"feedback\":[{\"card\":\""
        + card.uuid()
        + "\",\"outcome\":\"accepted\",\"acceptedSuggestions\":[{\"id\":\""
        + card.suggestions().get(0)
        + "\"}],\"outcomeTimestamp\":\""
        + time
        + "\"}]}";
  }

  private static String accepted(String card) {
    return "{\"feedback\":[{\"card\":\""
        + card
        + "\",\"outcome\":\"accepted\","
        + "\"acceptedSuggestions\":[{\"id\":\"s1\"}],\"outcomeTimestamp\":\"2024-09-02T10:00:00Z\"}]}";
  }

  private static String overridden(String card, String reason, String time) {
    return "{\"feedback\":[{\"card\":\""
        + card
        + "\",\"outcome\":\"overridden\","
        + "\"overrideReason\":{\"reason\":{\"system\":\"https://stomacds.org/fhir/CodeSystem/override-reason\","
        + "\"code\":\""
        + reason
        + "\"},\"userComment\":\"seen by the coder\"},"
        + "\"outcomeTimestamp\":\""
        + time
        + "\"}]}";
  }

  private int feedbackRows() {
    return app.jdbc.queryForObject(
        "SELECT COUNT(*) FROM \"stomacds\".card_feedback", Integer.class);
  }

  private ResultActions summary() throws Exception {
    return app.mvc
        .perform(get("/cds-services/cpt-44405-encounter-discharge/feedback"))
        .andExpect(status().isOk());
  }

  @Test
  void storesTheSameFeedbackOnceAndCountsItPerRule() throws Exception {
    Map<String, IssuedCard> cards = issue();
    IssuedCard bundling = cards.get("ncci-44405-44388");
    String doc = cards.get("doc-balloon-diameter").uuid();

    discharge(accepted(bundling, "2024-09-02T10:00:00Z"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.stored").value(1));
    discharge(accepted(bundling, "2024-09-02T10:00:00Z"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.stored").value(0))
        .andExpect(jsonPath("$.replaced").value(0))
        .andExpect(jsonPath("$.duplicates").value(1));
    discharge(overridden(doc, "documented-elsewhere", "2024-09-02T10:01:00Z"))
        .andExpect(status().isOk());

    summary()
        .andExpect(jsonPath("$.serviceId").value("cpt-44405-encounter-discharge"))
        .andExpect(jsonPath("$.rules[?(@.ruleId=='ncci-44405-44388')].issued").value(1))
        .andExpect(jsonPath("$.rules[?(@.ruleId=='ncci-44405-44388')].accepted").value(1))
        .andExpect(jsonPath("$.rules[?(@.ruleId=='ncci-44405-44388')].overridden").value(0))
        .andExpect(jsonPath("$.rules[?(@.ruleId=='doc-balloon-diameter')].overridden").value(1));
    List<String> comments =
        app.jdbc.queryForList(
            "SELECT override_reason_code FROM \"stomacds\".card_feedback", String.class);
    assertThat(comments).doesNotContain("seen by the coder");
  }

  @Test
  void aLaterFeedbackOnACardReplacesTheEarlierOneAndTheCardCountsOnce() throws Exception {
    Map<String, IssuedCard> cards = issue();
    IssuedCard doc = cards.get("doc-balloon-diameter");

    discharge(overridden(doc.uuid(), "documented-elsewhere", "2024-09-02T10:01:00Z"))
        .andExpect(jsonPath("$.stored").value(1));
    discharge(overridden(doc.uuid(), "will-fix-later", "2024-09-02T10:02:00Z"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.stored").value(0))
        .andExpect(jsonPath("$.replaced").value(1));

    summary()
        .andExpect(jsonPath("$.rules[?(@.ruleId=='doc-balloon-diameter')].overridden").value(1))
        .andExpect(
            jsonPath("$.rules[?(@.ruleId=='doc-balloon-diameter')].overrideReasons.length()")
                .value(1))
        .andExpect(
            jsonPath("$.rules[?(@.ruleId=='doc-balloon-diameter')].overrideReasons[0].code")
                .value("will-fix-later"));

    // The user changes their mind and takes the suggestion: the card is now counted as accepted.
    discharge(accepted(doc, "2024-09-02T10:05:00Z")).andExpect(jsonPath("$.replaced").value(1));

    summary()
        .andExpect(jsonPath("$.rules[?(@.ruleId=='doc-balloon-diameter')].accepted").value(1))
        .andExpect(jsonPath("$.rules[?(@.ruleId=='doc-balloon-diameter')].overridden").value(0));
    assertThat(feedbackRows()).isEqualTo(1);
  }

  @Test
  void keepsTheLaterFeedbackWhenAnOlderOneArrivesAfterIt() throws Exception {
    String doc = issue().get("doc-balloon-diameter").uuid();

    discharge(overridden(doc, "will-fix-later", "2024-09-02T10:02:00Z"));
    discharge(overridden(doc, "documented-elsewhere", "2024-09-02T10:01:00Z"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.replaced").value(0))
        .andExpect(jsonPath("$.duplicates").value(1));

    assertThat(
            app.jdbc.queryForList(
                "SELECT override_reason_code FROM \"stomacds\".card_feedback", String.class))
        .containsExactly("will-fix-later");
  }

  @Test
  void refusesAnAcceptedOutcomeWithoutAcceptedSuggestionsNamingTheField() throws Exception {
    String card = issueCards().get("ncci-44405-44388");
    String missing =
        "{\"feedback\":[{\"card\":\""
            + card
            + "\",\"outcome\":\"accepted\",\"outcomeTimestamp\":\"2024-09-02T10:00:00Z\"}]}";
    String empty = missing.replace("\"outcome\"", "\"acceptedSuggestions\":[],\"outcome\"");

    for (String body : List.of(missing, empty)) {
      discharge(body)
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.error").value("invalid-feedback"))
          .andExpect(jsonPath("$.message", containsString("feedback[0].acceptedSuggestions")));
    }
    assertThat(feedbackRows()).isZero();
  }

  @Test
  void refusesFieldsThatContradictTheOutcome() throws Exception {
    IssuedCard card = issue().get("ncci-44405-44388");
    String acceptedWithReason =
        accepted(card, "2024-09-02T10:00:00Z")
            .replace(
                "\"outcome\":\"accepted\"",
                "\"outcome\":\"accepted\",\"overrideReason\":{\"userComment\":\"x\"}");
    String overriddenWithSuggestions =
        accepted(card, "2024-09-02T10:00:00Z").replace("\"accepted\"", "\"overridden\"");

    discharge(acceptedWithReason)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.message", containsString("feedback[0].overrideReason")));
    discharge(overriddenWithSuggestions)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.message", containsString("feedback[0].acceptedSuggestions")));
    assertThat(feedbackRows()).isZero();
  }

  @Test
  void takesAnOverriddenOutcomeWithOrWithoutAReason() throws Exception {
    String card = issueCards().get("ncci-44405-44388");

    discharge(
            "{\"feedback\":[{\"card\":\""
                + card
                + "\",\"outcome\":\"overridden\",\"outcomeTimestamp\":\"2024-09-02T10:00:00Z\"}]}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.stored").value(1));
  }

  @Test
  void refusesASuggestionTheCardNeverHadAndStoresNothingOfThatBody() throws Exception {
    Map<String, IssuedCard> cards = issue();
    IssuedCard bundling = cards.get("ncci-44405-44388");
    IssuedCard doc = cards.get("doc-balloon-diameter");
    // A real suggestion, but of another card.
    String body =
        accepted(bundling, "2024-09-02T10:00:00Z")
            .replace(bundling.suggestions().get(0), doc.suggestions().get(0));

    discharge(body)
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.error").value("unknown-suggestion"))
        .andExpect(jsonPath("$.message", containsString("feedback[0].acceptedSuggestions[0].id")));
    assertThat(feedbackRows()).isZero();
  }

  @Test
  void checksNoSuggestionOfACardIssuedBeforeSuggestionsWereRecorded() throws Exception {
    String card = issueCards().get("ncci-44405-44388");
    app.jdbc.update(
        "UPDATE \"stomacds\".card_issuance SET suggestion_uuids = NULL WHERE card_uuid = ?", card);

    discharge(accepted(card)).andExpect(status().isOk()).andExpect(jsonPath("$.stored").value(1));
  }

  @Test
  void refusesFeedbackOnACardItNeverIssuedAndStoresNothingOfThatBody() throws Exception {
    IssuedCard known = issue().get("ncci-44405-44388");
    String body =
        "{\"feedback\":["
            + "{\"card\":\""
            + known.uuid()
            + "\",\"outcome\":\"overridden\","
            + "\"outcomeTimestamp\":\"2024-09-02T10:00:00Z\"},"
            + "{\"card\":\"00000000-0000-4000-8000-000000000000\",\"outcome\":\"overridden\","
            + "\"outcomeTimestamp\":\"2024-09-02T10:00:00Z\"}]}";

    discharge(body)
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.error").value("unknown-card"))
        .andExpect(jsonPath("$.message", containsString("feedback[1].card")));
    assertThat(feedbackRows()).isZero();
  }

  @Test
  void refusesFeedbackSentToAnotherServiceThanTheOneThatIssuedTheCard() throws Exception {
    IssuedCard card = issue().get("ncci-44405-44388");

    feedback("cpt-44405-order-sign", accepted(card, "2024-09-02T10:00:00Z"))
        .andExpect(status().isUnprocessableEntity());
  }

  @Test
  void refusesFeedbackWithAnUnknownOutcome() throws Exception {
    discharge(accepted("x").replace("accepted", "ignored"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(
            jsonPath("$.message").value("feedback[0].outcome must be 'accepted' or 'overridden'"));
  }

  @Test
  void recordsEachInvocationWithIdsRulesAndTimingButNoContent() throws Exception {
    Map<String, String> cards = issueCards();
    app.mvc
        .perform(post(DISCHARGE).contentType(MediaType.APPLICATION_JSON).content("{broken"))
        .andExpect(status().isBadRequest());

    List<Map<String, Object>> rows =
        app.jdbc.queryForList("SELECT * FROM \"stomacds\".invocation_audit ORDER BY id");
    assertThat(rows).hasSize(2);
    Map<String, Object> ok = rows.get(0);
    assertThat(ok.get("HOOK_INSTANCE")).isEqualTo("5d3c2b1a-0000-4000-8000-00000000d15c");
    assertThat(ok.get("SERVICE_ID")).isEqualTo("cpt-44405-encounter-discharge");
    assertThat(ok.get("HOOK")).isEqualTo("encounter-discharge");
    assertThat(ok.get("STATUS")).isEqualTo(200);
    assertThat((String) ok.get("RULE_IDS")).contains("ncci-44405-44388", "doc-balloon-diameter");
    assertThat((String) ok.get("CARD_UUIDS")).contains(cards.values());
    assertThat(ok.get("PACK_VERSION")).isEqualTo(TestFindings.PACK);
    assertThat(ok.get("DURATION_MS")).isNotNull();
    Map<String, Object> failed = rows.get(1);
    assertThat(failed.get("STATUS")).isEqualTo(400);
    assertThat(failed.get("ERROR_CODE")).isEqualTo("invalid-json");
    for (Map<String, Object> row : rows) {
      assertThat(row.values().toString())
          .doesNotContain(Requests.PATIENT_NAME, "resourceType", Requests.TOKEN);
    }
  }

  @Test
  void recordsAndLogsWhoCalledAnAbsentSubAsAbsent(CapturedOutput output) throws Exception {
    app.engine.returning(r -> List.of(TestFindings.bundledBaseCode("Claim/c1")));
    String request = Requests.discharge(Requests.claim()).toString();
    app.mvc
        .perform(
            post(DISCHARGE)
                .requestAttr(
                    CdsCaller.ATTRIBUTE, new CdsCaller("https://ehr.example.org", "epic-1", "h-7"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(request))
        .andExpect(status().isOk());
    app.mvc
        .perform(
            post(DISCHARGE)
                .requestAttr(
                    CdsCaller.ATTRIBUTE, new CdsCaller("https://sandbox.cds-hooks.org", null, null))
                .contentType(MediaType.APPLICATION_JSON)
                .content(request))
        .andExpect(status().isOk());
    app.mvc
        .perform(post(DISCHARGE).contentType(MediaType.APPLICATION_JSON).content(request))
        .andExpect(status().isOk());

    List<Map<String, Object>> rows =
        app.jdbc.queryForList(
            "SELECT caller_issuer, caller_subject, caller_tenant"
                + " FROM \"stomacds\".invocation_audit ORDER BY id");
    assertThat(rows)
        .extracting(
            r -> r.get("CALLER_ISSUER"), r -> r.get("CALLER_SUBJECT"), r -> r.get("CALLER_TENANT"))
        .containsExactly(
            tuple("https://ehr.example.org", "epic-1", "h-7"),
            tuple("https://sandbox.cds-hooks.org", null, null),
            tuple(null, null, null));
    assertThat(output.getAll())
        .contains("caller=[iss=https://ehr.example.org sub=epic-1 tenant=h-7]")
        .contains("caller=[iss=https://sandbox.cds-hooks.org sub=(absent) tenant=(none)]")
        .contains("caller=[not authenticated]");
  }
}
