package org.stomacds.engine.narrative;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;

/**
 * Reading runs per request, so a typical note must read in a small fraction of a millisecond. The
 * bound here is ten times what a loaded two-core machine measures (about 0.1 ms of CPU for this 2
 * KB note), so that the test catches a regression of kind (a pattern gone quadratic, a scan per
 * trigger) without failing on a busy machine.
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
  void readsATypicalNoteInAFewHundredMicroseconds() {
    NoteReader reader = new NoteReader();
    for (int i = 0; i < 1_500; i++) {
      reader.read(TYPICAL_NOTE);
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    int reads = 500;
    long start = mx.getCurrentThreadCpuTime();
    for (int i = 0; i < reads; i++) {
      reader.read(TYPICAL_NOTE);
    }
    long perReadNanos = (mx.getCurrentThreadCpuTime() - start) / reads;
    assertThat(TYPICAL_NOTE.length()).isBetween(1_500, 2_500);
    assertThat(perReadNanos).as("CPU nanoseconds per read").isLessThan(2_000_000L);
  }
}
