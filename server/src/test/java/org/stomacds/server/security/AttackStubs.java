package org.stomacds.server.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Loopback stand-ins for {@link KeyAndUrlAttacksIT}: a key server, an EHR's FHIR server and an
 * "elsewhere" that nothing may reach. Each records every request it receives (path, query and
 * whether it carried an Authorization header), so a test can count the fetches that should not have
 * happened. The JDK's HTTP server, on 127.0.0.1 only: nothing leaves the machine.
 */
final class AttackStubs {

  private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private AttackStubs() {}

  /** One request seen by a stub. */
  record Seen(String path, String query, boolean authorized) {}

  /** One answer: status and JSON body. */
  record Reply(int status, String body) {}

  /** A recording loopback HTTP server answering with a function of the request. */
  static final class Stub implements AutoCloseable {
    private final HttpServer server;
    final List<Seen> seen = new CopyOnWriteArrayList<>();

    Stub(Function<Seen, Reply> answer) {
      try {
        server =
            HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server.createContext(
          "/",
          exchange -> {
            Seen s =
                new Seen(
                    exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().containsKey("Authorization"));
            seen.add(s);
            reply(exchange, answer.apply(s));
          });
      server.start();
    }

    String origin() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int port() {
      return server.getAddress().getPort();
    }

    long count(java.util.function.Predicate<Seen> which) {
      return seen.stream().filter(which).count();
    }

    @Override
    public void close() {
      server.stop(0);
    }

    private static void reply(HttpExchange exchange, Reply reply) throws IOException {
      byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(reply.status(), bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    }
  }

  /** A key server: these paths serve these JWK Sets, anything else 404. */
  static Stub keyServer(Map<String, String> jwkSets) {
    return new Stub(
        s ->
            jwkSets.containsKey(s.path())
                ? new Reply(200, jwkSets.get(s.path()))
                : new Reply(404, "{}"));
  }

  /**
   * An EHR's FHIR server under {@code basePath}: every search answers a page of one Coverage whose
   * {@code next} link is the one registered for the search's {@code encounter} or {@code patient}
   * value ({@code {base}} replaced by the base URL); a search with {@code page=2} answers a last
   * page. Reads answer 404.
   */
  static final class FhirServer implements AutoCloseable {
    final Map<String, String> nextLinks = new ConcurrentHashMap<>();
    final Stub stub;
    final String basePath;

    FhirServer(String basePath) {
      this.basePath = basePath;
      this.stub = new Stub(this::answer);
    }

    String base() {
      return stub.origin() + basePath;
    }

    private Reply answer(Seen s) {
      if (s.query() == null) {
        return new Reply(404, "{\"resourceType\":\"OperationOutcome\"}");
      }
      String next = null;
      if (!s.query().contains("page=2")) {
        for (Map.Entry<String, String> e : nextLinks.entrySet()) {
          if (s.query().contains("=" + e.getKey())) {
            next = e.getValue().replace("{base}", base());
          }
        }
      }
      String link =
          next == null
              ? ""
              : "\"link\":[{\"relation\":\"next\",\"url\":\""
                  + next.replace("\\", "\\\\").replace("\"", "\\\"")
                  + "\"}],";
      return new Reply(
          200, "{\"resourceType\":\"Bundle\",\"type\":\"searchset\"," + link + "\"entry\":[]}");
    }

    @Override
    public void close() {
      stub.close();
    }
  }

  static String resource(String name) {
    try (InputStream in = AttackStubs.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is not on the test classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JWT built by hand, so the jku header can be any text (Nimbus' builder wants a URI). */
  static String forge(ECKey key, String jku, Map<String, Object> claims) {
    try {
      Map<String, Object> header = new LinkedHashMap<>();
      header.put("alg", "ES384");
      header.put("typ", "JWT");
      header.put("kid", key.getKeyID());
      if (jku != null) {
        header.put("jku", jku);
      }
      String input =
          Base64URL.encode(MAPPER.writeValueAsBytes(header))
              + "."
              + Base64URL.encode(MAPPER.writeValueAsBytes(claims));
      Base64URL signature =
          new ECDSASigner(key)
              .sign(new JWSHeader(JWSAlgorithm.ES384), input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + signature;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A fresh P-384 key with this kid. */
  static ECKey newKey(String kid) {
    try {
      return new ECKeyGenerator(Curve.P_384).keyID(kid).generate();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static int freePort() throws java.io.IOException {
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  /** A transaction: a 44405 procedure in an encounter of a patient, ids prefixed by {@code c}. */
  static String caseBundle(String c) {
    return """
        {"resourceType":"Bundle","type":"transaction","entry":[
         {"resource":{"resourceType":"Patient","id":"%1$s-pat"},
          "request":{"method":"PUT","url":"Patient/%1$s-pat"}},
         {"resource":{"resourceType":"Encounter","id":"%1$s-enc","status":"finished",
           "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},
           "subject":{"reference":"Patient/%1$s-pat"}},
          "request":{"method":"PUT","url":"Encounter/%1$s-enc"}},
         {"resource":{"resourceType":"Procedure","id":"%1$s-proc","status":"completed",
           "code":{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"44405"}]},
           "subject":{"reference":"Patient/%1$s-pat"},"encounter":{"reference":"Encounter/%1$s-enc"},
           "performedDateTime":"2026-01-05"},
          "request":{"method":"PUT","url":"Procedure/%1$s-proc"}}]}
        """
        .formatted(c);
  }

  /** Valid-looking CDS Hooks claims from this issuer for this audience, a fresh jti. */
  static Map<String, Object> claims(String issuer, String audience) {
    long now = java.time.Instant.now().getEpochSecond();
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", issuer);
    claims.put("sub", "ehr-client");
    claims.put("aud", audience);
    claims.put("iat", now);
    claims.put("exp", now + 240);
    claims.put("jti", java.util.UUID.randomUUID().toString());
    return claims;
  }
}
