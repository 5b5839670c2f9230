package org.stomacds.server.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.stomacds.fixtures.jwt.AccessToken;
import org.stomacds.server.support.TestTokens;

/**
 * Sends the attacks of {@link AuthorizationAttacksIT} to one running server and keeps the score:
 * every answer by status, answers of 5xx, and "unexpected successes" (a 2xx, or a leak of the other
 * patient's data, where a refusal was due). Tokens are never printed.
 */
final class AttackClient {

  /** One answer: status, headers and body. */
  record Answer(int status, Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst()
          .orElse("");
    }
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String baseUrl;
  private final Map<Integer, Integer> byStatus = new TreeMap<>();
  private final List<String> serverErrors = new ArrayList<>();
  private final List<String> unexpectedSuccesses = new ArrayList<>();
  private final List<String> wrongAnswers = new ArrayList<>();
  private int requests;

  AttackClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  String baseUrl() {
    return baseUrl;
  }

  static String token(String patient, String... scopes) {
    AccessToken token = AccessToken.of(TestTokens.AUTHORIZATION_SERVER, "attacker", scopes);
    if (patient != null) {
      token = token.withClaim("patient", patient);
    }
    return TestTokens.authorizationServer().sign(token);
  }

  static String system(String... scopes) {
    return token(null, scopes);
  }

  synchronized Answer send(String method, String path, String token, String body, String... h) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/fhir+json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    for (int i = 0; i < h.length; i += 2) {
      request.setHeader(h[i], h[i + 1]);
    }
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return count(
          method + " " + path,
          new Answer(response.statusCode(), response.headers().map(), response.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A request with headers HttpClient will not send (Host), over a plain socket. */
  synchronized Answer raw(String method, String path, String token, String... h) {
    URI base = URI.create(baseUrl);
    StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
    boolean host = false;
    for (int i = 0; i < h.length; i += 2) {
      head.append(h[i]).append(": ").append(h[i + 1]).append("\r\n");
      host |= h[i].equalsIgnoreCase("Host");
    }
    if (!host) {
      head.append("Host: ")
          .append(base.getHost())
          .append(':')
          .append(base.getPort())
          .append("\r\n");
    }
    if (token != null) {
      head.append("Authorization: Bearer ").append(token).append("\r\n");
    }
    head.append("Connection: close\r\n\r\n");
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int end = text.indexOf("\r\n\r\n");
      String[] lines = text.substring(0, Math.max(end, 0)).split("\r\n");
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers
            .computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new ArrayList<>())
            .add(lines[i].substring(colon + 1).trim());
      }
      return count(method + " " + path, new Answer(status, headers, text.substring(end + 4)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Answer count(String label, Answer answer) {
    requests++;
    byStatus.merge(answer.status(), 1, Integer::sum);
    if (answer.status() >= 500) {
      serverErrors.add(answer.status() + " " + label);
    }
    return answer;
  }

  /** The attack must be refused with 403 and must not show any of the secrets. */
  synchronized void refused(String label, Answer answer, String... secrets) {
    check(label, answer, s -> s == 403, secrets);
  }

  /** The attack may answer as it likes but 2xx, 5xx, or with a secret. */
  synchronized void blocked(String label, Answer answer, String... secrets) {
    check(label, answer, s -> s >= 400 && s < 500, secrets);
  }

  private void check(String label, Answer answer, Predicate<Integer> expected, String... secrets) {
    if (answer.status() >= 200 && answer.status() < 300) {
      unexpectedSuccesses.add(label + " -> " + answer.status());
    } else if (!expected.test(answer.status())) {
      wrongAnswers.add(label + " -> " + answer.status() + " " + abbreviate(answer.body()));
    }
    leaks(label, answer, secrets);
  }

  /** Whatever the status, none of the secrets may be in the answer. */
  synchronized void leaks(String label, Answer answer, String... secrets) {
    for (String secret : secrets) {
      if (answer.body().contains(secret) || answer.headers().toString().contains(secret)) {
        unexpectedSuccesses.add(label + " -> showed '" + secret + "'");
      }
    }
  }

  /** A legitimate request must still work (the fix must not refuse everything). */
  synchronized void allowed(String label, Answer answer) {
    if (answer.status() < 200 || answer.status() >= 300) {
      wrongAnswers.add(label + " -> " + answer.status() + " " + abbreviate(answer.body()));
    }
  }

  synchronized void expectStatus(String label, Answer answer, int status) {
    if (answer.status() != status) {
      wrongAnswers.add(label + " -> " + answer.status() + " (expected " + status + ")");
    }
  }

  private static String abbreviate(String body) {
    return body.length() > 300 ? body.substring(0, 300) + "..." : body;
  }

  /** Where each list stands now, to tell one test's findings from the others'. */
  synchronized int[] mark() {
    return new int[] {serverErrors.size(), unexpectedSuccesses.size(), wrongAnswers.size()};
  }

  synchronized List<String> serverErrors() {
    return List.copyOf(serverErrors);
  }

  synchronized List<String> unexpectedSuccesses() {
    return List.copyOf(unexpectedSuccesses);
  }

  synchronized List<String> wrongAnswers() {
    return List.copyOf(wrongAnswers);
  }

  synchronized String summary() {
    return "authorization attacks: "
        + requests
        + " requests, by status "
        + byStatus
        + ", "
        + serverErrors.size()
        + " answers of 500, "
        + unexpectedSuccesses.size()
        + " unexpected successes";
  }

  synchronized int requests() {
    return requests;
  }
}
