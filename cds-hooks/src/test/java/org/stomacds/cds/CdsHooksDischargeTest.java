package org.stomacds.cds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.hl7.fhir.r4.model.Claim;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.stomacds.engine.EvaluationRequest;
import org.stomacds.engine.findings.Finding;
import org.stomacds.engine.rules.Stage;

class CdsHooksDischargeTest {

  private static final String DISCHARGE = "/cds-services/cpt-44405-encounter-discharge";

  private final CdsHooksHarness app = new CdsHooksHarness(false, false);

  @AfterEach
  void close() {
    app.close();
  }

  private ResultActions call(ObjectNode body) throws Exception {
    return app.mvc.perform(
        post(DISCHARGE).contentType(MediaType.APPLICATION_JSON).content(body.toString()));
  }

  /** A stand-in rule: a Claim with a 44388 line next to 44405 gets the bundling finding. */
  private static List<Finding> bundlingRule(EvaluationRequest request) {
    return request.resources().stream()
        .filter(Claim.class::isInstance)
        .map(Claim.class::cast)
        .filter(
            c ->
                c.getItem().stream()
                    .anyMatch(
                        i -> "44388".equals(i.getProductOrService().getCodingFirstRep().getCode())))
        .map(c -> TestFindings.bundledBaseCode("Claim/" + c.getIdElement().getIdPart()))
        .toList();
  }

  @Test
  void evaluatesTheEncountersProceduresAndClaimsForDocumentationAndClaimStages() throws Exception {
    app.engine.returning(
        r ->
            List.of(
                TestFindings.missingBalloonDiameter("Procedure/proc1"),
                TestFindings.bundledBaseCode("Claim/c1")));

    call(Requests.discharge(Requests.claim()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.cards", hasSize(2)))
        .andExpect(
            jsonPath(
                    "$.cards[?(@.source.topic.code=='doc-balloon-diameter')].suggestions[0].actions[0].type")
                .value("create"))
        .andExpect(
            jsonPath(
                    "$.cards[?(@.source.topic.code=='doc-balloon-diameter')].suggestions[0].actions[0].resource.resourceType")
                .value("Task"))
        .andExpect(
            jsonPath(
                    "$.cards[?(@.source.topic.code=='ncci-44405-44388')].suggestions[0].actions[0].type")
                .value("update"))
        .andExpect(
            jsonPath(
                    "$.cards[?(@.source.topic.code=='ncci-44405-44388')].suggestions[0].actions[0].resource.resourceType")
                .value("Claim"))
        .andExpect(
            jsonPath(
                    "$.cards[?(@.source.topic.code=='ncci-44405-44388')].suggestions[0].actions[0].resource.item.length()")
                .value(1))
        .andExpect(jsonPath("$.cards[0].overrideReasons.length()").value(4))
        .andExpect(jsonPath("$.cards[0].selectionBehavior").value("any"))
        .andExpect(jsonPath("$.systemActions").doesNotExist());

    EvaluationRequest asked = app.engine.last();
    assertThat(asked.stages()).containsExactlyInAnyOrder(Stage.DOCUMENTATION, Stage.CLAIM);
    assertThat(asked.focus()).containsExactlyInAnyOrder("Procedure/proc1", "Claim/c1");
    assertThat(asked.resources())
        .extracting(r -> r.fhirType() + "/" + r.getIdElement().getIdPart())
        .contains(
            "DocumentReference/note1",
            "Coverage/cov1",
            "Organization/payer",
            "Location/endo",
            "Condition/k94");
  }

  @Test
  void aCardIsGoneOnceItsClaimUpdateIsApplied() throws Exception {
    app.engine.returning(CdsHooksDischargeTest::bundlingRule);
    ObjectMapper mapper = new ObjectMapper();

    String first =
        call(Requests.discharge(Requests.claim()))
            .andExpect(jsonPath("$.cards", hasSize(1)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    JsonNode corrected = mapper.readTree(first).at("/cards/0/suggestions/0/actions/0/resource");
    Claim updated = (Claim) Requests.parse(corrected.toString());

    call(Requests.discharge(updated))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.cards", hasSize(0)));
  }

  @Test
  void answersNoCardsWhenTheEncounterHasNoProcedureOrClaimYet() throws Exception {
    ObjectNode body = Requests.discharge(Requests.claim());
    ObjectNode prefetch = (ObjectNode) body.get("prefetch");
    prefetch.set("procedures", Requests.node(Requests.searchset()));
    prefetch.set("claims", Requests.node(Requests.searchset()));

    call(body).andExpect(status().isOk()).andExpect(jsonPath("$.cards", hasSize(0)));

    assertThat(app.engine.requests).isEmpty();
  }

  @Test
  void answers412WhenANoteAttachmentCanOnlyBeReadFromAServerThatWasNotGiven() throws Exception {
    ObjectNode body = Requests.discharge(Requests.claim());
    org.hl7.fhir.r4.model.DocumentReference note = Requests.note();
    note.getContentFirstRep().getAttachment().setData(null).setUrl("Binary/b1");
    ((ObjectNode) body.get("prefetch")).set("documents", Requests.node(Requests.searchset(note)));

    call(body)
        .andExpect(status().isPreconditionFailed())
        .andExpect(jsonPath("$.details[0].lookup").value("Binary/b1"));
  }
}
