package org.stomacds.server.cds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.stomacds.server.support.SharedApplication;

/**
 * Our prefetch templates as the clients integrators use fill them, against HAPI (our own {@code
 * /fhir}), and the hooks answered with what those clients send:
 *
 * <ul>
 *   <li>(a) a client that fills every token;
 *   <li>(b) one that also joins a repeated query parameter into one comma-separated value;
 *   <li>(c) the public CDS Hooks sandbox: it fills only {@code {{context.patientId}}} and the user,
 *       leaves other tokens as they are, joins repeated parameters with commas, percent-encodes
 *       each value, sorts the parameters, and leaves out every key whose query failed.
 * </ul>
 *
 * Each hook must give the same cards with the sandbox's prefetch as with a full one: what the
 * sandbox could not fetch, the service reads from {@code fhirServer} itself.
 */
class ClientPrefetchIT extends SharedApplication {

  private static final Pattern TOKEN = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.]+)\\s*}}");

  /** How a client fills a template. */
  private enum Client {
    FILLS_TOKENS,
    JOINS_REPEATED_PARAMETERS,
    SANDBOX
  }

  /** The templates each service publishes in discovery, by service id. */
  private static Map<String, Map<String, String>> discovery() {
    Answer answer = get("/cds-services");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    Map<String, Map<String, String>> templates = new LinkedHashMap<>();
    for (JsonNode service : answer.json().path("services")) {
      Map<String, String> prefetch = new LinkedHashMap<>();
      service
          .path("prefetch")
          .fields()
          .forEachRemaining(e -> prefetch.put(e.getKey(), e.getValue().asText()));
      templates.put(service.path("id").asText(), prefetch);
    }
    assertThat(templates).hasSize(3);
    return templates;
  }

  /** The query a client sends for a template, relative to the FHIR base. */
  private static String fill(String template, JsonNode context, Client client) {
    Matcher token = TOKEN.matcher(template);
    StringBuilder out = new StringBuilder();
    while (token.find()) {
      String name = token.group(1);
      boolean known =
          client != Client.SANDBOX
              || name.equals("context.patientId")
              || name.equals("context.userId");
      String value =
          known && name.startsWith("context.")
              ? context.path(name.substring("context.".length())).asText(null)
              : null;
      token.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : token.group()));
    }
    token.appendTail(out);
    String filled = out.toString();
    int query = filled.indexOf('?');
    if (client == Client.FILLS_TOKENS || query < 0) {
      return filled;
    }
    // Repeated parameters joined with commas, each value percent-encoded, names sorted (the
    // sandbox's query-string library).
    Map<String, List<String>> params = new TreeMap<>();
    for (String param : filled.substring(query + 1).split("&")) {
      int eq = param.indexOf('=');
      params
          .computeIfAbsent(param.substring(0, eq), k -> new ArrayList<>())
          .add(param.substring(eq + 1));
    }
    List<String> joined = new ArrayList<>();
    params.forEach(
        (name, values) ->
            joined.add(
                name
                    + "="
                    + URLEncoder.encode(String.join(",", values), StandardCharsets.UTF_8)
                        .replace("+", "%20")));
    return filled.substring(0, query + 1) + String.join("&", joined);
  }

  /** The prefetch a client sends: each key it could fetch; a failed query is left out. */
  private static ObjectNode prefetch(
      Map<String, String> templates, JsonNode context, Client client) {
    ObjectNode prefetch = json().createObjectNode();
    templates.forEach(
        (key, template) -> {
          Answer answer = get("/fhir/" + fill(template, context, client));
          assertThat(answer.status()).as(key + ": " + answer.body()).isLessThan(500);
          if (answer.status() == 200) {
            prefetch.set(key, answer.json());
          }
        });
    return prefetch;
  }

  /** The hook's answer with this prefetch (and fhirServer, for what it lacks). */
  private static JsonNode call(String path, ObjectNode request, ObjectNode prefetch) {
    ObjectNode body = request.deepCopy();
    body.put("hookInstance", CaseFiles.newHookInstance());
    body.set("prefetch", prefetch);
    Answer answer = post(path, body.toString());
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    Cards.assertWellFormed(answer.json());
    return answer.json();
  }

  /** The cards as a reader sees them: rule, indicator, text, and what each suggestion does. */
  private static List<String> seen(JsonNode response) {
    List<String> cards = new ArrayList<>();
    for (JsonNode card : response.path("cards")) {
      StringBuilder s = new StringBuilder();
      s.append(card.path("source").path("topic").path("code").asText())
          .append(" [")
          .append(card.path("indicator").asText())
          .append("] ")
          .append(card.path("summary").asText())
          .append('\n')
          // The checklist names its own card's uuid (the assessment id): new with every call.
          .append(card.path("detail").asText().replaceAll(Cards.UUID.pattern(), "<uuid>"));
      for (JsonNode suggestion : card.path("suggestions")) {
        s.append("\n  suggestion: ").append(suggestion.path("label").asText());
        for (JsonNode action : suggestion.path("actions")) {
          s.append(" / ")
              .append(action.path("type").asText())
              .append(' ')
              .append(action.path("resource").path("resourceType").asText());
        }
      }
      cards.add(s.toString());
    }
    cards.sort(null);
    cards.add("systemActions: " + response.path("systemActions").size());
    return cards;
  }

  private static ObjectNode orderSign(String c) {
    ObjectNode body = OrderHooksIT.orderSign(c, fhirBase());
    body.remove("prefetch");
    return body;
  }

  private static ObjectNode orderSelect(String c) {
    ObjectNode body = orderSign(c);
    body.put("hook", "order-select");
    ((ObjectNode) body.get("context"))
        .set("selections", json().createArrayNode().add("ServiceRequest/" + c + "-dilation"));
    return body;
  }

  private static ObjectNode discharge(String c) {
    ObjectNode body = DischargeHookIT.discharge(c);
    body.remove("prefetch");
    return body;
  }

  @Test
  void hapiAnswersEveryTemplateAsAClientThatFillsTokensOrJoinsRepeatedParametersSendsIt() {
    String order = CaseFiles.newCaseId("pfo");
    OrderHooksIT.storeOrderCase(order);
    String visit = CaseFiles.newCaseId("pfd");
    DischargeHookIT.storeFlawedCase(visit);
    Map<String, JsonNode> contexts =
        Map.of(
            "cpt-44405-order-select", orderSelect(order).get("context"),
            "cpt-44405-order-sign", orderSign(order).get("context"),
            "cpt-44405-encounter-discharge", discharge(visit).get("context"));

    discovery()
        .forEach(
            (service, templates) ->
                templates.forEach(
                    (key, template) -> {
                      for (Client client :
                          List.of(Client.FILLS_TOKENS, Client.JOINS_REPEATED_PARAMETERS)) {
                        String query = fill(template, contexts.get(service), client);
                        Answer answer = get("/fhir/" + query);
                        assertThat(answer.status())
                            .as(
                                service
                                    + " "
                                    + key
                                    + " "
                                    + client
                                    + ": "
                                    + query
                                    + " -> "
                                    + answer.body())
                            .isEqualTo(200);
                        assertThat(answer.json().path("resourceType").asText())
                            .isEqualTo(template.contains("?") ? "Bundle" : template.split("/")[0]);
                      }
                    }));

    // The control: the template we used to publish, joined the sandbox's way, is what HAPI
    // refused (HAPI-0441), so the check above can fail.
    Answer old =
        get(
            "/fhir/"
                + fill(
                    "Encounter?_id={{context.encounterId}}&_include=Encounter:location"
                        + "&_include=Encounter:service-provider",
                    discharge(visit).get("context"),
                    Client.JOINS_REPEATED_PARAMETERS));
    assertThat(old.status()).isEqualTo(400);
    assertThat(old.body()).contains("HAPI-0441");
  }

  /**
   * A token the sandbox does not know stays in the query: HAPI refuses it or finds nothing, and
   * says in the Bundle's self link what it searched for, which is how the service tells such an
   * answer from a real "none".
   */
  @Test
  void hapiAnswersAnUnfilledTokenWithoutFailingAndShowsItInTheSelfLink() {
    String visit = CaseFiles.newCaseId("pfu");
    DischargeHookIT.storeFlawedCase(visit);
    JsonNode context = discharge(visit).get("context");
    int unfilled = 0;
    for (Map.Entry<String, String> e :
        discovery().get("cpt-44405-encounter-discharge").entrySet()) {
      if (!e.getValue().contains("context.encounterId")) {
        continue;
      }
      unfilled++;
      Answer answer = get("/fhir/" + fill(e.getValue(), context, Client.SANDBOX));
      assertThat(answer.status()).as(e.getKey() + ": " + answer.body()).isLessThan(500);
      if (answer.status() == 200) {
        String self = "";
        for (JsonNode link : answer.json().path("link")) {
          if (link.path("relation").asText().equals("self")) {
            self = link.path("url").asText();
          }
        }
        assertThat(self.replace("%7B", "{").replace("%7b", "{"))
            .as(e.getKey() + " self link")
            .contains("{{");
        assertThat(answer.json().path("entry")).as(e.getKey()).isEmpty();
      }
    }
    assertThat(unfilled).isPositive();
  }

  @Test
  void orderSignGivesTheSameCardsWithTheSandboxsPrefetchAsWithAFullOne() {
    String c = CaseFiles.newCaseId("pfs");
    OrderHooksIT.storeOrderCase(c);
    ObjectNode request = orderSign(c);
    Map<String, String> templates = discovery().get("cpt-44405-order-sign");

    JsonNode full =
        call(
            OrderHooksIT.SIGN,
            request,
            prefetch(templates, request.get("context"), Client.FILLS_TOKENS));
    JsonNode sandbox =
        call(
            OrderHooksIT.SIGN,
            request,
            prefetch(templates, request.get("context"), Client.SANDBOX));

    assertThat(Cards.ruleIds(full))
        .containsExactlyInAnyOrderElementsOf(OrderHooksIT.ORDER_SIGN_RULES);
    assertThat(seen(sandbox)).isEqualTo(seen(full));
  }

  @Test
  void orderSelectGivesTheSameCardsWithTheSandboxsPrefetchAsWithAFullOne() {
    String c = CaseFiles.newCaseId("pfl");
    OrderHooksIT.storeOrderCase(c);
    ObjectNode request = orderSelect(c);
    // The sandbox has no encounter in its order-select context.
    ((ObjectNode) request.get("context")).remove("encounterId");
    Map<String, String> templates = discovery().get("cpt-44405-order-select");

    JsonNode full =
        call(
            OrderHooksIT.SELECT,
            request,
            prefetch(templates, request.get("context"), Client.FILLS_TOKENS));
    JsonNode sandbox =
        call(
            OrderHooksIT.SELECT,
            request,
            prefetch(templates, request.get("context"), Client.SANDBOX));

    assertThat(Cards.ruleIds(full))
        .containsExactlyInAnyOrder("dx-supporting-diagnosis", "payer-notification-policy");
    assertThat(seen(sandbox)).isEqualTo(seen(full));
  }

  @Test
  void encounterDischargeGivesTheSameCardsWithTheSandboxsPrefetchAsWithAFullOne() {
    String c = CaseFiles.newCaseId("pfe");
    DischargeHookIT.storeFlawedCase(c);
    ObjectNode request = discharge(c);
    Map<String, String> templates = discovery().get("cpt-44405-encounter-discharge");
    ObjectNode sandboxPrefetch = prefetch(templates, request.get("context"), Client.SANDBOX);
    // A spec-minded client sends an OperationOutcome for a key it could not fetch, rather than
    // leaving it out.
    ObjectNode withOutcomes = sandboxPrefetch.deepCopy();
    templates.forEach(
        (key, template) -> {
          Answer answer = get("/fhir/" + fill(template, request.get("context"), Client.SANDBOX));
          if (answer.status() != 200) {
            withOutcomes.set(key, answer.json());
          }
        });

    JsonNode full =
        call(
            DischargeHookIT.DISCHARGE,
            request,
            prefetch(templates, request.get("context"), Client.FILLS_TOKENS));
    JsonNode sandbox = call(DischargeHookIT.DISCHARGE, request, sandboxPrefetch);
    JsonNode outcomes = call(DischargeHookIT.DISCHARGE, request, withOutcomes);

    // The flawed case: missing balloon size, 44388 billed beside 44405, office place of service.
    assertThat(Cards.ruleIds(full)).hasSizeGreaterThanOrEqualTo(3);
    assertThat(seen(sandbox)).isEqualTo(seen(full));
    assertThat(seen(outcomes)).isEqualTo(seen(full));
    // The sandbox could not give what depends on the encounter: the service read it itself.
    templates.forEach(
        (key, template) -> {
          if (template.contains("context.encounterId") && sandboxPrefetch.has(key)) {
            assertThat(sandboxPrefetch.get(key).path("entry")).as(key).isEmpty();
          }
        });
  }
}
