package org.stomacds.engine.narrative;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;

/**
 * Reading runs per request, so its cost must grow with the note and no faster: a pattern gone
 * quadratic, or a scan per trigger over the whole note, would make a long note unaffordable. The
 * test compares the CPU time per character of a typical 2 KB note with that of the same note eight
 * times over, both measured in the same run, so it does not depend on how fast or how busy the
 * machine is. How fast a note reads is measured by the benchmarks (JMH over the corpus,
 * docs/BENCHMARKS.md), not here.
 */
class ReadingSpeedTest {

  private static final String TYPICAL_NOTE =
      """
      PROCEDURE: Colonoscopy through stoma with balloon dilation.
      INDICATION: Stomal stenosis with obstructive symptoms.
      SEDATION: Moderate sedation with midazolam 2 mg and fentanyl 50 mcg. Sedation start 09:12, \
      end 09:38.
      FINDINGS: The colonoscope was inserted through the end colostomy. A tight stricture was found \
      at the fascial level, 3 cm from the stoma, with a lumen of approximately 6 mm. The scope could \
      not be passed before dilation. A 15-16.5-18 mm CRE balloon was passed and inflated \
      sequentially to 15, 16.5 and 18 mm, three inflations, each held for 60 seconds. After \
      dilation the adult colonoscope passed easily. The scope was advanced to the cecum.
      COMPLICATIONS: None. EBL minimal.
      PLAN: Resume regular diet. Follow up in clinic in 6 weeks.

      The patient is a 67-year-old man with an end colostomy who was referred for stomal stenosis \
      and difficulty with appliance fit. After informed consent was obtained, risks including \
      bleeding, perforation and missed lesions having been explained, the patient was placed in the \
      supine position. Using a 12 to 15 mm TTS balloon the stricture was dilated three times, each \
      inflation maintained for one minute. Following dilation the stricture was traversed with ease \
      and the scope was advanced to the ileocolic anastomosis, which was normal. There was a small \
      mucosal tear with minimal oozing which stopped spontaneously. No perforation. The procedure \
      took twice as long as usual because of the tight stricture and dense looping. Fluoroscopy \
      was not used. Conscious sedation was given from 0912 to 0938 with an independent observer. \
      Discharge instructions were given; return if fever, bleeding or severe pain.
      """;

  @Test
  void costGrowsNoFasterThanTheNote() {
    NoteReader reader = new NoteReader();
    String longNote = (TYPICAL_NOTE + "\n").repeat(8);
    for (int i = 0; i < 300; i++) {
      reader.read(TYPICAL_NOTE);
      reader.read(longNote);
    }
    double shortPerChar = cpuNanosPerRead(reader, TYPICAL_NOTE, 400) / TYPICAL_NOTE.length();
    double longPerChar = cpuNanosPerRead(reader, longNote, 50) / longNote.length();
    assertThat(TYPICAL_NOTE.length()).isBetween(1_500, 2_500);
    assertThat(longPerChar / shortPerChar)
        .as("CPU per character of a note eight times as long, against the typical note's")
        .isLessThan(3.0);
  }

  private static double cpuNanosPerRead(NoteReader reader, String note, int reads) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long start = mx.getCurrentThreadCpuTime();
    for (int i = 0; i < reads; i++) {
      reader.read(note);
    }
    return (double) (mx.getCurrentThreadCpuTime() - start) / reads;
  }
}
