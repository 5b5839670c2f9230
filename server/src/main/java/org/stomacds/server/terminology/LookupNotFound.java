package org.stomacds.server.terminology;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Parameters;

/**
 * HAPI answers {@code $lookup} of a code it does not hold with "Unable to find code[null] in
 * system[null]" (HAPI-1738), naming neither. A FHIR client should read which code in which system
 * is unknown here, and that this server carries only the codes the 44405 rules use: same 404, a
 * message that says so.
 */
@Interceptor
final class LookupNotFound {

  @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
  public BaseServerResponseException sayWhichCode(RequestDetails request, Throwable exception) {
    if (!(exception instanceof ResourceNotFoundException notFound)
        || !"$lookup".equals(request.getOperation())
        || notFound.getMessage() == null
        || !notFound.getMessage().contains("HAPI-1738")) {
      return null;
    }
    Asked asked = Asked.from(request);
    return TerminologyErrors.notFound(
        "$lookup: code '"
            + asked.code()
            + "' is not in code system '"
            + asked.system()
            + "' on this server, which carries the codes its rule packs use (see"
            + " CodeSystem?_summary=true for the systems and ValueSet/$expand for their codes)");
  }

  /** The system and code asked for, from the query or a Parameters body ("?" when absent). */
  private record Asked(String system, String code) {

    static Asked from(RequestDetails request) {
      String system = first(request, "system");
      String code = first(request, "code");
      if (request.getResource() instanceof Parameters parameters) {
        system = primitive(parameters, "system", system);
        code = primitive(parameters, "code", code);
        if (parameters.getParameter("coding") != null
            && parameters.getParameter("coding").getValue() instanceof Coding coding) {
          system = coding.getSystem();
          code = coding.getCode();
        }
      }
      return new Asked(system == null ? "?" : system, code == null ? "?" : code);
    }

    /** A parameter's value, or {@code otherwise} when it is absent or has no value. */
    private static String primitive(Parameters parameters, String name, String otherwise) {
      var parameter = parameters.getParameter(name);
      return parameter == null || parameter.getValue() == null
          ? otherwise
          : parameter.getValue().primitiveValue();
    }

    private static String first(RequestDetails request, String name) {
      String[] values = request.getParameters().get(name);
      return values == null || values.length == 0 ? null : values[0];
    }
  }
}
