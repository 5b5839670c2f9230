package org.stomacds.server.cds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.stomacds.server.support.SharedApplication;

/** Reading and checking the cards of a CDS Hooks answer, by rule id (never by position). */
final class Cards {

  static final String RULE_SYSTEM = "https://stomacds.org/fhir/CodeSystem/rule";
  static final String OVERRIDE_REASON_SYSTEM =
      "https://stomacds.org/fhir/CodeSystem/override-reason";
  static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private Cards() {}

  /** The rule id of each card, in answer order. */
  static List<String> ruleIds(JsonNode response) {
    List<String> ids = new ArrayList<>();
    response
        .path("cards")
        .forEach(c -> ids.add(c.path("source").path("topic").path("code").asText()));
    return ids;
  }

  /** The one card of this rule. */
  static JsonNode card(JsonNode response, String ruleId) {
    List<JsonNode> found = new ArrayList<>();
    response
        .path("cards")
        .forEach(
            c -> {
              if (ruleId.equals(c.path("source").path("topic").path("code").asText())) {
                found.add(c);
              }
            });
    assertThat(found).as("cards of rule %s in %s", ruleId, ruleIds(response)).hasSize(1);
    return found.get(0);
  }

  /** The one action of the card's recommended suggestion whose resource is of this type. */
  static JsonNode recommendedAction(JsonNode card, String type, String resourceType) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode suggestion : card.path("suggestions")) {
      if (!suggestion.path("isRecommended").asBoolean()) {
        continue;
      }
      for (JsonNode action : suggestion.path("actions")) {
        if (type.equals(action.path("type").asText())
            && resourceType.equals(action.path("resource").path("resourceType").asText())) {
          found.add(action);
        }
      }
    }
    assertThat(found)
        .as("recommended %s of a %s on %s", type, resourceType, card.path("summary"))
        .hasSize(1);
    return found.get(0);
  }

  /**
   * What CDS Hooks 2.0 and our README promise of every card: a uuid, a summary under 140
   * characters, a Markdown detail naming the policy source and the rule, an indicator that is never
   * critical for billing, a source whose topic is the rule, override reasons, links, and
   * suggestions a client can apply (or none, and then no selection behaviour).
   */
  static void assertWellFormed(JsonNode response) {
    Set<String> uuids = new java.util.HashSet<>();
    for (JsonNode card : response.path("cards")) {
      String rule = card.path("source").path("topic").path("code").asText();
      String what = "card of rule " + rule;
      assertThat(card.path("uuid").asText()).as(what).matches(UUID);
      assertThat(uuids.add(card.path("uuid").asText())).as(what + ": uuid unique").isTrue();
      assertThat(card.path("summary").asText()).as(what).isNotBlank().hasSizeLessThan(140);
      assertThat(card.path("indicator").asText()).as(what).isIn("info", "warning");
      assertThat(card.path("source").path("label").asText()).as(what).contains("rule pack");
      assertThat(card.path("source").path("url").asText())
          .as(what)
          .isEqualTo(SharedApplication.baseUrl() + "/rules/" + rule);
      assertThat(card.path("source").path("topic").path("system").asText())
          .as(what)
          .isEqualTo(RULE_SYSTEM);
      // The rule's page first; then the public documents, each named by its title.
      assertThat(card.path("links").path(0).path("url").asText())
          .as(what)
          .isEqualTo(card.path("source").path("url").asText());
      assertThat(rule).as(what).isNotBlank();
      assertThat(card.path("detail").asText())
          .as(what)
          .contains("**Policy sources:**")
          .contains("Rule " + rule + ", rule pack ")
          .doesNotContain("<script", "<div");
      assertThat(card.path("overrideReasons")).as(what).isNotEmpty();
      card.path("overrideReasons")
          .forEach(
              r -> {
                assertThat(r.path("system").asText()).isEqualTo(OVERRIDE_REASON_SYSTEM);
                assertThat(r.path("code").asText()).isNotBlank();
                assertThat(r.path("display").asText()).isNotBlank();
              });
      assertThat(card.path("links")).as(what).isNotEmpty();
      card.path("links")
          .forEach(
              l -> {
                assertThat(l.path("label").asText()).isNotBlank();
                assertThat(l.path("url").asText()).startsWith("http");
                assertThat(l.path("type").asText()).isEqualTo("absolute");
              });
      if (card.has("suggestions")) {
        assertThat(card.path("selectionBehavior").asText()).as(what).isEqualTo("any");
        assertThat(card.path("suggestions")).as(what).isNotEmpty();
        for (JsonNode suggestion : card.path("suggestions")) {
          assertThat(suggestion.path("uuid").asText()).as(what).matches(UUID);
          assertThat(suggestion.path("label").asText()).as(what).isNotBlank();
          assertThat(suggestion.path("isRecommended").isBoolean()).as(what).isTrue();
          assertThat(suggestion.path("actions")).as(what).isNotEmpty();
          for (JsonNode action : suggestion.path("actions")) {
            assertThat(action.path("type").asText()).as(what).isIn("create", "update", "delete");
            assertThat(action.path("description").asText()).as(what).isNotBlank();
            assertThat(action.path("resource").path("resourceType").asText()).as(what).isNotBlank();
          }
        }
      } else {
        assertThat(card.has("selectionBehavior")).as(what).isFalse();
      }
    }
  }
}
