package org.stomacds.server.cds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stomacds.server.cds.Cards.card;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stomacds.server.support.SharedApplication;
import org.stomacds.server.support.TestTokens;

/**
 * Feedback on issued cards (the latest per card kept, attributed to the rule through the card,
 * counted per rule) and the audit row every invocation leaves in our own schema: ids, rules, cards,
 * timing; never the request's content.
 */
class FeedbackAndAuditIT extends SharedApplication {

  /** The one engine of the application: the audit row names the versions of its packs. */
  @org.springframework.beans.factory.annotation.Autowired
  private org.stomacds.engine.RuleEngine engine;

  static final String DISCHARGE_SERVICE = "cpt-44405-encounter-discharge";
  static final String FEEDBACK = "/cds-services/" + DISCHARGE_SERVICE + "/feedback";
  static final String REASONS = Cards.OVERRIDE_REASON_SYSTEM;
  static final String COMMENT = "The balloon size is in the nursing record";

  /** Per-rule counts as the read-back gives them: issued, accepted, overridden. */
  private static Map<String, long[]> counts() {
    Answer answer = get(FEEDBACK);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode summary = answer.json();
    assertThat(summary.path("serviceId").asText()).isEqualTo(DISCHARGE_SERVICE);
    Map<String, long[]> counts = new LinkedHashMap<>();
    summary
        .path("rules")
        .forEach(
            r ->
                counts.put(
                    r.path("ruleId").asText(),
                    new long[] {
                      r.path("issued").asLong(),
                      r.path("accepted").asLong(),
                      r.path("overridden").asLong(),
                      reasonCount(r, "documented-elsewhere")
                    }));
    return counts;
  }

  private static long reasonCount(JsonNode rule, String code) {
    for (JsonNode reason : rule.path("overrideReasons")) {
      if (REASONS.equals(reason.path("system").asText())
          && code.equals(reason.path("code").asText())) {
        return reason.path("count").asLong();
      }
    }
    return 0;
  }

  private static long[] delta(Map<String, long[]> before, Map<String, long[]> after, String rule) {
    long[] b = before.getOrDefault(rule, new long[4]);
    long[] a = after.getOrDefault(rule, new long[4]);
    return new long[] {a[0] - b[0], a[1] - b[1], a[2] - b[2], a[3] - b[3]};
  }

  /** Accepted with the card's recommended suggestion, and overridden with a reason and comment. */
  static String feedback(JsonNode accepted, JsonNode overridden) {
    ObjectNode body = json().createObjectNode();
    ArrayNode entries = body.putArray("feedback");
    ObjectNode first = entries.addObject();
    first.put("card", accepted.path("uuid").asText());
    first.put("outcome", "accepted");
    first
        .putArray("acceptedSuggestions")
        .addObject()
        .put("id", accepted.path("suggestions").get(0).path("uuid").asText());
    first.put("outcomeTimestamp", "2024-08-15T11:42:07Z");
    ObjectNode second = entries.addObject();
    second.put("card", overridden.path("uuid").asText());
    second.put("outcome", "overridden");
    ObjectNode reason = second.putObject("overrideReason");
    reason
        .putObject("reason")
        .put("system", REASONS)
        .put("code", "documented-elsewhere")
        .put("display", "Documented elsewhere in the record");
    reason.put("userComment", COMMENT);
    second.put("outcomeTimestamp", "2024-08-15T11:43:30-04:00");
    return body.toString();
  }

  @Test
  void storesFeedbackOnceAndCountsItPerRule() {
    String c = CaseFiles.newCaseId("fb");
    DischargeHookIT.storeFlawedCase(c);
    Map<String, long[]> before = counts();
    JsonNode response = DischargeHookIT.callDischarge(c);
    JsonNode ncci = card(response, "ncci-ptp-edits");
    JsonNode balloon = card(response, "doc-balloon-diameter");
    String body = feedback(ncci, balloon);

    Answer first = post(FEEDBACK, body);
    Answer again = post(FEEDBACK, body);

    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.json().path("stored").asInt()).isEqualTo(2);
    assertThat(first.json().path("duplicates").asInt()).isZero();
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(again.json().path("stored").asInt()).isZero();
    assertThat(again.json().path("duplicates").asInt()).isEqualTo(2);
    Map<String, long[]> after = counts();
    // issued, accepted, overridden, overridden as documented-elsewhere
    assertThat(delta(before, after, "ncci-ptp-edits")).containsExactly(1, 1, 0, 0);
    assertThat(delta(before, after, "doc-balloon-diameter")).containsExactly(1, 0, 1, 1);
    assertThat(delta(before, after, "pos-matches-setting")).containsExactly(1, 0, 0, 0);

    // The user's comment is not stored anywhere in our feedback table.
    List<Map<String, Object>> rows =
        jdbc()
            .queryForList(
                "SELECT * FROM \"stomacds\".card_feedback WHERE card_uuid IN (?, ?)",
                ncci.path("uuid").asText(),
                balloon.path("uuid").asText());
    assertThat(rows).hasSize(2);
    assertThat(rows.toString()).doesNotContain(COMMENT);
  }

  /**
   * A user who overrides a card, then takes its suggestion after all: the later feedback replaces
   * the earlier one, and the card is counted once, as accepted.
   */
  @Test
  void aLaterFeedbackOnACardReplacesTheEarlierOneAndTheCardCountsOnce() {
    String c = CaseFiles.newCaseId("fbr");
    DischargeHookIT.storeFlawedCase(c);
    Map<String, long[]> before = counts();
    JsonNode ncci = card(DischargeHookIT.callDischarge(c), "ncci-ptp-edits");
    String overridden =
        "{\"feedback\": [{\"card\": \""
            + ncci.path("uuid").asText()
            + "\", \"outcome\": \"overridden\", \"overrideReason\": {\"reason\": {\"system\": \""
            + REASONS
            + "\", \"code\": \"documented-elsewhere\"}}, \"outcomeTimestamp\": \"2024-08-15T11:42:07Z\"}]}";
    String accepted =
        "{\"feedback\": [{\"card\": \""
            + ncci.path("uuid").asText()
            + "\", \"outcome\": \"accepted\", \"acceptedSuggestions\": [{\"id\": \""
            + ncci.path("suggestions").get(0).path("uuid").asText()
            + "\"}], \"outcomeTimestamp\": \"2024-08-15T11:45:00Z\"}]}";

    Answer first = post(FEEDBACK, overridden);
    Map<String, long[]> afterOverride = counts();
    Answer second = post(FEEDBACK, accepted);
    Answer late = post(FEEDBACK, overridden);

    assertThat(first.json().path("stored").asInt()).as(first.body()).isEqualTo(1);
    assertThat(delta(before, afterOverride, "ncci-ptp-edits")).containsExactly(1, 0, 1, 1);
    assertThat(second.json().path("replaced").asInt()).as(second.body()).isEqualTo(1);
    // The override arriving again, older than the acceptance, changes nothing.
    assertThat(late.json().path("duplicates").asInt()).as(late.body()).isEqualTo(1);
    assertThat(delta(before, counts(), "ncci-ptp-edits")).containsExactly(1, 1, 0, 0);
  }

  @Test
  void refusesAnAcceptedFeedbackWithoutSuggestionsInACdsHooksErrorBody() {
    String c = CaseFiles.newCaseId("fbs");
    DischargeHookIT.storeFlawedCase(c);
    JsonNode ncci = card(DischargeHookIT.callDischarge(c), "ncci-ptp-edits");

    Answer answer =
        post(
            FEEDBACK,
            "{\"feedback\": [{\"card\": \""
                + ncci.path("uuid").asText()
                + "\", \"outcome\": \"accepted\", \"outcomeTimestamp\": \"2024-08-15T11:42:07Z\"}]}");

    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.json().path("error").asText()).isEqualTo("invalid-feedback");
    assertThat(answer.json().path("message").asText()).contains("feedback[0].acceptedSuggestions");
  }

  @Test
  void refusesFeedbackOnACardThisServiceNeverIssued() {
    String c = CaseFiles.newCaseId("fbo");
    OrderHooksIT.storeOrderCase(c);
    Answer sign = post(OrderHooksIT.SIGN, OrderHooksIT.orderSign(c, fhirBase()).toString());
    assertThat(sign.status()).as(sign.body()).isEqualTo(200);
    JsonNode orderCard = card(sign.json(), "dx-supporting-diagnosis");
    String body =
        "{\"feedback\": [{\"card\": \""
            + orderCard.path("uuid").asText()
            + "\", \"outcome\": \"overridden\", \"outcomeTimestamp\": \"2024-08-15T11:42:07Z\"}]}";

    Answer otherService = post(FEEDBACK, body);
    Answer unknown =
        post(FEEDBACK, body.replace(orderCard.path("uuid").asText(), CaseFiles.newHookInstance()));

    for (Answer answer : List.of(otherService, unknown)) {
      assertThat(answer.status()).as(answer.body()).isEqualTo(422);
      assertThat(answer.json().path("error").asText()).isEqualTo("unknown-card");
      assertThat(answer.json().path("message").asText())
          .contains("feedback[0].card")
          .contains(DISCHARGE_SERVICE);
    }
    Answer sameService = post("/cds-services/cpt-44405-order-sign/feedback", body);
    assertThat(sameService.status()).as(sameService.body()).isEqualTo(200);
    assertThat(sameService.json().path("stored").asInt()).isEqualTo(1);
  }

  @Test
  void auditsEveryInvocationWithRulesAndCardsButNeverTheRequest() {
    String c = CaseFiles.newCaseId("aud");
    DischargeHookIT.storeFlawedCase(c);
    ObjectNode request = DischargeHookIT.discharge(c);
    String hookInstance = request.path("hookInstance").asText();
    String jwt =
        TestTokens.ehr()
            .sign(
                TestTokens.cdsHooksClaims(baseUrl() + DischargeHookIT.DISCHARGE)
                    .withTenant("hospital-7"));
    Answer answer =
        post(DischargeHookIT.DISCHARGE, request.toString(), "Authorization", "Bearer " + jwt);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    List<String> ruleIds = Cards.ruleIds(answer.json());
    List<String> cardUuids = new ArrayList<>();
    answer.json().path("cards").forEach(card -> cardUuids.add(card.path("uuid").asText()));

    Map<String, String> row = auditRow(hookInstance);

    assertThat(row.keySet())
        .containsExactlyInAnyOrder(
            "id",
            "caller_issuer",
            "caller_subject",
            "caller_tenant",
            "hook_instance",
            "service_id",
            "hook",
            "status",
            "error_code",
            "rule_ids",
            "card_uuids",
            "pack_version",
            "started_at",
            "duration_ms");
    // Who called, from the verified token; the token itself is never stored.
    assertThat(row.get("caller_issuer")).isEqualTo(TestTokens.EHR);
    assertThat(row.get("caller_subject")).isEqualTo(TestTokens.EHR_CLIENT);
    assertThat(row.get("caller_tenant")).isEqualTo("hospital-7");
    assertThat(row.get("service_id")).isEqualTo(DISCHARGE_SERVICE);
    assertThat(row.get("hook")).isEqualTo("encounter-discharge");
    assertThat(row.get("status")).isEqualTo("200");
    assertThat(row.get("error_code")).isNull();
    assertThat(List.of(row.get("rule_ids").split(","))).containsExactlyElementsOf(ruleIds);
    assertThat(List.of(row.get("card_uuids").split(","))).containsExactlyElementsOf(cardUuids);
    assertThat(row.get("pack_version")).isEqualTo(engine.packVersion());
    assertThat(engine.packVersion()).contains("cpt-44405 2024.07.1").contains("cpt-45386");
    assertThat(Long.parseLong(row.get("duration_ms"))).isNotNegative();
    assertThat(row.toString())
        .doesNotContain("Bellweather")
        .doesNotContain(c + "-pat")
        .doesNotContain(DischargeHookIT.TOKEN)
        .doesNotContain(jwt.substring(jwt.lastIndexOf('.') + 1))
        .doesNotContain("stricture");
  }

  @Test
  void auditsRefusedInvocationsWithTheirErrorCode() {
    ObjectNode wrongHook = OrderHooksIT.orderSign(CaseFiles.newCaseId("audw"), fhirBase());
    wrongHook.put("hook", "order-select");
    ObjectNode unavailable = OrderHooksIT.orderSign(CaseFiles.newCaseId("audu"), fhirBase());
    unavailable.remove("fhirServer");
    unavailable.remove("prefetch");

    assertThat(post(OrderHooksIT.SIGN, wrongHook.toString()).status()).isEqualTo(422);
    assertThat(post(OrderHooksIT.SIGN, unavailable.toString()).status()).isEqualTo(412);

    Map<String, String> refused = auditRow(wrongHook.path("hookInstance").asText());
    assertThat(refused.get("status")).isEqualTo("422");
    assertThat(refused.get("error_code")).isEqualTo("wrong-hook");
    assertThat(refused.get("hook")).isEqualTo("order-select");
    assertThat(refused.get("rule_ids")).isNull();
    Map<String, String> failed = auditRow(unavailable.path("hookInstance").asText());
    assertThat(failed.get("status")).isEqualTo("412");
    assertThat(failed.get("error_code")).isEqualTo("prefetch-unavailable");
    assertThat(failed.get("service_id")).isEqualTo("cpt-44405-order-sign");
    assertThat(failed.get("pack_version")).isNull();
  }

  /** The one audit row of a hook instance, every column as text, names in lower case. */
  private Map<String, String> auditRow(String hookInstance) {
    List<Map<String, String>> rows =
        jdbc()
            .query(
                "SELECT * FROM \"stomacds\".invocation_audit WHERE hook_instance = ?",
                (rs, n) -> {
                  ResultSetMetaData meta = rs.getMetaData();
                  Map<String, String> row = new LinkedHashMap<>();
                  for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getString(i));
                  }
                  return row;
                },
                hookInstance);
    assertThat(rows).as("audit rows of " + hookInstance).hasSize(1);
    return rows.get(0);
  }
}
