package org.stomacds.engine.narrative.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stomacds.engine.narrative.corpus.CorpusNote.Gold;
import org.stomacds.engine.narrative.corpus.CorpusNote.Status;

/** How a golden value is put in the reader's units before it is compared. */
class CorpusNoteTest {

  private static Gold gold(Object value, String unit) {
    return new Gold(Status.PRESENT, value, unit, List.of(), null);
  }

  @Test
  void goldInFrenchIsComparedInMillimetres() {
    // "would only admit a 12 Fr catheter": the reader reports the lumen in mm, 12 / 3 = 4
    assertThat(gold(12, "Fr").number()).isCloseTo(4.0, within(1e-9));
    assertThat(Math.round(gold(10, "Fr").number())).isEqualTo(3);
  }

  @Test
  void goldInCentimetresAndMinutesIsComparedInMillimetresAndSeconds() {
    assertThat(gold(1.5, "cm").number()).isCloseTo(15.0, within(1e-9));
    assertThat(gold(2, "min").number()).isCloseTo(120.0, within(1e-9));
    assertThat(gold(15, "mm").number()).isCloseTo(15.0, within(1e-9));
  }

  @Test
  void goldWithoutANumberHasNone() {
    assertThat(gold("pinpoint", null).number()).isNull();
  }
}
