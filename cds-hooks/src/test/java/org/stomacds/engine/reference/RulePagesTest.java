package org.stomacds.engine.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stomacds.engine.Engines;
import org.stomacds.engine.findings.Citation;
import org.stomacds.engine.rules.RuleDefinition;
import org.stomacds.engine.rules.RulePack;

/** The rule pages are generated from the loaded pack and show each rule's public sources. */
class RulePagesTest {

  private static final String BASE = "https://cds.example.org/rules/";

  private static RulePages pages() {
    return new RulePages(Engines.standard().packs(), id -> BASE + id);
  }

  @Test
  void theIndexLinksEveryRuleOfEveryPayerAndOverlay() {
    RulePack pack = Engines.standard().packFor("44405").orElseThrow();
    String index = pages().index();
    assertThat(index).startsWith("<!DOCTYPE html>").contains(pack.version());
    for (RuleDefinition rule : pack.rules()) {
      assertThat(index).contains("href=\"" + BASE + rule.id() + "\"");
    }
    pack.overlays()
        .forEach(o -> o.rules().forEach(r -> assertThat(index).contains(BASE + r.id() + "\"")));
  }

  @Test
  void aRulePageSaysWhatItChecksAndLinksItsPublicSourcesWithSectionAndDate() {
    RuleDefinition rule =
        Engines.standard().packFor("44405").orElseThrow().rules().stream()
            .filter(r -> r.id().equals("ncci-ptp-edits"))
            .findFirst()
            .orElseThrow();
    String page = pages().page("ncci-ptp-edits").orElseThrow();
    assertThat(page)
        .contains("<h1>NCCI procedure-to-procedure edits</h1>")
        .contains("<h2>What it checks</h2>")
        .contains("<th>severity</th><td>error</td>")
        .contains("<th>stages</th><td>claim</td>")
        .contains("<th>fix</th>")
        .contains("<th>dates of service</th><td>2015-01-01 to open</td>")
        .contains("<th>confidence</th><td>cms-data</td>")
        .contains("Loaded: CMS NCCI PTP edits v30.2 (2024 Q3)");
    for (Citation document : rule.source().documents()) {
      assertThat(page).contains("<a href=\"" + document.url() + "\">");
      assertThat(page).contains(RulePages.esc(document.section()));
    }
  }

  @Test
  void aPayerOverlayRuleHasItsPageAndSaysWhichPayers() {
    assertThat(pages().page("payer-uhc-advance-notification").orElseThrow())
        .contains("UnitedHealthcare commercial plans")
        .contains("https://www.uhcprovider.com/");
  }

  @Test
  void aRuleSharedByThePacksIsOnePageNamingEveryCode() {
    String page = pages().page("mue-units").orElseThrow();
    assertThat(page).contains("44405 (cpt-44405), 44381 (cpt-44381), 45386 (cpt-45386)");
    assertThat(page).doesNotContain("For CPT 44381");
  }

  @Test
  void aRuleAPackWordsForItsOwnCodeShowsThatWordingToo() {
    String page = pages().page("dx-supporting-diagnosis").orElseThrow();
    RuleDefinition ileum =
        Engines.standard().packFor("44381").orElseThrow().rules().stream()
            .filter(r -> r.id().equals("dx-supporting-diagnosis"))
            .findFirst()
            .orElseThrow();
    assertThat(ileum.text()).contains("ileum").doesNotContain("{code}");
    assertThat(page)
        .contains("For CPT 44381 (<code>cpt-44381</code>)")
        .contains("For CPT 45386 (<code>cpt-45386</code>)")
        .contains("stricture of the ileum or of an ileostomy");
  }

  @Test
  void aRuleWordedByItsKindShowsThatWordingOnItsPage() {
    String page = pages().page("doc-balloon-diameter").orElseThrow();
    assertThat(page)
        .contains("<h2>Card wording</h2>")
        .contains("<code>documentation-element</code>")
        .contains("The procedure documentation does not give the {element}.");
  }

  @Test
  void anUnknownRuleHasNoPage() {
    assertThat(pages().page("no-such-rule")).isEmpty();
    assertThat(pages().page("<script>")).isEmpty();
  }

  @Test
  void textIsEscapedSoThatARuleFileCannotWriteMarkup() {
    assertThat(RulePages.esc("<script>alert('x')</script> & \"q\""))
        .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
    RulePages pages = pages();
    for (RuleDefinition rule : Engines.standard().packFor("44405").orElseThrow().rules()) {
      assertThat(pages.page(rule.id()).orElseThrow())
          .contains("<h1>" + RulePages.esc(rule.title()) + "</h1>")
          .contains("<p>" + RulePages.esc(rule.text()) + "</p>");
    }
  }
}
