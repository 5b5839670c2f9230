package org.stomacds.engine.facts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A Procedure of the subject code with its documentation.
 *
 * @param ref the Procedure, as a relative reference
 * @param status {@code Procedure.status} code
 * @param date the day it was performed; null when not stated
 * @param start when it started, if a time is given
 * @param end when it ended, if given
 * @param encounter the encounter it belongs to, as a relative reference; null when none
 * @param performers who performed it, as comparable keys (NPIs or references)
 * @param documentation what its documentation says
 * @param setting where it was done
 * @param coverage the coverage of the patient for it
 * @param priorProcedures earlier procedures whose global period covers it
 */
public record ProcedureFacts(
    String ref,
    String status,
    LocalDate date,
    Instant start,
    Instant end,
    String encounter,
    Set<String> performers,
    Documentation documentation,
    SettingFacts setting,
    CoverageFacts coverage,
    List<PriorProcedure> priorProcedures) {

  public ProcedureFacts {
    performers = Set.copyOf(performers);
    priorProcedures = List.copyOf(priorProcedures);
  }
}
