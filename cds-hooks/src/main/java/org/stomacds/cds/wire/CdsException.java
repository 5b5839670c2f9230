package org.stomacds.cds.wire;

import java.util.List;

/**
 * A request the CDS Hooks endpoints refuse, with the status and the JSON error body to answer.
 * Messages say what was wrong and where; they never carry a token, and are never logged with
 * request content.
 */
public class CdsException extends RuntimeException {

  private final int status;
  private final String code;
  private final List<ErrorBody.Detail> details;

  public CdsException(int status, String code, String message) {
    this(status, code, message, List.of());
  }

  public CdsException(int status, String code, String message, List<ErrorBody.Detail> details) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.details = List.copyOf(details);
  }

  /** 400: unparsable JSON, wrong JSON types, or an invalid FHIR resource. */
  public static CdsException invalid(String code, String message) {
    return new CdsException(400, code, message);
  }

  /** 422: valid JSON that breaks the hook's contract. */
  public static CdsException contract(String code, String message) {
    return new CdsException(422, code, message);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public ErrorBody body() {
    return new ErrorBody(code, getMessage(), details.isEmpty() ? null : details);
  }
}
