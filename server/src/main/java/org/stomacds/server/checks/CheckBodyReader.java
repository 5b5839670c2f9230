package org.stomacds.server.checks;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.util.FhirTerser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Reads the body of a type-level {@code $check}: the resource itself, a {@code Parameters} with a
 * {@code resource} parameter, or a {@code Bundle} of it and its related resources (any Bundle
 * type). Unknown elements are ignored; a value of the wrong kind, or content that is not FHIR, is a
 * 400 saying what and where.
 *
 * <p>A resource given without an id gets one (its Bundle entry's {@code urn:uuid:} when it has one,
 * else {@code unsaved-} and a random uuid), and references to {@code urn:uuid:} entries become
 * {@code Type/id}, so the rules can follow them.
 */
final class CheckBodyReader {

  /** What a body gives: every resource, and those of the checked type. */
  record Body(List<Resource> resources, Set<Resource> focus) {}

  private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

  private final FhirContext fhirContext;

  CheckBodyReader(FhirContext fhirContext) {
    this.fhirContext = fhirContext;
  }

  Body read(byte[] body, String contentType, String type) {
    String text = new String(body, StandardCharsets.UTF_8).strip();
    if (text.isEmpty()) {
      throw new InvalidRequestException(
          type
              + "/$check needs a body: the "
              + type
              + " to check, a Parameters with a 'resource' parameter, or a Bundle of the "
              + type
              + " and its related resources");
    }
    Resource parsed = parse(text, contentType);
    String where = "the body";
    if (parsed instanceof Parameters parameters) {
      parsed = fromParameters(parameters);
      where = "Parameters.parameter[resource].resource";
    }
    if (parsed instanceof Bundle bundle) {
      return fromBundle(bundle, type);
    }
    if (!type.equals(parsed.fhirType())) {
      throw new InvalidRequestException(
          type
              + "/$check checks a "
              + type
              + " (or a Parameters or Bundle carrying one); "
              + where
              + " is a "
              + parsed.fhirType());
    }
    ensureId(parsed, null);
    return new Body(List.of(parsed), Set.of(parsed));
  }

  /** Parses a FHIR body; a 400 saying where when it is not one. */
  Resource parse(String text, String contentType) {
    boolean xml =
        (contentType != null && contentType.toLowerCase().contains("xml")) || text.startsWith("<");
    if (!xml && !text.startsWith("{")) {
      throw new InvalidRequestException(
          "The body is not FHIR JSON (it does not start with '{') nor FHIR XML");
    }
    IParser parser = xml ? fhirContext.newXmlParser() : fhirContext.newJsonParser();
    parser.setParserErrorHandler(new LenientErrorHandler(false).setErrorOnInvalidValue(true));
    IBaseResource resource;
    try {
      resource = parser.parseResource(text);
    } catch (DataFormatException e) {
      throw new InvalidRequestException("The body is not a valid FHIR resource: " + clean(e));
    }
    if (!(resource instanceof Resource r4)) {
      throw new InvalidRequestException("The body is not an R4 resource");
    }
    return r4;
  }

  /**
   * The parser's message without the Java exception class names and source excerpts a JSON library
   * adds: what is wrong and where, nothing else.
   */
  private static String clean(DataFormatException e) {
    String message = e.getMessage() == null ? "unreadable content" : e.getMessage();
    int excerpt = message.indexOf(" at [Source");
    if (excerpt >= 0) {
      message = message.substring(0, excerpt);
    }
    return message
        .replaceAll("(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error):\\s*", "")
        .strip();
  }

  private static Resource fromParameters(Parameters parameters) {
    for (Parameters.ParametersParameterComponent parameter : parameters.getParameter()) {
      if ("resource".equals(parameter.getName())) {
        if (!parameter.hasResource()) {
          throw new InvalidRequestException(
              "Parameters.parameter[resource] has no resource: put the resource to check in"
                  + " parameter.resource");
        }
        return parameter.getResource();
      }
    }
    throw new InvalidRequestException(
        "The Parameters has no parameter named 'resource' (Parameters.parameter.name) carrying"
            + " the resource to check");
  }

  private Body fromBundle(Bundle bundle, String type) {
    Map<String, String> urnToRef = new HashMap<>();
    List<Resource> resources = new ArrayList<>();
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      if (!entry.hasResource()) {
        continue;
      }
      Resource resource = entry.getResource();
      ensureId(resource, entry.getFullUrl());
      if (entry.hasFullUrl() && entry.getFullUrl().startsWith("urn:")) {
        urnToRef.put(
            entry.getFullUrl(), resource.fhirType() + "/" + resource.getIdElement().getIdPart());
      }
      resources.add(resource);
    }
    if (!urnToRef.isEmpty()) {
      FhirTerser terser = fhirContext.newTerser();
      for (Resource resource : resources) {
        for (Reference reference :
            terser.getAllPopulatedChildElementsOfType(resource, Reference.class)) {
          String target = urnToRef.get(reference.getReference());
          if (target != null) {
            reference.setReference(target);
          }
        }
      }
    }
    Set<Resource> focus = new LinkedHashSet<>();
    for (Resource resource : resources) {
      if (type.equals(resource.fhirType())) {
        focus.add(resource);
      }
    }
    if (focus.isEmpty()) {
      throw new InvalidRequestException(
          "The Bundle holds no " + type + " to check (Bundle.entry.resource)");
    }
    return new Body(resources, focus);
  }

  private static void ensureId(Resource resource, String fullUrl) {
    // HAPI's parser gives an entry's resource its fullUrl as id when it has none ("urn:uuid:..").
    String idPart = resource.getIdElement().getIdPart();
    if (idPart != null && FHIR_ID.matcher(idPart).matches()) {
      resource.setId(resource.fhirType() + "/" + idPart);
      return;
    }
    String id = "unsaved-" + UUID.randomUUID();
    if (fullUrl != null && fullUrl.startsWith("urn:uuid:")) {
      String uuid = fullUrl.substring("urn:uuid:".length());
      if (FHIR_ID.matcher(uuid).matches()) {
        id = uuid;
      }
    }
    resource.setId(resource.fhirType() + "/" + id);
  }
}
