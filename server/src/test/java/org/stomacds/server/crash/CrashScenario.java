package org.stomacds.server.crash;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ValueSet;
import org.stomacds.engine.terminology.Terminology;
import org.stomacds.server.support.TestTokens;

/**
 * The crash test, one mechanism for every database: writers stream every kind of write at the
 * application in a JVM of its own ({@link CrashWriter}); at a random moment it is killed with
 * SIGKILL and started again on the same data, several times; then every acknowledged write must be
 * there, no transaction half applied, every write check cut off by a crash finished, and the
 * terminology index usable.
 */
final class CrashScenario {

  static final int WRITERS = 3;

  /** Acknowledged writes to wait for before a kill may come, and the kill's random delay after. */
  static final int WRITES_BEFORE_KILL = 12;

  static final int MAX_KILL_DELAY_MS = 3000;

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * Evaluations the dead instance had claimed count as abandoned after stale-after; kept short here
   * so the test need not wait the production five minutes.
   */
  private static final Map<String, String> SETTINGS =
      Map.of("stomacds.checks.stale-after", "10s", "stomacds.checks.sweep-interval", "2s");

  private final CrashDatabase database;
  private final Path dataDir;
  private final Path log;
  private final Ledger ledger = new Ledger();
  private final String run = "crash" + UUID.randomUUID().toString().substring(0, 8);

  CrashScenario(CrashDatabase database, Path dataDir, Path log) {
    this.database = database;
    this.dataDir = dataDir;
    this.log = log;
  }

  /** Runs {@code kills} crash-and-restart cycles, then checks everything acknowledged. */
  void run(int kills, long seed) throws Exception {
    Random random = new Random(seed);
    System.out.printf("crash test on %s: %d kills, seed %d%n", database.name(), kills, seed);
    ChildServer server = start();
    try {
      for (int k = 1; k <= kills; k++) {
        int delay = random.nextInt(MAX_KILL_DELAY_MS);
        writeAndKill(server, delay);
        System.out.printf(
            "crash test on %s: kill %d, %d ms after %d writes; so far %s%n",
            database.name(), k, delay, WRITES_BEFORE_KILL, ledger.summary());
        server = start();
      }
      assertThat(ledger.transactionsAcknowledged).isNotEmpty();
      assertThat(ledger.hookInstances).isNotEmpty();
      verifyThroughTheApi(server.baseUrl());
      server.stop();
      verifyRows();
    } finally {
      server.close();
    }
    System.out.printf(
        "crash test on %s: %d kills, %s acknowledged; 0 lost%n",
        database.name(), kills, ledger.summary());
  }

  private ChildServer start() {
    return ChildServer.start(database.profiles(), database.environment(), SETTINGS, dataDir, log);
  }

  private void writeAndKill(ChildServer server, int delayMs) throws InterruptedException {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger sequence = new AtomicInteger(ledger.acknowledgements.get() * 10);
    int before = ledger.acknowledgements.get();
    List<Thread> writers = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      Thread writer =
          new Thread(
              new CrashWriter(server.baseUrl(), run, sequence, stop, ledger), "crash-writer-" + w);
      writer.start();
      writers.add(writer);
    }
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (ledger.acknowledgements.get() - before < WRITES_BEFORE_KILL) {
      assertThat(System.nanoTime())
          .as("writes acknowledged; log:\n%s", server.tail())
          .isLessThan(deadline);
      Thread.sleep(20);
    }
    Thread.sleep(delayMs);
    server.kill(); // while the writers are still writing
    stop.set(true);
    for (Thread writer : writers) {
      writer.join(TimeUnit.SECONDS.toMillis(90));
    }
  }

  private void verifyThroughTheApi(String base) throws Exception {
    List<String> lost = new ArrayList<>();
    for (String reference : ledger.resources) {
      HttpResponse<String> read = get(base, "/fhir/" + reference);
      if (read.statusCode() != 200) {
        lost.add(reference + " (" + read.statusCode() + ")");
        continue;
      }
      Resource resource = (Resource) FHIR.newJsonParser().parseResource(read.body());
      assertThat(resource.getIdElement().getIdPart())
          .isEqualTo(reference.substring(reference.indexOf('/') + 1));
    }
    System.out.printf(
        "crash test on %s: %d of %d acknowledged resources lost%n",
        database.name(), lost.size(), ledger.resources.size());
    assertThat(lost).as("acknowledged resources missing after the crashes").isEmpty();
    for (Map.Entry<String, List<String>> tx : ledger.transactionsAttempted.entrySet()) {
      int present = 0;
      for (String reference : tx.getValue()) {
        if (get(base, "/fhir/" + reference).statusCode() == 200) {
          present++;
        }
      }
      if (ledger.transactionsAcknowledged.contains(tx.getKey())) {
        assertThat(present)
            .as("acknowledged transaction %s", tx.getKey())
            .isEqualTo(tx.getValue().size());
      } else {
        assertThat(present)
            .as("transaction %s cut by the crash: all or nothing", tx.getKey())
            .isIn(0, tx.getValue().size());
      }
    }
    // The restarted application still takes writes.
    HttpResponse<String> after =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/fhir/Procedure"))
                .header("Content-Type", "application/fhir+json")
                .header("Authorization", "Bearer " + token())
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        FHIR.newJsonParser()
                            .encodeResourceToString(CrashResources.procedure(null, run))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(after.statusCode()).isEqualTo(201);
    List<String> awaited = new ArrayList<>(ledger.resources);
    // Its own write check too: the rows are counted once the application has stopped.
    awaited.add(
        after
            .headers()
            .firstValue("Location")
            .orElseThrow()
            .replaceAll(".*/Procedure/([^/]+)/_history/.*", "Procedure/$1"));
    // Write checks recorded with the writes, and cut off by a crash, are completed after restart.
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    for (String reference : awaited) {
      if (reference.startsWith("Procedure/") || reference.startsWith("Claim/")) {
        int total;
        do {
          HttpResponse<String> issues =
              get(base, "/fhir/DetectedIssue?_summary=count&implicated=" + reference);
          total = JSON.readTree(issues.body()).path("total").asInt();
          if (total == 0) {
            Thread.sleep(250);
          }
        } while (total == 0 && System.nanoTime() < deadline);
        assertThat(total)
            .as("DetectedIssues of %s (its note and claim lack what the rules ask)", reference)
            .isPositive();
      }
    }
    verifyTerminology(base);
  }

  /** Every value set of the terminology expands, on the server, to the size the engine computes. */
  private void verifyTerminology(String base) throws Exception {
    Terminology terminology = Terminology.loadDefault(FHIR);
    int checked = 0;
    for (Resource resource : terminology.resources()) {
      if (resource instanceof ValueSet valueSet) {
        String url = valueSet.getUrl();
        HttpResponse<String> expanded =
            get(
                base,
                "/fhir/ValueSet/$expand?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8));
        assertThat(expanded.statusCode()).as("$expand %s", url).isEqualTo(200);
        JsonNode expansion = JSON.readTree(expanded.body()).path("expansion");
        assertThat(expansion.path("total").asInt(expansion.path("contains").size()))
            .as("$expand %s after the crashes", url)
            .isEqualTo(terminology.expectedSize(url));
        checked++;
      }
    }
    assertThat(checked).isPositive();
  }

  /** Our own tables, read directly once the application has stopped. */
  private void verifyRows() throws SQLException {
    try (Connection connection = database.connect(dataDir)) {
      for (String hookInstance : ledger.hookInstances) {
        assertThat(count(connection, "invocation_audit", "hook_instance", hookInstance))
            .as("audit row of acknowledged hook call %s", hookInstance)
            .isEqualTo(1);
      }
      for (String card : ledger.cards) {
        assertThat(count(connection, "card_issuance", "card_uuid", card))
            .as("issuance row of card %s", card)
            .isEqualTo(1);
      }
      for (String card : ledger.feedback) {
        assertThat(count(connection, "card_feedback", "card_uuid", card))
            .as("feedback on card %s", card)
            .isEqualTo(1);
      }
      // The sweep finished every write check the crashes cut off. (A row of the last write before
      // the graceful stop may wait for the next start: that is the design, not a loss.)
      List<String> leftOver = new ArrayList<>();
      try (Statement statement = connection.createStatement();
          ResultSet rows =
              statement.executeQuery("select trigger_ref from \"stomacds\".pending_evaluation")) {
        while (rows.next()) {
          if (ledger.resources.contains(rows.getString(1))) {
            leftOver.add(rows.getString(1));
          }
        }
      }
      assertThat(leftOver).as("write checks of acknowledged writes still pending").isEmpty();
    }
  }

  private static int count(Connection connection, String table, String column, String value)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "select count(*) from \"stomacds\"." + table + " where " + column + " = ?")) {
      query.setString(1, value);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  private static String token() {
    return TestTokens.accessToken(TestTokens.FULL_ACCESS);
  }

  private static HttpResponse<String> get(String base, String path)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + token())
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
