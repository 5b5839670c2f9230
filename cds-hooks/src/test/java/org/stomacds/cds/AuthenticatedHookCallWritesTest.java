package org.stomacds.cds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

/**
 * What an authenticated hook call writes, the real JWT filter in front: its token's first use, its
 * cards and its audit row, in one transaction, the token first; a replayed token is never answered
 * and leaves nothing behind.
 */
@ExtendWith(OutputCaptureExtension.class)
class AuthenticatedHookCallWritesTest {

  private static final String SIGN = "/cds-services/cpt-44405-order-sign";
  private static final String DISCHARGE = "/cds-services/cpt-44405-encounter-discharge";
  private static final String UNAUTHORIZED =
      "{\"error\":\"unauthorized\",\"message\":\"a valid CDS Hooks JWT is required\"}";

  private final CdsHooksHarness app = new CdsHooksHarness(false, false, true);

  @AfterEach
  void close() {
    app.close();
  }

  private ResultActions sign(ObjectNode body, String authorization) throws Exception {
    return app.mvc.perform(
        post(SIGN)
            .header("Authorization", authorization)
            .contentType(MediaType.APPLICATION_JSON)
            .content(body.toString()));
  }

  private static ObjectNode dilationOrderSign() {
    return Requests.fullOrderPrefetch(
        Requests.orderHook("order-sign", Requests.dilationOrder("sr1")));
  }

  private static ObjectNode otherOrderSign() {
    return Requests.fullOrderPrefetch(Requests.orderHook("order-sign", Requests.otherOrder()));
  }

  private int rows(String table) {
    return app.jdbc.queryForObject("SELECT COUNT(*) FROM \"stomacds\"." + table, Integer.class);
  }

  private void cardsForTheDilationOrder() {
    app.engine.returning(
        r ->
            List.of(
                TestFindings.checklist("ServiceRequest/sr1"),
                TestFindings.payerNotice("ServiceRequest/sr1")));
  }

  @Test
  void aCallWithCardsCommitsItsTokenItsCardsAndItsAuditRowInOneTransaction() throws Exception {
    cardsForTheDilationOrder();
    app.counting.reset();

    sign(dilationOrderSign(), CdsHooksHarness.bearer(SIGN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.cards.length()").value(2));

    assertThat(app.counting.transactions).hasValue(1);
    assertThat(app.counting.tablesWritten)
        .containsExactly("jwt_replay", "card_issuance", "invocation_audit");
    assertThat(app.counting.batches).hasValue(1);
    assertThat(rows("jwt_replay")).isEqualTo(1);
    assertThat(rows("card_issuance")).isEqualTo(2);
    assertThat(rows("invocation_audit")).isEqualTo(1);
  }

  @Test
  void aCallWithoutCardsCommitsItsTokenAndItsAuditRowInOneTransaction() throws Exception {
    app.counting.reset();

    sign(otherOrderSign(), CdsHooksHarness.bearer(SIGN)).andExpect(status().isOk());

    assertThat(app.counting.transactions).hasValue(1);
    assertThat(app.counting.tablesWritten).containsExactly("jwt_replay", "invocation_audit");
    assertThat(rows("jwt_replay")).isEqualTo(1);
    assertThat(rows("card_issuance")).isZero();
  }

  @Test
  void aCallRefusedByTheServiceStillRecordsItsTokenWithItsAuditRow() throws Exception {
    String bearer = CdsHooksHarness.bearer("/cds-services/no-such-service");
    app.counting.reset();

    app.mvc
        .perform(
            post("/cds-services/no-such-service")
                .header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
        .andExpect(status().isNotFound());

    assertThat(app.counting.transactions).hasValue(1);
    assertThat(app.counting.tablesWritten).containsExactly("jwt_replay", "invocation_audit");
    app.mvc
        .perform(
            post("/cds-services/no-such-service")
                .header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void theSameTokenTwiceIsAnsweredOnceAndAuditedOnce(CapturedOutput output) throws Exception {
    cardsForTheDilationOrder();
    String bearer = CdsHooksHarness.bearer(SIGN);

    sign(dilationOrderSign(), bearer).andExpect(status().isOk());
    app.counting.reset();
    sign(dilationOrderSign(), bearer)
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", "Bearer"))
        .andExpect(content().json(UNAUTHORIZED, true));

    assertThat(app.counting.writeStatements).hasValue(0); // refused by a read, before the service
    assertThat(app.engine.requests).hasSize(1);
    assertThat(rows("invocation_audit")).isEqualTo(1);
    assertThat(rows("card_issuance")).isEqualTo(2);
    assertThat(output.getAll()).contains("cds call refused: 401 reason=REPLAY");
  }

  @Test
  void ofTwoCallsRacingWithOneTokenExactlyOneIsAnsweredAndAudited(CapturedOutput output)
      throws Exception {
    // Both calls pass the filter's read check, then meet in the rules: both write, one wins.
    CyclicBarrier bothInTheRules = new CyclicBarrier(2);
    app.engine.returning(
        r -> {
          try {
            bothInTheRules.await(10, TimeUnit.SECONDS);
          } catch (Exception e) {
            throw new IllegalStateException("the calls did not race", e);
          }
          return List.of(TestFindings.checklist("ServiceRequest/sr1"));
        });
    String bearer = CdsHooksHarness.bearer(SIGN);
    String body = dilationOrderSign().toString();
    ExecutorService callers = Executors.newFixedThreadPool(2);
    List<Future<org.springframework.mock.web.MockHttpServletResponse>> calls = new ArrayList<>();
    try {
      for (int i = 0; i < 2; i++) {
        calls.add(
            callers.submit(
                () ->
                    app.mvc
                        .perform(
                            post(SIGN)
                                .header("Authorization", bearer)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body))
                        .andReturn()
                        .getResponse()));
      }
      List<Integer> statuses = new ArrayList<>();
      List<org.springframework.mock.web.MockHttpServletResponse> refused = new ArrayList<>();
      for (var call : calls) {
        var response = call.get(30, TimeUnit.SECONDS);
        statuses.add(response.getStatus());
        if (response.getStatus() == 401) {
          refused.add(response);
        }
      }

      assertThat(statuses).containsExactlyInAnyOrder(200, 401);
      assertThat(app.engine.requests).hasSize(2); // both got past the filter
      assertThat(refused.get(0).getHeader("WWW-Authenticate")).isEqualTo("Bearer");
      assertThat(refused.get(0).getContentAsString()).isEqualTo(UNAUTHORIZED);
      assertThat(rows("jwt_replay")).isEqualTo(1);
      assertThat(rows("invocation_audit")).isEqualTo(1);
      assertThat(rows("card_issuance")).isEqualTo(1);
      assertThat(output.getAll())
          .contains(
              "cds call refused: 401 reason=REPLAY method=POST"
                  + " path=/cds-services/cpt-44405-order-sign")
          .doesNotContain(bearer.substring(7));
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void aCallRefusedBeforeTheControllerStillLeavesItsTokenRecorded() throws Exception {
    String bearer = CdsHooksHarness.bearer(SIGN);

    app.mvc
        .perform(
            post(SIGN)
                .header("Authorization", bearer)
                .contentType(MediaType.TEXT_PLAIN)
                .content(dilationOrderSign().toString()))
        .andExpect(status().isUnsupportedMediaType());

    assertThat(rows("jwt_replay")).isEqualTo(1);
    assertThat(rows("invocation_audit")).isZero();
    sign(dilationOrderSign(), bearer).andExpect(status().isUnauthorized());
    assertThat(app.engine.requests).isEmpty();
  }

  @Test
  void feedbackRecordsItsTokenAtOnceBeforeItsOwnRows() throws Exception {
    app.engine.returning(r -> List.of(TestFindings.bundledBaseCode("Claim/c1")));
    String issued =
        app.mvc
            .perform(
                post(DISCHARGE)
                    .header("Authorization", CdsHooksHarness.bearer(DISCHARGE))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(Requests.discharge(Requests.claim()).toString()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    JsonNode card = new ObjectMapper().readTree(issued).get("cards").get(0);
    String feedback =
        "{\"feedback\":[{\"card\":\""
            + card.get("uuid").asText()
            + "\",\"outcome\":\"accepted\",\"acceptedSuggestions\":[{\"id\":\""
            + card.get("suggestions").get(0).get("uuid").asText()
            + "\"}],\"outcomeTimestamp\":\"2024-09-02T10:00:00Z\"}]}";
    String path = DISCHARGE + "/feedback";
    String bearer = CdsHooksHarness.bearer(path);
    app.counting.reset();

    app.mvc
        .perform(
            post(path)
                .header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content(feedback))
        .andExpect(status().isOk());

    // Recorded by the filter on its own, before the feedback was read.
    assertThat(app.counting.tablesWritten.get(0)).isEqualTo("jwt_replay");
    assertThat(app.counting.tablesWritten).contains("card_feedback");
    app.mvc
        .perform(
            post(path)
                .header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content(feedback))
        .andExpect(status().isUnauthorized())
        .andExpect(MockMvcResultMatchers.header().string("WWW-Authenticate", "Bearer"));
  }
}
