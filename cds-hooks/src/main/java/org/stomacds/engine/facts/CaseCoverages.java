package org.stomacds.engine.facts;

import java.util.IdentityHashMap;
import java.util.Map;
import org.hl7.fhir.r4.model.Coverage;
import org.stomacds.engine.payer.PayerMapping;

/**
 * The coverages of one case, each read once (an order, a procedure and a claim often share one),
 * and the choice of the patient's coverage when a resource names none. Made per extraction.
 */
final class CaseCoverages {

  private final ResourceIndex index;
  private final CoverageReader reader;
  private final Map<Coverage, CoverageFacts> read = new IdentityHashMap<>();

  CaseCoverages(ResourceIndex index, PayerMapping payers) {
    this.index = index;
    this.reader = new CoverageReader(index, payers);
  }

  /** The facts of a Coverage the case holds. */
  CoverageFacts of(Coverage coverage) {
    CoverageFacts facts = read.get(coverage);
    if (facts == null) {
      facts = reader.read(coverage);
      read.put(coverage, facts);
    }
    return facts;
  }

  /** The patient's coverage in the case: active, lowest {@code order} first. */
  CoverageFacts ofPatient(String patient) {
    Coverage best = null;
    for (Coverage coverage : index.coverages) {
      if (coverage.getStatus() == Coverage.CoverageStatus.CANCELLED
          || coverage.getStatus() == Coverage.CoverageStatus.ENTEREDINERROR) {
        continue;
      }
      String beneficiary = ResourceIndex.key(coverage.getBeneficiary());
      if (patient != null && beneficiary != null && !patient.equals(beneficiary)) {
        continue;
      }
      if (best == null || order(coverage) < order(best)) {
        best = coverage;
      }
    }
    return best == null ? reader.none() : of(best);
  }

  private static int order(Coverage coverage) {
    return coverage.hasOrder() ? coverage.getOrder() : Integer.MAX_VALUE;
  }
}
