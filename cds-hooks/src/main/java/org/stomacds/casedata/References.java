package org.stomacds.casedata;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/** Reference and id handling shared by the assembler and its callers. */
public final class References {

  // Type/id, optionally with a version, at the end of a relative or absolute reference.
  private static final Pattern TYPE_AND_ID =
      Pattern.compile("(?:^|/)([A-Z][A-Za-z]{1,63})/([A-Za-z0-9\\-.]{1,64})(?:/_history/[^/]+)?$");

  private References() {}

  /**
   * The relative {@code Type/id} form of a reference, if it has one: contained ({@code #x}) and
   * {@code urn:} references have none.
   */
  public static Optional<String> relative(String reference) {
    if (reference == null || reference.isBlank() || reference.startsWith("#")) {
      return Optional.empty();
    }
    if (reference.startsWith("urn:")) {
      return Optional.empty();
    }
    String withoutQuery = reference.contains("?") ? "" : reference.trim();
    Matcher m = TYPE_AND_ID.matcher(withoutQuery);
    return m.find() ? Optional.of(m.group(1) + "/" + m.group(2)) : Optional.empty();
  }

  /** The relative {@code Type/id} of a {@link Reference}, if it has one. */
  public static Optional<String> relative(Reference reference) {
    if (reference == null || !reference.hasReference()) {
      return Optional.empty();
    }
    return relative(reference.getReference());
  }

  /** The relative {@code Type/id} of a resource, if it has an id. */
  public static Optional<String> of(Resource resource) {
    if (resource == null
        || !resource.hasIdElement()
        || resource.getIdElement().getIdPart() == null) {
      return Optional.empty();
    }
    return Optional.of(resource.fhirType() + "/" + resource.getIdElement().getIdPart());
  }

  /** The id part of a relative reference ({@code Patient/123} gives {@code 123}). */
  public static String idPart(String relativeReference) {
    return relativeReference.substring(relativeReference.indexOf('/') + 1);
  }

  /** The type part of a relative reference ({@code Patient/123} gives {@code Patient}). */
  public static String typePart(String relativeReference) {
    int slash = relativeReference.indexOf('/');
    return slash < 0 ? relativeReference : relativeReference.substring(0, slash);
  }
}
