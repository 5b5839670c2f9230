package org.stomacds.server.checks;

import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PayloadTooLargeException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;

/**
 * {@code $check} on Procedure and Claim (OperationDefinition {@value #CANONICAL}): the findings of
 * the rule pack as an OperationOutcome, writing nothing.
 *
 * <ul>
 *   <li>{@code GET|POST [base]/Claim/{id}/$check}: the stored Claim (404 when there is none);
 *   <li>{@code POST [base]/Claim/$check}: a Claim in the body, a Parameters with a {@code resource}
 *       parameter, or a Bundle of it and its related resources; what the body lacks is read from
 *       the store.
 * </ul>
 *
 * The same for Procedure. An error finding is an {@code error} issue here: nothing was written.
 */
final class CheckOperationProvider {

  static final String CANONICAL = "https://stomacds.org/fhir/OperationDefinition/check";
  private static final String DESCRIPTION =
      "Checks a Procedure or Claim of a code the loaded rule packs check (CPT 44405, 44381 and"
          + " 45386 are shipped) against its pack and returns the findings as an OperationOutcome;"
          + " writes nothing.";

  private final CheckService checks;
  private final CheckBodyReader reader;
  private final RuleTitles titles;
  private final long maxBody;

  CheckOperationProvider(
      CheckService checks, CheckBodyReader reader, RuleTitles titles, long maxBody) {
    this.checks = checks;
    this.reader = reader;
    this.titles = titles;
    this.maxBody = maxBody;
  }

  @Operation(
      name = "$check",
      type = Claim.class,
      idempotent = true,
      manualRequest = true,
      canonicalUrl = CANONICAL)
  @Description(shortDefinition = DESCRIPTION)
  public OperationOutcome checkClaim(@IdParam(optional = true) IdType id, RequestDetails request) {
    return check("Claim", id, request);
  }

  @Operation(
      name = "$check",
      type = Procedure.class,
      idempotent = true,
      manualRequest = true,
      canonicalUrl = CANONICAL)
  @Description(shortDefinition = DESCRIPTION)
  public OperationOutcome checkProcedure(
      @IdParam(optional = true) IdType id, RequestDetails request) {
    return check("Procedure", id, request);
  }

  private OperationOutcome check(String type, IdType id, RequestDetails request) {
    byte[] body = body(request);
    CheckService.Checked checked;
    String what;
    if (id != null && id.hasIdPart()) {
      what = type + "/" + id.getIdPart();
      requireNoBody(body, request, what);
      checked = checks.checkStored(what);
    } else {
      if (request.getRequestType() != RequestTypeEnum.POST) {
        throw new InvalidRequestException(
            type
                + "/$check checks the "
                + type
                + " in the body of a POST; to check a stored one, call "
                + type
                + "/{id}/$check");
      }
      CheckBodyReader.Body given =
          reader.read(body, request.getHeader(Constants.HEADER_CONTENT_TYPE), type);
      checked = checks.check(given.resources(), given.focus());
      what =
          given.focus().size() == 1
              ? "the " + type + " given"
              : "the " + given.focus().size() + " " + type + "s given";
    }
    OperationOutcome outcome = new OperationOutcome();
    if (!checked.subject()) {
      Outcomes.addInformation(outcome, CheckService.notASubject(what));
    } else if (checked.findings().isEmpty()) {
      Outcomes.addInformation(
          outcome,
          "stomacds found nothing to fix in " + String.join(", ", checked.subjects()) + ".");
    } else {
      Outcomes.addFindings(
          outcome, checked.findings(), Outcomes.Mode.CHECK, titles, java.util.Map.of());
    }
    return outcome;
  }

  private byte[] body(RequestDetails request) {
    String length = request.getHeader("Content-Length");
    if (length != null) {
      try {
        if (Long.parseLong(length.strip()) > maxBody) {
          throw tooLarge();
        }
      } catch (NumberFormatException e) {
        throw new InvalidRequestException("Content-Length is not a number");
      }
    }
    byte[] body = request.loadRequestContents();
    if (body != null && body.length > maxBody) {
      throw tooLarge();
    }
    return body == null ? new byte[0] : body;
  }

  private PayloadTooLargeException tooLarge() {
    return new PayloadTooLargeException(
        "The $check body is larger than " + maxBody + " bytes (stomacds.checks.max-check-body)");
  }

  /** An instance-level check reads the stored resource; an empty Parameters is tolerated. */
  private void requireNoBody(byte[] body, RequestDetails request, String what) {
    String text = new String(body, StandardCharsets.UTF_8).strip();
    if (text.isEmpty()) {
      return;
    }
    Resource parsed = reader.parse(text, request.getHeader(Constants.HEADER_CONTENT_TYPE));
    if (parsed instanceof Parameters parameters && parameters.getParameter().isEmpty()) {
      return;
    }
    throw new InvalidRequestException(
        what
            + "/$check checks the stored resource and takes no body; to check other content,"
            + " POST it to "
            + List.of(what.split("/")).get(0)
            + "/$check");
  }
}
