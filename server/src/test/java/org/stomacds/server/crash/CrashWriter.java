package org.stomacds.server.crash;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.stomacds.server.cds.CaseFiles;
import org.stomacds.server.support.TestTokens;

/**
 * One writer of a crash test: every kind of write the application stores, in turn, until the server
 * dies or the test stops it. A Procedure and a Claim (each evaluated by the write checks), a
 * transaction, and a whole encounter written as a transaction then called through the
 * encounter-discharge hook (audit and card issuance rows) with feedback on one of its cards. Each
 * answer the server acknowledges goes into the {@link Ledger}.
 */
final class CrashWriter implements Runnable {

  static final String DISCHARGE = "/cds-services/cpt-44405-encounter-discharge";
  static final String ORDER_SIGN = "/cds-services/cpt-44405-order-sign";

  static final int WRITES_PER_PATIENT = 10;

  /**
   * A load-balanced writer's pause between calls: a steady trickle (at most two calls a second per
   * writer), enough for calls to be in flight at the kill and throughout the restarts, while a
   * replica starting on the same two cores is not slowed by a load the test does not need.
   */
  static final long THINK_MS = 500;

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String base;
  private final String run;
  private final AtomicInteger sequence;
  private final AtomicBoolean stop;
  private final Ledger ledger;
  private final CallJournal journal;
  private final String orderCase;

  CrashWriter(String base, String run, AtomicInteger sequence, AtomicBoolean stop, Ledger ledger) {
    this(base, run, sequence, stop, ledger, null, null);
  }

  /**
   * A writer behind a load balancer: it records every call in the journal and goes on after a
   * failed one (another replica takes the next), and it also signs orders of {@code orderCase} (a
   * case already stored) through the order-sign hook.
   */
  CrashWriter(
      String base,
      String run,
      AtomicInteger sequence,
      AtomicBoolean stop,
      Ledger ledger,
      CallJournal journal,
      String orderCase) {
    this.base = base;
    this.run = run;
    this.sequence = sequence;
    this.stop = stop;
    this.ledger = ledger;
    this.journal = journal;
    this.orderCase = orderCase;
  }

  @Override
  public void run() {
    while (!stop.get()) {
      int n = sequence.incrementAndGet();
      try {
        switch (n % (orderCase == null ? 4 : 5)) {
          case 0 -> create("Procedure", CrashResources.procedure(null, patientGroup(n)));
          case 1 -> create("Claim", CrashResources.claim(null, patientGroup(n)));
          case 2 ->
              transaction(
                  run + "-tx" + n, CrashResources.transaction(run + "-tx" + n, patientGroup(n)));
          case 3 -> encounterWithHookCall(run + "-enc" + n);
          default -> orderSign();
        }
        if (journal != null) {
          Thread.sleep(THINK_MS); // steady load, not a saturating one
        }
      } catch (IOException crashed) {
        if (journal == null) {
          return; // the server is gone: what it did not acknowledge is not promised
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void create(String type, org.hl7.fhir.r4.model.Resource resource)
      throws IOException, InterruptedException {
    HttpResponse<String> created =
        send("/fhir/" + type, FHIR.newJsonParser().encodeResourceToString(resource));
    String reference =
        created
            .headers()
            .firstValue("Location")
            .map(l -> l.replaceAll(".*/" + type + "/([^/]+)/_history/.*", type + "/$1"))
            .orElse(null);
    if (created.statusCode() == 201 && reference != null) {
      ledger.acknowledged(reference);
    }
  }

  /** A transaction of PUTs: acknowledged means every entry is stored. */
  private boolean transaction(String name, String bundle) throws IOException, InterruptedException {
    List<String> entries = new ArrayList<>();
    JSON.readTree(bundle)
        .path("entry")
        .forEach(e -> entries.add(e.path("request").path("url").asText()));
    ledger.transactionsAttempted.put(name, entries);
    HttpResponse<String> done = send("/fhir", bundle);
    if (done.statusCode() != 200) {
      return false;
    }
    ledger.transactionsAcknowledged.add(name);
    ledger.acknowledgedAll(entries);
    return true;
  }

  /** The encounter of {@code discharge-case.json}, its discharge hook call, feedback on a card. */
  private void encounterWithHookCall(String caseId) throws IOException, InterruptedException {
    String bundle =
        CaseFiles.fill(
            "discharge-case.json",
            Map.of(
                "case", caseId,
                "note", CaseFiles.text("operative-note-without-balloon-size.txt"),
                "instructions", CaseFiles.base64("discharge-instructions.txt")));
    if (!transaction(caseId, bundle)) {
      return;
    }
    String hookInstance = CaseFiles.newHookInstance();
    String request = hookRequest("encounter-discharge-request.json", caseId, base, hookInstance);
    HttpResponse<String> answered = send(DISCHARGE, request);
    if (answered.statusCode() != 200) {
      return;
    }
    JsonNode cards = JSON.readTree(answered.body()).path("cards");
    ledger.hookInstances.add(hookInstance);
    cards.forEach(card -> ledger.cards.add(card.path("uuid").asText()));
    ledger.acknowledgements.incrementAndGet();
    if (cards.isEmpty()) {
      return;
    }
    JsonNode card = cards.get(0);
    HttpResponse<String> feedback = send(DISCHARGE + "/feedback", feedback(card).toString());
    if (feedback.statusCode() == 200) {
      ledger.feedback.add(card.path("uuid").asText());
      ledger.acknowledgements.incrementAndGet();
    }
  }

  /**
   * The patient (with the practitioner and coverage) a write names: a new one every {@link
   * #WRITES_PER_PATIENT} writes, as in a real stream of claims, where a patient has a handful of
   * procedures, not thousands (each evaluation reads the patient's record). Writers running at once
   * often share a group, so they still race to create its placeholders.
   */
  private String patientGroup(int n) {
    return run + "-g" + (n / WRITES_PER_PATIENT);
  }

  /** An order-sign call for the stored order case, its prefetch filled by the EHR. */
  private void orderSign() throws IOException, InterruptedException {
    String hookInstance = CaseFiles.newHookInstance();
    String request = hookRequest("order-sign-epic.json", orderCase, base, hookInstance);
    HttpResponse<String> answered = send(ORDER_SIGN, request);
    if (answered.statusCode() == 200) {
      ledger.hookInstances.add(hookInstance);
      JSON.readTree(answered.body())
          .path("cards")
          .forEach(c -> ledger.cards.add(c.path("uuid").asText()));
      ledger.acknowledgements.incrementAndGet();
    }
  }

  /**
   * A hook request from its template: the case, our own FHIR server at {@code base} with a token
   * that reads everything, and the hook instance.
   */
  static String hookRequest(String template, String caseId, String base, String hookInstance) {
    return CaseFiles.fill(
        template,
        Map.of(
            "case",
            caseId,
            "fhirServer",
            base + "/fhir",
            "token",
            TestTokens.accessToken(TestTokens.FULL_ACCESS),
            "hookInstance",
            hookInstance));
  }

  /** A POST with a bearer token: CDS Hooks JSON to {@code /cds-services}, FHIR JSON elsewhere. */
  static HttpRequest post(String url, String bearer, String body) {
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(60))
        .header(
            "Content-Type",
            url.contains("/cds-services") ? "application/json" : "application/fhir+json")
        .header("Authorization", "Bearer " + bearer)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  /** Accepts the card's first suggestion, or overrides it with its first reason. */
  static ObjectNode feedback(JsonNode card) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode entry = body.putArray("feedback").addObject();
    entry.put("card", card.path("uuid").asText());
    entry.put("outcomeTimestamp", "2026-11-20T11:42:07Z");
    JsonNode suggestion = card.path("suggestions").path(0);
    if (!suggestion.isMissingNode()) {
      entry.put("outcome", "accepted");
      entry.putArray("acceptedSuggestions").addObject().put("id", suggestion.path("uuid").asText());
    } else {
      entry.put("outcome", "overridden");
      entry.putObject("overrideReason").set("reason", card.path("overrideReasons").path(0));
    }
    return body;
  }

  private HttpResponse<String> send(String path, String body)
      throws IOException, InterruptedException {
    String token =
        path.startsWith("/cds-services")
            ? TestTokens.cdsHooks(base + path)
            : TestTokens.accessToken(TestTokens.FULL_ACCESS);
    HttpRequest request = post(base + path, token, body);
    if (journal == null) {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
    String kind =
        path.startsWith("/fhir/") ? path.substring(6) : path.equals("/fhir") ? "transaction" : path;
    long started = System.nanoTime();
    journal.opened();
    try {
      HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      journal.record(
          new CallJournal.Call(
              kind,
              started,
              System.nanoTime(),
              answer.statusCode(),
              answer.headers().firstValue("X-Served-By").orElse("?")));
      return answer;
    } catch (IOException failed) {
      journal.record(new CallJournal.Call(kind, started, System.nanoTime(), -1, "?"));
      throw failed;
    }
  }
}
