package org.stomacds.server.crash;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stomacds.server.support.TestDatabases;
import org.stomacds.server.support.TestTokens;

/**
 * An acknowledged write survives a crash. The application runs in a JVM of its own on PostgreSQL;
 * writers stream Procedures, Claims and transaction Bundles at it, recording every write it
 * acknowledged; the JVM is killed with SIGKILL mid-stream, started again on the same database, and
 * then every acknowledged resource must be there and readable, and every transaction attempted —
 * acknowledged or cut off by the crash — must be all there or not there at all.
 */
class PostgresCrashSafetyIT {

  static final FhirContext FHIR = FhirContext.forR4Cached();
  static final String CPT = "http://www.ama-assn.org/go/cpt";
  static final int TRANSACTION_SIZE = 4;
  static final int WRITERS = 3;

  @TempDir Path dataDir;
  @TempDir Path logs;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** What the writers were told was stored, and which transactions they started. */
  private final List<String> acknowledged = new CopyOnWriteArrayList<>();

  private final Set<String> transactionsAttempted = ConcurrentHashMap.newKeySet();
  private final Set<String> transactionsAcknowledged = ConcurrentHashMap.newKeySet();

  @Test
  void everyAcknowledgedWriteSurvivesAKillDashNineAndNoTransactionIsHalfApplied() throws Exception {
    Map<String, String> database = TestDatabases.postgres();
    String run = "crash" + UUID.randomUUID().toString().substring(0, 8);
    Path log = logs.resolve("application.log");

    try (ChildServer first = ChildServer.start(database, dataDir, log)) {
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger sequence = new AtomicInteger();
      CountDownLatch enough = new CountDownLatch(60);
      List<Thread> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        Thread writer =
            new Thread(
                () -> write(first.baseUrl(), run, sequence, stop, enough), "crash-writer-" + w);
        writer.start();
        writers.add(writer);
      }
      assertThat(enough.await(3, TimeUnit.MINUTES))
          .as("60 writes acknowledged before the crash; log:\n%s", first.tail())
          .isTrue();
      first.kill(); // while the writers are still writing
      stop.set(true);
      for (Thread writer : writers) {
        writer.join(TimeUnit.SECONDS.toMillis(90));
      }
    }
    System.out.printf(
        "crash test: %d writes acknowledged, %d transactions attempted, %d acknowledged%n",
        acknowledged.size(), transactionsAttempted.size(), transactionsAcknowledged.size());
    assertThat(transactionsAcknowledged).isNotEmpty();

    // Evaluations the dead instance had claimed count as abandoned after stale-after; keep that
    // short here so the test need not wait the production five minutes.
    Map<String, String> restarted = new HashMap<>(database);
    restarted.put("stomacds.checks.stale-after", "10s");
    restarted.put("stomacds.checks.sweep-interval", "2s");
    try (ChildServer second = ChildServer.start(restarted, dataDir, log)) {
      for (String reference : acknowledged) {
        HttpResponse<String> read = get(second.baseUrl(), "/fhir/" + reference);
        assertThat(read.statusCode())
            .as("acknowledged %s after the crash", reference)
            .isEqualTo(200);
        Resource resource = (Resource) FHIR.newJsonParser().parseResource(read.body());
        assertThat(resource.getIdElement().getIdPart())
            .isEqualTo(reference.substring(reference.indexOf('/') + 1));
      }
      for (String tx : transactionsAttempted) {
        int present = 0;
        for (String reference : transactionEntries(tx)) {
          if (get(second.baseUrl(), "/fhir/" + reference).statusCode() == 200) {
            present++;
          }
        }
        if (transactionsAcknowledged.contains(tx)) {
          assertThat(present).as("acknowledged transaction %s", tx).isEqualTo(TRANSACTION_SIZE);
        } else {
          assertThat(present).as("transaction %s cut by the crash", tx).isIn(0, TRANSACTION_SIZE);
        }
      }
      // Rule evaluations recorded with the writes, and cut off by the crash, are completed.
      awaitNoPendingEvaluations(database);
      for (String reference : acknowledged) {
        if (reference.startsWith("Procedure/") || reference.startsWith("Claim/")) {
          HttpResponse<String> issues =
              get(second.baseUrl(), "/fhir/DetectedIssue?_summary=count&implicated=" + reference);
          Bundle bundle = (Bundle) FHIR.newJsonParser().parseResource(issues.body());
          assertThat(bundle.getTotal())
              .as("DetectedIssues of %s (its note and claim lack what the rules ask)", reference)
              .isPositive();
        }
      }
      // The restarted application still takes writes.
      assertThat(
              post(second.baseUrl(), "/fhir/Procedure", procedure(run + "-after", run))
                  .statusCode())
          .isEqualTo(201);
    }
  }

  /** One writer: Procedure, Claim, transaction, again, until the server dies or we stop. */
  private void write(
      String base, String run, AtomicInteger sequence, AtomicBoolean stop, CountDownLatch enough) {
    while (!stop.get()) {
      int n = sequence.incrementAndGet();
      try {
        switch (n % 3) {
          case 0 -> {
            HttpResponse<String> created = post(base, "/fhir/Procedure", procedure(null, run));
            acknowledge(created, 201, location(created, "Procedure"), enough);
          }
          case 1 -> {
            HttpResponse<String> created = post(base, "/fhir/Claim", claim(null, run));
            acknowledge(created, 201, location(created, "Claim"), enough);
          }
          default -> {
            String tx = run + "-tx" + n;
            transactionsAttempted.add(tx);
            HttpResponse<String> done = post(base, "/fhir", transaction(tx, run));
            if (done.statusCode() == 200) {
              transactionsAcknowledged.add(tx);
              acknowledged.addAll(transactionEntries(tx));
              enough.countDown();
            }
          }
        }
      } catch (IOException crashed) {
        return; // the server is gone: what it did not acknowledge is not promised
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void acknowledge(
      HttpResponse<String> response, int expected, String reference, CountDownLatch enough) {
    if (response.statusCode() == expected && reference != null) {
      acknowledged.add(reference);
      enough.countDown();
    }
  }

  private static String location(HttpResponse<String> response, String type) {
    return response
        .headers()
        .firstValue("Location")
        .map(l -> l.replaceAll(".*/" + type + "/([^/]+)/_history/.*", type + "/$1"))
        .orElse(null);
  }

  private static List<String> transactionEntries(String tx) {
    return List.of(
        "Patient/" + tx + "-patient",
        "Encounter/" + tx + "-encounter",
        "Procedure/" + tx + "-procedure",
        "Claim/" + tx + "-claim");
  }

  private static Procedure procedure(String id, String run) {
    Procedure procedure = new Procedure();
    if (id != null) {
      procedure.setId(id);
    }
    procedure.setStatus(Procedure.ProcedureStatus.COMPLETED);
    procedure.getCode().addCoding().setSystem(CPT).setCode("44405");
    procedure.getSubject().setReference("Patient/" + run + "-patient");
    procedure.addNote().setText("Stricture dilated with a 15 mm balloon, three inflations.");
    return procedure;
  }

  private static Claim claim(String id, String run) {
    Claim claim = new Claim();
    if (id != null) {
      claim.setId(id);
    }
    claim.setStatus(Claim.ClaimStatus.ACTIVE);
    claim.setUse(Claim.Use.CLAIM);
    claim
        .getType()
        .addCoding()
        .setSystem("http://terminology.hl7.org/CodeSystem/claim-type")
        .setCode("professional");
    claim.getPatient().setReference("Patient/" + run + "-patient");
    claim.setCreatedElement(new org.hl7.fhir.r4.model.DateTimeType("2026-11-20"));
    claim.getProvider().setReference("Practitioner/" + run + "-endoscopist");
    claim.getPriority().addCoding().setCode("normal");
    claim
        .addInsurance()
        .setSequence(1)
        .setFocal(true)
        .getCoverage()
        .setReference("Coverage/" + run);
    claim
        .addItem()
        .setSequence(1)
        .getProductOrService()
        .addCoding()
        .setSystem(CPT)
        .setCode("44405");
    return claim;
  }

  private static Bundle transaction(String tx, String run) {
    Patient patient = new Patient();
    patient.setId(tx + "-patient");
    patient.addName().setFamily("Crashtest");
    Encounter encounter = new Encounter();
    encounter.setId(tx + "-encounter");
    encounter.setStatus(Encounter.EncounterStatus.FINISHED);
    encounter
        .getClass_()
        .setSystem("http://terminology.hl7.org/CodeSystem/v3-ActCode")
        .setCode("AMB");
    encounter.getSubject().setReference("Patient/" + tx + "-patient");
    Procedure procedure = procedure(tx + "-procedure", run);
    procedure.getSubject().setReference("Patient/" + tx + "-patient");
    procedure.getEncounter().setReference("Encounter/" + tx + "-encounter");
    Claim claim = claim(tx + "-claim", run);
    claim.getPatient().setReference("Patient/" + tx + "-patient");
    Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    for (Resource r : new Resource[] {patient, encounter, procedure, claim}) {
      bundle
          .addEntry()
          .setResource(r)
          .getRequest()
          .setMethod(Bundle.HTTPVerb.PUT)
          .setUrl(r.fhirType() + "/" + r.getIdElement().getIdPart());
    }
    return bundle;
  }

  private HttpResponse<String> post(String base, String path, Resource resource)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/fhir+json")
            .header("Authorization", "Bearer " + TestTokens.accessToken(TestTokens.FULL_ACCESS))
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    FHIR.newJsonParser().encodeResourceToString(resource)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void awaitNoPendingEvaluations(Map<String, String> database) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    int pending;
    do {
      try (Connection connection =
              DriverManager.getConnection(
                  database.get("spring.datasource.url"),
                  database.get("spring.datasource.username"),
                  database.get("spring.datasource.password"));
          Statement statement = connection.createStatement();
          ResultSet rows =
              statement.executeQuery("select count(*) from \"stomacds\".pending_evaluation")) {
        rows.next();
        pending = rows.getInt(1);
      }
      if (pending > 0) {
        Thread.sleep(500);
      }
    } while (pending > 0 && System.nanoTime() < deadline);
    assertThat(pending).as("pending rule evaluations left after the restart").isZero();
  }

  private HttpResponse<String> get(String base, String path)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + TestTokens.accessToken(TestTokens.FULL_ACCESS))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
