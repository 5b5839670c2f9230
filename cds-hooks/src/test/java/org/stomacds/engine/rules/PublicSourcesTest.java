package org.stomacds.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.stomacds.engine.Engines;
import org.stomacds.engine.findings.Citation;

/**
 * Every rule of the shipped pack cites public documents a compliance reviewer can open: at least
 * one with the publisher's https address, none naming a path of this repository, each named by its
 * title.
 */
class PublicSourcesTest {

  /** What a repository path looks like in a title, section, note or url. */
  private static final Pattern REPOSITORY_PATH =
      Pattern.compile(
          "\\.\\./|\\.md\\b|\\bdocs/|\\bfixtures/|\\bsrc/|\\bshared/domain|fact sheet §");

  private static List<RuleDefinition> everyRule() {
    RulePack pack = Engines.standard().packFor("44405").orElseThrow();
    List<RuleDefinition> rules = new ArrayList<>(pack.rules());
    pack.overlays().forEach(o -> rules.addAll(o.rules()));
    return rules;
  }

  @Test
  void everyRuleCitesAtLeastOnePublicDocumentWithItsAddress() {
    List<RuleDefinition> rules = everyRule();
    assertThat(rules).hasSizeGreaterThan(40);
    for (RuleDefinition rule : rules) {
      assertThat(rule.source().documents())
          .as("public documents of %s", rule.id())
          .anySatisfy(d -> assertThat(d.url()).startsWith("https://"));
    }
  }

  @Test
  void noCitationNamesARepositoryPath() {
    for (RuleDefinition rule : everyRule()) {
      for (Citation document : rule.source().documents()) {
        for (String text :
            new String[] {document.title(), document.section(), document.url(), document.note()}) {
          if (text != null) {
            assertThat(REPOSITORY_PATH.matcher(text).find())
                .as("%s cites %s: '%s'", rule.id(), document.id(), text)
                .isFalse();
          }
        }
      }
      for (String note : rule.notes()) {
        assertThat(REPOSITORY_PATH.matcher(note).find())
            .as("%s note '%s'", rule.id(), note)
            .isFalse();
      }
    }
  }

  @Test
  void everyDocumentIsNamedByItsTitleAndPublicOnesByTheirPublisherAddress() {
    for (Citation document : Engines.standard().packFor("44405").orElseThrow().sources()) {
      assertThat(document.title()).as(document.id()).isNotBlank().doesNotStartWith("http");
      if (document.url() != null) {
        assertThat(document.url())
            .as(document.id())
            .matches("https://[a-z0-9.-]+\\.(gov|org|com)/\\S*");
      } else {
        assertThat(document.note())
            .as("%s has no address, so its note says why", document.id())
            .isNotBlank();
      }
    }
  }

  @Test
  void theRepositoryPathPatternCatchesWhatItIsFor() {
    for (String path :
        List.of(
            "../shared/domain/cpt-44405-facts.md#5",
            "docs/rule-pack-reference-cpt-44405.md#x",
            "fixtures/cases/a/README.md",
            "cds-hooks/src/main/resources/rules/data/x.csv")) {
      assertThat(REPOSITORY_PATH.matcher(path).find()).as(path).isTrue();
    }
    assertThat(
            REPOSITORY_PATH
                .matcher("Medicare Claims Processing Manual (Pub. 100-04), Chapter 12, §30.6.6")
                .find())
        .isFalse();
  }
}
