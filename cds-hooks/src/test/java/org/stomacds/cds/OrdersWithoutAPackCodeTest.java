package org.stomacds.cds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The call an EHR makes most: order-sign or order-select with the full prefetch and no order of the
 * service's packs. It is answered {@code {"cards":[]}} from the draft orders alone (the prefetch is
 * never parsed, nothing fetched, no rule run), and only when the rules' own definition of a pack's
 * order ({@code PackSubjects.isOrder}) finds none: every call with one still goes the full way.
 */
class OrdersWithoutAPackCodeTest {

  private static final String SIGN = "/cds-services/cpt-44405-order-sign";
  private static final String SELECT = "/cds-services/cpt-44405-order-select";
  private static final String CPT = "http://www.ama-assn.org/go/cpt";
  private static final String EPIC = "urn:oid:1.2.840.114350.1.13.0.1.7.2.696580";

  private final CdsHooksHarness app = new CdsHooksHarness(false, false);

  @AfterEach
  void close() {
    app.close();
  }

  private static ServiceRequest cbc() {
    return Requests.order("cbc", new Coding(EPIC, "LAB100", null), new Coding(CPT, "85025", null));
  }

  private static ServiceRequest chestXray() {
    return Requests.order(
        "cxr", new Coding(EPIC, "IMG71046", null), new Coding(CPT, "71046", null));
  }

  /** A prefetch the service would refuse with a 400 if it read it: a Patient with a bad date. */
  private static ObjectNode withUnreadablePatient(ObjectNode body) {
    Requests.fullOrderPrefetch(body);
    ((ObjectNode) body.at("/prefetch/patient")).put("birthDate", "not a date");
    return body;
  }

  @Test
  void answersExactlyAnEmptyCardListWithoutReadingThePrefetchWhenNoOrderIsAboutAPack()
      throws Exception {
    ObjectNode body =
        withUnreadablePatient(
            Requests.orderHook("order-sign", cbc(), chestXray(), Requests.otherOrder()));

    app.post(SIGN, body).andExpect(status().isOk()).andExpect(content().string("{\"cards\":[]}"));

    assertThat(app.engine.requests).isEmpty();
    assertThat(app.remoteCalls).isEmpty();
  }

  @Test
  void readsAndRefusesTheSamePrefetchWhenAnOrderIsAboutAPack() throws Exception {
    ObjectNode body =
        withUnreadablePatient(
            Requests.orderHook("order-sign", cbc(), Requests.dilationOrder("sr1")));

    app.post(SIGN, body)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value("invalid-resource"))
        .andExpect(jsonPath("$.message", containsString("prefetch.patient")));
  }

  @Test
  void goesTheFullWayFor44405InTheSecondCodingAfterTheEhrsOwnCode() throws Exception {
    app.engine.returning(r -> List.of(TestFindings.checklist("ServiceRequest/sr1")));
    ServiceRequest epicShaped =
        Requests.order("sr1", new Coding(EPIC, "GI1140", null), new Coding(CPT, "44405", null));
    ObjectNode body =
        Requests.fullOrderPrefetch(Requests.orderHook("order-sign", cbc(), epicShaped));

    app.post(SIGN, body)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.cards.length()").value(1));

    assertThat(app.engine.last().focus()).containsExactly("ServiceRequest/sr1");
  }

  @Test
  void goesTheFullWayFor44405WithSpacesAroundTheCodeAndNoSystem() throws Exception {
    ServiceRequest spaced = Requests.order("sr1", new Coding(null, " 44405 ", null));
    ObjectNode body = Requests.fullOrderPrefetch(Requests.orderHook("order-sign", spaced));

    app.post(SIGN, body).andExpect(status().isOk());

    assertThat(app.engine.last().focus()).containsExactly("ServiceRequest/sr1");
  }

  @Test
  void takesAPackCodeInAContainedResourceOrBehindAnotherCptCodeAsTheRulesDo() throws Exception {
    // PackSubjects: an order is about the code of its first CPT/HCPCS (or system-less) coding; a
    // contained resource is not an order of the call. The rules read them the same way.
    ServiceRequest contained = Requests.order("sr-contained", new Coding(CPT, "44405", null));
    ServiceRequest panel = Requests.order("panel", new Coding(CPT, "45378", null));
    panel.addContained(contained);
    ServiceRequest behind =
        Requests.order("behind", new Coding(CPT, "45378", null), new Coding(CPT, "44405", null));
    ObjectNode body = withUnreadablePatient(Requests.orderHook("order-sign", panel, behind));

    app.post(SIGN, body).andExpect(status().isOk()).andExpect(content().string("{\"cards\":[]}"));

    assertThat(app.engine.requests).isEmpty();
  }

  @Test
  void orderSelectOfAnotherOrderBesideA44405OrderIsAnsweredWithoutThePrefetch() throws Exception {
    ObjectNode body =
        withUnreadablePatient(
            Requests.orderHook("order-select", chestXray(), Requests.dilationOrder("sr1")));
    ((ObjectNode) body.get("context")).putArray("selections").add("ServiceRequest/cxr");

    app.post(SELECT, body).andExpect(status().isOk()).andExpect(content().string("{\"cards\":[]}"));

    assertThat(app.engine.requests).isEmpty();
  }

  @Test
  void orderSelectOfThe44405OrderGoesTheFullWay() throws Exception {
    ObjectNode body =
        Requests.fullOrderPrefetch(
            Requests.orderHook("order-select", chestXray(), Requests.dilationOrder("sr1")));
    ((ObjectNode) body.get("context")).putArray("selections").add("ServiceRequest/sr1");

    app.post(SELECT, body).andExpect(status().isOk());

    assertThat(app.engine.last().focus()).containsExactly("ServiceRequest/sr1");
  }

  @Test
  void stillRefusesASelectionThatNamesNoDraftOrder() throws Exception {
    ObjectNode body = withUnreadablePatient(Requests.orderHook("order-select", chestXray()));
    ((ObjectNode) body.get("context")).putArray("selections").add("ServiceRequest/nowhere");

    app.post(SELECT, body)
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.message", containsString("context.selections[0]")));
  }

  @Test
  void stillRefusesADraftOrderThatIsNotAValidResource() throws Exception {
    ObjectNode body = Requests.fullOrderPrefetch(Requests.orderHook("order-sign", cbc()));
    ((ObjectNode) body.at("/context/draftOrders/entry/0/resource")).put("status", 12);

    app.post(SIGN, body)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.message", containsString("context.draftOrders.entry[0].resource")));
  }
}
