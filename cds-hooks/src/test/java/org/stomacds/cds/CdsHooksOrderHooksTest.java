package org.stomacds.cds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stomacds.engine.EvaluationRequest;
import org.stomacds.engine.rules.Stage;

class CdsHooksOrderHooksTest {

  private static final String SIGN = "/cds-services/cpt-44405-order-sign";
  private static final String SELECT = "/cds-services/cpt-44405-order-select";

  private final CdsHooksHarness app = new CdsHooksHarness(false, false);

  @AfterEach
  void close() {
    app.close();
  }

  private static List<String> refs(EvaluationRequest request) {
    return request.resources().stream()
        .map(r -> r.fhirType() + "/" + r.getIdElement().getIdPart())
        .toList();
  }

  @Test
  void discoveryListsTheThreeServicesWithRootLevelPrefetchTemplates() throws Exception {
    app.mvc
        .perform(get("/cds-services"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.services", hasSize(3)))
        .andExpect(
            jsonPath("$.services[?(@.id=='cpt-44405-order-select')].hook").value("order-select"))
        .andExpect(jsonPath("$.services[?(@.id=='cpt-44405-order-sign')].hook").value("order-sign"))
        .andExpect(
            jsonPath("$.services[?(@.id=='cpt-44405-encounter-discharge')].hook")
                .value("encounter-discharge"))
        .andExpect(
            jsonPath("$.services[?(@.id=='cpt-44405-order-sign')].prefetch.patient")
                .value("Patient/{{context.patientId}}"))
        .andExpect(
            jsonPath("$.services[?(@.id=='cpt-44405-encounter-discharge')].usageRequirements")
                .exists());
  }

  @Test
  void orderSignWithAFullPrefetchAnswersCardsAndTheSystemActionWithoutFetching() throws Exception {
    app.engine.returning(
        r ->
            List.of(
                TestFindings.checklist("ServiceRequest/sr1"),
                TestFindings.payerNotice("ServiceRequest/sr1")));
    ObjectNode body =
        Requests.fullOrderPrefetch(
            Requests.orderHook("order-sign", Requests.otherOrder(), Requests.dilationOrder("sr1")));

    app.post(SIGN, body)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.cards", hasSize(2)))
        .andExpect(
            jsonPath("$.cards[?(@.source.topic.code=='order-documentation-checklist')].indicator")
                .value("info"))
        .andExpect(
            jsonPath("$.cards[?(@.source.topic.code=='payer-advance-notification')].indicator")
                .value("warning"))
        .andExpect(jsonPath("$.systemActions", hasSize(1)))
        .andExpect(jsonPath("$.systemActions[0].type").value("update"))
        .andExpect(jsonPath("$.systemActions[0].resource.resourceType").value("ServiceRequest"))
        .andExpect(jsonPath("$.systemActions[0].resource.id").value("sr1"))
        .andExpect(
            jsonPath("$.systemActions[0].resource.extension[0].url")
                .value("https://stomacds.org/fhir/StructureDefinition/documentation-requirements"));

    EvaluationRequest asked = app.engine.last();
    assertThat(asked.stages()).containsExactly(Stage.ORDER_SIGN);
    assertThat(asked.focus()).containsExactly("ServiceRequest/sr1");
    assertThat(refs(asked))
        .contains(
            "ServiceRequest/sr1",
            "Patient/p1",
            "Coverage/cov1",
            "Organization/payer",
            "Encounter/e1",
            "Location/endo",
            "Condition/k94");
    assertThat(app.remoteCalls).isEmpty();
  }

  @Test
  void orderSignAcceptsTheLegacyDraftOrdersArray() throws Exception {
    ObjectNode body = Requests.fullOrderPrefetch(Requests.orderHook("order-sign"));
    ((ObjectNode) body.get("context"))
        .set("draftOrders", Requests.array().add(Requests.node(Requests.dilationOrder("sr1"))));

    app.post(SIGN, body).andExpect(status().isOk());

    assertThat(app.engine.last().focus()).containsExactly("ServiceRequest/sr1");
  }

  @Test
  void fetchesWhatThePrefetchLacksFromTheFhirServerWithTheCallsToken() throws Exception {
    ObjectNode body =
        Requests.fullOrderPrefetch(Requests.orderHook("order-sign", Requests.dilationOrder("sr1")));
    ObjectNode prefetch = (ObjectNode) body.get("prefetch");
    prefetch.remove("coverage");
    prefetch.remove("conditions");
    body.put("fhirServer", "https://ehr.example.org/api/FHIR/R4");
    ObjectNode auth = body.putObject("fhirAuthorization");
    auth.put("access_token", Requests.TOKEN);
    auth.put("token_type", "Bearer");
    auth.put("expires_in", 300);
    auth.put("scope", "patient/Coverage.read patient/Condition.read");
    auth.put("subject", "cds-service");
    app.remote.add(Requests.coverage(), Requests.payer(), Requests.condition());
    app.remote.search("Coverage?patient=p1", Requests.coverage());
    app.remote.search("Condition?patient=p1", Requests.condition());

    app.post(SIGN, body).andExpect(status().isOk());

    assertThat(app.remoteCalls).isNotEmpty();
    assertThat(app.remoteCalls)
        .allSatisfy(
            c -> {
              assertThat(c.token()).isEqualTo(Requests.TOKEN);
              assertThat(c.fhirServer()).hasToString("https://ehr.example.org/api/FHIR/R4");
            });
    // What the prefetch answered is not asked again. The order's reason is read while the
    // Condition search is still under way: one round, in parallel.
    assertThat(app.remote.calls)
        .containsExactlyInAnyOrder(
            "Coverage?patient=p1", "Condition?patient=p1", "Organization/payer", "Condition/k94");
    assertThat(refs(app.engine.last()))
        .contains("Coverage/cov1", "Organization/payer", "Condition/k94");
  }

  @Test
  void orderSelectEvaluatesOnlyTheSelectedOrders() throws Exception {
    ObjectNode body =
        Requests.fullOrderPrefetch(
            Requests.orderHook(
                "order-select", Requests.dilationOrder("sr1"), Requests.dilationOrder("sr2")));
    ((ObjectNode) body.get("context"))
        .set("selections", Requests.array().add("ServiceRequest/sr2"));

    app.post(SELECT, body).andExpect(status().isOk());

    assertThat(app.engine.last().focus()).containsExactly("ServiceRequest/sr2");
    assertThat(app.engine.last().stages()).containsExactly(Stage.ORDER_SELECT);
  }

  @Test
  void answersNoCardsAndFetchesNothingWhenNoDraftOrderIs44405() throws Exception {
    ObjectNode body = Requests.orderHook("order-sign", Requests.otherOrder());

    app.post(SIGN, body).andExpect(status().isOk()).andExpect(jsonPath("$.cards", hasSize(0)));

    assertThat(app.engine.requests).isEmpty();
  }

  @Test
  void answers412NamingTheOmittedKeyWhenThereIsNoFhirServer() throws Exception {
    ObjectNode body =
        Requests.fullOrderPrefetch(Requests.orderHook("order-sign", Requests.dilationOrder("sr1")));
    ((ObjectNode) body.get("prefetch")).remove("coverage");

    app.post(SIGN, body)
        .andExpect(status().isPreconditionFailed())
        .andExpect(jsonPath("$.error").value("prefetch-unavailable"))
        .andExpect(
            jsonPath("$.message", containsString("prefetch 'coverage' (Coverage?patient=p1)")))
        .andExpect(jsonPath("$.details[0].prefetchKey").value("coverage"))
        .andExpect(jsonPath("$.details[0].reason", containsString("not sent by the client")))
        .andExpect(jsonPath("$.details[0].reason", containsString("no fhirServer")));
    assertThat(app.engine.requests).isEmpty();
  }

  @Test
  void takesANullPrefetchAsNoDataRatherThanMissing() throws Exception {
    ObjectNode body =
        Requests.fullOrderPrefetch(Requests.orderHook("order-sign", Requests.dilationOrder("sr1")));
    ((ObjectNode) body.get("prefetch")).putNull("coverage");

    app.post(SIGN, body).andExpect(status().isOk());

    assertThat(refs(app.engine.last())).doesNotContain("Coverage/cov1");
  }

  @Test
  void fetchesAKeyTheClientAnsweredWithAnOperationOutcome() throws Exception {
    ObjectNode body =
        Requests.fullOrderPrefetch(Requests.orderHook("order-sign", Requests.dilationOrder("sr1")));
    ((ObjectNode) body.get("prefetch"))
        .set(
            "coverage",
            Requests.node(
                (Resource)
                    Requests.parse(
                        "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"timeout\"}]}")));
    body.put("fhirServer", "https://ehr.example.org/fhir");
    app.remote.add(Requests.payer()).search("Coverage?patient=p1", Requests.coverage());

    app.post(SIGN, body).andExpect(status().isOk());

    assertThat(app.remote.calls).contains("Coverage?patient=p1");
    assertThat(app.remoteCalls).extracting(CdsHooksHarness.RemoteCall::token).containsOnlyNulls();
  }

  @Test
  void saysTheClientCouldNotFetchAKeyWhenItSentAnOperationOutcomeAndNoFhirServer()
      throws Exception {
    ObjectNode body =
        Requests.fullOrderPrefetch(Requests.orderHook("order-sign", Requests.dilationOrder("sr1")));
    ((ObjectNode) body.get("prefetch"))
        .set(
            "coverage",
            Requests.node(
                (Resource)
                    Requests.parse(
                        "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"timeout\"}]}")));

    app.post(SIGN, body)
        .andExpect(status().isPreconditionFailed())
        .andExpect(
            jsonPath(
                "$.details[0].reason",
                containsString("could not fetch it (it sent an OperationOutcome)")));
  }

  @Test
  void refusesToCallAPlainHttpFhirServerOffLoopback() throws Exception {
    ObjectNode body =
        Requests.fullOrderPrefetch(Requests.orderHook("order-sign", Requests.dilationOrder("sr1")));
    ((ObjectNode) body.get("prefetch")).remove("coverage");
    body.put("fhirServer", "http://ehr.example.org/fhir");

    app.post(SIGN, body)
        .andExpect(status().isPreconditionFailed())
        .andExpect(
            jsonPath("$.details[0].reason", containsString("not one this service may call")));
    assertThat(app.remoteCalls).isEmpty();
  }

  @Test
  void ignoresUnknownFieldsAndPrefetchKeys() throws Exception {
    ObjectNode body =
        Requests.fullOrderPrefetch(Requests.orderHook("order-sign", Requests.dilationOrder("sr1")));
    body.put("extension", "anything");
    body.putObject("somethingNew").put("a", 1);
    ((ObjectNode) body.get("context")).put("newContextField", 42);
    ((ObjectNode) body.get("prefetch")).put("notOurs", "not even a resource");

    app.post(SIGN, body).andExpect(status().isOk());
  }
}
