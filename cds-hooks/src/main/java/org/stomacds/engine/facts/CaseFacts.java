package org.stomacds.engine.facts;

import java.util.List;

/**
 * Everything the rules read about one evaluation request: the orders, procedures and claims of the
 * subject code the request is about. No FHIR types: the rules never see a resource.
 */
public record CaseFacts(
    List<OrderFacts> orders, List<ProcedureFacts> procedures, List<ClaimFacts> claims) {

  public CaseFacts {
    orders = List.copyOf(orders);
    procedures = List.copyOf(procedures);
    claims = List.copyOf(claims);
  }
}
