package org.stomacds.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP calls on a FHIR base with an access token: loading data, prefetch, polling. */
public final class Fhir {

  public static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String token;

  Fhir(String base, String token) {
    this.base = base;
    this.token = token;
  }

  String base() {
    return base;
  }

  /** One answer; the time is from just before sending to the last byte received. */
  public record Answer(int status, String body, double millis) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON (" + status + ")", e);
      }
    }
  }

  public Answer transaction(JsonNode bundle) {
    return send(request("").POST(HttpRequest.BodyPublishers.ofString(bundle.toString())));
  }

  public Answer put(String reference, JsonNode resource) {
    return send(
        request("/" + reference).PUT(HttpRequest.BodyPublishers.ofString(resource.toString())));
  }

  public Answer get(String relative) {
    return send(request("/" + relative).GET());
  }

  /** Loads a transaction bundle; fails loudly when the server refuses it. */
  public void load(JsonNode bundle, String what) {
    Answer answer = transaction(bundle);
    if (answer.status() != 200) {
      throw new IllegalStateException(
          "the FHIR server refused " + what + ": HTTP " + answer.status() + " " + excerpt(answer));
    }
  }

  /**
   * A read or search as an EHR fills a prefetch key: a search answers one searchset Bundle with
   * every page's entries (up to {@code limit}), a read the resource, a 404 {@code null}.
   */
  JsonNode prefetch(String query, int limit) {
    Answer first = get(query);
    if (first.status() == 404 || first.status() == 410) {
      return null;
    }
    if (first.status() != 200) {
      throw new IllegalStateException("prefetch " + query + ": HTTP " + first.status());
    }
    JsonNode page = first.json();
    if (!"Bundle".equals(page.path("resourceType").asText())) {
      return page;
    }
    ObjectNode bundle = ((ObjectNode) page).deepCopy();
    ArrayNode entries = bundle.withArray("entry");
    String next = nextLink(page);
    while (next != null && entries.size() < limit) {
      Answer more = send(authorized(HttpRequest.newBuilder(URI.create(next))).GET());
      if (more.status() != 200) {
        throw new IllegalStateException("prefetch paging " + query + ": HTTP " + more.status());
      }
      JsonNode p = more.json();
      p.path("entry").forEach(entries::add);
      next = nextLink(p);
    }
    bundle.remove("link");
    if (entries.isEmpty()) {
      bundle.remove("entry");
    }
    return bundle;
  }

  private static String nextLink(JsonNode page) {
    for (JsonNode link : page.path("link")) {
      if ("next".equals(link.path("relation").asText())) {
        return link.path("url").asText();
      }
    }
    return null;
  }

  public static String excerpt(Answer answer) {
    String b = answer.body() == null ? "" : answer.body();
    return b.length() > 400 ? b.substring(0, 400) + "…" : b;
  }

  private HttpRequest.Builder request(String path) {
    return authorized(HttpRequest.newBuilder(URI.create(base + path)))
        .header("Content-Type", "application/fhir+json")
        .header("Accept", "application/fhir+json");
  }

  private HttpRequest.Builder authorized(HttpRequest.Builder builder) {
    return token == null ? builder : builder.header("Authorization", "Bearer " + token);
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      long start = System.nanoTime();
      HttpResponse<String> response =
          http.send(
              request.timeout(Duration.ofSeconds(120)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(), (System.nanoTime() - start) / 1e6);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
