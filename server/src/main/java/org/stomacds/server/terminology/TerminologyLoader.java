package org.stomacds.server.terminology;

import ca.uhn.fhir.context.support.ValueSetExpansionOptions;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDaoValueSet;
import ca.uhn.fhir.jpa.term.api.ITermReadSvc;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ValueSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;
import org.stomacds.engine.terminology.Terminology;

/**
 * Loads the repository's CodeSystems and ValueSets into the FHIR server at start-up, stores every
 * value set's expansion (so {@code $expand} pages with {@code count} and {@code offset} from the
 * first request), and checks that each expands to the size the engine computes from the same files.
 *
 * <p>Loading is an update by id, so it is idempotent: a restart with unchanged files changes
 * nothing (HAPI skips a write whose content is unchanged). Readiness ({@link TerminologyStatus})
 * stays down until it has finished, and stays down with the problems named if it fails: HAPI caches
 * "unknown code" answers, so nobody should be sent here before the code systems are in.
 *
 * <p><b>When it starts.</b> On its own threads, as soon as the context has been refreshed ({@link
 * ApplicationStartedEvent}), so the main thread goes on to report the application started while
 * this runs on the other core. Not earlier: HAPI 8.8 finishes wiring its storage in its own {@code
 * ContextRefreshedEvent} listeners (the Batch2 job definitions its deferred code-system deletion
 * runs as, the interceptor that tells its resource caches about writes, the DAOs of {@code
 * TermVersionAdapterSvcR4}), and its {@code DaoRegistry} fills itself lazily from the application
 * context into a map it publishes before filling: a write from another thread before refresh could
 * meet a half-built registry or wait on a bean the main thread is creating. {@code
 * ApplicationStartedEvent} comes after every {@code ContextRefreshedEvent} listener has returned.
 */
@Component
class TerminologyLoader implements ApplicationListener<ApplicationStartedEvent>, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(TerminologyLoader.class);
  private static final Duration VERIFY_TIMEOUT = Duration.ofSeconds(60);

  private final Terminology terminology;
  private final DaoRegistry daoRegistry;
  private final TerminologyStatus status;
  private final ITermReadSvc termReadSvc;
  private final ExecutorService workers;
  private final Thread loader;

  TerminologyLoader(
      Terminology terminology,
      DaoRegistry daoRegistry,
      TerminologyStatus status,
      ITermReadSvc termReadSvc) {
    this.terminology = terminology;
    this.daoRegistry = daoRegistry;
    this.status = status;
    this.termReadSvc = termReadSvc;
    // Two cores is the machine this is sized for: the resources are independent writes, and the
    // value sets are only expanded once all of them are stored.
    int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    this.workers = Executors.newFixedThreadPool(threads, named("stomacds-terminology-"));
    this.loader = named("stomacds-terminology-load").newThread(this::loadOrFail);
  }

  @Override
  public void onApplicationEvent(ApplicationStartedEvent event) {
    if (loader.getState() == Thread.State.NEW) {
      log.info("Terminology load started; readiness waits for it");
      loader.start();
    }
  }

  @Override
  public void destroy() throws InterruptedException {
    // Destroyed before the DAOs it uses (it depends on them): a load still running when the
    // application stops is stopped here, not left writing into a closing entity manager.
    loader.interrupt();
    workers.shutdownNow();
    workers.awaitTermination(10, TimeUnit.SECONDS);
    if (loader.isAlive()) {
      loader.join(TimeUnit.SECONDS.toMillis(10));
    }
  }

  /** The load, its failure reported on readiness and in the log, never only on a dead thread. */
  private void loadOrFail() {
    try {
      load();
    } catch (InterruptedException e) {
      status.failed(List.of("terminology load interrupted (shutting down)"));
      Thread.currentThread().interrupt();
    } catch (RuntimeException | ExecutionException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      status.failed(List.of("terminology load failed: " + cause));
      log.error("Terminology load failed; the server will not report ready", cause);
    }
  }

  void load() throws InterruptedException, ExecutionException {
    long started = System.nanoTime();
    storeAll();
    long stored = System.nanoTime();
    // HAPI's own job stores expansions only every ten minutes; until then $expand runs in memory,
    // where count and offset fail. Store them now, before reporting ready.
    termReadSvc.preExpandDeferredValueSetsToTerminologyTables();
    long expanded = System.nanoTime();
    Verification verification = verifyExpansions();
    if (!verification.wrong().isEmpty()) {
      // The concept index (Lucene, on this machine) disagrees with the database: a new replica, a
      // wiped data directory, or a pre-expansion computed against an empty index. Rebuild the
      // index from the database and drop the stored expansions, then check again.
      log.warn(
          "Value sets do not expand as expected; rebuilding the terminology index: {}",
          verification.wrong());
      repair();
      termReadSvc.preExpandDeferredValueSetsToTerminologyTables();
      verification = verifyExpansions();
    }
    long deadline = System.nanoTime() + VERIFY_TIMEOUT.toNanos();
    while (!verification.problems().isEmpty() && System.nanoTime() < deadline) {
      // Expansions HAPI did not store yet (it defers them while code systems are being stored).
      Thread.sleep(500);
      termReadSvc.preExpandDeferredValueSetsToTerminologyTables();
      verification = verifyExpansions();
    }
    long now = System.nanoTime();
    if (verification.problems().isEmpty()) {
      status.ready(terminology.resources().size());
      log.info(
          "Terminology loaded: {} resources, every value set's expansion stored at its expected"
              + " size ({} ms: resources {} ms, expansions {} ms, checks {} ms)",
          terminology.resources().size(),
          millis(now - started),
          millis(stored - started),
          millis(expanded - stored),
          millis(now - expanded));
    } else {
      status.failed(verification.problems());
      log.error(
          "Terminology is not ready; the server will not report ready: {}",
          verification.problems());
    }
  }

  /**
   * Stores every resource, the code systems first, on the workers. Each is its own HAPI write (an
   * update by id, in its own transaction): a value set's stored row does not need its code system
   * yet, only its expansion does, and that comes after.
   */
  private void storeAll() throws InterruptedException, ExecutionException {
    List<Future<?>> writes = new ArrayList<>();
    for (Resource resource : terminology.resources()) {
      writes.add(workers.submit(() -> store(resource)));
    }
    awaitAll(writes);
  }

  /**
   * What the check of every value set found.
   *
   * @param pending value sets whose expansion HAPI has not stored yet
   * @param wrong value sets that expand to another size than the engine's, or not at all
   */
  private record Verification(List<String> pending, List<String> wrong) {
    List<String> problems() {
      List<String> all = new ArrayList<>(pending);
      all.addAll(wrong);
      return all;
    }
  }

  /** One value set's check: pending, wrong (with why), or fine (both null). */
  private record Check(String pending, String wrong) {}

  private void repair() throws InterruptedException {
    var result = termReadSvc.reindexTerminology();
    log.info("Terminology index rebuilt: {}", result);
    for (Resource resource : terminology.resources()) {
      if (resource instanceof ValueSet) {
        termReadSvc.invalidatePreCalculatedExpansion(
            resource.getIdElement().toUnqualifiedVersionless().withResourceType("ValueSet"),
            new SystemRequestDetails());
      }
    }
  }

  @SuppressWarnings("unchecked")
  private void store(Resource resource) {
    long started = System.nanoTime();
    IFhirResourceDao<Resource> dao =
        (IFhirResourceDao<Resource>) daoRegistry.getResourceDao(resource.fhirType());
    Resource copy = resource.copy();
    copy.setId(resource.fhirType() + "/" + resource.getIdElement().getIdPart());
    dao.update(copy, new SystemRequestDetails());
    log.debug("Stored {} in {} ms", copy.getId(), millis(System.nanoTime() - started));
  }

  private Verification verifyExpansions() throws InterruptedException, ExecutionException {
    List<Future<Check>> checks = new ArrayList<>();
    for (Resource resource : terminology.resources()) {
      if (resource instanceof ValueSet valueSet) {
        checks.add(workers.submit(() -> check(valueSet)));
      }
    }
    List<String> pending = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    for (Future<Check> check : checks) {
      Check found = check.get();
      if (found.pending() != null) {
        pending.add(found.pending());
      }
      if (found.wrong() != null) {
        wrong.add(found.wrong());
      }
    }
    return new Verification(pending, wrong);
  }

  @SuppressWarnings("unchecked")
  private Check check(ValueSet valueSet) {
    IFhirResourceDaoValueSet<ValueSet> dao =
        (IFhirResourceDaoValueSet<ValueSet>) daoRegistry.getResourceDao("ValueSet");
    int expected = terminology.expectedSize(valueSet.getUrl());
    ValueSet stored = valueSet.copy();
    stored.setId("ValueSet/" + valueSet.getIdElement().getIdPart());
    if (!termReadSvc.isValueSetPreExpandedForCodeValidation(stored)) {
      return new Check(valueSet.getUrl() + " has no stored expansion yet", null);
    }
    try {
      ValueSet expansion =
          dao.expandByIdentifier(
              valueSet.getUrl(), ValueSetExpansionOptions.forOffsetAndCount(0, 1000));
      int total = expansion.getExpansion().getContains().size();
      return total == expected
          ? new Check(null, null)
          : new Check(null, valueSet.getUrl() + " expands to " + total + ", expected " + expected);
    } catch (RuntimeException e) {
      return new Check(null, valueSet.getUrl() + " does not expand: " + e.getMessage());
    }
  }

  private static void awaitAll(List<Future<?>> futures)
      throws InterruptedException, ExecutionException {
    for (Future<?> future : futures) {
      future.get();
    }
  }

  private static long millis(long nanos) {
    return nanos / 1_000_000;
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread =
          new Thread(runnable, prefix.endsWith("-") ? prefix + count.incrementAndGet() : prefix);
      thread.setDaemon(true);
      return thread;
    };
  }
}
