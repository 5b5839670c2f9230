package org.stomacds.cds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Prefetch as the clients integrators use fill it: a client that fills only the tokens it knows
 * (the public CDS Hooks sandbox fills {@code context.patientId} and the user), that sends no key
 * for a query its server refused, or an empty answer to a query it could not fill. What such a
 * client could not give is fetched from {@code fhirServer}; without one the call is 412, never a
 * card built on a gap.
 */
class CdsHooksClientPrefetchTest {

  private static final String SIGN = "/cds-services/cpt-44405-order-sign";
  private static final String DISCHARGE = "/cds-services/cpt-44405-encounter-discharge";
  private static final String EHR = "https://ehr.example.org/fhir";

  private final CdsHooksHarness app = new CdsHooksHarness(false, false);

  @AfterEach
  void close() {
    app.close();
  }

  private List<String> evaluated() {
    return app.engine.last().resources().stream()
        .map(r -> r.fhirType() + "/" + r.getIdElement().getIdPart())
        .toList();
  }

  /** An empty searchset whose self link shows the query the client really ran. */
  private static ObjectNode emptyAnswerTo(String selfUrl) {
    Bundle bundle = Requests.searchset();
    bundle.addLink().setRelation(Bundle.LINK_SELF).setUrl(selfUrl);
    return Requests.node(bundle);
  }

  @Test
  void fetchesAKeyWhoseAnswerWasForATemplateTokenLeftUnfilled() throws Exception {
    ObjectNode body = Requests.discharge(Requests.claim());
    ((ObjectNode) body.get("prefetch"))
        .set(
            "procedures",
            emptyAnswerTo(EHR + "/Procedure?encounter=%7B%7Bcontext.encounterId%7D%7D"));
    body.put("fhirServer", EHR);
    app.remote.add(Requests.procedure()).search("Procedure?encounter=e1", Requests.procedure());

    app.post(DISCHARGE, body).andExpect(status().isOk());

    assertThat(app.remote.calls).contains("Procedure?encounter=e1");
    assertThat(app.engine.last().focus()).contains("Procedure/proc1", "Claim/c1");
  }

  @Test
  void answers412RatherThanReadAnUnfilledAnswerAsNoDataWhenThereIsNoFhirServer() throws Exception {
    ObjectNode body = Requests.discharge(Requests.claim());
    ((ObjectNode) body.get("prefetch"))
        .set(
            "documents",
            emptyAnswerTo(EHR + "/DocumentReference?encounter={{context.encounterId}}"));

    app.post(DISCHARGE, body)
        .andExpect(status().isPreconditionFailed())
        .andExpect(jsonPath("$.error").value("prefetch-unavailable"))
        .andExpect(jsonPath("$.details[0].prefetchKey").value("documents"))
        .andExpect(jsonPath("$.details[0].reason", containsString("left unfilled")));
    assertThat(app.engine.requests).isEmpty();
  }

  @Test
  void takesAnEmptyAnswerWhoseSelfLinkWasFilledAsNoData() throws Exception {
    ObjectNode body = Requests.discharge(Requests.claim());
    ((ObjectNode) body.get("prefetch"))
        .set("observations", emptyAnswerTo(EHR + "/Observation?encounter=e1"));

    app.post(DISCHARGE, body).andExpect(status().isOk());

    assertThat(app.remoteCalls).isEmpty();
  }

  @Test
  void fetchesAKeyWhoseBundleCarriesAnErrorOutcome() throws Exception {
    ObjectNode body =
        Requests.fullOrderPrefetch(Requests.orderHook("order-sign", Requests.dilationOrder("sr1")));
    OperationOutcome failed = new OperationOutcome();
    failed
        .addIssue()
        .setSeverity(OperationOutcome.IssueSeverity.ERROR)
        .setCode(OperationOutcome.IssueType.PROCESSING);
    Bundle bundle = Requests.searchset();
    bundle.addEntry().setResource(failed).getSearch().setMode(Bundle.SearchEntryMode.OUTCOME);
    ((ObjectNode) body.get("prefetch")).set("conditions", Requests.node(bundle));
    body.put("fhirServer", EHR);
    app.remote.add(Requests.condition()).search("Condition?patient=p1", Requests.condition());

    app.post(SIGN, body).andExpect(status().isOk());

    assertThat(app.remote.calls).contains("Condition?patient=p1");
    assertThat(evaluated()).contains("Condition/k94");
  }

  /**
   * The sandbox way: the order hooks' templates name only the patient, the order's encounter is not
   * among the patient's open encounters the client sent, so it is read from fhirServer.
   */
  @Test
  void readsTheOrdersEncounterFromTheFhirServerWhenThePrefetchLacksIt() throws Exception {
    ObjectNode body =
        Requests.fullOrderPrefetch(Requests.orderHook("order-sign", Requests.dilationOrder("sr1")));
    ((ObjectNode) body.get("context")).remove("encounterId");
    ((ObjectNode) body.get("prefetch")).set("encounters", Requests.node(Requests.searchset()));
    body.put("fhirServer", EHR);
    app.remote.add(Requests.encounter(), Requests.location());

    app.post(SIGN, body).andExpect(status().isOk());

    assertThat(app.remote.calls).containsExactlyInAnyOrder("Encounter/e1", "Location/endo");
    assertThat(evaluated()).contains("Encounter/e1", "Location/endo");
  }

  @Test
  void names412ForAnEncounterNotAmongTheOpenOnesAfterTheEncountersKey() throws Exception {
    ObjectNode body =
        Requests.fullOrderPrefetch(Requests.orderHook("order-sign", Requests.dilationOrder("sr1")));
    ((ObjectNode) body.get("prefetch")).set("encounters", Requests.node(Requests.searchset()));

    app.post(SIGN, body)
        .andExpect(status().isPreconditionFailed())
        .andExpect(jsonPath("$.details[0].lookup").value("Encounter/e1"))
        .andExpect(jsonPath("$.details[0].prefetchKey").value("encounters"))
        .andExpect(
            jsonPath("$.details[0].reason", containsString("sent by the client without it")));
  }

  @Test
  void readsNothingMoreWhenTheOpenEncountersHoldTheOrdersEncounter() throws Exception {
    ObjectNode body =
        Requests.fullOrderPrefetch(Requests.orderHook("order-sign", Requests.dilationOrder("sr1")));
    body.put("fhirServer", EHR);

    app.post(SIGN, body).andExpect(status().isOk());

    assertThat(app.remote.calls).isEmpty();
    assertThat(evaluated()).contains("Encounter/e1", "Location/endo");
  }
}
