package org.stomacds.cds.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.stomacds.casedata.CaseData;
import org.stomacds.cds.TestFindings;
import org.stomacds.cds.url.PublicEndpoints;
import org.stomacds.cds.wire.Card;
import org.stomacds.engine.Evaluation;
import org.stomacds.engine.findings.Finding;
import org.stomacds.engine.findings.Severity;

class CardRendererTest {

  private final CardRenderer renderer =
      new CardRenderer(
          new PublicEndpoints("https://cds.example.org"),
          Clock.fixed(Instant.parse("2024-09-02T10:00:00Z"), ZoneOffset.UTC));

  private static CaseData caseOf(Resource... resources) {
    return new CaseData(List.of(resources), Map.of(), List.of());
  }

  private static Procedure procedure() {
    Procedure p = new Procedure();
    p.setId("proc1");
    p.setSubject(new Reference("Patient/p1"));
    p.setEncounter(new Reference("Encounter/e1"));
    p.addPerformer().setActor(new Reference("Practitioner/dr1").setDisplay("Dr. One"));
    return p;
  }

  private static ServiceRequest order() {
    ServiceRequest sr = new ServiceRequest();
    sr.setId("sr1");
    return sr;
  }

  private RenderedCardsView render(List<Finding> findings, Resource... resources) {
    return new RenderedCardsView(
        renderer.render(
            new Evaluation(TestFindings.PACK, findings), caseOf(resources), "Practitioner/u1"));
  }

  private record RenderedCardsView(RenderedCards rendered) {
    Card only() {
      assertThat(rendered.response().cards()).hasSize(1);
      return rendered.response().cards().get(0);
    }
  }

  @Test
  void namesTheRuleInTheTopicAndKeepsTheSummaryUnder140Characters() {
    Finding longOne =
        new Finding(
            "long-rule",
            TestFindings.PACK,
            Severity.WARNING,
            "x".repeat(10) + " word".repeat(60),
            null,
            null,
            List.of(),
            List.of(),
            TestFindings.NCCI,
            List.of());

    Card card = render(List.of(longOne)).only();

    assertThat(card.summary().length()).isLessThan(140);
    assertThat(card.source().topic().system()).isEqualTo(CardRenderer.RULE_SYSTEM);
    assertThat(card.source().topic().code()).isEqualTo("long-rule");
    assertThat(card.source().url()).isEqualTo("https://cds.example.org/rules/long-rule");
    assertThat(card.uuid()).matches("[0-9a-f-]{36}");
  }

  @Test
  void warnsWhenPaymentIsAtRiskAndInformsOtherwiseButIsNeverCritical() {
    assertThat(CardRenderer.indicator(Severity.ERROR)).isEqualTo("warning");
    assertThat(CardRenderer.indicator(Severity.WARNING)).isEqualTo("warning");
    assertThat(CardRenderer.indicator(Severity.INFO)).isEqualTo("info");
  }

  @Test
  void offersTheWholeCorrectedClaimAsAnUpdate() {
    Claim claim = ClaimCorrectorTest.claim();

    Card card = render(List.of(TestFindings.bundledBaseCode("Claim/c1")), claim).only();

    assertThat(card.summary()).isEqualTo("Remove line 2 (44388)");
    assertThat(card.indicator()).isEqualTo("warning");
    assertThat(card.selectionBehavior()).isEqualTo("any");
    Card.Suggestion suggestion = card.suggestions().get(0);
    assertThat(suggestion.isRecommended()).isTrue();
    assertThat(suggestion.uuid()).isNotBlank();
    Card.Action action = suggestion.actions().get(0);
    assertThat(action.type()).isEqualTo("update");
    Claim corrected = (Claim) action.resource();
    assertThat(corrected.getIdElement().getIdPart()).isEqualTo("c1");
    assertThat(corrected.getItem())
        .extracting(Claim.ItemComponent::getSequence)
        .containsExactly(1, 3);
    assertThat(corrected.getDiagnosis()).hasSize(2);
    assertThat(card.overrideReasons()).isEqualTo(OverrideReasons.ALL);
    assertThat(card.links())
        .extracting(Card.Link::url)
        .containsExactly(
            "https://cds.example.org/rules/ncci-44405-44388",
            TestFindings.NCCI.documents().get(0).url());
    assertThat(card.links().get(1).label()).isEqualTo(TestFindings.NCCI.documents().get(0).label());
    assertThat(card.detail())
        .contains(
            "**Policy sources:** [CMS NCCI PTP edits, practitioner table, 2024 Q3](https://www");
  }

  @Test
  void givesFindingsOfOneRuleOnOneClaimOneCardWhoseUpdateFixesEveryLine() {
    Claim claim = ClaimCorrectorTest.claim();

    RenderedCards rendered =
        renderer.render(
            new Evaluation(
                TestFindings.PACK,
                List.of(
                    TestFindings.officePlaceOfService("Claim/c1", 1),
                    TestFindings.bundledBaseCode("Claim/c1"),
                    TestFindings.officePlaceOfService("Claim/c1", 3))),
            caseOf(claim),
            null);

    // Two cards each carrying the whole Claim with only their own line corrected would undo each
    // other when both are accepted: one card per rule and Claim, one update with both fixes.
    List<Card> cards = rendered.response().cards();
    assertThat(cards)
        .extracting(c -> c.source().topic().code())
        .containsExactly("pos-matches-setting", "ncci-44405-44388");
    Card pos = cards.get(0);
    assertThat(pos.summary())
        .isEqualTo("Set the place of service of line 1 to 22, and 1 more like it")
        .hasSizeLessThan(140);
    assertThat(pos.indicator()).isEqualTo("warning");
    assertThat(pos.suggestions()).hasSize(1);
    assertThat(pos.suggestions().get(0).actions()).hasSize(1);
    Claim corrected = (Claim) pos.suggestions().get(0).actions().get(0).resource();
    assertThat(corrected.getItem())
        .extracting(
            i ->
                i.getSequence()
                    + ":"
                    + i.getLocationCodeableConcept().getCodingFirstRep().getCode())
        .containsExactly("1:22", "2:null", "3:22");
    assertThat(pos.detail())
        .contains("on Claim/c1 line 1, set place of service 22")
        .contains("on Claim/c1 line 3, set place of service 22")
        .contains("on Claim/c1 line 3, set place of service 19");
    assertThat(pos.detail().split("no payer-specific policy on file", -1)).hasSize(2);
    assertThat(pos.detail().split("Rule pos-matches-setting", -1)).hasSize(2);
    assertThat(rendered.issued())
        .extracting(RenderedCards.Issued::ruleId)
        .containsExactly("pos-matches-setting", "ncci-44405-44388");
  }

  @Test
  void recommendsOneOfMutuallyExclusiveModifiersAndExplainsTheOther() {
    Claim claim = ClaimCorrectorTest.claim();

    Card card = render(List.of(TestFindings.distinctStricture("Claim/c1")), claim).only();

    assertThat(card.suggestions()).hasSize(1);
    Claim corrected = (Claim) card.suggestions().get(0).actions().get(0).resource();
    assertThat(corrected.getItem().get(2).getModifier())
        .extracting(m -> m.getCodingFirstRep().getCode())
        .containsExactly("XS");
    assertThat(card.detail()).contains("Alternative, instead of the one above (apply only one)");
    assertThat(card.detail()).contains("add modifier 59");
  }

  @Test
  void quotesEvidenceEscapedAndStatesThePolicySourceWithItsConfidence() {
    Card card =
        render(List.of(TestFindings.distinctStricture("Claim/c1")), ClaimCorrectorTest.claim())
            .only();

    assertThat(card.detail()).contains("“second stricture at 20 cm \\<b\\>dilated\\</b\\>”");
    assertThat(card.detail()).doesNotContain("<b>");
    assertThat(card.detail()).contains("read from a CMS data file");
    assertThat(card.detail())
        .contains("[CMS NCCI PTP edits, practitioner table, 2024 Q3](https://");
    assertThat(card.detail()).contains("on Claim/c1 line 3, add modifier XS");
  }

  @Test
  void asksTheProceduresAuthorForMissingDocumentationWithATask() {
    Card card =
        render(List.of(TestFindings.missingBalloonDiameter("Procedure/proc1")), procedure()).only();

    Card.Action action = card.suggestions().get(0).actions().get(0);
    assertThat(action.type()).isEqualTo("create");
    Task task = (Task) action.resource();
    assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
    assertThat(task.getIntent()).isEqualTo(Task.TaskIntent.ORDER);
    assertThat(task.getFocus().getReference()).isEqualTo("Procedure/proc1");
    assertThat(task.getFor().getReference()).isEqualTo("Patient/p1");
    assertThat(task.getOwner().getReference()).isEqualTo("Practitioner/dr1");
    assertThat(task.getRequester().getReference()).isEqualTo("Practitioner/u1");
    assertThat(task.getCode().getCodingFirstRep().getCode()).isEqualTo("complete-documentation");
    assertThat(
            ((org.hl7.fhir.r4.model.CodeableConcept) task.getInputFirstRep().getValue())
                .getCodingFirstRep()
                .getCode())
        .isEqualTo("balloon-diameter");
  }

  @Test
  void givesAFindingWithoutAnApplicableFixNoSuggestionsButTheStepsInTheDetail() {
    Card card = render(List.of(TestFindings.payerNotice("ServiceRequest/sr1")), order()).only();

    assertThat(card.suggestions()).isNull();
    assertThat(card.selectionBehavior()).isNull();
    assertThat(card.detail()).contains("Notify the payer before the procedure");
  }

  @Test
  void turnsTheChecklistIntoOneInfoCardAndASystemActionAnnotatingTheOrder() {
    RenderedCards rendered =
        renderer.render(
            new Evaluation(
                TestFindings.PACK,
                List.of(
                    TestFindings.checklist("ServiceRequest/sr1"),
                    TestFindings.payerNotice("ServiceRequest/sr1"))),
            caseOf(order()),
            null);

    List<Card> cards = rendered.response().cards();
    assertThat(cards).hasSize(2);
    Card checklist =
        cards.stream()
            .filter(c -> c.source().topic().code().equals("order-documentation-checklist"))
            .findFirst()
            .orElseThrow();
    assertThat(checklist.indicator()).isEqualTo("info");
    assertThat(checklist.suggestions()).isNull();
    assertThat(checklist.detail()).contains("balloon diameter", "stricture location");
    Card other = cards.stream().filter(c -> c != checklist).findFirst().orElseThrow();
    assertThat(other.detail()).doesNotContain("balloon diameter");

    assertThat(rendered.response().systemActions()).hasSize(1);
    Card.Action action = rendered.response().systemActions().get(0);
    assertThat(action.type()).isEqualTo("update");
    ServiceRequest annotated = (ServiceRequest) action.resource();
    Extension ext = annotated.getExtensionByUrl(DocumentationRequirements.URL);
    assertThat(ext.getExtensionsByUrl("element"))
        .extracting(e -> ((org.hl7.fhir.r4.model.Coding) e.getValue()).getCode())
        .containsExactly("route-through-stoma", "balloon-diameter", "stricture-location");
    assertThat(ext.getExtensionByUrl("rule-pack-version").getValue().primitiveValue())
        .isEqualTo(TestFindings.PACK);
    assertThat(ext.getExtensionByUrl("date").getValue().primitiveValue()).isEqualTo("2024-09-02");
    assertThat(ext.getExtensionByUrl("assessment-id").getValue().primitiveValue())
        .isEqualTo(checklist.uuid());
    // we are not the payer: nothing about coverage or prior authorization
    assertThat(ext.getExtension())
        .extracting(Extension::getUrl)
        .containsOnly("element", "rule-pack-version", "date", "assessment-id");
    assertThat(rendered.issued())
        .extracting(RenderedCards.Issued::ruleId)
        .contains("order-documentation-checklist", "payer-advance-notification");
  }

  @Test
  void knowsTheChecklistByItsDocumentationFixesOnTheOrderNotByItsRuleId() {
    Finding shipped = TestFindings.checklist("ServiceRequest/sr1");
    Finding renamed =
        new Finding(
            "another-pack-note-checklist",
            shipped.packVersion(),
            shipped.severity(),
            shipped.message(),
            shipped.resource(),
            shipped.expression(),
            shipped.evidence(),
            shipped.fixes(),
            shipped.source(),
            shipped.notes());

    RenderedCards rendered =
        renderer.render(new Evaluation(TestFindings.PACK, List.of(renamed)), caseOf(order()), null);

    Card card = rendered.response().cards().get(0);
    assertThat(rendered.response().cards()).hasSize(1);
    assertThat(card.summary()).startsWith("Document these 3 items in the procedure note");
    assertThat(card.detail()).contains("Rule another-pack-note-checklist,");
    assertThat(rendered.response().systemActions()).hasSize(1);
    assertThat(rendered.issued())
        .extracting(RenderedCards.Issued::ruleId)
        .containsExactly("another-pack-note-checklist");
  }

  @Test
  void treatsADocumentationFindingOnAProcedureAsAnOrdinaryCardNotAsTheChecklist() {
    Card card =
        render(List.of(TestFindings.missingBalloonDiameter("Procedure/proc1")), procedure()).only();

    assertThat(card.summary()).doesNotStartWith("Document these");
    assertThat(card.detail()).doesNotContain("The same list is written onto the order");
  }
}
