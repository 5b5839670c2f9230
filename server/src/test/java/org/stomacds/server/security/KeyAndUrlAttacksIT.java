package org.stomacds.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.stomacds.fixtures.jwt.AccessToken;
import org.stomacds.fixtures.jwt.TokenSigner;
import org.stomacds.server.security.AttackStubs.FhirServer;
import org.stomacds.server.security.AttackStubs.Stub;
import org.stomacds.server.support.RunningServer;
import org.stomacds.server.support.TestTokens;

/**
 * The pen test's key and URL attacks (issue 13, rows 4, 5, 8, 11) and variants, against loopback
 * key and FHIR stubs that count fetches; its issuer's keys come from a URL: its own application.
 */
@Tag(RunningServer.OWN_SERVERS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeyAndUrlAttacksIT {

  private static final String JKU_ISSUER = "https://jku-ehr.test.stomacds.org";
  private static final String DISCOVERY = "/cds-services";
  private static final String DISCHARGE = "/cds-services/cpt-44405-encounter-discharge";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<Integer, Integer> BY_STATUS = new TreeMap<>();
  private static final List<String> UNEXPECTED = new ArrayList<>();

  private static Stub keys;
  private static Stub elsewhere;
  private static FhirServer ehr;
  private static RunningServer app;
  private static ECKey legit;
  private static ECKey attacker;
  private static String prefix;

  @BeforeAll
  static void start() throws Exception {
    legit = ECKey.parse(AttackStubs.resource("security/test-ehr-es384.private.jwk.json"));
    attacker = new ECKeyGenerator(Curve.P_384).keyID(legit.getKeyID()).generate();
    String legitSet = AttackStubs.resource("security/test-ehr.jwks.json");
    String evilSet = new JWKSet(attacker.toPublicJWK()).toString();
    keys =
        AttackStubs.keyServer(
            Map.of(
                "/ehr/jwks.json", legitSet,
                "/ehr/keys/current.json", legitSet,
                "/ehr/keys/rotated.json", legitSet,
                "/evil.json", evilSet,
                "/ehr/evil.json", evilSet,
                "/ehr/keys/evil.json", evilSet));
    elsewhere = new Stub(s -> new AttackStubs.Reply(200, "{\"resourceType\":\"Bundle\"}"));
    ehr = new FhirServer("/api/FHIR/R4");
    prefix = keys.origin() + "/ehr/keys/";
    int port = AttackStubs.freePort();
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("server.port", String.valueOf(port));
    settings.put("stomacds.public-base-url", "http://127.0.0.1:" + port);
    settings.put(
        "stomacds.fhir.data-dir",
        Files.createTempDirectory(Files.createDirectories(Path.of("target")), "key-url-attacks-")
            .toAbsolutePath()
            .toString());
    String issuers = "stomacds.cds.security.issuers";
    settings.put(issuers + "[0].iss", TestTokens.EHR);
    settings.put(issuers + "[0].jwks-file", "classpath:security/test-ehr.jwks.json");
    settings.put(issuers + "[1].iss", JKU_ISSUER);
    settings.put(issuers + "[1].jwks-uri", keys.origin() + "/ehr/jwks.json");
    settings.put(issuers + "[1].jku-allowlist[0]", prefix);
    settings.put(issuers + "[1].jku-allowlist[1]", prefix + "current.json");
    settings.put("stomacds.cds.security.allowed-fhir-servers[0]", ehr.base());
    app = RunningServer.start(settings);
  }

  @AfterAll
  static void report() {
    try {
      int total = BY_STATUS.values().stream().mapToInt(Integer::intValue).sum();
      int fiveHundreds =
          BY_STATUS.entrySet().stream()
              .filter(e -> e.getKey() >= 500)
              .mapToInt(Map.Entry::getValue)
              .sum();
      System.out.printf(
          "key and URL attacks: %d requests, by status %s, %d answers of 500, %d unexpected"
              + " successes%n",
          total, BY_STATUS, fiveHundreds, UNEXPECTED.size());
      assertThat(total).isGreaterThanOrEqualTo(100);
      assertThat(fiveHundreds).isZero();
      assertThat(UNEXPECTED).isEmpty();
    } finally {
      if (app != null) {
        app.close();
      }
      keys.close();
      elsewhere.close();
      ehr.close();
    }
  }

  // ---- row 4: jku allowlist and the spellings of a path ----

  @Test
  @Order(1)
  void aJkuIsComparedAndFetchedInOneFormAndNothingAmbiguousIsFetched() {
    // Controls: the real key through allowed jku URLs, however spelled, is accepted.
    expect(200, discovery(legit, prefix + "current.json"));
    expect(200, discovery(legit, prefix + "rotated.json"));
    expect(200, discovery(legit, keys.origin() + "/ehr/jwks.json"));
    expect(200, discovery(legit, null));
    String o = keys.origin();
    List<String> attacks =
        List.of(
            prefix + "%2e%2e/evil.json",
            prefix + "%2E%2E/evil.json",
            prefix + "%2E./evil.json",
            prefix + ".%2e/evil.json",
            prefix + "%2e%2e/%2e%2e/evil.json",
            prefix + "../evil.json",
            prefix + "../../evil.json",
            prefix + "./evil.json",
            prefix + "..;/evil.json",
            prefix + "%252e%252e/evil.json",
            prefix + "%252e%252e%252fevil.json",
            prefix + "..%2fevil.json",
            prefix + "%2e%2e%2fevil.json",
            prefix + "x/..%2f..%2f..%2fevil.json",
            prefix + "%5c..%5cevil.json",
            prefix + "\\..\\evil.json",
            prefix + "/evil.json",
            prefix + "//127.0.0.1:" + elsewhere.port() + "/evil.json",
            prefix + "evil.json#",
            prefix + "evil.json?x=1",
            prefix + "r1.json#/../../evil.json",
            o + "/ehr/keys@127.0.0.1:" + keys.port() + "/evil.json",
            "http://127.0.0.1:" + keys.port() + "@127.0.0.1:" + elsewhere.port() + "/ehr/keys/x",
            "http://user@127.0.0.1:" + keys.port() + "/ehr/keys/evil.json",
            o + "/ehr/keysx/evil.json",
            o + "/ehr/evil.json",
            o + "/evil.json",
            "http://localhost:" + keys.port() + "/ehr/keys/evil.json",
            "http://127.1:" + keys.port() + "/ehr/keys/evil.json",
            "http://0x7f.0.0.1:" + keys.port() + "/ehr/keys/evil.json",
            "http://2130706433:" + keys.port() + "/ehr/keys/evil.json",
            "http://[::ffff:127.0.0.1]:" + keys.port() + "/ehr/keys/evil.json",
            "http://127.0.0.1.:" + keys.port() + "/ehr/keys/evil.json",
            "http://127.0.0.1:" + elsewhere.port() + "/ehr/keys/evil.json",
            "https://127.0.0.1:" + keys.port() + "/ehr/keys/evil.json",
            "http://169.254.169.254/latest/meta-data/evil.json",
            "file:///etc/passwd",
            prefix,
            prefix + "evil.json\u0000");
    for (String jku : attacks) {
      expectRefused(401, discovery(attacker, jku), "jku " + jku);
    }
    // Spelled differently, the same allowed URL: compared and fetched in one form.
    expect(200, discovery(legit, "HTTP://127.0.0.1:" + keys.port() + "/ehr/keys/%63urrent.json"));
    assertThat(keys.count(s -> s.path().contains("evil"))).as("attacker keys fetched").isZero();
    assertThat(elsewhere.seen).isEmpty();
  }

  // ---- row 8: no unbounded key fetches ----

  @Test
  @Order(2)
  void aFloodOfInventedJkuUrlsCausesAtMostOneFetch() {
    for (int i = 0; i < 40; i++) {
      expectRefused(401, discovery(attacker, prefix + "r" + i + ".json"), "flood " + i);
    }
    for (int i = 0; i < 20; i++) {
      // Claims wrong: refused before any new URL costs a fetch.
      String token =
          AttackStubs.forge(
              attacker,
              prefix + "w" + i + ".json",
              AttackStubs.claims(JKU_ISSUER, "https://elsewhere/aud"));
      expectRefused(401, app.get(DISCOVERY, "Authorization", "Bearer " + token), "bad aud " + i);
    }
    for (int i = 0; i < 20; i++) {
      // Unknown kid on the issuer's own key set: refetches are rate-limited.
      ECKey other = AttackStubs.newKey(("kid-" + i));
      expectRefused(401, discovery(other, keys.origin() + "/ehr/jwks.json"), "unknown kid " + i);
    }
    assertThat(keys.count(s -> s.path().matches("/ehr/keys/[rw][0-9]+\\.json")))
        .as("fetches of invented jku URLs")
        .isLessThanOrEqualTo(1);
    assertThat(keys.count(s -> s.path().equals("/ehr/jwks.json")))
        .as("fetches of the issuer's key set")
        .isLessThanOrEqualTo(3);
  }

  // ---- row 11: paging stays inside the base the hook named ----

  @Test
  @Order(3)
  void pagingNeverLeavesTheFhirBaseNorCarriesTheTokenOutside() {
    String control = "page-ok-" + UUID.randomUUID();
    ehr.nextLinks.put(control, "{base}/Procedure?encounter=" + control + "&page=2");
    expect(200, hook(ehr.base(), control, TestTokens.accessToken("system/*.read")));
    String other = elsewhere.origin();
    List<String> links =
        List.of(
            "{base}/../../elsewhere",
            "{base}/../../../x?page=2",
            "{base}/%2e%2e/%2e%2e/elsewhere?page=2",
            "{base}/%2E./elsewhere",
            "{base}/.%2e/x",
            "{base}/%252e%252e/x?page=2",
            "{base}/..;/x?page=2",
            "{base}/..%2fx?page=2",
            "{base}\\..\\x?page=2",
            "{base}//x?page=2",
            "{base}x?page=2",
            "{base}/Procedure?page=2#frag",
            other + "/api/FHIR/R4/Procedure?page=2",
            "http://user@" + ehr.base().substring(7) + "/Procedure?page=2",
            "http://localhost:" + ehr.stub.port() + "/api/FHIR/R4/Procedure?page=2",
            "/api/FHIR/R4/../../x?page=2",
            "Procedure?page=2");
    for (String link : links) {
      String encounter = "page-" + UUID.randomUUID();
      ehr.nextLinks.put(encounter, link);
      expectRefused(412, hook(ehr.base(), encounter, "secret-" + encounter), "next " + link);
    }
    assertThat(ehr.stub.count(s -> !s.path().startsWith("/api/FHIR/R4/")))
        .as("requests outside the base")
        .isZero();
    assertThat(elsewhere.seen).isEmpty();
  }

  // ---- row 5: our own store only with the caller's authority ----

  @Test
  @Order(4)
  void ourOwnStoreIsReadOnlyWithTheCallersToken() {
    String c = "own" + UUID.randomUUID().toString().substring(0, 8);
    storeCase(c);
    String own = app.fhirBase();
    int port = Integer.parseInt(own.replaceAll(".*:(\\d+)/fhir", "$1"));
    List<String> spellings =
        List.of(
            own,
            own + "/",
            "HTTP://127.0.0.1:" + port + "/fhir",
            "http://127.0.0.1:" + port + "/%66hir",
            "http://localhost:" + port + "/fhir",
            "http://[::1]:" + port + "/fhir",
            "http://127.1:" + port + "/fhir",
            "http://0x7f.0.0.1:" + port + "/fhir",
            "http://2130706433:" + port + "/fhir",
            "http://127.0.0.1:" + port + "/fhir/.",
            "http://127.0.0.1:" + port + "/fhir/../fhir",
            "http://127.0.0.1:" + port + "/x/..%2ffhir",
            "http://me@127.0.0.1:" + port + "/fhir");
    for (String fhirServer : spellings) {
      // 400 when the request reader already refuses the URL (java.net.URI finds no host).
      HttpResponse<String> none = hook(fhirServer, c + "-pat", c + "-enc", null);
      expectRefused(none.statusCode() == 400 ? 400 : 412, none, "no token " + fhirServer);
      HttpResponse<String> bad = hook(fhirServer, c + "-pat", c + "-enc", "not-a-jwt");
      expectRefused(bad.statusCode() == 400 ? 400 : 412, bad, "bad token " + fhirServer);
    }
    String otherPatient =
        TestTokens.authorizationServer()
            .sign(
                AccessToken.of(TestTokens.AUTHORIZATION_SERVER, "ehr", "patient/*.read")
                    .withClaim("patient", "someone-else"));
    String forged =
        TokenSigner.generateEc("x")
            .sign(AccessToken.of(TestTokens.AUTHORIZATION_SERVER, "ehr", "system/*.read"));
    String noScopes = TestTokens.accessToken("system/Organization.read");
    for (String token : List.of(otherPatient, forged, noScopes)) {
      expectRefused(
          412, hook(own, c + "-pat", c + "-enc", token), "own store, token without the right");
    }
    // Control: the caller's own token with read scopes reads the store.
    expect(200, hook(own, c + "-pat", c + "-enc", TestTokens.accessToken("system/*.read")));
  }

  // ---- SSRF: still held, in every spelling ----

  @Test
  @Order(5)
  void fhirServerOffTheAllowlistIsNeverCalledInAnySpelling() {
    String stub = "127.0.0.1:" + ehr.stub.port();
    List<String> servers =
        List.of(
            "http://169.254.169.254/latest/meta-data",
            "http://[::ffff:169.254.169.254]/latest",
            "http://0xa9fea9fe/latest",
            "http://2852039166/latest",
            "https://169.254.169.254.nip.io/latest",
            "http://10.0.0.1/fhir",
            "http://[fd00::1]/fhir",
            "http://" + stub + "/api/FHIR/R4/../../x",
            "http://" + stub + "/api/FHIR/R4/%2e%2e/%2e%2e/x",
            "http://" + stub + "/api/FHIR/R4x",
            "http://" + stub + "/api/FHIR/R4?x=/y",
            "http://" + stub + "@127.0.0.1:" + elsewhere.port() + "/api/FHIR/R4",
            "http://" + stub + "/api/FHIR/R4#x",
            "http://" + stub + "//api/FHIR/R4",
            "http://127.0.0.1:" + elsewhere.port() + "/api/FHIR/R4",
            "file:///etc/passwd",
            "gopher://127.0.0.1:" + ehr.stub.port() + "/x");
    for (String server : servers) {
      HttpResponse<String> answer = hook(server, "ssrf-" + UUID.randomUUID(), "t");
      expectRefused(answer.statusCode() == 400 ? 400 : 412, answer, "fhirServer " + server);
    }
    assertThat(elsewhere.seen).isEmpty();
    assertThat(ehr.stub.count(s -> !s.path().startsWith("/api/FHIR/R4/"))).isZero();
  }

  // ---- helpers ----

  private static HttpResponse<String> discovery(ECKey key, String jku) {
    String token =
        AttackStubs.forge(key, jku, AttackStubs.claims(JKU_ISSUER, app.publicUrl(DISCOVERY)));
    return app.get(DISCOVERY, "Authorization", "Bearer " + token);
  }

  private static HttpResponse<String> hook(String fhirServer, String encounter, String token) {
    return hook(fhirServer, "p1", encounter, token);
  }

  private static HttpResponse<String> hook(
      String fhirServer, String patient, String encounter, String token) {
    ObjectNode body = JSON.createObjectNode();
    body.put("hook", "encounter-discharge").put("hookInstance", UUID.randomUUID().toString());
    body.put("fhirServer", fhirServer);
    if (token != null) {
      body.putObject("fhirAuthorization")
          .put("access_token", token)
          .put("token_type", "Bearer")
          .put("scope", "system/*.read")
          .put("subject", "ehr");
    }
    body.putObject("context")
        .put("userId", "Practitioner/dr")
        .put("patientId", patient)
        .put("encounterId", encounter);
    String auth = TestTokens.cdsHooks(app.publicUrl(DISCHARGE));
    return app.send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.baseUrl() + DISCHARGE))
            .header("Content-Type", "application/json")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.toString())),
        "Authorization",
        "Bearer " + auth);
  }

  /** A control: this status, or the run fails. */
  private static void expect(int status, HttpResponse<String> answer) {
    BY_STATUS.merge(answer.statusCode(), 1, Integer::sum);
    assertThat(answer.statusCode()).as(excerpt(answer.body())).isEqualTo(status);
  }

  /** An attack: counted; a success or a 5xx is recorded as unexpected. */
  private static void expectRefused(int status, HttpResponse<String> answer, String what) {
    BY_STATUS.merge(answer.statusCode(), 1, Integer::sum);
    if (answer.statusCode() < 300 || answer.statusCode() >= 500) {
      UNEXPECTED.add(what + " -> " + answer.statusCode());
    }
    assertThat(answer.statusCode()).as(what + ": " + excerpt(answer.body())).isEqualTo(status);
  }

  private static String excerpt(String body) {
    return body.length() > 300 ? body.substring(0, 300) + "..." : body;
  }

  /** A 44405 procedure in an encounter, in our store: cards if anyone reads it. */
  private static void storeCase(String c) {
    String bundle = AttackStubs.caseBundle(c);
    HttpResponse<String> stored =
        app.postJson(
            "/fhir",
            bundle,
            "Authorization",
            "Bearer " + TestTokens.accessToken(TestTokens.FULL_ACCESS));
    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
  }
}
