package org.stomacds.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.stomacds.cds.bodies.BodyException;
import org.stomacds.cds.bodies.BodyLimits;
import org.stomacds.cds.bodies.BodyViolation;
import org.stomacds.cds.bodies.ContentDecoding;
import org.stomacds.cds.bodies.JsonShape;
import org.stomacds.cds.bodies.NumberBounds;
import org.stomacds.cds.bodies.Utf8;
import org.stomacds.cds.bodies.XmlShape;

/**
 * Every request body, on every path, before any parser sees it (after authentication, so only
 * callers with a valid token get a body read):
 *
 * <ol>
 *   <li>{@code Content-Encoding}: gzip, deflate and identity are undone here with the size limit on
 *       the <em>inflated</em> bytes (413); any other coding is 415. Nothing downstream sees a
 *       {@code Content-Encoding} again (HAPI 8.8.0 gunzips a {@code gzip} body itself, unbounded).
 *   <li>Size: {@code /fhir} {@code max-fhir-body-size} ({@code $validate} a smaller one), {@code
 *       /cds-services} {@code stomacds.cds.max-body-size}, anything else the FHIR limit: 413.
 *   <li>UTF-8: a JSON, XML or text body declared or defaulting to UTF-8 that is not valid UTF-8 is
 *       400, naming the byte offset (HAPI and Jackson would decode it with U+FFFD in place).
 *   <li>Shape ({@code /fhir} and other paths; the CDS Hooks readers check their own bodies the same
 *       way): nesting, array lengths, number of values (413), numbers out of {@link NumberBounds}
 *       (400); numbers in {@code /fhir} query parameters too.
 * </ol>
 *
 * Refusals are an OperationOutcome on {@code /fhir} and a CDS Hooks error body elsewhere; the log
 * names the status and code, never the body.
 */
final class RequestBodyGate extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(RequestBodyGate.class);
  private static final Pattern XML_ENCODING =
      Pattern.compile("^\\s*<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

  /** Where a request goes: it decides the limit and the error format. */
  enum Door {
    FHIR,
    CDS,
    OTHER
  }

  private final long fhirMaxBytes;
  private final long cdsMaxBytes;
  private final long validateMaxBytes;
  private final JsonShape json;
  private final XmlShape xml;
  private final JsonShape validateJson;
  private final XmlShape validateXml;

  RequestBodyGate(
      long fhirMaxBytes,
      long cdsMaxBytes,
      long validateMaxBytes,
      BodyLimits limits,
      BodyLimits validateLimits) {
    this.fhirMaxBytes = fhirMaxBytes;
    this.cdsMaxBytes = cdsMaxBytes;
    this.validateMaxBytes = Math.min(validateMaxBytes, fhirMaxBytes);
    this.json = new JsonShape(limits);
    this.xml = new XmlShape(limits);
    this.validateJson = new JsonShape(validateLimits);
    this.validateXml = new XmlShape(validateLimits);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Door door = door(path);
    HttpServletRequest checked;
    try {
      checked = check(request, door, path);
    } catch (BodyException e) {
      BodyViolation refused = e.violation();
      log.info(
          "request body refused: {} {} on {} {}",
          refused.status(),
          refused.code(),
          request.getMethod(),
          door);
      BodyRefusals.write(response, door, refused);
      return;
    }
    chain.doFilter(checked, response);
  }

  private HttpServletRequest check(HttpServletRequest request, Door door, String path)
      throws IOException {
    if (door == Door.FHIR) {
      SearchQuery.check(request.getQueryString());
    }
    ContentDecoding decoding =
        ContentDecoding.of(Collections.list(request.getHeaders("Content-Encoding")));
    long declared = request.getContentLengthLong();
    boolean chunked = request.getHeader("Transfer-Encoding") != null;
    if (declared == 0 || declared < 0 && !chunked) {
      // No body, but the header must not reach HAPI either: it would gunzip nothing and fail.
      return decoding.isIdentity() ? request : new DecodedRequest(request, new byte[0]);
    }
    String contentType = lower(request.getContentType());
    if (contentType.startsWith("application/x-www-form-urlencoded")) {
      // Parameters, not a document: the container reads them (bounded by its maxPostSize).
      if (!decoding.isIdentity()) {
        throw refuse(415, "unsupported-encoding", "a form body cannot be content-encoded");
      }
      if (door == Door.FHIR) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
          for (String value : parameter.getValue()) {
            SearchQuery.checkParameter(parameter.getKey(), value);
          }
        }
      }
      return request;
    }
    boolean validate = door == Door.FHIR && isValidate(path);
    long max = door == Door.CDS ? cdsMaxBytes : validate ? validateMaxBytes : fhirMaxBytes;
    if (declared > max) {
      throw tooLarge(max);
    }
    byte[] raw =
        request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
    if (raw.length > max) {
      throw tooLarge(max);
    }
    byte[] body = decoding.decode(raw, max);
    Charset charset = charset(request.getCharacterEncoding());
    Kind kind = kind(contentType, body);
    if (kind != Kind.OTHER || contentType.isEmpty() || contentType.startsWith("text/")) {
      Charset effective = charset != null ? charset : kind == Kind.XML ? xmlDeclared(body) : null;
      if (effective == null || effective.equals(StandardCharsets.UTF_8)) {
        long at = Utf8.firstInvalidByte(body);
        if (at >= 0) {
          throw refuse(
              400,
              "invalid-utf8",
              "the request body is not valid UTF-8 (at byte offset " + at + ")");
        }
      }
    }
    if (door != Door.CDS) {
      BodyViolation shape =
          switch (kind) {
            case JSON -> (validate ? validateJson : json).check(body, charset);
            case XML -> (validate ? validateXml : xml).check(body, charset);
            case OTHER -> null;
          };
      if (shape != null) {
        throw new BodyException(shape);
      }
    }
    return new DecodedRequest(request, body);
  }

  static Door door(String path) {
    if (path.equals("/fhir") || path.startsWith("/fhir/")) {
      return Door.FHIR;
    }
    if (path.equals("/cds-services") || path.startsWith("/cds-services/")) {
      return Door.CDS;
    }
    return Door.OTHER;
  }

  /** {@code $validate} on a type, an instance or the server (not {@code $validate-code}). */
  static boolean isValidate(String path) {
    String last = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    return last.equals("$validate") || last.equals("%24validate");
  }

  private enum Kind {
    JSON,
    XML,
    OTHER
  }

  private static Kind kind(String contentType, byte[] body) {
    if (contentType.contains("json")) {
      return Kind.JSON;
    }
    if (contentType.contains("xml")) {
      return Kind.XML;
    }
    if (!contentType.isEmpty() && !contentType.startsWith("text/")) {
      return Kind.OTHER;
    }
    for (byte b : body) {
      if (b == '{' || b == '[') {
        return Kind.JSON;
      }
      if (b == '<') {
        return Kind.XML;
      }
      if (b != ' '
          && b != '\t'
          && b != '\r'
          && b != '\n'
          && b != (byte) 0xEF
          && b != (byte) 0xBB
          && b != (byte) 0xBF) {
        return Kind.OTHER;
      }
    }
    return Kind.OTHER;
  }

  private static Charset xmlDeclared(byte[] body) {
    String head = new String(body, 0, Math.min(body.length, 200), StandardCharsets.ISO_8859_1);
    Matcher m = XML_ENCODING.matcher(head.startsWith("\uFEFF") ? head.substring(1) : head);
    if (!m.find()) {
      return null;
    }
    try {
      return Charset.forName(m.group(1));
    } catch (IllegalArgumentException e) {
      return null; // the XML parser will refuse it
    }
  }

  private static Charset charset(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    try {
      return Charset.forName(name.trim().replace("\"", ""));
    } catch (IllegalArgumentException e) {
      throw refuse(415, "unsupported-charset", "the request's charset is not supported");
    }
  }

  private static String lower(String contentType) {
    return contentType == null ? "" : contentType.trim().toLowerCase(Locale.ROOT);
  }

  private static BodyException tooLarge(long max) {
    return refuse(413, "body-too-large", "the request body is larger than " + max + " bytes");
  }

  private static BodyException refuse(int status, String code, String message) {
    return new BodyException(new BodyViolation(status, code, message));
  }
}
