package org.stomacds.server.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.stomacds.cds.bodies.BodyViolation;

/**
 * Requests refused before any of our code runs still get an answer in the format of the door they
 * knocked on (an OperationOutcome on {@code /fhir}, a CDS Hooks error body elsewhere), never
 * Tomcat's HTML page or Spring's default JSON: Spring Security's firewall ({@link
 * RejectedByFirewall}: encoded slashes, dot segments, double slashes, control characters, methods
 * such as TRACE) and Tomcat itself ({@link Valve}: a request line too long, an encoded slash or a
 * NUL in the path, refused while the request is parsed).
 */
final class DoorErrorReports {

  private static final Logger log = LoggerFactory.getLogger(DoorErrorReports.class);

  private DoorErrorReports() {}

  /** Spring Security's firewall refusals. */
  static final class RejectedByFirewall implements RequestRejectedHandler {
    @Override
    public void handle(
        HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
        throws IOException {
      String reason = e.getMessage() == null ? "" : e.getMessage();
      boolean method = reason.contains("HTTP method");
      int status = method ? 405 : 400;
      RequestBodyGate.Door door = RequestBodyGate.door(request.getRequestURI());
      log.info("request refused by the firewall: {} on {}", status, door);
      BodyRefusals.write(
          response,
          door,
          new BodyViolation(
              status,
              method ? "method-not-allowed" : "rejected-url",
              method
                  ? "the HTTP method " + printableMethod(request.getMethod()) + " is not allowed"
                  : "the request URL is refused: it holds an encoded slash, backslash or percent"
                      + " sign, a dot segment, a double slash, a semicolon or a control"
                      + " character"));
    }
  }

  /** Tomcat's error report, for errors raised before the application sees the request. */
  public static final class Valve extends ErrorReportValve {
    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      AtomicBoolean allowed = new AtomicBoolean(false);
      response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, allowed);
      if (!allowed.get()) {
        return;
      }
      String uri = request.getRequestURI() == null ? "" : request.getRequestURI();
      RequestBodyGate.Door door = RequestBodyGate.door(uri);
      String message =
          status == 400
              ? "the request could not be read: its request line or headers are malformed or too"
                  + " long, or its path holds an encoded slash or a control character"
              : "the request failed with status " + status;
      try {
        byte[] body = BodyRefusals.body(door, new BodyViolation(status, "bad-request", message));
        response.setContentType(BodyRefusals.contentType(door));
        response.setCharacterEncoding("UTF-8");
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write(new String(body, StandardCharsets.UTF_8));
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException e) {
        // the connection is gone or the response is in an unusable state: nothing more to say
      }
    }
  }

  private static String printableMethod(String method) {
    String cut = method == null ? "" : method.length() > 20 ? method.substring(0, 20) : method;
    return cut.replaceAll("[^A-Za-z0-9_-]", "?");
  }
}
