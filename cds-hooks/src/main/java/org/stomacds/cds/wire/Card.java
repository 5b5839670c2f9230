package org.stomacds.cds.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * A CDS Hooks 2.0 card and the types inside it. Our own records rather than HAPI's CDS Hooks JSON
 * classes: see {@code cds-hooks/README.md} for why.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Card(
    String uuid,
    String summary,
    String detail,
    String indicator,
    Source source,
    List<Suggestion> suggestions,
    String selectionBehavior,
    List<Coding> overrideReasons,
    List<Link> links) {

  /** The card's source: who says this, and the rule it comes from ({@code topic}). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Source(String label, String url, String icon, Coding topic) {}

  /** One way to act on the card; {@code actions} are applied together. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Suggestion(
      String label,
      String uuid,
      @JsonProperty("isRecommended") boolean isRecommended,
      List<Action> actions) {}

  /**
   * A change a client can apply: {@code create} or {@code update} carry the whole resource, {@code
   * delete} names it in {@code resourceId}.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Action(
      String type, String description, IBaseResource resource, List<String> resourceId) {}

  /** A link for the reader; {@code type} is {@code absolute} for ours. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Link(String label, String url, String type, String appContext) {}
}
