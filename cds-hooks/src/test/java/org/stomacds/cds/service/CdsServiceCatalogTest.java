package org.stomacds.cds.service;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;
import org.stomacds.casedata.CaseAssembler;
import org.stomacds.casedata.CaseData;
import org.stomacds.casedata.CaseRequest;
import org.stomacds.casedata.FhirDataSource;
import org.stomacds.casedata.KnownResources;
import org.stomacds.cds.wire.CdsJson;
import org.stomacds.cds.wire.HookContext;

class CdsServiceCatalogTest {

  private final CdsServiceCatalog catalog =
      CdsServiceCatalog.load(new CdsJson(FhirContext.forR4Cached()));

  @Test
  void definesTheThreeServicesWithTheirHooksAndStages() {
    assertThat(catalog.all())
        .extracting(CdsServiceDefinition::id, s -> s.hook().id())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("cpt-44405-order-select", "order-select"),
            org.assertj.core.groups.Tuple.tuple("cpt-44405-order-sign", "order-sign"),
            org.assertj.core.groups.Tuple.tuple(
                "cpt-44405-encounter-discharge", "encounter-discharge"));
  }

  @Test
  void usesRootLevelTokensOnly() {
    assertThat(PrefetchTemplates.rootLevelOnly("Patient/{{context.patientId}}")).isTrue();
    assertThat(PrefetchTemplates.rootLevelOnly("Practitioner/{{userPractitionerId}}")).isTrue();
    assertThat(
            PrefetchTemplates.rootLevelOnly(
                "Coverage?patient={{context.draftOrders.entry.resource.id}}"))
        .isFalse();
    catalog
        .all()
        .forEach(
            s ->
                s.prefetch()
                    .values()
                    .forEach(t -> assertThat(PrefetchTemplates.rootLevelOnly(t)).isTrue()));
  }

  @Test
  void resolvesNoKeyWhoseTokenHasNoValueOrIsNotAFhirId() {
    HookContext context = new HookContext("Practitioner/u1", "p1", null, null, null);

    assertThat(PrefetchTemplates.resolve("Encounter/{{context.encounterId}}", context)).isEmpty();
    assertThat(PrefetchTemplates.resolve("Practitioner/{{userPractitionerId}}", context))
        .contains("Practitioner/u1");
    assertThat(
            PrefetchTemplates.resolve(
                "Patient/{{context.patientId}}", new HookContext(null, "p1&x=1", null, null, null)))
        .isEmpty();
  }

  /**
   * Every read and search the assembler makes for a hook's ids is one of the service's prefetch
   * templates: a client that sends the whole prefetch is never called back.
   */
  @Test
  void prefetchTemplatesCoverEveryLookupTheCaseNeeds() {
    CaseAssembler assembler = new CaseAssembler(Runnable::run, Duration.ofSeconds(1));
    HookContext context = new HookContext("Practitioner/u1", "p1", "e1", null, null);
    ServiceRequest order = new ServiceRequest();
    order.setId("sr1");
    order.setSubject(new Reference("Patient/p1"));
    order.setEncounter(new Reference("Encounter/e1"));
    for (CdsServiceDefinition service : catalog.all()) {
      KnownResources.Builder known = KnownResources.builder();
      service
          .prefetch()
          .values()
          .forEach(
              t ->
                  PrefetchTemplates.resolve(t, context)
                      .ifPresent(q -> known.answer(q, List.of(), List.of())));
      List<Resource> focus =
          service.focus() == FocusSelection.ENCOUNTER_RECORDS ? List.of() : List.of(order);

      CaseData data =
          assembler.assemble(
              new CaseRequest(service.scope(), focus, "p1", "e1"),
              known.build(),
              FhirDataSource.unavailable("not in the prefetch"));

      assertThat(data.missing()).as(service.id()).isEmpty();
    }
  }

  @Test
  void writesDiscoveryInTheCatalogsOrder() {
    assertThat(catalog.discovery().services().get(1).prefetch())
        .containsEntry("patient", "Patient/{{context.patientId}}")
        .isInstanceOf(Map.class);
    assertThat(catalog.find("nope")).isEqualTo(Optional.empty());
  }
}
