package org.stomacds.cds.service;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The CDS Hooks hooks our services answer, each with the context fields a client always sends for
 * it (CDS Hooks 2.0 hook definitions: the fields marked REQUIRED). Only those may appear as
 * prefetch tokens: a token for an optional field ({@code encounterId} of the order hooks) is sent
 * unfilled by clients that do not have it, and their FHIR server refuses the query.
 */
public enum Hook {
  ORDER_SELECT("order-select", Set.of("userId", "patientId", "selections", "draftOrders")),
  ORDER_SIGN("order-sign", Set.of("userId", "patientId", "draftOrders")),
  ENCOUNTER_DISCHARGE("encounter-discharge", Set.of("userId", "patientId", "encounterId"));

  private final String id;
  private final Set<String> alwaysInContext;

  Hook(String id, Set<String> alwaysInContext) {
    this.id = id;
    this.alwaysInContext = alwaysInContext;
  }

  /** The hook's name on the wire. */
  public String id() {
    return id;
  }

  /** The context fields every call of this hook carries. */
  public Set<String> alwaysInContext() {
    return alwaysInContext;
  }

  public static Optional<Hook> fromId(String id) {
    return Arrays.stream(values()).filter(h -> h.id.equals(id)).findFirst();
  }
}
