package org.stomacds.cds.service;

import java.util.Set;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * Whether a draft order is one our services are about: a ServiceRequest coded CPT 44405. Other
 * orders in the same call get no cards and cost nothing (no data is fetched for them).
 */
final class OrderCodes {

  static final String CODE = "44405";
  private static final Set<String> CPT_SYSTEMS =
      Set.of("http://www.ama-assn.org/go/cpt", "urn:oid:2.16.840.1.113883.6.12");

  private OrderCodes() {}

  static boolean is44405Order(Resource resource) {
    if (!(resource instanceof ServiceRequest order) || !order.hasCode()) {
      return false;
    }
    return order.getCode().getCoding().stream()
        .anyMatch(
            c ->
                CODE.equals(c.getCode())
                    && c.getSystem() != null
                    && CPT_SYSTEMS.contains(c.getSystem()));
  }
}
