package org.stomacds.server.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The corpus of {@link HostileBodiesIT}: the rows 2, 3, 9 and 13 of issue 13 and the variants
 * around them, each with the statuses it may get.
 */
final class HostileBodies {

  /** One request and what it may be answered. */
  record Case(
      String name,
      String method,
      String path,
      Map<String, String> headers,
      byte[] body,
      Set<Integer> expected) {}

  static final String FHIR_JSON = "application/fhir+json";
  static final String FHIR_XML = "application/fhir+xml";
  static final Set<Integer> BAD = Set.of(400, 422);
  static final Set<Integer> TOO_LARGE = Set.of(413);
  static final Set<Integer> CREATED = Set.of(200, 201);

  /** Each spelling of an absurd number the issue names, and a few more. */
  static final List<String> NUMBERS =
      List.of(
          "1e999999999",
          "-1e-999999999",
          "1E+2147483647",
          "1e-2147483648",
          "0e999999999",
          "1E2147483648",
          "9".repeat(1_000_000));

  private final List<Case> cases = new ArrayList<>();

  List<Case> all() {
    numbersInResources();
    numbersInSearches();
    numbersInHooks();
    compressed();
    wideAndDeep();
    invalidUtf8();
    return cases;
  }

  // ---- row 2: numbers ------------------------------------------------------------------------

  /** Where a decimal (or integer) can stand in each resource type we store. */
  private static final List<String[]> DECIMAL_PLACES =
      List.of(
          new String[] {
            "Observation",
            "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"},"
                + "\"valueQuantity\":{\"value\":N}}"
          },
          new String[] {
            "Observation",
            "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"},"
                + "\"referenceRange\":[{\"low\":{\"value\":N}}]}"
          },
          new String[] {
            "Observation",
            "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"},"
                + "\"valueInteger\":N}"
          },
          new String[] {
            "Claim",
            "{\"resourceType\":\"Claim\",\"status\":\"active\",\"use\":\"claim\","
                + "\"item\":[{\"sequence\":1,\"productOrService\":{\"text\":\"x\"},"
                + "\"unitPrice\":{\"value\":N,\"currency\":\"USD\"}}]}"
          },
          new String[] {
            "Claim",
            "{\"resourceType\":\"Claim\",\"status\":\"active\",\"use\":\"claim\","
                + "\"item\":[{\"sequence\":1,\"productOrService\":{\"text\":\"x\"},\"factor\":N}]}"
          },
          new String[] {
            "Procedure",
            "{\"resourceType\":\"Procedure\",\"status\":\"completed\",\"subject\":{\"reference\":"
                + "\"Patient/hb\"},\"extension\":[{\"url\":\"http://x\",\"valueDecimal\":N}]}"
          },
          new String[] {
            "Location",
            "{\"resourceType\":\"Location\",\"position\":{\"longitude\":N,\"latitude\":1}}"
          },
          new String[] {
            "Coverage",
            "{\"resourceType\":\"Coverage\",\"status\":\"active\",\"beneficiary\":{\"reference\":"
                + "\"Patient/hb\"},\"payor\":[{\"reference\":\"Organization/o\"}],"
                + "\"costToBeneficiary\":[{\"valueMoney\":{\"value\":N}}]}"
          });

  private void numbersInResources() {
    for (String number : NUMBERS) {
      String label = label(number);
      for (String[] place : DECIMAL_PLACES) {
        fhir("number " + label + " in " + place[0], "POST", "/fhir/" + place[0], place[1], number);
      }
      String first = DECIMAL_PLACES.get(0)[1];
      fhir("number " + label + " as a string", "POST", "/fhir/Observation", first, q(number));
      fhir(
          "number " + label + " in $validate",
          "POST",
          "/fhir/Observation/$validate",
          first,
          number);
      fhir(
          "number " + label + " in $check",
          "POST",
          "/fhir/Claim/$check",
          DECIMAL_PLACES.get(3)[1],
          number);
      fhir(
          "number " + label + " in a transaction",
          "POST",
          "/fhir",
          "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"resource\":"
              + first
              + ",\"request\":{\"method\":\"POST\",\"url\":\"Observation\"}}]}",
          number);
      if (number.length() < 100) {
        add(
            "number " + label + " in XML",
            "POST",
            "/fhir/Observation",
            FHIR_XML,
            ("<Observation xmlns=\"http://hl7.org/fhir\"><status value=\"final\"/><code><text"
                    + " value=\"x\"/></code><valueQuantity><value value=\""
                    + number
                    + "\"/></valueQuantity></Observation>")
                .getBytes(StandardCharsets.UTF_8),
            BAD);
      }
    }
    add(
        "number 10^6 digits in XML",
        "POST",
        "/fhir/Observation",
        FHIR_XML,
        ("<Observation xmlns=\"http://hl7.org/fhir\"><status value=\"final\"/><code><text"
                + " value=\"x\"/></code><valueQuantity><value value=\""
                + "9".repeat(1_000_000)
                + "\"/></valueQuantity></Observation>")
            .getBytes(StandardCharsets.UTF_8),
        BAD);
    // Ordinary numbers still go through.
    fhir(
        "number 98.6 accepted",
        "POST",
        "/fhir/Observation",
        DECIMAL_PLACES.get(0)[1],
        "98.6",
        CREATED);
    fhir(
        "number 1.5e3 accepted",
        "POST",
        "/fhir/Observation",
        DECIMAL_PLACES.get(0)[1],
        "1.5e3",
        CREATED);
  }

  private void numbersInSearches() {
    for (String number : NUMBERS.subList(0, 6)) {
      String e = java.net.URLEncoder.encode(number, StandardCharsets.UTF_8);
      for (String query :
          List.of(
              "/fhir/Observation?value-quantity=" + e,
              "/fhir/Observation?value-quantity=ge" + e,
              "/fhir/Observation?value-quantity=" + e + "%7Chttp://unitsofmeasure.org%7Cmg",
              "/fhir/Observation?component-value-quantity=lt" + e,
              "/fhir/RiskAssessment?probability=" + e)) {
        add(
            "search " + label(number) + " " + query.replaceAll("\\?.*", ""),
            "GET",
            query,
            null,
            null,
            BAD);
      }
    }
    add(
        "search 98.6 accepted",
        "GET",
        "/fhir/Observation?value-quantity=98.6",
        null,
        null,
        CREATED);
  }

  private void numbersInHooks() {
    String orderSign = template("order-sign.json");
    String feedback = template("feedback.json");
    for (String number : NUMBERS) {
      String label = label(number);
      cds(
          "hook draft order " + label,
          "/cds-services/cpt-44405-order-sign",
          orderSign.replaceFirst(
              "\"status\": \"draft\",",
              "\"status\": \"draft\", \"quantityQuantity\": {\"value\": " + number + "},"));
      cds(
          "hook prefetch " + label,
          "/cds-services/cpt-44405-order-sign",
          orderSign.replaceFirst(
              "\"birthDate\": \"1960-04-01\"",
              "\"birthDate\": \"1960-04-01\", \"extension\": [{\"url\": \"http://x\", \"valueDecimal\": "
                  + number
                  + "}]"));
      cds(
          "feedback " + label,
          "/cds-services/cpt-44405-order-sign/feedback",
          feedback.replaceFirst("\"outcome\"", "\"n\": " + number + ", \"outcome\""));
    }
  }

  // ---- row 3: compressed bodies --------------------------------------------------------------

  private void compressed() {
    byte[] patient = patient("hb-gzip").getBytes(StandardCharsets.UTF_8);
    byte[] padded = padded(15 << 20);
    add("gzip patient", "POST", "/fhir/Patient", FHIR_JSON, "gzip", gzip(patient), CREATED);
    add("x-gzip patient", "POST", "/fhir/Patient", FHIR_JSON, "x-gzip", gzip(patient), CREATED);
    add(
        "deflate patient",
        "POST",
        "/fhir/Patient",
        FHIR_JSON,
        "deflate",
        deflate(patient, false),
        CREATED);
    add(
        "raw deflate patient",
        "POST",
        "/fhir/Patient",
        FHIR_JSON,
        "deflate",
        deflate(patient, true),
        CREATED);
    add(
        "gzip, gzip patient",
        "POST",
        "/fhir/Patient",
        FHIR_JSON,
        "gzip, gzip",
        gzip(gzip(patient)),
        CREATED);
    add("identity patient", "POST", "/fhir/Patient", FHIR_JSON, "identity", patient, CREATED);
    add("gzip to 15 MB", "POST", "/fhir/Patient", FHIR_JSON, "gzip", gzip(padded), TOO_LARGE);
    add(
        "deflate to 15 MB",
        "POST",
        "/fhir/Patient",
        FHIR_JSON,
        "deflate",
        deflate(padded, false),
        TOO_LARGE);
    add(
        "gzip, gzip to 15 MB",
        "POST",
        "/fhir/Patient",
        FHIR_JSON,
        "gzip, gzip",
        gzip(gzip(padded)),
        TOO_LARGE);
    add("gzip to 2 GiB", "POST", "/fhir/Patient", FHIR_JSON, "gzip", gibibyteBomb(2048), TOO_LARGE);
    add(
        "gzip to 15 MB on $validate",
        "POST",
        "/fhir/Patient/$validate",
        FHIR_JSON,
        "gzip",
        gzip(padded),
        TOO_LARGE);
    add(
        "gzip to 15 MB in a transaction",
        "POST",
        "/fhir",
        FHIR_JSON,
        "gzip",
        gzip(padded),
        TOO_LARGE);
    add(
        "gzip to 15 MB as XML",
        "POST",
        "/fhir/Patient",
        FHIR_XML,
        "gzip",
        gzip(paddedXml(15 << 20)),
        TOO_LARGE);
    add("gzip header, plain body", "POST", "/fhir/Patient", FHIR_JSON, "gzip", patient, BAD);
    add(
        "deflate header, garbage",
        "POST",
        "/fhir/Patient",
        FHIR_JSON,
        "deflate",
        "garbage".getBytes(StandardCharsets.UTF_8),
        BAD);
    add(
        "five layers",
        "POST",
        "/fhir/Patient",
        FHIR_JSON,
        "gzip,gzip,gzip,gzip,gzip",
        patient,
        Set.of(415));
    for (String unknown : List.of("br", "compress", "zstd", "bogus", "gzip, br", "x-\u00e9")) {
      add(
          "unknown encoding " + unknown,
          "POST",
          "/fhir/Patient",
          FHIR_JSON,
          unknown,
          patient,
          Set.of(415));
      add(
          "unknown encoding " + unknown + " on a hook",
          "POST",
          "/cds-services/cpt-44405-order-sign",
          "application/json",
          unknown,
          patient,
          Set.of(415));
    }
    byte[] hook = template("order-sign.json").getBytes(StandardCharsets.UTF_8);
    add(
        "gzip hook call",
        "POST",
        "/cds-services/cpt-44405-order-sign",
        "application/json",
        "gzip",
        gzip(hook),
        Set.of(200));
    add(
        "gzip hook to 15 MB",
        "POST",
        "/cds-services/cpt-44405-order-sign",
        "application/json",
        "gzip",
        gzip(padded),
        TOO_LARGE);
    add(
        "gzip feedback to 15 MB",
        "POST",
        "/cds-services/cpt-44405-order-sign/feedback",
        "application/json",
        "gzip",
        gzip(padded),
        TOO_LARGE);
    add(
        "gzip hook to 2 GiB",
        "POST",
        "/cds-services/cpt-44405-order-sign",
        "application/json",
        "gzip",
        gibibyteBomb(2048),
        TOO_LARGE);
    add(
        "gzip to 15 MB elsewhere",
        "POST",
        "/api/sandbox/cases",
        "application/json",
        "gzip",
        gzip(padded),
        TOO_LARGE);
  }

  // ---- row 9: element counts and nesting -----------------------------------------------------

  private void wideAndDeep() {
    for (int n : List.of(1_000_000, 200_000, 20_000)) {
      String names = "{\"given\":[" + "\"a\",".repeat(n - 1) + "\"a\"]}";
      String empties = "{},".repeat(n - 1) + "{}";
      fhirBody(
          "$validate " + n + " given names",
          "/fhir/Patient/$validate",
          "{\"resourceType\":\"Patient\",\"name\":[" + names + "]}",
          TOO_LARGE);
      fhirBody(
          "$validate " + n + " empty names",
          "/fhir/Patient/$validate",
          "{\"resourceType\":\"Patient\",\"name\":[" + empties + "]}",
          TOO_LARGE);
      fhirBody(
          "create " + n + " given names",
          "/fhir/Patient",
          "{\"resourceType\":\"Patient\",\"name\":[" + names + "]}",
          TOO_LARGE);
      fhirBody(
          "create " + n + " empty names",
          "/fhir/Patient",
          "{\"resourceType\":\"Patient\",\"name\":[" + empties + "]}",
          TOO_LARGE);
    }
    StringBuilder many = new StringBuilder("{\"resourceType\":\"Patient\",\"name\":[");
    for (int i = 0; i < 120; i++) {
      many.append(i == 0 ? "" : ",")
          .append("{\"given\":[")
          .append("\"\",".repeat(4_999))
          .append("\"\"]}");
    }
    fhirBody(
        "600k values in arrays under the length limit", "/fhir/Patient", many + "]}", TOO_LARGE);
    StringBuilder sixty = new StringBuilder("{\"resourceType\":\"Patient\",\"name\":[");
    for (int i = 0; i < 15; i++) {
      sixty
          .append(i == 0 ? "" : ",")
          .append("{\"given\":[")
          .append("\"\",".repeat(3_999))
          .append("\"\"]}");
    }
    fhirBody("$validate 60k values", "/fhir/Patient/$validate", sixty + "]}", TOO_LARGE);
    fhirBody(
        "$validate 2000 given names",
        "/fhir/Patient/$validate",
        "{\"resourceType\":\"Patient\",\"name\":[{\"given\":["
            + "\"a\",".repeat(1999)
            + "\"a\"]}]}",
        Set.of(200, 412, 422));
    for (int depth : List.of(150, 1_000, 100_000)) {
      String ext =
          "{\"url\":\"http://x\",\"extension\":[".repeat(depth)
              + "{\"url\":\"http://x\",\"valueString\":\"x\"}"
              + "]}".repeat(depth);
      fhirBody(
          "extension nesting " + depth,
          "/fhir/Patient",
          "{\"resourceType\":\"Patient\",\"extension\":[" + ext + "]}",
          TOO_LARGE);
      fhirBody(
          "$validate nesting " + depth,
          "/fhir/Patient/$validate",
          "{\"resourceType\":\"Patient\",\"extension\":[" + ext + "]}",
          TOO_LARGE);
      String xml =
          "<extension url=\"http://x\">".repeat(depth)
              + "<valueString value=\"x\"/>"
              + "</extension>".repeat(depth);
      add(
          "XML nesting " + depth,
          "POST",
          "/fhir/Patient",
          FHIR_XML,
          ("<Patient xmlns=\"http://hl7.org/fhir\">" + xml + "</Patient>")
              .getBytes(StandardCharsets.UTF_8),
          TOO_LARGE);
      cds(
          "hook nesting " + depth,
          "/cds-services/cpt-44405-order-sign",
          template("order-sign.json")
              .replaceFirst("\\{", "{\"deep\":" + "[".repeat(depth) + "]".repeat(depth) + ","),
          TOO_LARGE);
    }
    add(
        "XML 20k names",
        "POST",
        "/fhir/Patient",
        FHIR_XML,
        ("<Patient xmlns=\"http://hl7.org/fhir\">"
                + "<name><given value=\"a\"/></name>".repeat(20_000)
                + "</Patient>")
            .getBytes(StandardCharsets.UTF_8),
        TOO_LARGE);
    add(
        "XML 20k given",
        "POST",
        "/fhir/Patient/$validate",
        FHIR_XML,
        ("<Patient xmlns=\"http://hl7.org/fhir\"><name>"
                + "<given value=\"a\"/>".repeat(20_000)
                + "</name></Patient>")
            .getBytes(StandardCharsets.UTF_8),
        TOO_LARGE);
    cds(
        "hook 20k selections",
        "/cds-services/cpt-44405-order-sign",
        template("order-sign.json")
            .replaceFirst(
                "\"context\": \\{",
                "\"context\": {\"selections\": [" + "\"x\",".repeat(19_999) + "\"x\"],"),
        TOO_LARGE);
  }

  // ---- row 13: invalid UTF-8 -----------------------------------------------------------------

  private void invalidUtf8() {
    List<byte[]> bad =
        List.of(
            new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0xC3, 0x28},
            new byte[] {(byte) 0xC0, (byte) 0xAF},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xE2, (byte) 0x82});
    for (byte[] b : bad) {
      String label = hex(b);
      add(
          "utf8 " + label + " in family (JSON)",
          "POST",
          "/fhir/Patient",
          FHIR_JSON,
          splice("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Sm", b, "ith\"}]}"),
          BAD);
      add(
          "utf8 " + label + " in family (XML)",
          "POST",
          "/fhir/Patient",
          FHIR_XML,
          splice(
              "<Patient xmlns=\"http://hl7.org/fhir\"><name><family value=\"Sm",
              b,
              "ith\"/></name></Patient>"),
          BAD);
      add(
          "utf8 " + label + " with no content type",
          "POST",
          "/fhir/Patient",
          null,
          splice("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Sm", b, "ith\"}]}"),
          BAD);
      add(
          "utf8 " + label + " in a transaction",
          "POST",
          "/fhir",
          FHIR_JSON,
          splice(
              "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"",
              b,
              "\"}]},\"request\":{\"method\":\"POST\",\"url\":\"Patient\"}}]}"),
          BAD);
      String hook = template("order-sign.json");
      int at = hook.indexOf("1960-04-01");
      add(
          "utf8 " + label + " in a hook",
          "POST",
          "/cds-services/cpt-44405-order-sign",
          "application/json",
          splice(hook.substring(0, at), b, hook.substring(at)),
          BAD);
      String feedback = template("feedback.json");
      int c = feedback.indexOf("In the scanned");
      add(
          "utf8 " + label + " in feedback",
          "POST",
          "/cds-services/cpt-44405-order-sign/feedback",
          "application/json",
          splice(feedback.substring(0, c), b, feedback.substring(c)),
          BAD);
      add(
          "utf8 " + label + " in gzip",
          "POST",
          "/fhir/Patient",
          FHIR_JSON,
          "gzip",
          gzip(splice("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Sm", b, "ith\"}]}")),
          BAD);
    }
    add(
        "latin-1 declared is read as latin-1",
        "POST",
        "/fhir/Patient",
        FHIR_JSON + ";charset=ISO-8859-1",
        "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"M\u00fcller\"}]}"
            .getBytes(StandardCharsets.ISO_8859_1),
        CREATED);
  }

  // ---- helpers -------------------------------------------------------------------------------

  private void fhir(String name, String method, String path, String template, String number) {
    fhir(name, method, path, template, number, BAD);
  }

  private void fhir(
      String name,
      String method,
      String path,
      String template,
      String number,
      Set<Integer> expected) {
    add(
        name,
        method,
        path,
        FHIR_JSON,
        template.replace("N", number).getBytes(StandardCharsets.UTF_8),
        expected);
  }

  private void fhirBody(String name, String path, String body, Set<Integer> expected) {
    add(name, "POST", path, FHIR_JSON, body.getBytes(StandardCharsets.UTF_8), expected);
  }

  private void cds(String name, String path, String body) {
    cds(name, path, body, BAD);
  }

  private void cds(String name, String path, String body, Set<Integer> expected) {
    add(name, "POST", path, "application/json", body.getBytes(StandardCharsets.UTF_8), expected);
  }

  private void add(
      String name, String method, String path, String type, byte[] body, Set<Integer> expected) {
    add(name, method, path, type, null, body, expected);
  }

  private void add(
      String name,
      String method,
      String path,
      String type,
      String encoding,
      byte[] body,
      Set<Integer> expected) {
    Map<String, String> headers = new java.util.LinkedHashMap<>();
    if (type != null) {
      headers.put("Content-Type", type);
    }
    if (encoding != null) {
      headers.put("Content-Encoding", encoding);
    }
    cases.add(new Case(name, method, path, headers, body, expected));
  }

  private static String q(String number) {
    return "\"" + number + "\"";
  }

  static String label(String number) {
    return number.length() > 20 ? number.length() + " digits" : number;
  }

  private static String hex(byte[] b) {
    StringBuilder out = new StringBuilder();
    for (byte x : b) {
      out.append(String.format("%02x", x & 0xFF));
    }
    return out.toString();
  }

  static String patient(String family) {
    return "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"" + family + "\"}]}";
  }

  private static byte[] splice(String before, byte[] middle, String after) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(middle);
    out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** A valid Patient padded with whitespace to {@code size} bytes: compresses a thousandfold. */
  private static byte[] padded(int size) {
    byte[] out = new byte[size];
    java.util.Arrays.fill(out, (byte) ' ');
    byte[] head = "{\"resourceType\":\"Patient\",\"active\":true".getBytes(StandardCharsets.UTF_8);
    System.arraycopy(head, 0, out, 0, head.length);
    out[size - 1] = '}';
    return out;
  }

  private static byte[] paddedXml(int size) {
    byte[] out = new byte[size];
    java.util.Arrays.fill(out, (byte) ' ');
    byte[] head = "<Patient xmlns=\"http://hl7.org/fhir\">".getBytes(StandardCharsets.UTF_8);
    byte[] tail = "</Patient>".getBytes(StandardCharsets.UTF_8);
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(tail, 0, out, size - tail.length, tail.length);
    return out;
  }

  /** {@code mib} MiB of spaces as concatenated gzip members (one member, repeated). */
  static byte[] gibibyteBomb(int mib) {
    byte[] member = gzip(new byte[64 << 20]);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < mib / 64; i++) {
      out.writeBytes(member);
    }
    return out.toByteArray();
  }

  static byte[] gzip(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] deflate(byte[] body, boolean raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream d =
        new DeflaterOutputStream(out, new Deflater(Deflater.BEST_COMPRESSION, raw))) {
      d.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static String template(String name) {
    try (InputStream in =
        HostileBodies.class.getClassLoader().getResourceAsStream("hostile/templates/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
