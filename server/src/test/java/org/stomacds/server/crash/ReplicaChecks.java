package org.stomacds.server.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stomacds.server.cds.CaseFiles;
import org.stomacds.server.support.TestTokens;

/**
 * What replicas must agree on, checked across them: each write's DetectedIssues exist once, a CDS
 * Hooks JWT is accepted once whichever replica sees it again, and feedback on a card is one row
 * whichever replica it reaches.
 */
final class ReplicaChecks {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String ISSUE_KEYS = "https://stomacds.org/fhir/detected-issue";

  private ReplicaChecks() {}

  /** The patient, coverage and visit the order-sign calls of the load refer to. */
  static void storeOrderCase(String base, String caseId) throws Exception {
    HttpResponse<String> stored =
        post(
            base + "/fhir",
            TestTokens.accessToken(TestTokens.FULL_ACCESS),
            CaseFiles.fill("order-case.json", Map.of("case", caseId)));
    assertThat(stored.statusCode()).as("order case stored: %s", stored.body()).isEqualTo(200);
  }

  /** Write checks that claimed an acknowledged write and have not finished it. */
  static int pending(Connection connection, Ledger ledger) throws SQLException {
    int left = 0;
    try (PreparedStatement query =
            connection.prepareStatement("select trigger_ref from \"stomacds\".pending_evaluation");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        if (ledger.resources.contains(rows.getString(1))) {
          left++;
        }
      }
    }
    return left;
  }

  /**
   * Two replicas may evaluate the same subject (a Procedure written on one, its Claim on the other,
   * the survivor's sweep after a kill): each finding still has one DetectedIssue.
   */
  static void assertEachWritesIssuesOnce(String base, Ledger ledger) throws Exception {
    int subjects = 0;
    int issues = 0;
    for (String reference : ledger.resources) {
      if (!reference.startsWith("Procedure/") && !reference.startsWith("Claim/")) {
        continue;
      }
      JsonNode bundle =
          JSON.readTree(
              get(base + "/fhir/DetectedIssue?_count=200&implicated=" + reference).body());
      Set<String> keys = new HashSet<>();
      for (JsonNode entry : bundle.path("entry")) {
        for (JsonNode identifier : entry.path("resource").path("identifier")) {
          if (ISSUE_KEYS.equals(identifier.path("system").asText())
              && identifier.path("value").asText().startsWith(reference + "|")) {
            assertThat(keys.add(identifier.path("value").asText()))
                .as("DetectedIssue %s of %s stored twice", identifier.path("value"), reference)
                .isTrue();
            issues++;
          }
        }
      }
      assertThat(keys).as("DetectedIssues of %s", reference).isNotEmpty();
      subjects++;
    }
    System.out.printf(
        "replica test: %d Procedures and Claims, %d DetectedIssues, none twice%n",
        subjects, issues);
  }

  /** A JWT's {@code jti} used on one replica is refused on the other (shared replay store). */
  static void assertJwtRefusedOnTheOtherReplica(
      String base, ChildServer[] replicas, String orderCase) throws Exception {
    String jwt = TestTokens.cdsHooks(base + CrashWriter.ORDER_SIGN);
    String request = orderSign(base, orderCase);
    HttpResponse<String> first = post(replicas[0].baseUrl() + CrashWriter.ORDER_SIGN, jwt, request);
    HttpResponse<String> replayed =
        post(replicas[1].baseUrl() + CrashWriter.ORDER_SIGN, jwt, request);
    assertThat(first.statusCode())
        .as("first use of the JWT on %s", LoadBalancer.name(0))
        .isEqualTo(200);
    assertThat(replayed.statusCode())
        .as("the same JWT replayed on %s: %s", LoadBalancer.name(1), replayed.body())
        .isEqualTo(401);
    System.out.printf(
        "replica test: a JWT accepted on %s is refused on %s (%d)%n",
        LoadBalancer.name(0), LoadBalancer.name(1), replayed.statusCode());
  }

  /** The same feedback sent to each replica is one row. */
  static void assertFeedbackCountedOnceAcrossReplicas(
      String base, ChildServer[] replicas, String orderCase, Connection connection)
      throws Exception {
    HttpResponse<String> answered =
        post(
            base + CrashWriter.ORDER_SIGN,
            TestTokens.cdsHooks(base + CrashWriter.ORDER_SIGN),
            orderSign(base, orderCase));
    JsonNode card = JSON.readTree(answered.body()).path("cards").path(0);
    assertThat(card.path("uuid").asText()).as("a card to give feedback on").isNotEmpty();
    ObjectNode feedback = CrashWriter.feedback(card);
    String path = CrashWriter.ORDER_SIGN + "/feedback";
    for (ChildServer replica : replicas) {
      HttpResponse<String> sent =
          post(replica.baseUrl() + path, TestTokens.cdsHooks(base + path), feedback.toString());
      assertThat(sent.statusCode())
          .as("feedback to %s: %s", replica.baseUrl(), sent.body())
          .isEqualTo(200);
    }
    try (PreparedStatement query =
        connection.prepareStatement(
            "select count(*) from \"stomacds\".card_feedback where card_uuid = ?")) {
      query.setString(1, card.path("uuid").asText());
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        assertThat(rows.getInt(1))
            .as("feedback rows for a card sent to both replicas")
            .isEqualTo(1);
      }
    }
    System.out.println("replica test: feedback sent to both replicas is one row");
  }

  /**
   * No replica failed a write check: not under load, not at the kill, not while stopping (a
   * stopping replica hands its unfinished batches back instead of failing them against a closing
   * pool).
   */
  static void assertNoWriteCheckFailed(List<Path> logs) throws IOException {
    List<String> failed = new ArrayList<>();
    for (Path log : logs) {
      try (var lines = Files.lines(log)) {
        lines
            .filter(l -> l.contains("WriteCheckProcessor") && l.contains(" ERROR "))
            .limit(5)
            .forEach(failed::add);
      }
    }
    assertThat(failed).as("write checks that failed on a replica").isEmpty();
  }

  private static String orderSign(String base, String orderCase) {
    return CrashWriter.hookRequest(
        "order-sign-epic.json", orderCase, base, CaseFiles.newHookInstance());
  }

  private static HttpResponse<String> post(String url, String bearer, String body)
      throws IOException, InterruptedException {
    return HTTP.send(CrashWriter.post(url, bearer, body), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + TestTokens.accessToken(TestTokens.FULL_ACCESS))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
