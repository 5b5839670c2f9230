package org.stomacds.engine.rules.cms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.stomacds.engine.rules.yaml.RuleFileException;

class TabularNotesTest {

  private static TabularNotes read(String csv) throws Exception {
    return TabularNotes.read("notes.csv", new BufferedReader(new StringReader(csv)));
  }

  @Test
  void aCategoryCoversItsCodesAndARangeCoversItsCategories() {
    assertThat(TabularNotes.covers("K56", "K56.699")).isTrue();
    assertThat(TabularNotes.covers("K56.0", "K56.699")).isFalse();
    assertThat(TabularNotes.covers("K50-K52", "K51.912")).isTrue();
    assertThat(TabularNotes.covers("K50-K52", "K53.1")).isFalse();
    assertThat(TabularNotes.covers("Z43-Z49", "Z43.3")).isTrue();
    assertThat(TabularNotes.covers("K94", "K9403")).isTrue();
  }

  @Test
  void theTabularsThisAndBelowMarksAreDropped() {
    assertThat(TabularNotes.target("K91.3-")).isEqualTo("K91.3");
    assertThat(TabularNotes.target("K50.-")).isEqualTo("K50");
    assertThat(TabularNotes.target("Q41-Q42")).isEqualTo("Q41-Q42");
  }

  @Test
  void rulesSeeOnlyVerifiedNotes() throws Exception {
    TabularNotes notes =
        read(
            "level,code,note,target,words,verified\n"
                + "category,K56,excludes1,K55.1,ischemic stricture,yes\n"
                + "category,K51,excludes1,K50.-,Crohn's disease,no\n");
    assertThat(notes.naming("excludes1", "K56.699", "K55.1")).hasSize(1);
    assertThat(notes.naming("excludes1", "K55.1", "K56.699")).isEmpty();
    assertThat(notes.naming("excludes1", "K51.90", "K50.112")).isEmpty();
    assertThat(notes.all()).hasSize(2);
  }

  @Test
  void aBadRowFailsWithItsFileAndLine() {
    assertThatThrownBy(
            () ->
                read(
                    "level,code,note,target,words,verified\n"
                        + "category,K56,excludes3,K55.1,ischemic stricture,yes\n"))
        .isInstanceOf(RuleFileException.class)
        .hasMessageContaining("notes.csv")
        .hasMessageContaining("excludes3");
  }
}
