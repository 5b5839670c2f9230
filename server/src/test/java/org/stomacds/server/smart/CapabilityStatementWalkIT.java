package org.stomacds.server.smart;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceOperationComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.ResourceInteractionComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.SystemInteractionComponent;
import org.junit.jupiter.api.Test;
import org.stomacds.server.support.SecuredApplication;
import org.stomacds.server.support.TestTokens;

/**
 * The CapabilityStatement lists only what answers: every interaction and operation it advertises,
 * on every resource type and on the server, is called once with a token that may do everything
 * ({@code system/*.*}), and none may answer 403 (refused to every caller), 405, 501, a 5xx, or
 * HAPI's "does not know how to handle". A 400 or 422 (the empty call was not what the operation
 * needs) is an answer: the interaction exists.
 */
class CapabilityStatementWalkIT extends SecuredApplication {

  private static final String EVERYTHING = "system/*.*";
  private static final String EMPTY_PARAMETERS = "{\"resourceType\":\"Parameters\"}";

  private final List<String> failures = new ArrayList<>();
  private final Map<Integer, Integer> byStatus = new TreeMap<>();
  private final String run = "w" + UUID.randomUUID().toString().substring(0, 8);

  @Test
  void everyAdvertisedInteractionAndOperationAnswers() {
    CapabilityStatement statement =
        fhirContext()
            .newJsonParser()
            .parseResource(CapabilityStatement.class, call("GET", "/fhir/metadata", null).body());
    CapabilityStatementRestComponent rest = statement.getRestFirstRep();
    int calls = 0;

    for (SystemInteractionComponent interaction : rest.getInteraction()) {
      String code = interaction.getCode().toCode();
      calls++;
      switch (code) {
        case "transaction" ->
            expectAnswer(
                code, "POST", "/fhir", "{\"resourceType\":\"Bundle\",\"type\":\"transaction\"}");
        case "batch" ->
            expectAnswer(code, "POST", "/fhir", "{\"resourceType\":\"Bundle\",\"type\":\"batch\"}");
        case "search-system" -> expectAnswer(code, "GET", "/fhir?_count=1", null);
        case "history-system" -> expectAnswer(code, "GET", "/fhir/_history?_count=1", null);
        default ->
            failures.add("system interaction " + code + ": not walked (unknown to this test)");
      }
    }
    for (CapabilityStatementRestResourceOperationComponent op : rest.getOperation()) {
      calls++;
      expectAnswer("server $" + op.getName(), "POST", "/fhir/$" + op.getName(), EMPTY_PARAMETERS);
    }
    for (CapabilityStatementRestResourceComponent resource : rest.getResource()) {
      calls += walk(resource);
    }

    System.out.printf(
        "CapabilityStatement walk: %d interactions and operations, %d calls, by status %s%n",
        calls, byStatus.values().stream().mapToInt(Integer::intValue).sum(), byStatus);
    assertThat(calls).as("the walk covered something").isGreaterThan(500);
    assertThat(failures).as("advertised but refused or unknown").isEmpty();
  }

  private int walk(CapabilityStatementRestResourceComponent resource) {
    String type = resource.getType();
    String id = run + "-" + type.toLowerCase();
    String body = "{\"resourceType\":\"" + type + "\",\"id\":\"" + id + "\"" + extra(type) + "}";
    List<String> codes =
        resource.getInteraction().stream()
            .map(ResourceInteractionComponent::getCode)
            .map(c -> c.toCode())
            .toList();
    // The instance first (an update creates it under our id), whatever else is advertised.
    HttpResponse<String> put = call("PUT", "/fhir/" + type + "/" + id, body);
    if (codes.contains("update")) {
      record("update " + type, put);
    }
    int count = 0;
    for (String code :
        List.of(
            "create",
            "read",
            "vread",
            "patch",
            "history-instance",
            "history-type",
            "search-type")) {
      if (!codes.contains(code)) {
        continue;
      }
      count++;
      String what = code + " " + type;
      switch (code) {
        case "create" ->
            expectAnswer(
                what,
                "POST",
                "/fhir/" + type,
                "{\"resourceType\":\"" + type + "\"" + extra(type) + "}");
        case "read" -> expectAnswer(what, "GET", "/fhir/" + type + "/" + id, null);
        case "vread" -> expectAnswer(what, "GET", "/fhir/" + type + "/" + id + "/_history/1", null);
        case "patch" ->
            expectAnswer(
                what,
                "PATCH",
                "/fhir/" + type + "/" + id,
                "[{\"op\":\"add\",\"path\":\"/language\",\"value\":\"en\"}]");
        case "history-instance" ->
            expectAnswer(what, "GET", "/fhir/" + type + "/" + id + "/_history", null);
        case "history-type" ->
            expectAnswer(what, "GET", "/fhir/" + type + "/_history?_count=1", null);
        default -> expectAnswer(what, "GET", "/fhir/" + type + "?_count=1", null);
      }
    }
    for (CapabilityStatementRestResourceOperationComponent op : resource.getOperation()) {
      count++;
      operation(type, id, op.getName());
    }
    if (codes.contains("delete")) {
      count++;
      expectAnswer("delete " + type, "DELETE", "/fhir/" + type + "/" + id, null);
    }
    return count + (codes.contains("update") ? 1 : 0);
  }

  /** Type level first; an operation HAPI only knows on instances is then called there. */
  private void operation(String type, String id, String name) {
    String what = type + "/$" + name;
    HttpResponse<String> onType = call("POST", "/fhir/" + type + "/$" + name, EMPTY_PARAMETERS);
    if (!unknownToHapi(onType)) {
      record(what, onType);
      return;
    }
    record(
        what + " (instance)",
        call("POST", "/fhir/" + type + "/" + id + "/$" + name, EMPTY_PARAMETERS));
  }

  /** What a bare resource of this type lacks for HAPI to store it. */
  private static String extra(String type) {
    return switch (type) {
      case "Bundle" -> ",\"type\":\"collection\"";
      case "Binary" -> ",\"contentType\":\"text/plain\"";
      default -> "";
    };
  }

  private void expectAnswer(String what, String method, String path, String body) {
    record(what, call(method, path, body));
  }

  private void record(String what, HttpResponse<String> answer) {
    int status = answer.statusCode();
    byStatus.merge(status, 1, Integer::sum);
    if (status == 403 || status == 405 || status == 501 || status >= 500 || unknownToHapi(answer)) {
      String body = answer.body();
      failures.add(
          what + ": " + status + " " + (body.length() > 300 ? body.substring(0, 300) : body));
    }
  }

  private static boolean unknownToHapi(HttpResponse<String> answer) {
    return answer.statusCode() == 400
        && (answer.body().contains("does not know how to handle")
            || answer.body().contains("Unknown operation")
            || answer.body().contains("Invalid request: The FHIR endpoint on this server"));
  }

  private static HttpResponse<String> call(String method, String path, String body) {
    HttpRequest.Builder request =
        request(path)
            .header("Authorization", "Bearer " + TestTokens.accessToken(EVERYTHING))
            .header("Accept", "application/fhir+json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header(
              "Content-Type",
              method.equals("PATCH") ? "application/json-patch+json" : "application/fhir+json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    return exchange(request.build());
  }
}
