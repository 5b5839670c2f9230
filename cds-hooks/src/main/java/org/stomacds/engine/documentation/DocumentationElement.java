package org.stomacds.engine.documentation;

import java.util.Arrays;
import java.util.Optional;

/**
 * The documentation elements the note reader and the structured sources can read, by the ids every
 * layer shares (the narrative reader, the facts, the rule packs, the cards, and the code system
 * {@code https://stomacds.org/fhir/CodeSystem/documentation-element}). Each pack lists in its
 * {@code subject.documentation} the ones its procedure's note must hold (45386, per anus, has no
 * route through a stoma).
 */
public enum DocumentationElement {
  ROUTE_THROUGH_STOMA("route-through-stoma", "route of the scope through the stoma"),
  BALLOON_DIAMETER("balloon-diameter", "balloon diameter"),
  INFLATION_COUNT("inflation-count", "number of inflations"),
  INFLATION_DURATION("inflation-duration", "inflation duration"),
  STRICTURE_LOCATION("stricture-location", "stricture location"),
  PRE_DILATION_LUMEN("pre-dilation-lumen", "lumen before dilation"),
  POST_DILATION_LUMEN("post-dilation-lumen", "lumen after dilation"),
  EXTENT_OF_EXAM("extent-of-exam", "extent of the exam"),
  COMPLICATIONS("complications", "immediate complications or their absence"),
  INDICATION("indication", "indication"),
  SEDATION_TYPE("sedation-type", "sedation type"),
  SEDATION_TIMES("sedation-times", "sedation start and stop times"),
  POST_PROCEDURE_INSTRUCTIONS("post-procedure-instructions", "post-procedure instructions"),
  FLUOROSCOPY("fluoroscopy", "fluoroscopy use and findings"),
  INCREASED_WORK("increased-work", "the extra work behind modifier 22"),
  DISTINCT_STRICTURE("distinct-stricture", "a distinct lesion or site"),
  INDEPENDENT_OBSERVER(
      "independent-observer", "independent trained observer (monitoring only) during the sedation");

  private final String id;
  private final String label;

  DocumentationElement(String id, String label) {
    this.id = id;
    this.label = label;
  }

  /** The kebab-case id used in the rule file, extensions, Observations and cards. */
  public String id() {
    return id;
  }

  /** Our own words for the element, lower case, for sentences. */
  public String label() {
    return label;
  }

  public static Optional<DocumentationElement> fromId(String id) {
    return Arrays.stream(values()).filter(e -> e.id.equals(id)).findFirst();
  }
}
