package org.stomacds.server.checks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stomacds.casedata.LocalFhirStore;
import org.stomacds.engine.Evaluation;
import org.stomacds.engine.findings.Finding;

/**
 * Evaluates the batches of writes recorded by the {@link WriteRecorder}, after their commit, and
 * brings the DetectedIssues of each subject in line ({@link IssueReconciler}).
 *
 * <p>Durable: a batch's rows stay in {@code stomacds.pending_evaluation} until it is done. A batch
 * is claimed before it is worked on (several replicas may share the database), and each subject is
 * evaluated under a lease, so two evaluations of one subject never race. Rows left by a crash, a
 * full queue or a failed attempt are picked up by the sweep: at start-up, then every {@code
 * sweep-interval}. A batch that keeps failing is given up after {@code max-attempts}, logged by
 * ids.
 *
 * <p>Logs resource ids, rule ids and counts only; never content.
 */
final class WriteCheckProcessor implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(WriteCheckProcessor.class);
  private static final Duration LEASE_WAIT = Duration.ofSeconds(2);

  /** What happened to one subject of a batch. */
  record SubjectResult(
      String subjectRef,
      boolean evaluated,
      List<Finding> findings,
      Map<Finding, String> issueIds) {}

  private final PendingEvaluations pending;
  private final SubjectResolver resolver;
  private final CaseChecks checks;
  private final IssueReconciler reconciler;
  private final LocalFhirStore store;
  private final ChecksProperties properties;
  private final Clock clock;
  private final String instance;
  private final ThreadPoolExecutor workers;
  private final ScheduledExecutorService sweeper;
  private final WriteOutcomes outcomes = new WriteOutcomes();
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean stopping = new AtomicBoolean();

  /** How long a stop works off the queue before it hands the rest back. */
  private static final Duration DRAIN = Duration.ofSeconds(10);

  private final Counter evaluations;
  private final Counter failures;
  private final Timer evaluationTime;

  WriteCheckProcessor(
      PendingEvaluations pending,
      SubjectResolver resolver,
      CaseChecks checks,
      IssueReconciler reconciler,
      LocalFhirStore store,
      ChecksProperties properties,
      Clock clock,
      MeterRegistry meters) {
    this.pending = pending;
    this.resolver = resolver;
    this.checks = checks;
    this.reconciler = reconciler;
    this.store = store;
    this.properties = properties;
    this.clock = clock;
    this.instance =
        clip(ManagementFactory.getRuntimeMXBean().getName(), 60)
            + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    AtomicInteger n = new AtomicInteger();
    this.workers =
        new ThreadPoolExecutor(
            properties.threads(),
            properties.threads(),
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(properties.queueCapacity()),
            r -> daemon(r, "write-check-" + n.incrementAndGet()));
    this.workers.allowCoreThreadTimeOut(true);
    this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "write-check-sweep"));
    this.evaluations =
        Counter.builder("stomacds.checks.evaluations")
            .description("Subjects evaluated after writes")
            .register(meters);
    this.failures =
        Counter.builder("stomacds.checks.failures")
            .description("Batch attempts that failed and will be retried or were given up")
            .register(meters);
    this.evaluationTime =
        Timer.builder("stomacds.checks.evaluation")
            .description("Time to evaluate one subject and write its DetectedIssues")
            .register(meters);
  }

  /**
   * The batches answered in a response rather than here in the background: what {@link
   * WriteRecorder} hands to {@link PreferOutcomeInterceptor}, both of which work with this
   * processor.
   */
  WriteOutcomes outcomes() {
    return outcomes;
  }

  /**
   * Starts working: processes what earlier runs (or crashed replicas) left, then sweeps
   * periodically. Batches submitted before this are left to that first sweep.
   */
  void start() {
    if (started.compareAndSet(false, true)) {
      int left = sweep(clock.instant());
      if (left > 0) {
        log.info("write checks: {} batch(es) left pending by an earlier run submitted", left);
      }
      long every = properties.sweepInterval().toMillis();
      sweeper.scheduleWithFixedDelay(
          () -> sweep(clock.instant().minus(properties.sweepDelay())),
          every,
          every,
          TimeUnit.MILLISECONDS);
    }
  }

  /** Evaluates the batch soon, on a worker; if the queue is full, the sweep will. */
  void submit(String batchId) {
    if (started.get() && !enqueue(batchId)) {
      log.warn("write checks: queue full, batch {} left to the sweep", batchId);
    }
  }

  private boolean enqueue(String batchId) {
    try {
      workers.execute(() -> process(batchId));
      return true;
    } catch (RejectedExecutionException full) {
      return false;
    }
  }

  /**
   * Claims and evaluates a batch in the calling thread.
   *
   * @return each subject's result; empty when another worker holds the batch
   */
  Map<String, SubjectResult> process(String batchId) {
    if (stopping.get()) {
      return Map.of(); // left unclaimed: the next sweep, here or on another replica, takes it
    }
    String token = instance + "/" + UUID.randomUUID();
    Instant now = clock.instant();
    List<PendingEvaluations.Row> rows;
    try {
      rows = pending.claimBatch(batchId, token, now, now.minus(properties.staleAfter()));
    } catch (RuntimeException e) {
      log.error("write checks: batch {} not claimed: {}", batchId, e.getClass().getSimpleName());
      return Map.of();
    }
    if (rows.isEmpty()) {
      return Map.of();
    }
    Map<String, SubjectResult> results = new LinkedHashMap<>();
    boolean failed = false;
    try {
      Set<String> triggers = new LinkedHashSet<>();
      rows.forEach(r -> triggers.add(r.triggerRef()));
      String resolvedBy = "no longer found after " + describe(triggers) + " changed";
      for (String subject : resolver.subjectsOf(rows)) {
        if (stopping.get()) {
          // Stopping: hand the rest back at once rather than fail it against a closing pool.
          release(batchId, token);
          return results;
        }
        try {
          results.put(subject, evaluateUnderLease(subject, resolvedBy));
        } catch (RuntimeException e) {
          failed = true;
          log.error(
              "write check of {} failed (batch {}): {}",
              subject,
              batchId,
              e.getClass().getSimpleName());
        }
      }
    } catch (RuntimeException e) {
      failed = true;
      log.error(
          "write checks: subjects of batch {} not found: {}",
          batchId,
          e.getClass().getSimpleName());
    }
    finish(batchId, token, rows, failed);
    return results;
  }

  private void release(String batchId, String token) {
    try {
      pending.release(token);
      log.info("write checks: batch {} handed back on shutdown", batchId);
    } catch (RuntimeException e) {
      log.warn("write checks: batch {} not handed back: {}", batchId, e.getClass().getSimpleName());
    }
  }

  private void finish(
      String batchId, String token, List<PendingEvaluations.Row> rows, boolean failed) {
    int attempts = rows.stream().mapToInt(PendingEvaluations.Row::attempts).max().orElse(1);
    try {
      if (!failed) {
        pending.done(token);
      } else if (attempts >= properties.maxAttempts()) {
        failures.increment();
        pending.done(token);
        log.error(
            "write checks: batch {} given up after {} attempts; triggers {}",
            batchId,
            attempts,
            rows.stream().map(PendingEvaluations.Row::triggerRef).toList());
      } else {
        failures.increment();
        pending.release(token);
      }
    } catch (RuntimeException e) {
      // The claim goes stale and the sweep takes the rows again.
      log.error("write checks: batch {} not closed: {}", batchId, e.getClass().getSimpleName());
    }
  }

  private SubjectResult evaluateUnderLease(String subject, String resolvedBy) {
    String owner = instance + "/" + UUID.randomUUID();
    if (!acquire(subject, owner)) {
      // Another evaluation of this subject is running; it may have read older data, so this one
      // must still happen, after it: queue it again.
      pending.add(UUID.randomUUID().toString(), subject, Set.of(), clock.instant());
      log.info("write check of {} deferred: another evaluation holds it", subject);
      return new SubjectResult(subject, false, List.of(), Map.of());
    }
    try {
      return evaluationTime.record(() -> evaluate(subject, resolvedBy));
    } finally {
      try {
        pending.unlease(subject, owner);
      } catch (RuntimeException e) {
        log.warn(
            "write checks: lease on {} not released: {}", subject, e.getClass().getSimpleName());
      }
    }
  }

  private boolean acquire(String subject, String owner) {
    long deadline = System.nanoTime() + LEASE_WAIT.toNanos();
    while (true) {
      Instant now = clock.instant();
      if (pending.lease(subject, owner, now, now.minus(properties.staleAfter()))) {
        return true;
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  private SubjectResult evaluate(String subject, String resolvedBy) {
    long started = System.nanoTime();
    Optional<Resource> current = store.read(subject);
    List<Finding> findings;
    String why = resolvedBy;
    if (current.isEmpty()) {
      findings = List.of();
      why = subject + " was deleted";
    } else {
      Evaluation evaluation = checks.evaluate(List.of(current.get()), Set.of(subject));
      findings = evaluation.findings();
    }
    IssueReconciler.Result result = reconciler.reconcile(subject, current, findings, why);
    evaluations.increment();
    Map<Finding, String> ids = new LinkedHashMap<>();
    DetectedIssues.byKey(subject, findings)
        .forEach((key, finding) -> ids.put(finding, result.issueIdByKey().get(key)));
    log.info(
        "write check {}: rules={} opened={} cancelled={} tookMs={}",
        subject,
        findings.stream().map(Finding::ruleId).toList(),
        result.opened(),
        result.cancelled(),
        (System.nanoTime() - started) / 1_000_000);
    return new SubjectResult(subject, true, findings, ids);
  }

  /** Submits every batch that is due; returns how many. */
  private int sweep(Instant unclaimedBefore) {
    try {
      Instant now = clock.instant();
      List<String> due =
          pending.dueBatches(unclaimedBefore, now.minus(properties.staleAfter()), 500);
      int submitted = 0;
      for (String batchId : due) {
        if (!started.get() || !enqueue(batchId)) {
          break;
        }
        submitted++;
      }
      if (submitted < due.size()) {
        log.info(
            "write checks: queue full, {} due batch(es) left to the next sweep",
            due.size() - submitted);
      }
      return submitted;
    } catch (RuntimeException e) {
      log.error("write checks: sweep failed: {}", e.getClass().getSimpleName());
      return 0;
    }
  }

  private static String describe(Set<String> triggers) {
    List<String> shown = triggers.stream().limit(5).toList();
    String text = String.join(", ", shown);
    return triggers.size() > shown.size()
        ? text + " and " + (triggers.size() - shown.size()) + " more"
        : text;
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  /**
   * Stops before the database pool closes. The queue is worked off for up to {@link #DRAIN}; what
   * is left then is not claimed, and a batch being worked on finishes its current subject and hands
   * the rest back, so that nothing fails against a closing pool and every row is claimable at once
   * by the next sweep (here after a restart, or on another replica), not after {@code stale-after}.
   */
  @Override
  public void close() {
    sweeper.shutdownNow();
    workers.shutdown();
    try {
      if (!workers.awaitTermination(DRAIN.toMillis(), TimeUnit.MILLISECONDS)) {
        stopping.set(true);
        if (!workers.awaitTermination(DRAIN.toMillis(), TimeUnit.MILLISECONDS)) {
          workers.shutdownNow();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopping.set(true);
      workers.shutdownNow();
    }
  }
}
