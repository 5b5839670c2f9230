package org.stomacds.engine.narrative;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RowGateTest {

  private static final List<Pattern> ROWS =
      List.of(
          Pattern.compile("\\b(?:through|via)\\s+the\\s+stoma\\b", Pattern.COMMENTS),
          Pattern.compile("\\b\\d{1,2}\\s*mm\\s+balloon\\b", Pattern.COMMENTS),
          Pattern.compile("[a-z]+ostomy\\b", Pattern.COMMENTS));

  private static final RowGate GATE = new RowGate(ROWS, true);

  @Test
  void findsTheSameFirstMatchAsAFullSearch() {
    String text = "scope via a loop. then via the stoma; a 15 mm balloon and an 18 mm balloon.";
    RowGate.Found found = GATE.found();
    scan(GATE, text, found);
    for (int row = 0; row < ROWS.size(); row++) {
      Matcher full = ROWS.get(row).matcher(text);
      Matcher gated = ROWS.get(row).matcher(text);
      boolean expected = full.find();
      assertThat(found.find(row, gated)).as("row %d", row).isEqualTo(expected);
      if (expected) {
        assertThat(gated.start()).isEqualTo(full.start());
        assertThat(gated.end()).isEqualTo(full.end());
      }
    }
  }

  @Test
  void skipsARowWhoseAnchorsTheTextDoesNotHold() {
    String text = "no balloon was used";
    RowGate.Found found = GATE.found();
    scan(GATE, text, found);
    assertThat(found.may(0)).isFalse();
    assertThat(found.find(0, ROWS.get(0).matcher(text))).isFalse();
  }

  @Test
  void triesARowThatNeedNotStartWithALiteralEverywhere() {
    assertThat(RowGate.anchors("[a-z]+ostomy\\b", true)).isNull();
    String text = "the ileostomy";
    RowGate.Found found = GATE.found();
    scan(GATE, text, found);
    Matcher m = ROWS.get(2).matcher(text);
    assertThat(found.find(2, m)).isTrue();
    assertThat(m.group()).isEqualTo("ileostomy");
  }

  @Test
  void readsWhiteSpaceInACommentsPatternAsLayout() {
    assertThat(RowGate.anchors("\\b(?:thr ough | via)\\s+x", true))
        .containsExactlyInAnyOrder("through ", "via ");
  }

  @Test
  void skipsARowWhoseTextLacksWhatEveryMatchHolds() {
    // Row 1 may start at any digit, but every match holds "mm" and "balloon".
    String text = "a 15 cm segment; 2 cm beyond, 18 mm wide";
    RowGate.Found found = GATE.found();
    scan(GATE, text, found);
    assertThat(found.may(1)).isFalse();
  }

  @Test
  void gatesACancellingPatternByItsLiterals() {
    RowGate gate =
        new RowGate(
            ROWS.subList(0, 1),
            java.util.List.of(Pattern.compile("\\bnot\\s+entered\\b", Pattern.COMMENTS)),
            true);
    RowGate.Found found = gate.found();
    String text = "via the stoma";
    scan(gate, text, found);
    assertThat(found.mayCancel(0)).isFalse();
    String cancelled = "via the stoma, not entered";
    scan(gate, cancelled, found);
    assertThat(found.mayCancel(0)).isTrue();
  }

  /** What a note's anchor pass tells the gate: every key the text holds, and where. */
  private static void scan(RowGate gate, String text, RowGate.Found found) {
    Ints occurrences = new Ints();
    new AnchorScanner(gate.keys()).scan(text, 0, text.length(), occurrences);
    gate.begin(0, found);
    for (int k = 0; k < occurrences.size(); k += 3) {
      gate.saw(occurrences.get(k), occurrences.get(k + 1), found);
    }
    gate.seen(found);
  }
}
