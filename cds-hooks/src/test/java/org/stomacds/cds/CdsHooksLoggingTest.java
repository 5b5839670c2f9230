package org.stomacds.cds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;

@ExtendWith(OutputCaptureExtension.class)
class CdsHooksLoggingTest {

  @Test
  void logsIdsRulesAndTimingButNeverTheTokenOrPatientData(CapturedOutput output) throws Exception {
    try (CdsHooksHarness app = new CdsHooksHarness(false, false)) {
      app.engine.returning(r -> List.of(TestFindings.payerNotice("ServiceRequest/sr1")));
      ObjectNode body =
          Requests.fullOrderPrefetch(
              Requests.orderHook("order-sign", Requests.dilationOrder("sr1")));
      ((ObjectNode) body.get("prefetch")).remove("coverage");
      body.put("fhirServer", "https://ehr.example.org/fhir");
      body.putObject("fhirAuthorization")
          .put("access_token", Requests.TOKEN)
          .put("token_type", "Bearer");
      app.remote.add(Requests.payer()).search("Coverage?patient=p1", Requests.coverage());

      app.mvc
          .perform(
              post("/cds-services/cpt-44405-order-sign")
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(body.toString()))
          .andExpect(status().isOk());
    }

    assertThat(output.getAll())
        .contains(
            "service=cpt-44405-order-sign",
            "hookInstance=d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
            "payer-advance-notification",
            "tookMs=")
        .doesNotContain(Requests.TOKEN, Requests.PATIENT_NAME, "resourceType");
  }
}
