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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ValueSet;
import org.stomacds.engine.terminology.Terminology;
import org.stomacds.server.support.TestTokens;

/**
 * What a {@link Ledger} promises, checked: through the API (every acknowledged resource readable,
 * transactions all or nothing, every acknowledged Procedure and Claim evaluated by the write
 * checks, the terminology intact) and in our own tables (one audit row per hook call, one issuance
 * row per card, feedback once per card, no write check of an acknowledged write left pending).
 */
final class LedgerChecks {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private LedgerChecks() {}

  static void verifyThroughTheApi(String base, Ledger ledger, String run, String databaseName)
      throws Exception {
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
        databaseName, lost.size(), ledger.resources.size());
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
  private static void verifyTerminology(String base) throws Exception {
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

  /** Our own tables, read directly. */
  static void verifyRows(Connection connection, Ledger ledger) throws SQLException {
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
