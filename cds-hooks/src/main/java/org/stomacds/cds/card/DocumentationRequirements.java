package org.stomacds.cds.card;

import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.stomacds.engine.documentation.DocumentationElement;

/**
 * Our extension on a draft ServiceRequest listing what the procedure note will need for the claim.
 * Modelled on Da Vinci CRD's coverage-information extension, but we are not the payer: it never
 * says whether the service is covered or needs prior authorization. It carries only the
 * documentation needed, the rule pack version, the date and an assessment id (the uuid of the card
 * that shows the same list, so the two can be traced to one another).
 */
public final class DocumentationRequirements {

  public static final String URL =
      "https://stomacds.org/fhir/StructureDefinition/documentation-requirements";
  public static final String ELEMENT_SYSTEM =
      "https://stomacds.org/fhir/CodeSystem/documentation-element";

  private DocumentationRequirements() {}

  /** A copy of the order with our extension set (replacing an older one of ours). */
  public static ServiceRequest annotate(
      ServiceRequest order,
      List<String> elementIds,
      String packVersion,
      LocalDate date,
      String assessmentId) {
    ServiceRequest copy = order.copy();
    copy.getExtension().removeIf(e -> URL.equals(e.getUrl()));
    Extension ext = new Extension(URL);
    for (String id : elementIds) {
      String display =
          DocumentationElement.fromId(id).map(DocumentationElement::label).orElse(null);
      ext.addExtension(
          new Extension("element", new org.hl7.fhir.r4.model.Coding(ELEMENT_SYSTEM, id, display)));
    }
    ext.addExtension(new Extension("rule-pack-version", new StringType(packVersion)));
    ext.addExtension(new Extension("date", new DateType(java.sql.Date.valueOf(date))));
    ext.addExtension(new Extension("assessment-id", new StringType(assessmentId)));
    copy.addExtension(ext);
    return copy;
  }
}
