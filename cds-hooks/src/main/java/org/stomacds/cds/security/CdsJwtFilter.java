package org.stomacds.cds.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
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
 *
 * <p>The {@code jti} of a hook invocation is only checked here: its first use is recorded by the
 * hook service in the transaction of the call's rows (one commit per call), or by this filter once
 * the request is done when the call never reached the service. Every other call's is recorded at
 * once.
 */
final class CdsJwtFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(CdsJwtFilter.class);
  private static final Pattern LOGGABLE_PATH = Pattern.compile("[A-Za-z0-9/_.\\-]{1,200}");
  private static final Pattern HOOK_INVOCATION = Pattern.compile("/cds-services/[^/]+");

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
    boolean hook = isHookInvocation(request, path);
    CdsCaller caller;
    try {
      caller =
          hook
              ? verifier.verifyDeferringFirstUse(bearer(request), endpoints.audiences(path))
              : verifier.verify(bearer(request), endpoints.audiences(path));
      request.setAttribute(CdsCaller.ATTRIBUTE, caller);
      if (!hook) {
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
      byte[] body = Unauthorized.body();
      response.setStatus(Unauthorized.STATUS);
      response.setHeader(Unauthorized.CHALLENGE_HEADER, Unauthorized.CHALLENGE);
      response.setContentType("application/json");
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
      return;
    }
    if (caller.firstUse() == null) {
      chain.doFilter(request, response);
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      recordUnlessTaken(caller.firstUse(), request, response, path);
    }
  }

  /**
   * Records the first use of a hook call's token when the hook service never took it (the call was
   * refused before the controller: a 415, a 405), so no accepted token stays unrecorded. The answer
   * is already given; a replay found now is only logged.
   */
  private static void recordUnlessTaken(
      PendingFirstUse firstUse,
      HttpServletRequest request,
      HttpServletResponse response,
      String path) {
    if (!firstUse.takeUnlessTaken()) {
      return;
    }
    try {
      if (!firstUse.record()) {
        log.warn(
            "cds call answered before the service, its token used meanwhile: status={}"
                + " reason=REPLAY method={} path={}",
            response.getStatus(),
            request.getMethod(),
            loggable(path));
      }
    } catch (DataAccessException e) {
      log.error(
          "jwt first use not recorded for a call refused before the service: {}",
          e.getClass().getSimpleName());
    }
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
