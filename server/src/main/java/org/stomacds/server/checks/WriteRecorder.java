package org.stomacds.server.checks;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.PreferReturnEnum;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServerUtils;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records, inside the FHIR write's own database transaction, that a write may have changed findings
 * (HAPI pointcuts {@code STORAGE_PRECOMMIT_RESOURCE_CREATED}, {@code _UPDATED}, {@code _DELETED},
 * registered on the JPA interceptor service so every write counts: REST, transaction and batch
 * Bundles, internal). Every write of one database transaction shares one batch; after the commit
 * the batch is handed to the {@link WriteCheckProcessor}, once, so a transaction Bundle is
 * evaluated once, with all of its entries in. A rollback takes the rows with it.
 *
 * <p>A request asking {@code Prefer: return=OperationOutcome} on a create/update of a Procedure or
 * Claim leaves its batch to the {@link PreferOutcomeInterceptor}, which evaluates it before
 * answering: handed over through the processor's {@link WriteOutcomes}. Our own DetectedIssue
 * writes are not trigger types, so they never loop back here.
 *
 * <p>Never throws into the write: the worst a failure here does is lose an evaluation, logged. The
 * insert itself cannot break a constraint (generated key, no unique columns, values clipped to
 * their columns), so it fails only when the database does, which dooms the write's transaction
 * anyway; no savepoint is spent on it.
 */
@Interceptor
final class WriteRecorder {

  private static final Logger log = LoggerFactory.getLogger(WriteRecorder.class);

  private final PendingEvaluations pending;
  private final WriteCheckProcessor processor;
  private final WriteOutcomes outcomes;
  private final Clock clock;

  WriteRecorder(PendingEvaluations pending, WriteCheckProcessor processor, Clock clock) {
    this.pending = pending;
    this.processor = processor;
    this.outcomes = processor.outcomes();
    this.clock = clock;
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
  public void created(IBaseResource resource, RequestDetails request) {
    record(null, resource, request);
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
  public void updated(IBaseResource previous, IBaseResource current, RequestDetails request) {
    record(previous, current, request);
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED)
  public void deleted(IBaseResource resource, IIdType id, RequestDetails request) {
    record(resource, null, request);
  }

  private void record(IBaseResource previous, IBaseResource current, RequestDetails request) {
    IBaseResource resource = current != null ? current : previous;
    if (!Triggers.isTrigger(resource)) {
      return;
    }
    String ref = null;
    try {
      IIdType id = resource.getIdElement();
      if (id == null || !id.hasIdPart()) {
        return;
      }
      ref = resource.fhirType() + "/" + id.getIdPart();
      Set<String> related = new LinkedHashSet<>();
      if (previous != null) {
        related.addAll(Triggers.relatedRefs(previous));
      }
      if (current != null) {
        related.addAll(Triggers.relatedRefs(current));
      }
      if (related.isEmpty() && Triggers.followedOnlyByLinks(resource)) {
        // An Observation naming no Procedure (a vital sign) leads to no subject: no row.
        return;
      }
      if (!TransactionSynchronizationManager.isSynchronizationActive()) {
        // Not expected (HAPI writes in a transaction); record and evaluate right away.
        String batchId = UUID.randomUUID().toString();
        pending.add(batchId, ref, related, clock.instant());
        processor.submit(batchId);
        return;
      }
      Batch batch = currentBatch(request);
      if (batch.refs.add(ref)) {
        pending.add(batch.id, ref, related, clock.instant());
      }
      if (batch.answeredInResponse
          && request != null
          && ref.startsWith(request.getResourceName() + "/")) {
        outcomes.subjectWritten(request, ref);
      }
    } catch (RuntimeException e) {
      log.error("write check not recorded for {}: {}", ref, e.getClass().getSimpleName());
    }
  }

  /**
   * The batch of the current database transaction, made on its first write. Found among the
   * transaction's own synchronizations, so a transaction suspended for an inner one keeps its batch
   * to itself.
   */
  private Batch currentBatch(RequestDetails request) {
    for (TransactionSynchronization sync :
        TransactionSynchronizationManager.getSynchronizations()) {
      if (sync instanceof AfterCommit afterCommit && afterCommit.owner() == this) {
        return afterCommit.batch;
      }
    }
    Batch batch = new Batch(UUID.randomUUID().toString(), wantsOutcome(request));
    TransactionSynchronizationManager.registerSynchronization(new AfterCommit(batch));
    if (batch.answeredInResponse) {
      outcomes.batchOpened(request, batch.id);
    }
    return batch;
  }

  /** A create, update or patch of a Procedure or Claim asking for the outcome in the response. */
  static boolean wantsOutcome(RequestDetails request) {
    if (request == null || request.getRestOperationType() == null) {
      return false;
    }
    RestOperationTypeEnum operation = request.getRestOperationType();
    if (operation != RestOperationTypeEnum.CREATE
        && operation != RestOperationTypeEnum.UPDATE
        && operation != RestOperationTypeEnum.PATCH) {
      return false;
    }
    String type = request.getResourceName();
    if (!"Claim".equals(type) && !"Procedure".equals(type)) {
      return false;
    }
    String prefer = request.getHeader(Constants.HEADER_PREFER);
    return prefer != null
        && RestfulServerUtils.parsePreferHeader(null, prefer).getReturn()
            == PreferReturnEnum.OPERATION_OUTCOME;
  }

  /** The writes of one database transaction. */
  private static final class Batch {
    final String id;
    final boolean answeredInResponse;
    final Set<String> refs = new HashSet<>();

    Batch(String id, boolean answeredInResponse) {
      this.id = id;
      this.answeredInResponse = answeredInResponse;
    }
  }

  private final class AfterCommit implements TransactionSynchronization {
    private final Batch batch;

    AfterCommit(Batch batch) {
      this.batch = batch;
    }

    @Override
    public void afterCommit() {
      if (!batch.answeredInResponse) {
        processor.submit(batch.id);
      }
    }

    WriteRecorder owner() {
      return WriteRecorder.this;
    }
  }
}
