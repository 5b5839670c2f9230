package org.stomacds.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.stomacds.server.cds.CaseFiles;
import org.stomacds.server.support.RunningServer;
import org.stomacds.server.support.TestTokens;

/**
 * The public CDS Hooks Sandbox against the secured profile, as README "Connecting the public CDS
 * Hooks Sandbox" runs it: the profile {@value #PROFILE} with its own issuer settings, read from its
 * YAML, and one change: the issuer's {@code jwks-file} holds a test key (its private half is in
 * test resources only), since the sandbox's own private key is not ours to use.
 *
 * <p>A stand-in page ({@code src/test/e2e/cds-hooks-sandbox/}) does on the wire what the sandbox
 * does (its JWT: ES384 with {@code kid} and {@code jku}, no {@code sub}; its prefetch filling; its
 * order context, without {@code encounterId}; its feedback), in Chromium, from an origin of its
 * own, so CORS is real: that origin replaces {@code https://sandbox.cds-hooks.org} in {@code
 * allowed-origins}. As after a SMART launch of the sandbox, its FHIR server is ours, read with an
 * access token (the test authorization server, and CORS on /fhir for the stand-in, are added for
 * that; the README recipe has no FHIR side: the public sandbox prefetches from its own server).
 *
 * <p>Skipped, naming what is missing, without node, playwright-core or /usr/bin/chromium (failed
 * instead where {@code STOMACDS_E2E_REQUIRED} is set, as in CI).
 */
@Tag(RunningServer.OWN_SERVERS)
@ExtendWith(OutputCaptureExtension.class)
class CdsHooksSandboxBrowserIT {

  static final String PROFILE = "cds-hooks-sandbox";
  static final String ISSUER = "stomacds.cds.security.issuers[0].";
  static final String SANDBOX = "https://sandbox.cds-hooks.org";
  static final String SANDBOX_JKU = SANDBOX + "/.well-known/jwks.json";
  static final String TEST_KEYS = "classpath:security/test-sandbox-stand-in.jwks.json";
  static final Path PRIVATE_KEY =
      Path.of("src/test/resources/security/test-sandbox-stand-in.private.jwk.json")
          .toAbsolutePath();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static RunningServer server;
  private static String standInOrigin;
  private static int standInPort;

  /** The issuer settings of the README's profile, as Spring reads them from its YAML. */
  static Map<String, String> recipeIssuer() {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application-" + PROFILE + ".yaml"));
    Properties properties = yaml.getObject();
    Map<String, String> issuer = new LinkedHashMap<>();
    // YAML values come typed (allow-missing-sub is a Boolean): compared and passed on as text.
    properties.forEach(
        (name, value) -> {
          if (name.toString().startsWith(ISSUER)) {
            issuer.put(name.toString(), String.valueOf(value));
          }
        });
    return issuer;
  }

  @BeforeAll
  static void start() throws IOException {
    int port = freeLoopbackPort();
    standInPort = freeLoopbackPort();
    standInOrigin = "http://localhost:" + standInPort;
    Path target = Files.createDirectories(Path.of("target"));
    Path data = Files.createTempDirectory(target, "cds-hooks-sandbox-").toAbsolutePath();

    Map<String, String> settings = new LinkedHashMap<>(recipeIssuer());
    // A list set on the command line replaces the profile's whole list: the issuer is given whole,
    // as the profile has it, with only its keys file changed.
    settings.put(ISSUER + "jwks-file", TEST_KEYS);
    settings.put("stomacds.cds.allowed-origins[0]", standInOrigin);
    settings.put("server.port", String.valueOf(port));
    settings.put("stomacds.public-base-url", "http://127.0.0.1:" + port);
    settings.put("stomacds.fhir.data-dir", data.toString());
    settings.put("stomacds.security.token-issuers[0].iss", TestTokens.AUTHORIZATION_SERVER);
    settings.put(
        "stomacds.security.token-issuers[0].jwks-file",
        "classpath:security/test-auth-server.jwks.json");
    settings.put("stomacds.fhir.cors-allowed-origins[0]", standInOrigin);
    server = RunningServer.startInProfiles(PROFILE, settings);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theRecipeTrustsTheSandboxsJkuFromItsFileAndAcceptsItsMissingSub() {
    Map<String, String> issuer = recipeIssuer();

    assertThat(issuer)
        .containsEntry(ISSUER + "iss", SANDBOX)
        .containsEntry(ISSUER + "jwks-file", "classpath:security/cds-hooks-sandbox.jwks.json")
        .containsEntry(ISSUER + "jku-allowlist[0]", SANDBOX_JKU)
        .containsEntry(ISSUER + "jku-keys", "jwks-file")
        .containsEntry(ISSUER + "allow-missing-sub", "true");
    // Nothing else of the issuer is relaxed or added.
    assertThat(issuer).hasSize(5);
  }

  @Test
  void aCallWithoutTheSandboxsTokenIsStillRefused() {
    HttpResponse<String> refused = server.withoutToken().get("/cds-services");

    assertThat(refused.statusCode()).isEqualTo(401);
  }

  @Test
  void theSandboxsCallsAreAcceptedAndItsCardsShownForA44405Order(CapturedOutput output)
      throws Exception {
    NodeTools.requireOrSkip(NodeTools.missingForBrowser(), "CDS Hooks sandbox browser test");
    String c = CaseFiles.newCaseId("sbx");
    HttpResponse<String> stored =
        server.postJson("/fhir", CaseFiles.fill("order-case.json", Map.of("case", c)));
    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);

    JsonNode report = runStandIn(c + "-pat", "Practitioner/" + c + "-dr");

    assertThat(report.path("pageErrors")).as("page errors").isEmpty();
    assertThat(report.path("outside")).as("requests outside the two origins").isEmpty();
    assertThat(report.path("steps").toString()).doesNotContain("FAIL");
    List<JsonNode> exchanges = list(report.path("exchanges"));

    List<JsonNode> discovery = ofKind(exchanges, "discovery");
    assertThat(discovery).hasSize(1);
    assertThat(discovery.get(0).path("status").asInt()).isEqualTo(200);

    // Opening the order screen, choosing the 44405 order, signing it: all accepted.
    List<JsonNode> calls = ofKind(exchanges, "service");
    assertThat(calls)
        .extracting(e -> e.path("hook").asText() + " " + e.path("status").asInt())
        .containsExactly("order-select 200", "order-select 200", "order-sign 200");

    // No order yet, nothing to say; the 44405 order gets its cards when chosen and when signed.
    assertThat(report.path("cardsBeforeChoosing").asInt()).isZero();
    List<JsonNode> cards = list(report.path("cards"));
    assertThat(topics(cards, "order-select")).contains("dx-supporting-diagnosis");
    assertThat(topics(cards, "order-sign"))
        .contains("dx-supporting-diagnosis", "order-documentation-checklist");
    assertThat(cards)
        .allSatisfy(card -> assertThat(card.path("summary").asText()).isNotBlank())
        .allSatisfy(card -> assertThat(card.path("links").toString()).doesNotContain("smart"));

    assertPrefetchAsTheSandboxSeesIt(exchanges, calls);

    List<JsonNode> feedback = ofKind(exchanges, "feedback");
    assertThat(feedback).hasSize(1);
    assertThat(feedback.get(0).path("status").asInt()).isEqualTo(200);

    // Each call is audited as the sandbox's, its subject absent; the log says who called.
    JdbcTemplate jdbc = new JdbcTemplate(server.bean(DataSource.class));
    for (JsonNode call : calls) {
      Map<String, Object> row =
          jdbc.queryForMap(
              "SELECT caller_issuer, caller_subject, caller_tenant, status"
                  + " FROM \"stomacds\".invocation_audit WHERE hook_instance = ?",
              call.path("hookInstance").asText());
      assertThat(row.get("CALLER_ISSUER")).isEqualTo(SANDBOX);
      assertThat(row.get("CALLER_SUBJECT")).isNull();
      assertThat(row.get("CALLER_TENANT")).isNull();
      assertThat(row.get("STATUS")).isEqualTo(200);
    }
    assertThat(output.getAll())
        .contains("cds call accepted: iss=" + SANDBOX + " sub=(absent) tenant=(none) method=GET")
        .contains("caller=[iss=" + SANDBOX + " sub=(absent) tenant=(none)]");
  }

  /**
   * Every prefetch query the sandbox sends must be answered 2xx, and each call must carry the keys
   * so answered. A template the sandbox cannot fill (a context token its order screens never have,
   * such as {@code encounterId}, or a repeated parameter, which it merges into one with a comma)
   * reaches the FHIR server malformed: such templates are listed in the output, and what the
   * sandbox sees is asserted for them: the key is left out and the hook still answers 200. Once
   * every template is one the sandbox can fill, this is "no 4xx/5xx from prefetch" in full.
   */
  private static void assertPrefetchAsTheSandboxSeesIt(
      List<JsonNode> exchanges, List<JsonNode> calls) {
    List<JsonNode> prefetch = ofKind(exchanges, "prefetch");
    assertThat(prefetch).as("prefetch requests").isNotEmpty();
    Set<String> answered = new TreeSet<>();
    Set<String> unfillable = new TreeSet<>();
    for (JsonNode request : prefetch) {
      String key = request.path("key").asText();
      String template = request.path("template").asText();
      String line =
          key
              + " "
              + (request.path("skipped").asBoolean()
                  ? "not fetched"
                  : request.path("method").asText()
                      + " "
                      + request.path("url").asText()
                      + " -> "
                      + request.path("status").asInt());
      if (!fillableBySandbox(template, request.path("filled").asText())) {
        unfillable.add(key + ": " + template + "\n      " + line);
      } else {
        assertThat(request.path("status").asInt()).as(line).isBetween(200, 299);
        answered.add(key);
      }
    }
    if (!unfillable.isEmpty()) {
      System.out.println(
          "PREFETCH TEMPLATES THE PUBLIC SANDBOX CANNOT FILL (their keys are left out of its calls;"
              + " the FHIR server refuses them):\n  "
              + String.join("\n  ", unfillable));
    }
    for (JsonNode call : calls) {
      Set<String> sent = new TreeSet<>();
      call.path("prefetchKeys").forEach(k -> sent.add(k.asText()));
      assertThat(sent)
          .as("prefetch keys of the " + call.path("hook").asText() + " call")
          .isEqualTo(answered);
    }
  }

  /**
   * Whether the sandbox can send this template as written: every token filled, and no parameter
   * repeated (it would merge the repeats into one value joined with commas).
   */
  static boolean fillableBySandbox(String template, String filled) {
    if (filled.contains("{{") || filled.contains("%7B%7B")) {
      return false;
    }
    int query = template.indexOf('?');
    if (query < 0) {
      return true;
    }
    List<String> names =
        Arrays.stream(template.substring(query + 1).split("&"))
            .map(p -> p.contains("=") ? p.substring(0, p.indexOf('=')) : p)
            .toList();
    return names.size() == new HashSet<>(names).size();
  }

  private JsonNode runStandIn(String patient, String user) throws Exception {
    Path out = Files.createDirectories(Path.of("target", "e2e")).toAbsolutePath();
    Path report = out.resolve("public-sandbox-report.json");
    Files.deleteIfExists(report);
    NodeTools.Result result =
        NodeTools.run(
            List.of(
                "node",
                "public-sandbox.mjs",
                "--base-url",
                server.baseUrl(),
                "--standin-port",
                String.valueOf(standInPort),
                "--private-jwk",
                PRIVATE_KEY.toString(),
                "--patient",
                patient,
                "--user",
                user,
                "--report",
                report.toString(),
                "--out",
                out.toString(),
                "--chromium",
                NodeTools.CHROMIUM.toString()),
            Map.of("STANDIN_FHIR_TOKEN", TestTokens.accessToken("user/*.read")),
            600);
    System.out.println(result.output());
    assertThat(report).as("the stand-in's report:%n%s", result.output()).isRegularFile();
    assertThat(result.exitCode())
        .as("the stand-in could not be driven:%n%s", result.output())
        .isZero();
    return JSON.readTree(report.toFile());
  }

  private static List<String> topics(List<JsonNode> cards, String hook) {
    return cards.stream()
        .filter(card -> card.path("hook").asText().equals(hook))
        .map(card -> card.path("topic").asText())
        .toList();
  }

  private static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }

  private static List<JsonNode> ofKind(List<JsonNode> exchanges, String kind) {
    return exchanges.stream().filter(e -> e.path("kind").asText().equals(kind)).toList();
  }

  private static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
