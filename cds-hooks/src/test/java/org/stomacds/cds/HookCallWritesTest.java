package org.stomacds.cds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/**
 * What a hook call writes: at most one transaction, committed before the answer (its audit row and
 * the rows of its cards, the cards as one batch).
 */
class HookCallWritesTest {

  private static final String SIGN = "/cds-services/cpt-44405-order-sign";

  private final CdsHooksHarness app = new CdsHooksHarness(false, false);

  @AfterEach
  void close() {
    app.close();
  }

  private ResultActions sign(ObjectNode body) throws Exception {
    app.counting.reset();
    return app.mvc.perform(
        post(SIGN).contentType(MediaType.APPLICATION_JSON).content(body.toString()));
  }

  private ObjectNode dilationOrderSign() {
    return Requests.fullOrderPrefetch(
        Requests.orderHook("order-sign", Requests.dilationOrder("sr1")));
  }

  private int rows(String table) {
    return app.jdbc.queryForObject("SELECT COUNT(*) FROM \"stomacds\"." + table, Integer.class);
  }

  @Test
  void aCallWithCardsCommitsItsAuditRowAndItsCardRowsInOneTransaction() throws Exception {
    app.engine.returning(
        r ->
            List.of(
                TestFindings.checklist("ServiceRequest/sr1"),
                TestFindings.payerNotice("ServiceRequest/sr1")));

    sign(dilationOrderSign())
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.cards.length()").value(2));

    assertThat(app.counting.transactions).hasValue(1);
    assertThat(app.counting.writeStatements).hasValue(2); // one batch of cards, one audit row
    assertThat(app.counting.batches).hasValue(1);
    assertThat(rows("card_issuance")).isEqualTo(2);
    assertThat(rows("invocation_audit")).isEqualTo(1);
  }

  @Test
  void aCallWithoutCardsWritesItsAuditRowAlone() throws Exception {
    sign(Requests.fullOrderPrefetch(Requests.orderHook("order-sign", Requests.otherOrder())))
        .andExpect(status().isOk());

    assertThat(app.counting.transactions).hasValue(1);
    assertThat(app.counting.writeStatements).hasValue(1);
    assertThat(rows("card_issuance")).isZero();
    assertThat(
            app.jdbc.queryForObject(
                "SELECT status FROM \"stomacds\".invocation_audit", Integer.class))
        .isEqualTo(200);
  }

  @Test
  void whenTheAuditRowCannotBeWrittenTheCardRowsAreRolledBackAndTheCallFails() throws Exception {
    app.engine.returning(r -> List.of(TestFindings.checklist("ServiceRequest/sr1")));
    app.jdbc.execute(
        "ALTER TABLE \"stomacds\".invocation_audit ADD COLUMN refuse_all INT NOT NULL");

    sign(dilationOrderSign())
        .andExpect(status().isInternalServerError())
        .andExpect(jsonPath("$.error").value("internal-error"));

    assertThat(rows("card_issuance")).isZero();
  }

  @Test
  void whenTheCardRowsCannotBeWrittenTheCallFailsAndIsAuditedAsFailed() throws Exception {
    app.engine.returning(r -> List.of(TestFindings.checklist("ServiceRequest/sr1")));
    app.jdbc.execute("ALTER TABLE \"stomacds\".card_issuance ADD COLUMN refuse_all INT NOT NULL");

    sign(dilationOrderSign())
        .andExpect(status().isInternalServerError())
        .andExpect(jsonPath("$.error").value("internal-error"));

    assertThat(
            app.jdbc.queryForList(
                "SELECT status, error_code, card_uuids FROM \"stomacds\".invocation_audit"))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.get("STATUS")).isEqualTo(500);
              assertThat(row.get("ERROR_CODE")).isEqualTo("internal-error");
              assertThat(row.get("CARD_UUIDS")).isNull();
            });
  }
}
