package org.stomacds.engine.narrative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stomacds.engine.documentation.DocumentationElement.BALLOON_DIAMETER;
import static org.stomacds.engine.documentation.DocumentationElement.COMPLICATIONS;

import org.junit.jupiter.api.Test;

class EvidenceTest {

  @Test
  void evidenceIsTheNotesOwnTextAtItsOffsets() {
    String note =
        "Colonoscopy via the colostomy.\r\nThe STRICTURE was dilated with an 18–19–20 mm CRE"
            + " Balloon.\r\nNo complications.";
    NoteReading r = Notes.read(note);
    assertThat(r.mentions()).isNotEmpty();
    for (ElementMention m : r.mentions()) {
      assertThat(note.substring(m.start(), m.end())).isEqualTo(m.evidence());
      assertThat(m.evidence()).isNotBlank().doesNotStartWith(" ").doesNotEndWith(" ");
    }
    assertThat(r.mention(BALLOON_DIAMETER).orElseThrow().evidence())
        .isEqualTo("The STRICTURE was dilated with an 18–19–20 mm CRE Balloon.");
  }

  @Test
  void mentionsComeInNoteOrder() {
    NoteReading r =
        Notes.read("No complications. Dilated to 15 mm. Colonoscopy through the stoma.");
    assertThat(r.mentions()).extracting(ElementMention::start).isSorted();
  }

  @Test
  void evidenceIsNeverTheWholeOfALongNote() {
    String sentence = "The scope was advanced and the mucosa was examined carefully ";
    String note =
        sentence.repeat(40) + "and the stricture was dilated to 15 mm " + sentence.repeat(40);
    NoteReading r = Notes.read(note);
    ElementMention m = r.mention(BALLOON_DIAMETER).orElseThrow();
    assertThat(m.evidence()).contains("15 mm").hasSizeLessThanOrEqualTo(240);
    assertThat(note.substring(m.start(), m.end())).isEqualTo(m.evidence());
  }

  @Test
  void aHeadingAndItsContentAreQuotedTogether() {
    NoteReading r = Notes.read("COMPLICATIONS:\nNone.");
    assertThat(r.mention(COMPLICATIONS).orElseThrow().evidence())
        .isEqualTo("COMPLICATIONS:\nNone.");
  }

  @Test
  void toStringCarriesNoNoteText() {
    NoteReading r = Notes.read("Mr Smith's colostomy stricture was dilated to 15 mm.");
    assertThat(r.toString()).doesNotContain("Smith").contains("balloon-diameter");
  }
}
