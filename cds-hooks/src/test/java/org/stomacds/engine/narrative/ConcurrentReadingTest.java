package org.stomacds.engine.narrative;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrentReadingTest {

  private static final List<String> NOTES =
      List.of(
          "Colonoscopy via the colostomy. Dilated to 15 mm x3 for 60 seconds. No complications.",
          "Per stoma colonoscopy. MAC. CRE 18-19-20 mm. Cecum reached.",
          "The scope could not be advanced beyond the splenic flexure; procedure aborted due to"
              + " poor prep.",
          "Moderate sedation from 0912 to 0938. A second stricture at 30 cm was dilated to 12 mm.");

  @Test
  void oneReaderGivesTheSameReadingsFromManyThreads() throws Exception {
    NoteReader reader = new NoteReader();
    List<String> expected = NOTES.stream().map(n -> describe(reader.read(n))).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 200; i++) {
                    int k = i % NOTES.size();
                    if (!describe(reader.read(NOTES.get(k))).equals(expected.get(k))) {
                      return false;
                    }
                  }
                  return true;
                }));
      }
      for (Future<Boolean> f : results) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static String describe(NoteReading r) {
    return r.mentions()
        + " "
        + r.balloonDiametersMmExact()
        + r.inflationCount()
        + r.inflationDurationSeconds()
        + r.sedationIntraserviceMinutes()
        + r.extent()
        + r.incompleteReason()
        + r.distinctStrictureCount();
  }
}
