package org.stomacds.server.cds;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.stomacds.server.support.SharedApplication;

/**
 * A client's FHIR server, as small as a test needs: the JDK's HTTP server on a loopback port,
 * answering reads and searches from canned resources, and recording every call with its {@code
 * Authorization} header. Unknown reads answer 404, unknown searches an empty searchset, and chosen
 * lookups can be made to fail.
 */
final class CannedFhirServer implements AutoCloseable {

  static final String BASE_PATH = "/api/FHIR/R4";

  /** One request received: the lookup relative to the base, and its Authorization header. */
  record Call(String method, String lookup, String authorization) {}

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(4);
  private final Map<String, Resource> reads = new ConcurrentHashMap<>();
  private final Map<String, List<Resource>> searches = new ConcurrentHashMap<>();
  private final Map<String, Integer> failures = new ConcurrentHashMap<>();
  final List<Call> calls = new CopyOnWriteArrayList<>();

  private CannedFhirServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(BASE_PATH + "/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  static CannedFhirServer start() {
    return new CannedFhirServer();
  }

  /** The FHIR base a hook request names as {@code fhirServer}. */
  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + BASE_PATH;
  }

  /** Makes a resource readable by its {@code Type/id}. */
  CannedFhirServer resource(Resource resource) {
    reads.put(resource.fhirType() + "/" + resource.getIdElement().getIdPart(), resource);
    return this;
  }

  /** The answer to one search, exactly as it is asked ({@code Coverage?patient=x}). */
  CannedFhirServer search(String query, Resource... matches) {
    searches.put(query, List.of(matches));
    return this;
  }

  /** Makes a read or search answer this HTTP status with an OperationOutcome. */
  CannedFhirServer failing(String lookup, int status) {
    failures.put(lookup, status);
    return this;
  }

  List<String> lookups() {
    return calls.stream().map(Call::lookup).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath().substring(BASE_PATH.length() + 1);
      String query = exchange.getRequestURI().getQuery();
      String lookup = query == null ? path : path + "?" + query;
      calls.add(
          new Call(
              exchange.getRequestMethod(),
              lookup,
              exchange.getRequestHeaders().getFirst("Authorization")));
      Integer failure = failures.get(lookup);
      if (failure != null) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setDiagnostics("down");
        answer(exchange, failure, outcome);
      } else if (query != null) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        List<Resource> matches = searches.getOrDefault(lookup, List.of());
        matches.forEach(
            r ->
                bundle.addEntry().setResource(r).getSearch().setMode(Bundle.SearchEntryMode.MATCH));
        bundle.setTotal(matches.size());
        answer(exchange, 200, bundle);
      } else if (reads.containsKey(path)) {
        answer(exchange, 200, reads.get(path));
      } else {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setDiagnostics("gone");
        answer(exchange, 404, outcome);
      }
    }
  }

  private static void answer(HttpExchange exchange, int status, Resource body) throws IOException {
    byte[] json =
        SharedApplication.fhirContext()
            .newJsonParser()
            .encodeResourceToString(body)
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/fhir+json");
    exchange.sendResponseHeaders(status, json.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(json);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
