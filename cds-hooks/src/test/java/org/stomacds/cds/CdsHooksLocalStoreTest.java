package org.stomacds.cds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class CdsHooksLocalStoreTest {

  private static ObjectNode orderSignWithoutCoverage() {
    ObjectNode body =
        Requests.fullOrderPrefetch(Requests.orderHook("order-sign", Requests.dilationOrder("sr1")));
    ((ObjectNode) body.get("prefetch")).remove("coverage");
    return body;
  }

  @Test
  void readsOurOwnFhirBaseThroughOurOwnApiWithTheCallersTokenNeverTheStoreDirectly()
      throws Exception {
    try (CdsHooksHarness app = new CdsHooksHarness(true, false)) {
      app.localData.add(Requests.payer()).search("Coverage?patient=p1", Requests.coverage());
      app.remote.add(Requests.payer()).search("Coverage?patient=p1", Requests.coverage());
      ObjectNode body = orderSignWithoutCoverage();
      body.put("fhirServer", "HTTPS://CDS.example.org:443/fhir/");
      body.putObject("fhirAuthorization")
          .put("access_token", "callers-token")
          .put("token_type", "Bearer")
          .put("scope", "patient/*.read")
          .put("subject", "ehr");

      app.mvc
          .perform(
              post("/cds-services/cpt-44405-order-sign")
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(body.toString()))
          .andExpect(status().isOk());

      assertThat(app.localData.calls).isEmpty();
      assertThat(app.remoteCalls)
          .containsExactly(
              new CdsHooksHarness.RemoteCall(
                  java.net.URI.create("http://127.0.0.1:" + CdsHooksHarness.OWN_PORT + "/fhir"),
                  "callers-token"));
    }
  }

  @Test
  void readsOurOwnStoreWithoutFhirServerWhenCallersShareIt() throws Exception {
    try (CdsHooksHarness app = new CdsHooksHarness(true, true)) {
      app.localData.add(Requests.payer()).search("Coverage?patient=p1", Requests.coverage());

      app.mvc
          .perform(
              post("/cds-services/cpt-44405-order-sign")
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(orderSignWithoutCoverage().toString()))
          .andExpect(status().isOk());

      assertThat(app.localData.calls).contains("Coverage?patient=p1");
    }
  }

  @Test
  void answers412WithoutFhirServerWhenCallersDoNotShareOurStore() throws Exception {
    try (CdsHooksHarness app = new CdsHooksHarness(true, false)) {
      app.mvc
          .perform(
              post("/cds-services/cpt-44405-order-sign")
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(orderSignWithoutCoverage().toString()))
          .andExpect(status().isPreconditionFailed());

      assertThat(app.localData.calls).isEmpty();
    }
  }
}
