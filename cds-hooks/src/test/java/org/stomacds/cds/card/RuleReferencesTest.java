package org.stomacds.cds.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stomacds.cds.url.PublicEndpoints;
import org.stomacds.cds.wire.Card;
import org.stomacds.engine.findings.Citation;
import org.stomacds.engine.findings.Confidence;
import org.stomacds.engine.findings.SourceCitation;

/** A card's references: the rule's page at the public base URL, then each public document. */
class RuleReferencesTest {

  private static final SourceCitation TWO_DOCUMENTS =
      new SourceCitation(
          List.of(
              new Citation(
                  "ch12",
                  "Medicare Claims Processing Manual (Pub. 100-04), Chapter 12",
                  "§40, Surgeons and Global Surgery",
                  "2024",
                  "https://www.cms.gov/ch12.pdf",
                  Confidence.SOURCED,
                  null),
              new Citation(
                  "cigna",
                  "Cigna code editing guidelines",
                  null,
                  null,
                  null,
                  Confidence.UNCERTAIN,
                  "behind a login")),
          Confidence.SOURCED);

  @Test
  void withoutAConfiguredBaseTheRulePageFollowsThePortTheServerListensOn() {
    PublicEndpoints endpoints = PublicEndpoints.of(null, "http://localhost");
    endpoints.listening(null, 41234, "", false);

    assertThat(new RuleReferences(endpoints).rulePage("mue-units"))
        .isEqualTo("http://localhost:41234/rules/mue-units");
  }

  @Test
  void aConfiguredBaseWins() {
    PublicEndpoints endpoints = PublicEndpoints.of("https://cds.example.org/", "http://localhost");
    endpoints.listening(null, 41234, "", false);

    assertThat(new RuleReferences(endpoints).rulePage("mue-units"))
        .isEqualTo("https://cds.example.org/rules/mue-units");
  }

  @Test
  void linksTheRulePageThenEveryPublicDocumentByItsTitleSectionAndDate() {
    List<Card.Link> links =
        new RuleReferences(new PublicEndpoints("https://cds.example.org"))
            .links("mod-global-period", TWO_DOCUMENTS);

    assertThat(links)
        .extracting(Card.Link::url)
        .containsExactly(
            "https://cds.example.org/rules/mod-global-period", "https://www.cms.gov/ch12.pdf");
    assertThat(links.get(1).label())
        .isEqualTo(
            "Medicare Claims Processing Manual (Pub. 100-04), Chapter 12, §40, Surgeons and Global"
                + " Surgery (2024)");
  }

  @Test
  void theDetailNamesEveryDocumentAndLinksOnlyThePublicOnes() {
    assertThat(RuleReferences.sourceLine(TWO_DOCUMENTS))
        .isEqualTo(
            "**Policy sources:** [Medicare Claims Processing Manual (Pub. 100-04), Chapter 12, §40,"
                + " Surgeons and Global Surgery (2024)](https://www.cms.gov/ch12.pdf); Cigna code"
                + " editing guidelines (stated by a public source)");
  }
}
