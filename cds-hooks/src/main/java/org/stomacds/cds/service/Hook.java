package org.stomacds.cds.service;

import java.util.Arrays;
import java.util.Optional;

/** The CDS Hooks hooks our services answer. */
public enum Hook {
  ORDER_SELECT("order-select"),
  ORDER_SIGN("order-sign"),
  ENCOUNTER_DISCHARGE("encounter-discharge");

  private final String id;

  Hook(String id) {
    this.id = id;
  }

  /** The hook's name on the wire. */
  public String id() {
    return id;
  }

  public static Optional<Hook> fromId(String id) {
    return Arrays.stream(values()).filter(h -> h.id.equals(id)).findFirst();
  }
}
