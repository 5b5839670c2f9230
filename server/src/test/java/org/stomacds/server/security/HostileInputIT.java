package org.stomacds.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.stomacds.server.support.SecuredApplication;
import org.stomacds.server.support.TestTokens;

/**
 * Hundreds of malformed and hostile requests, authenticated so they reach the parsers: the valid
 * requests under {@code hostile/templates} mutated programmatically (every mutation deterministic)
 * plus the hand-written ones under {@code hostile/nasty}. None may get a 5xx; each 4xx must say
 * what was wrong in the endpoint's own error format.
 */
class HostileInputIT extends SecuredApplication {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long SEED = 44405;

  /** One request of the corpus. */
  record Case(String name, String method, String path, String contentType, byte[] body) {}

  /** A template from {@code hostile/templates/index.txt}. */
  record Template(String file, String method, String path, String contentType, JsonNode body) {}

  @Test
  void noMalformedOrHostileRequestGetsA5xx() throws Exception {
    List<Case> corpus = new ArrayList<>();
    for (Template template : templates()) {
      corpus.addAll(treeMutations(template));
      corpus.addAll(byteMutations(template));
    }
    corpus.addAll(handWritten());
    assertThat(corpus).hasSizeGreaterThanOrEqualTo(300);

    Map<Integer, Integer> byStatus = new TreeMap<>();
    Map<String, Map<Integer, Integer>> byEndpoint = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    for (Case c : corpus) {
      RawHttp.Answer response = call(c);
      int status = response.status();
      byStatus.merge(status, 1, Integer::sum);
      byEndpoint
          .computeIfAbsent(
              c.method() + " " + c.path().replaceAll("\\?.*", ""), k -> new TreeMap<>())
          .merge(status, 1, Integer::sum);
      if (status >= 500) {
        failures.add(c.name() + " -> " + status + ": " + abbreviate(response.body()));
      } else if (status >= 400 && !explains(c, response)) {
        failures.add(
            c.name() + " -> " + status + " without an explanation: " + abbreviate(response.body()));
      }
    }
    System.out.println("hostile corpus: " + corpus.size() + " requests; by status " + byStatus);
    byEndpoint.forEach((endpoint, counts) -> System.out.println("  " + endpoint + " " + counts));
    assertThat(failures).as("requests answered 5xx or an unexplained 4xx").isEmpty();
  }

  /** A 4xx in the endpoint's own format: a CDS Hooks error body, or an OperationOutcome. */
  private static boolean explains(Case c, RawHttp.Answer response) {
    String body = response.body();
    if (response.status() == 401 || response.status() == 405) {
      return true;
    }
    if (c.path().startsWith("/cds-services")) {
      return body.contains("\"error\"") && body.contains("\"message\"");
    }
    return body.contains("OperationOutcome");
  }

  private static String abbreviate(String body) {
    String flat = body.replaceAll("\\s+", " ");
    return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
  }

  private RawHttp.Answer call(Case c) {
    String token =
        c.path().startsWith("/cds-services")
            ? TestTokens.cdsHooks(audience(c.path()))
            : TestTokens.accessToken(TestTokens.FULL_ACCESS);
    URI uri;
    try {
      uri = new URI(url(c.path()));
    } catch (java.net.URISyntaxException notAUri) {
      // Sent as written: an attacker's client does not refuse a malformed escape.
      return RawHttp.send(
          URI.create(url("/")), c.method(), c.path(), c.contentType(), token, c.body());
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(java.time.Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + token);
    if (c.contentType() != null) {
      request.header("Content-Type", c.contentType());
    }
    HttpRequest.BodyPublisher body =
        c.body() == null || c.body().length == 0 && c.method().equals("GET")
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(c.body());
    HttpResponse<String> answer = exchange(request.method(c.method(), body).build());
    return new RawHttp.Answer(answer.statusCode(), answer.body());
  }

  // ---- the corpus ----------------------------------------------------------------------------

  private static List<Template> templates() throws IOException {
    List<Template> templates = new ArrayList<>();
    for (String line : resource("hostile/templates/index.txt").split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.trim().split("\\s+");
      templates.add(
          new Template(
              f[0], f[1], f[2], f[3], JSON.readTree(resource("hostile/templates/" + f[0]))));
    }
    return templates;
  }

  /**
   * Every JSON path of the template (sampled), each removed, nulled, mistyped, inflated, mangled.
   */
  private static List<Case> treeMutations(Template t) throws IOException {
    List<String> paths = new ArrayList<>();
    collectPaths(t.body(), "", paths);
    Random random = new Random(SEED + t.file().hashCode());
    java.util.Collections.shuffle(paths, random);
    List<String> chosen = paths.subList(0, Math.min(14, paths.size()));
    List<Case> cases = new ArrayList<>();
    for (String path : chosen) {
      for (String mutation : List.of("remove", "null", "wrong-type", "huge", "junk-unicode")) {
        JsonNode copy = t.body().deepCopy();
        mutate(copy, path, mutation, random);
        cases.add(
            new Case(
                t.file() + " " + mutation + " " + path,
                t.method(),
                t.path(),
                t.contentType(),
                JSON.writeValueAsBytes(copy)));
      }
    }
    return cases;
  }

  private static void collectPaths(JsonNode node, String path, List<String> out) {
    if (!path.isEmpty()) {
      out.add(path);
    }
    if (node.isObject()) {
      node.fieldNames().forEachRemaining(f -> collectPaths(node.get(f), path + "/" + f, out));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectPaths(node.get(i), path + "/" + i, out);
      }
    }
  }

  private static void mutate(JsonNode root, String path, String mutation, Random random) {
    int cut = path.lastIndexOf('/');
    JsonNode parent = root.at(path.substring(0, cut));
    String key = path.substring(cut + 1);
    JsonNode current = root.at(path);
    JsonNode replacement =
        switch (mutation) {
          case "null" -> JsonNodeFactory.instance.nullNode();
          case "wrong-type" -> wrongType(current);
          case "huge" -> JsonNodeFactory.instance.textNode("A".repeat(200_000));
          case "junk-unicode" ->
              JsonNodeFactory.instance.textNode(
                  "\u0000\u202e\ud83d\ude00\ufffd\u0007<script>alert(1)</script>${jndi:ldap://x}"
                      + random.nextInt());
          default -> null;
        };
    if (parent instanceof ObjectNode object) {
      if (replacement == null) {
        object.remove(key);
      } else {
        object.set(key, replacement);
      }
    } else if (parent instanceof ArrayNode array) {
      int index = Integer.parseInt(key);
      if (replacement == null) {
        array.remove(index);
      } else {
        array.set(index, replacement);
      }
    }
  }

  private static JsonNode wrongType(JsonNode current) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (current.isTextual()) {
      return f.numberNode(42);
    }
    if (current.isNumber() || current.isBoolean()) {
      return f.textNode("not-a-" + current.getNodeType().name().toLowerCase());
    }
    if (current.isObject()) {
      return f.arrayNode().add("object expected");
    }
    return f.objectNode().put("array", "expected");
  }

  /** Whole-body damage: truncation, other encodings, invalid UTF-8, nesting, odd literals. */
  private static List<Case> byteMutations(Template t) throws IOException {
    byte[] valid = JSON.writeValueAsBytes(t.body());
    String text = new String(valid, StandardCharsets.UTF_8);
    List<Case> cases = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      cases.add(bytes(t, "truncated-" + i, java.util.Arrays.copyOf(valid, valid.length * i / 6)));
    }
    cases.add(bytes(t, "empty", new byte[0]));
    for (String literal :
        List.of("null", "[]", "\"a string\"", "42", "true", "{}", "{\"resourceType\":null}")) {
      cases.add(bytes(t, "literal " + literal, literal.getBytes(StandardCharsets.UTF_8)));
    }
    cases.add(
        bytes(
            t,
            "deep-arrays",
            ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8)));
    String deepField = "{\"x\":".repeat(400) + "1" + "}".repeat(400);
    cases.add(
        bytes(
            t,
            "deep-field",
            text.replaceFirst("\\{", "{\"deep\":" + deepField + ",")
                .getBytes(StandardCharsets.UTF_8)));
    cases.add(bytes(t, "invalid-utf8", splice(valid, new byte[] {(byte) 0xC3, (byte) 0x28})));
    cases.add(bytes(t, "byte-ff", splice(valid, new byte[] {(byte) 0xFF, (byte) 0xFE})));
    cases.add(bytes(t, "overlong-slash", splice(valid, new byte[] {(byte) 0xC0, (byte) 0xAF})));
    cases.add(
        bytes(
            t,
            "utf8-surrogate",
            splice(valid, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})));
    cases.add(bytes(t, "utf16", text.getBytes(StandardCharsets.UTF_16)));
    cases.add(
        bytes(
            t,
            "latin1-accents",
            text.replaceFirst("\"", "\"é").getBytes(StandardCharsets.ISO_8859_1)));
    cases.add(bytes(t, "bom", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, valid)));
    cases.add(
        bytes(
            t, "trailing-garbage", concat(valid, "}}]]garbage".getBytes(StandardCharsets.UTF_8))));
    cases.add(bytes(t, "comment", ("/* x */" + text).getBytes(StandardCharsets.UTF_8)));
    cases.add(
        bytes(t, "nan", text.replaceFirst("\\{", "{\"n\":NaN,").getBytes(StandardCharsets.UTF_8)));
    cases.add(
        bytes(
            t,
            "huge-exponent",
            text.replaceFirst("\\{", "{\"n\":1e999999999,").getBytes(StandardCharsets.UTF_8)));
    cases.add(
        bytes(
            t,
            "long-number",
            text.replaceFirst("\\{", "{\"n\":" + "9".repeat(5000) + ",")
                .getBytes(StandardCharsets.UTF_8)));
    cases.add(
        bytes(
            t,
            "duplicate-keys",
            text.replaceFirst("\\{", "{\"resourceType\":\"Patient\",\"hook\":\"x\",")
                .getBytes(StandardCharsets.UTF_8)));
    cases.add(
        bytes(
            t,
            "many-keys",
            text.replaceFirst("\\{", "{" + manyKeys(20_000)).getBytes(StandardCharsets.UTF_8)));
    cases.add(new Case(t.file() + " text/plain", t.method(), t.path(), "text/plain", valid));
    cases.add(
        new Case(t.file() + " xml-declared", t.method(), t.path(), "application/fhir+xml", valid));
    cases.add(new Case(t.file() + " no content type", t.method(), t.path(), null, valid));
    cases.add(
        new Case(
            t.file() + " latin1 charset",
            t.method(),
            t.path(),
            t.contentType() + ";charset=ISO-8859-1",
            valid));
    cases.add(
        new Case(
            t.file() + " bogus charset",
            t.method(),
            t.path(),
            t.contentType() + ";charset=x-nonsense",
            valid));
    return cases;
  }

  private static String manyKeys(int n) {
    StringBuilder keys = new StringBuilder();
    for (int i = 0; i < n; i++) {
      keys.append("\"k").append(i).append("\":").append(i).append(',');
    }
    return keys.toString();
  }

  private static Case bytes(Template t, String name, byte[] body) {
    return new Case(t.file() + " " + name, t.method(), t.path(), t.contentType(), body);
  }

  /** The bytes inserted just inside the first string value. */
  private static byte[] splice(byte[] valid, byte[] insert) {
    int quote = 0;
    int seen = 0;
    for (int i = 0; i < valid.length; i++) {
      if (valid[i] == '"' && ++seen == 4) {
        quote = i + 1;
        break;
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(valid, 0, quote);
    out.writeBytes(insert);
    out.write(valid, quote, valid.length - quote);
    return out.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** {@code hostile/nasty/*.txt}: first line "METHOD PATH CONTENT-TYPE", then the body. */
  private static List<Case> handWritten() throws Exception {
    Path dir = Path.of(HostileInputIT.class.getClassLoader().getResource("hostile/nasty").toURI());
    List<Case> cases = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        String[] head = text.substring(0, newline).trim().split("\\s+");
        String body = text.substring(newline + 1).stripTrailing();
        cases.add(
            new Case(
                "nasty/" + file.getFileName(),
                head[0],
                head[1],
                head.length > 2 ? head[2] : null,
                body.getBytes(StandardCharsets.UTF_8)));
      }
    }
    return cases;
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = HostileInputIT.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException(name + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
