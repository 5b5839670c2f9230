package org.stomacds.engine.facts;

import java.time.LocalDate;
import java.util.List;

/**
 * A ServiceRequest for the subject code (the order of an order-select or order-sign hook).
 *
 * @param ref the ServiceRequest, as a relative reference
 * @param date the planned date ({@code occurrence}), else the date it was written, else today
 * @param reasons the coded reasons ({@code reasonCode}, and the Conditions of {@code
 *     reasonReference})
 * @param reasonStated whether any reason is given at all (coded or not)
 * @param coverage the coverage the order names ({@code insurance}), else the patient's
 * @param abn an ABN on file for the order
 * @param payerAuthorization a payer notification or authorization on file for the order
 * @param setting where the order says it will be done ({@code locationCode}/{@code
 *     locationReference}); unknown when not stated
 */
public record OrderFacts(
    String ref,
    LocalDate date,
    List<Diagnosis> reasons,
    boolean reasonStated,
    CoverageFacts coverage,
    OnFile abn,
    OnFile payerAuthorization,
    SettingFacts setting) {

  public OrderFacts {
    reasons = List.copyOf(reasons);
  }
}
