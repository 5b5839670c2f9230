package org.stomacds.cds;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.stomacds.cds.security.Unauthorized;
import org.stomacds.cds.store.FirstUse;
import org.stomacds.cds.wire.CdsException;
import org.stomacds.cds.wire.CdsJson;
import org.stomacds.cds.wire.ErrorBody;

/**
 * Error answers of the CDS Hooks endpoints: {@code {"error": code, "message": ...}} with the status
 * the failure calls for; never a stack trace. Unexpected failures are logged by class name only
 * (their messages may quote data) and answered 500.
 */
@RestControllerAdvice(assignableTypes = CdsServicesController.class)
class CdsErrorHandler {

  private static final Logger log = LoggerFactory.getLogger(CdsErrorHandler.class);

  private final CdsJson json;

  CdsErrorHandler(CdsJson json) {
    this.json = json;
  }

  @ExceptionHandler(CdsException.class)
  ResponseEntity<byte[]> refused(CdsException e) {
    return ResponseEntity.status(e.status())
        .contentType(MediaType.APPLICATION_JSON)
        .body(json.write(e.body()));
  }

  /**
   * A hook call whose token turned out to be replayed as its rows were written (another call with
   * it committed first): the filter's bare 401, nothing else said. Logged where it was found.
   */
  @ExceptionHandler(FirstUse.Replayed.class)
  ResponseEntity<byte[]> replayed(FirstUse.Replayed e) {
    return ResponseEntity.status(Unauthorized.STATUS)
        .header(Unauthorized.CHALLENGE_HEADER, Unauthorized.CHALLENGE)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Unauthorized.body());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<byte[]> failed(Exception e) {
    StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
    log.error("cds request failed: {} at {}", e.getClass().getName(), at);
    return ResponseEntity.status(500)
        .contentType(MediaType.APPLICATION_JSON)
        .body(
            json.write(
                new ErrorBody(
                    "internal-error", "the service failed; the failure is logged", null)));
  }
}
