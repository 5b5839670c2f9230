package org.stomacds.cds.wire;

import java.util.List;
import org.hl7.fhir.r4.model.Resource;

/**
 * The {@code context} of a hook call, the fields our three hooks use. Fields a hook does not define
 * are null or empty; unknown fields are ignored.
 *
 * @param userId e.g. {@code Practitioner/123}
 * @param patientId the patient's id
 * @param encounterId the encounter's id
 * @param selections order-select: references of the orders being chosen; null when absent
 * @param draftOrders the draft orders (from a Bundle, or the legacy array); null when absent
 */
public record HookContext(
    String userId,
    String patientId,
    String encounterId,
    List<String> selections,
    List<DraftOrder> draftOrders) {

  /**
   * One draft order and where it was in the request.
   *
   * @param path e.g. {@code context.draftOrders.entry[2].resource}
   */
  public record DraftOrder(Resource resource, String path) {}

  /** The value of a root-level context field, for prefetch tokens. */
  public String field(String name) {
    return switch (name) {
      case "userId" -> userId;
      case "patientId" -> patientId;
      case "encounterId" -> encounterId;
      default -> null;
    };
  }
}
