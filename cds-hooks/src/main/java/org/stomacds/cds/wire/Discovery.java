package org.stomacds.cds.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** The discovery document, {@code GET /cds-services}. */
public record Discovery(List<Service> services) {

  /** One service as discovery lists it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Service(
      String hook,
      String title,
      String description,
      String id,
      Map<String, String> prefetch,
      String usageRequirements) {}
}
