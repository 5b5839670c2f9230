package org.stomacds.cds;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Shapes found by the hostile corpus (server HostileInputIT) that HAPI's parser chokes on. */
class HostileEntriesTest {

  @Test
  void refusesAPrefetchBundleEntryWithAFullUrlButNoResourceWith400() throws Exception {
    try (CdsHooksHarness app = new CdsHooksHarness(false, false)) {
      ObjectNode body =
          Requests.fullOrderPrefetch(
              Requests.orderHook("order-select", Requests.dilationOrder("sr1")));
      ((ObjectNode) body.get("context")).putArray("selections").add("ServiceRequest/sr1");
      ObjectNode entry =
          (ObjectNode) ((ArrayNode) body.get("prefetch").get("conditions").get("entry")).get(0);
      entry.put("fullUrl", "urn:uuid:0f0e0d0c-0b0a-4908-8706-050403020100");
      entry.putNull("resource");

      app.mvc
          .perform(
              post("/cds-services/cpt-44405-order-select")
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(body.toString()))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.error").value("invalid-resource"))
          .andExpect(
              jsonPath("$.message").value("prefetch.conditions is not a valid FHIR R4 resource"));
    }
  }
}
