package org.stomacds.engine.facts;

import java.time.LocalDate;

/**
 * A completed procedure in the patient's record (any date), as far as the rules read a surgical
 * history: what was done and when.
 *
 * @param ref the Procedure
 * @param code its CPT/HCPCS code
 * @param date when it was performed
 */
public record PastProcedure(String ref, String code, LocalDate date) {}
