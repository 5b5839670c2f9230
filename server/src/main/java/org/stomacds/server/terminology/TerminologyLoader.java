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
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ValueSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.stomacds.engine.terminology.Terminology;

/**
 * Loads the repository's CodeSystems and ValueSets into the FHIR server at start-up, stores every
 * value set's expansion (so {@code $expand} pages with {@code count} and {@code offset} from the
 * first request), and checks that each expands to the size the engine computes from the same files.
 *
 * <p>Loading is an update by id, so it is idempotent: a restart with unchanged files changes
 * nothing (HAPI skips a write whose content is unchanged). It runs before the application reports
 * ready, and before any request can ask about a code: HAPI caches "unknown code" answers.
 */
@Component
@Order(0)
class TerminologyLoader implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(TerminologyLoader.class);
  private static final Duration VERIFY_TIMEOUT = Duration.ofSeconds(60);

  private final Terminology terminology;
  private final DaoRegistry daoRegistry;
  private final TerminologyStatus status;
  private final ITermReadSvc termReadSvc;

  TerminologyLoader(
      Terminology terminology,
      DaoRegistry daoRegistry,
      TerminologyStatus status,
      ITermReadSvc termReadSvc) {
    this.terminology = terminology;
    this.daoRegistry = daoRegistry;
    this.status = status;
    this.termReadSvc = termReadSvc;
  }

  @Override
  public void run(ApplicationArguments args) throws InterruptedException {
    long started = System.nanoTime();
    for (Resource resource : terminology.resources()) {
      store(resource);
    }
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
    long millis = (System.nanoTime() - started) / 1_000_000;
    if (verification.problems().isEmpty()) {
      status.ready(terminology.resources().size());
      log.info(
          "Terminology loaded: {} resources, every value set's expansion stored at its expected"
              + " size ({} ms: resources {} ms, expansions {} ms)",
          terminology.resources().size(),
          millis,
          (stored - started) / 1_000_000,
          (expanded - stored) / 1_000_000);
    } else {
      status.failed(verification.problems());
      log.error(
          "Terminology is not ready; the server will not report ready: {}",
          verification.problems());
    }
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
    IFhirResourceDao<Resource> dao =
        (IFhirResourceDao<Resource>) daoRegistry.getResourceDao(resource.fhirType());
    Resource copy = resource.copy();
    copy.setId(resource.fhirType() + "/" + resource.getIdElement().getIdPart());
    dao.update(copy, new SystemRequestDetails());
  }

  @SuppressWarnings("unchecked")
  private Verification verifyExpansions() {
    IFhirResourceDaoValueSet<ValueSet> dao =
        (IFhirResourceDaoValueSet<ValueSet>) daoRegistry.getResourceDao("ValueSet");
    List<String> pending = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Resource resource : terminology.resources()) {
      if (resource instanceof ValueSet valueSet) {
        int expected = terminology.expectedSize(valueSet.getUrl());
        ValueSet stored = valueSet.copy();
        stored.setId("ValueSet/" + valueSet.getIdElement().getIdPart());
        if (!termReadSvc.isValueSetPreExpandedForCodeValidation(stored)) {
          pending.add(valueSet.getUrl() + " has no stored expansion yet");
          continue;
        }
        try {
          ValueSet expansion =
              dao.expandByIdentifier(
                  valueSet.getUrl(), ValueSetExpansionOptions.forOffsetAndCount(0, 1000));
          int total = expansion.getExpansion().getContains().size();
          if (total != expected) {
            problems.add(valueSet.getUrl() + " expands to " + total + ", expected " + expected);
          }
        } catch (RuntimeException e) {
          problems.add(valueSet.getUrl() + " does not expand: " + e.getMessage());
        }
      }
    }
    return new Verification(pending, problems);
  }
}
