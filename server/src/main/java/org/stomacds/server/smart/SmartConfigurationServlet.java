package org.stomacds.server.smart;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /fhir/.well-known/smart-configuration}: the SMART discovery document, open to everyone
 * (a client reads it before it has a token). Its own servlet at that exact path, which the servlet
 * rules prefer over HAPI's {@code /fhir/*}. Without an authorization server configured (the open
 * demo, or a server that trusts nobody yet) there is nothing to discover: 404 saying why.
 */
final class SmartConfigurationServlet extends HttpServlet {

  static final String PATH = "/fhir/.well-known/smart-configuration";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final transient Optional<Map<String, Object>> document;
  private final String absent;

  /**
   * @param document the discovery document, or empty
   * @param absent why there is none (for the 404)
   */
  SmartConfigurationServlet(Optional<Map<String, Object>> document, String absent) {
    this.document = document;
    this.absent = absent;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    if (document.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      JSON.writeValue(response.getOutputStream(), Map.of("error", "not-found", "message", absent));
      return;
    }
    response.setHeader("Cache-Control", "public, max-age=300");
    JSON.writeValue(response.getOutputStream(), document.get());
  }
}
