package org.stomacds.cds.wire;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

/**
 * One prefetch entry as the client sent it. An omitted key has no value at all (it is not in the
 * request's map): the client did not try.
 */
public sealed interface PrefetchValue {

  /** The client fetched it: a resource, or a searchset Bundle. */
  record Data(Resource resource) implements PrefetchValue {}

  /** {@code null}: the client looked and there is no such data. */
  record NoData() implements PrefetchValue {}

  /** An OperationOutcome: the client tried and failed; we may fetch it ourselves. */
  record Failed(OperationOutcome outcome) implements PrefetchValue {}
}
