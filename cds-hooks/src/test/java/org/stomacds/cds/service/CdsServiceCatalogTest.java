package org.stomacds.cds.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Encounter;
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
  void findsNothingWrongWithTheShippedTemplates() {
    catalog
        .all()
        .forEach(
            s ->
                s.prefetch()
                    .forEach(
                        (key, t) ->
                            assertThat(PrefetchTemplates.problems(t, s.hook()))
                                .as(s.id() + " " + key)
                                .isEmpty()));
  }

  @Test
  void refusesTokensForFieldsTheHookDoesNotAlwaysCarry() {
    assertThat(PrefetchTemplates.problems("Encounter/{{context.encounterId}}", Hook.ORDER_SIGN))
        .singleElement()
        .asString()
        .contains("{{context.encounterId}}", "does not always carry");
    assertThat(
            PrefetchTemplates.problems(
                "Encounter/{{context.encounterId}}", Hook.ENCOUNTER_DISCHARGE))
        .isEmpty();
    assertThat(PrefetchTemplates.problems("Practitioner/{{userPractitionerId}}", Hook.ORDER_SELECT))
        .hasSize(1);
    assertThat(
            PrefetchTemplates.problems(
                "Coverage?patient={{context.draftOrders.entry.resource.id}}", Hook.ORDER_SIGN))
        .singleElement()
        .asString()
        .contains("not a root-level context field");
  }

  @Test
  void refusesRepeatedParametersAndSeveralIncludes() {
    assertThat(
            PrefetchTemplates.problems(
                "Encounter?_id={{context.encounterId}}&_include=Encounter:location"
                    + "&_include=Encounter:service-provider",
                Hook.ENCOUNTER_DISCHARGE))
        .singleElement()
        .asString()
        .contains("more than one _include");
    assertThat(
            PrefetchTemplates.problems(
                "Encounter?_id={{context.encounterId}}&_include=Encounter:location,Encounter:subject",
                Hook.ENCOUNTER_DISCHARGE))
        .singleElement()
        .asString()
        .contains("several values");
    assertThat(
            PrefetchTemplates.problems(
                "Condition?patient={{context.patientId}}&category=a&category=b", Hook.ORDER_SIGN))
        .singleElement()
        .asString()
        .contains("'category' is repeated");
  }

  @Test
  void failsAtStartUpOnATemplateNotEveryClientCanFill() {
    CdsServiceCatalog.ServiceEntry entry =
        new CdsServiceCatalog.ServiceEntry(
            "bad-service",
            "order-sign",
            "t",
            "d",
            null,
            List.of(org.stomacds.engine.rules.Stage.ORDER_SIGN),
            FocusSelection.DRAFT_ORDERS,
            org.stomacds.casedata.CaseScope.ORDER,
            List.of("cpt-44405"),
            new java.util.LinkedHashMap<>(
                Map.of("encounter", "Encounter/{{context.encounterId}}")));

    assertThatThrownBy(entry::toDefinition)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("service 'bad-service'")
        .hasMessageContaining("prefetch 'encounter'");
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
   * Every read and search the assembler makes for a hook's ids is answered by the service's
   * prefetch templates: a client that sends the whole prefetch is never called back. For the order
   * hooks the encounter (an optional context field, so no template names it) is answered by the
   * search of the patient's open encounters when it is one of them.
   */
  @Test
  void prefetchTemplatesCoverEveryLookupTheCaseNeeds() {
    CaseAssembler assembler = new CaseAssembler(Runnable::run, Duration.ofSeconds(1));
    HookContext context = new HookContext("Practitioner/u1", "p1", "e1", null, null);
    ServiceRequest order = new ServiceRequest();
    order.setId("sr1");
    order.setSubject(new Reference("Patient/p1"));
    order.setEncounter(new Reference("Encounter/e1"));
    Encounter open = new Encounter();
    open.setId("e1");
    open.setSubject(new Reference("Patient/p1"));
    for (CdsServiceDefinition service : catalog.all()) {
      KnownResources.Builder known = KnownResources.builder();
      service
          .prefetch()
          .values()
          .forEach(
              t ->
                  PrefetchTemplates.resolve(t, context)
                      .ifPresent(
                          q ->
                              known.answer(
                                  q,
                                  q.startsWith("Encounter") ? List.of(open) : List.of(),
                                  List.of())));
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

  /**
   * The order hooks' encounter search is by patient: an encounter not among its answers is read.
   */
  @Test
  void orderHooksReadAnEncounterTheOpenEncountersSearchDidNotReturn() {
    CaseAssembler assembler = new CaseAssembler(Runnable::run, Duration.ofSeconds(1));
    HookContext context = new HookContext("Practitioner/u1", "p1", "e9", null, null);
    CdsServiceDefinition sign = catalog.find("cpt-44405-order-sign").orElseThrow();
    KnownResources.Builder known = KnownResources.builder();
    sign.prefetch()
        .values()
        .forEach(
            t ->
                PrefetchTemplates.resolve(t, context)
                    .ifPresent(q -> known.answer(q, List.of(), List.of())));
    ServiceRequest order = new ServiceRequest();
    order.setId("sr1");
    order.setSubject(new Reference("Patient/p1"));

    CaseData data =
        assembler.assemble(
            new CaseRequest(sign.scope(), List.of(order), "p1", "e9"),
            known.build(),
            FhirDataSource.unavailable("no source"));

    assertThat(data.missing()).extracting(m -> m.lookup()).containsExactly("Encounter/e9");
  }

  @Test
  void writesDiscoveryInTheCatalogsOrder() {
    assertThat(catalog.discovery().services().get(1).prefetch())
        .containsEntry("patient", "Patient/{{context.patientId}}")
        .isInstanceOf(Map.class);
    assertThat(catalog.find("nope")).isEqualTo(Optional.empty());
  }
}
