package org.stomacds.cds;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.stomacds.cds.wire.CdsJson;
import org.stomacds.cds.wire.ErrorBody;

/**
 * Every POST under {@code /cds-services} carries JSON: {@code Content-Type: application/json}, with
 * an optional {@code charset} that must be UTF-8 (JSON is UTF-8, RFC 8259). Anything else, a
 * missing header included, is answered 415 with the CDS Hooks error body before a byte of the body
 * is read. Ordered after the CORS filter (the answer carries its headers) and the JWT filter (an
 * unauthenticated caller learns nothing about our endpoints).
 */
final class JsonBodiesOnly extends OncePerRequestFilter {

  static final String CODE = "unsupported-media-type";

  private static final Logger log = LoggerFactory.getLogger(JsonBodiesOnly.class);

  private final CdsJson json;

  JsonBodiesOnly(CdsJson json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!"POST".equals(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    Optional<String> refusal = refusal(request.getHeader("Content-Type"));
    if (refusal.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    log.info("cds call refused: 415 {}", CODE);
    byte[] body = json.write(new ErrorBody(CODE, refusal.get(), null));
    response.setStatus(415);
    response.setHeader("Accept-Post", MediaType.APPLICATION_JSON_VALUE);
    // The body is never read: do not keep the connection for the rest of it.
    response.setHeader("Connection", "close");
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** Why a request with this {@code Content-Type} header is refused; empty when it is JSON. */
  static Optional<String> refusal(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return Optional.of("the request has no Content-Type: send the body as application/json");
    }
    MediaType type;
    try {
      type = MediaType.parseMediaType(contentType);
    } catch (IllegalArgumentException e) {
      // InvalidMediaTypeException, or an unknown or malformed charset found while parsing.
      return Optional.of("the Content-Type is not a valid media type: send application/json");
    }
    if (!"application".equals(type.getType()) || !"json".equals(type.getSubtype())) {
      String named = type.getType() + "/" + type.getSubtype();
      return Optional.of(
          "the body must be application/json, not "
              + (named.length() <= 100 ? named : named.substring(0, 100) + "..."));
    }
    // The parameter is read by hand: Spring resolves a charset only under the exact name "charset".
    String charset = type.getParameter("charset");
    if (charset != null) {
      String name = charset.replace("\"", "").trim();
      try {
        if (!Charset.isSupported(name) || !StandardCharsets.UTF_8.equals(Charset.forName(name))) {
          return Optional.of("application/json is read as UTF-8: send charset=utf-8 or none");
        }
      } catch (IllegalArgumentException e) {
        return Optional.of("the charset is unknown: send application/json as UTF-8");
      }
    }
    return Optional.empty();
  }
}
