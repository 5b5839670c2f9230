package org.stomacds.cds.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.stomacds.cds.url.PublicEndpoints;

/**
 * Authenticates every call under {@code /cds-services}, discovery and feedback included, with the
 * CDS Hooks JWT ({@code Authorization: Bearer}). Ordered after the CORS filter, which answers
 * preflights itself, so a preflight is never authenticated and a 401 carries the CORS headers. A
 * refusal is a bare 401 with a generic body; the reason category is logged, the token never. An
 * accepted call is logged with its issuer, subject and tenant: at INFO, except a hook invocation
 * ({@code POST /cds-services/{id}}), whose own INFO line ({@code cds hook ... caller=[...]})
 * already names the caller, so a hook call logs one line, and this one only at DEBUG.
 */
final class CdsJwtFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(CdsJwtFilter.class);
  private static final Pattern LOGGABLE_PATH = Pattern.compile("[A-Za-z0-9/_.\\-]{1,200}");
  private static final Pattern HOOK_INVOCATION = Pattern.compile("/cds-services/[^/]+");
  private static final byte[] UNAUTHORIZED =
      "{\"error\":\"unauthorized\",\"message\":\"a valid CDS Hooks JWT is required\"}"
          .getBytes(StandardCharsets.UTF_8);

  private final CdsJwtVerifier verifier;
  private final PublicEndpoints endpoints;
  private final boolean open;

  /**
   * @param open let every call through (the demo profile with no trusted issuer)
   */
  CdsJwtFilter(CdsJwtVerifier verifier, PublicEndpoints endpoints, boolean open) {
    this.verifier = verifier;
    this.endpoints = endpoints;
    this.open = open;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (open || CorsUtils.isPreFlightRequest(request)) {
      chain.doFilter(request, response);
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    try {
      CdsCaller caller = verifier.verify(bearer(request), endpoints.audiences(path));
      request.setAttribute(CdsCaller.ATTRIBUTE, caller);
      if (!isHookInvocation(request, path)) {
        log.info(
            "cds call accepted: {} method={} path={}",
            caller.audited().forLog(),
            request.getMethod(),
            loggable(path));
      } else if (log.isDebugEnabled()) {
        log.debug(
            "cds call accepted: {} method={} path={}",
            caller.audited().forLog(),
            request.getMethod(),
            loggable(path));
      }
    } catch (CdsAuthenticationException e) {
      log.warn(
          "cds call refused: 401 reason={} method={} path={}",
          e.reason(),
          request.getMethod(),
          loggable(path));
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader("WWW-Authenticate", "Bearer");
      response.setContentType("application/json");
      response.setContentLength(UNAUTHORIZED.length);
      response.getOutputStream().write(UNAUTHORIZED);
      return;
    }
    chain.doFilter(request, response);
  }

  /** A hook invocation: answered by the hook service, which logs it with its caller at INFO. */
  private static boolean isHookInvocation(HttpServletRequest request, String path) {
    return "POST".equals(request.getMethod()) && HOOK_INVOCATION.matcher(path).matches();
  }

  private static String loggable(String path) {
    return LOGGABLE_PATH.matcher(path).matches() ? path : "(not loggable)";
  }

  private static String bearer(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || header.length() < 7) {
      return null;
    }
    if (!header.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
      return null;
    }
    return header.substring(7).trim();
  }
}
