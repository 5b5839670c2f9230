package org.stomacds.server.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stomacds.cds.bodies.BodyViolation;

/**
 * Writes a body refusal in the format of the endpoint it was meant for: an OperationOutcome on
 * {@code /fhir}, the CDS Hooks error body ({@code {"error", "message"}}) elsewhere. The connection
 * is closed: the rest of a refused body is never read.
 */
final class BodyRefusals {

  private static final ObjectMapper JSON = new ObjectMapper();

  private BodyRefusals() {}

  static void write(HttpServletResponse response, RequestBodyGate.Door door, BodyViolation refused)
      throws IOException {
    byte[] body = body(door, refused);
    response.setContentType(contentType(door));
    response.setStatus(refused.status());
    response.setHeader("Connection", "close");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** The refusal in the door's own format. */
  static byte[] body(RequestBodyGate.Door door, BodyViolation refused) throws IOException {
    if (door == RequestBodyGate.Door.FHIR) {
      Map<String, Object> issue = new LinkedHashMap<>();
      issue.put("severity", "error");
      issue.put("code", issueCode(refused.status()));
      issue.put("details", Map.of("text", refused.code()));
      issue.put("diagnostics", refused.message());
      Map<String, Object> outcome = new LinkedHashMap<>();
      outcome.put("resourceType", "OperationOutcome");
      outcome.put("issue", List.of(issue));
      return JSON.writeValueAsBytes(outcome);
    }
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("error", refused.code());
    error.put("message", refused.message());
    return JSON.writeValueAsBytes(error);
  }

  static String contentType(RequestBodyGate.Door door) {
    return door == RequestBodyGate.Door.FHIR
        ? "application/fhir+json;charset=UTF-8"
        : "application/json";
  }

  private static String issueCode(int status) {
    return switch (status) {
      case 413 -> "too-costly";
      case 415 -> "not-supported";
      default -> "invalid";
    };
  }
}
