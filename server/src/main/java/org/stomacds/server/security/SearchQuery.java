package org.stomacds.server.security;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;
import org.stomacds.cds.bodies.BodyException;
import org.stomacds.cds.bodies.BodyViolation;
import org.stomacds.cds.bodies.NumberBounds;
import org.stomacds.cds.bodies.Utf8;

/**
 * A {@code /fhir} query string checked before HAPI reads it: every percent-escape well formed and
 * the decoded bytes valid UTF-8 (HAPI 8.8.0 hands a malformed escape to {@code URLDecoder} and
 * answers its exception with a 500), the paging controls whole numbers within bounds (HAPI adds
 * {@code _offset} and {@code _count} as ints: two large values overflowed into a 500), and the
 * numbers of search values within {@link NumberBounds}.
 */
final class SearchQuery {

  /** Paging and result-size controls: whole numbers from 0 to this. */
  static final int MAX_PAGING_VALUE = 1_000_000;

  private static final Set<String> PAGING = Set.of("_count", "_offset", "_getpagesoffset");
  private static final Pattern SEARCH_PREFIX = Pattern.compile("^(eq|ne|gt|lt|ge|le|sa|eb|ap)");
  private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,7}");

  private SearchQuery() {}

  static void check(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return;
    }
    int offset = 0;
    for (String pair : rawQuery.split("&", -1)) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq), offset);
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1), offset + eq + 1);
      checkParameter(name, value);
      offset += pair.length() + 1;
    }
  }

  /** One parameter, decoded (from the query or a form body). */
  static void checkParameter(String name, String value) {
    if (PAGING.contains(name)
        && (!WHOLE_NUMBER.matcher(value).matches() || Integer.parseInt(value) > MAX_PAGING_VALUE)) {
      throw refuse(
          "invalid-paging",
          "search parameter '" + name + "' must be a whole number from 0 to " + MAX_PAGING_VALUE);
    }
    for (String part : value.split("[,|]")) {
      String token = SEARCH_PREFIX.matcher(part).replaceFirst("");
      if (NumberBounds.worthChecking(token)) {
        String problem = NumberBounds.violation(token, NumberBounds.MAX_DIGITS);
        if (problem != null) {
          throw refuse(
              "number-out-of-range",
              "the number in search parameter '" + printable(name) + "' " + problem);
        }
      }
    }
  }

  /** Percent-decoding that refuses what {@code URLDecoder} would throw on, and invalid UTF-8. */
  private static String decode(String raw, int offset) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        int hi = i + 1 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
        int lo = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
        if (hi < 0 || lo < 0) {
          throw refuse(
              "malformed-query",
              "the query string has a malformed percent-escape at character " + (offset + i));
        }
        bytes.write(hi * 16 + lo);
        i += 2;
      } else if (c == '+') {
        bytes.write(' ');
      } else {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
      }
    }
    byte[] decoded = bytes.toByteArray();
    long bad = Utf8.firstInvalidByte(decoded);
    if (bad >= 0) {
      throw refuse(
          "malformed-query",
          "the query string does not decode to valid UTF-8 (near character " + offset + ")");
    }
    return new String(decoded, StandardCharsets.UTF_8);
  }

  private static String printable(String name) {
    String cut = name.length() > 60 ? name.substring(0, 60) : name;
    return cut.replaceAll("[^A-Za-z0-9_:.\\-]", "?");
  }

  private static BodyException refuse(String code, String message) {
    return new BodyException(new BodyViolation(400, code, message));
  }
}
