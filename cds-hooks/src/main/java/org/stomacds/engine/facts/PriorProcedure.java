package org.stomacds.engine.facts;

import java.time.LocalDate;
import java.util.Set;

/**
 * An earlier procedure of the patient whose global surgical period covers the date of service.
 *
 * @param ref the Procedure
 * @param code its CPT/HCPCS code
 * @param date when it was performed
 * @param globalDays its global period in days (10 or 90)
 * @param performers who performed it (NPIs or references); empty when not stated
 */
public record PriorProcedure(
    String ref, String code, LocalDate date, int globalDays, Set<String> performers) {

  public PriorProcedure {
    performers = Set.copyOf(performers);
  }

  /** The last day of the global period. */
  public LocalDate globalEnds() {
    return date.plusDays(globalDays);
  }
}
