package org.stomacds.server.terminology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.ValueSetExpansionOptions;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDaoValueSet;
import ca.uhn.fhir.jpa.term.api.ITermReadSvc;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.stomacds.engine.terminology.Terminology;

/**
 * The terminology loads on its own threads after the context has started: readiness stays down
 * until every value set is stored and expands, and a failed load leaves it down, naming why.
 */
class TerminologyLoaderTest {

  private static final Terminology TERMINOLOGY = Terminology.loadDefault(FhirContext.forR4Cached());

  private final DaoRegistry daoRegistry = mock(DaoRegistry.class);
  private final ITermReadSvc termReadSvc = mock(ITermReadSvc.class);

  @SuppressWarnings("unchecked")
  private final IFhirResourceDaoValueSet<ValueSet> dao = mock(IFhirResourceDaoValueSet.class);

  private final TerminologyStatus status = new TerminologyStatus();
  private final TerminologyLoader loader =
      new TerminologyLoader(TERMINOLOGY, daoRegistry, status, termReadSvc);

  TerminologyLoaderTest() {
    when(daoRegistry.getResourceDao(anyString())).thenAnswer(call -> dao);
    when(termReadSvc.isValueSetPreExpandedForCodeValidation(any(ValueSet.class))).thenReturn(true);
    when(dao.expandByIdentifier(anyString(), any(ValueSetExpansionOptions.class)))
        .thenAnswer(call -> expansionOf(TERMINOLOGY.expectedSize(call.getArgument(0))));
  }

  @AfterEach
  void stop() throws InterruptedException {
    loader.destroy();
  }

  @Test
  void readinessWaitsUntilEveryValueSetIsStoredAndExpands() throws Exception {
    CountDownLatch storing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger stored = new AtomicInteger();
    when(dao.update(any(), any(RequestDetails.class)))
        .thenAnswer(
            call -> {
              storing.countDown();
              release.await();
              stored.incrementAndGet();
              return null;
            });

    loader.onApplicationEvent(mock(ApplicationStartedEvent.class));

    assertThat(storing.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(status.health().getStatus()).isEqualTo(Status.DOWN);
    release.countDown();
    await().atMost(Duration.ofSeconds(60)).until(() -> status.health().getStatus() == Status.UP);
    assertThat(stored.get()).isEqualTo(TERMINOLOGY.resources().size());
    assertThat(status.health().getDetails()).containsEntry("resources", stored.get());
  }

  @Test
  void aFailedLoadKeepsReadinessDownAndSaysWhy() {
    when(dao.update(any(), any(RequestDetails.class)))
        .thenThrow(new IllegalStateException("database is read-only"));

    loader.onApplicationEvent(mock(ApplicationStartedEvent.class));

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> status.health().getDetails().containsKey("problems"));
    assertThat(status.health().getStatus()).isEqualTo(Status.DOWN);
    assertThat((List<?>) status.health().getDetails().get("problems"))
        .singleElement()
        .asString()
        .contains("terminology load failed")
        .contains("database is read-only");
  }

  private static ValueSet expansionOf(int concepts) {
    ValueSet expansion = new ValueSet();
    for (int i = 0; i < concepts; i++) {
      expansion.getExpansion().addContains().setCode("c" + i);
    }
    return expansion;
  }
}
