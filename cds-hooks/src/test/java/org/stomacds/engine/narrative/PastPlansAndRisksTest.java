package org.stomacds.engine.narrative;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.stomacds.engine.documentation.DocumentationElement;

/** Words about earlier procedures, plans and consented risks document nothing about this one. */
class PastPlansAndRisksTest {

  @Test
  void aNoteThatOnlyTalksAboutThePastAndTheFutureDocumentsNothing() {
    String note =
        """
        History: prior colostomy stricture dilated to 15 mm in 2019 with three inflations; \
        complicated by perforation.
        Consent: risks of bleeding, perforation, and need for surgery were discussed, as was the \
        possible use of fluoroscopy.
        Plan: will schedule colonoscopy through the stoma with balloon dilation under MAC.
        She will return in 4 weeks for repeat dilation to 20 mm under fluoroscopic guidance.
        Prior colonoscopy reached the cecum.
        """;
    NoteReading r = Notes.read(note);
    // the plan is later care (a procedure to schedule, a return for a repeat), not aftercare
    assertThat(Arrays.stream(DocumentationElement.values()).filter(r::documents).toList())
        .isEmpty();
    assertThat(r.balloonDiametersMm()).isEmpty();
    assertThat(r.inflationCount()).isEmpty();
    assertThat(r.complicationsOccurred()).isFalse();
    assertThat(r.fluoroscopyUsed()).isFalse();
    assertThat(r.sedationType()).isEmpty();
    assertThat(r.extent()).isEmpty();
  }

  @Test
  void anExtentTalkedAboutConditionallyIsNotAnExtent() {
    assertThat(
            Notes.read("If the cecum cannot be reached, a CT colonography will be ordered.")
                .extent())
        .isEmpty();
  }
}
