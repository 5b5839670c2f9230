package org.stomacds.engine.narrative.corpus;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.stomacds.engine.narrative.NoteReader;

/**
 * A tool for speed work on the reader, run by hand (not a test): reads every corpus note many times
 * and prints the CPU time per reading (the note read, its service facts, or both, as the facts do)
 * (this thread's CPU, so a busy shared machine disturbs it far less than wall time), median and
 * mean over the notes. Run it under JFR to see where the time goes: {@code java
 * -XX:StartFlightRecording=filename=r.jfr -cp ... ReadingCpuProbe 20}.
 */
public final class ReadingCpuProbe {

  private ReadingCpuProbe() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    // "read", "service" or "both" (what the facts do per note: both)
    String what = args.length > 1 ? args[1] : "both";
    List<String> notes = new ArrayList<>();
    for (String part : NoteCorpusScoreTest.PARTS) {
      CorpusNote.load(NoteCorpusScoreTest.ROOT, part).forEach(n -> notes.add(n.text()));
    }
    NoteReader reader = new NoteReader();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long sink = 0;
    for (int w = 0; w < rounds; w++) {
      for (String n : notes) {
        sink += once(reader, n, what);
      }
    }
    long[] perNote = new long[notes.size()];
    for (int i = 0; i < notes.size(); i++) {
      String n = notes.get(i);
      long start = mx.getCurrentThreadCpuTime();
      for (int r = 0; r < rounds; r++) {
        sink += once(reader, n, what);
      }
      perNote[i] = (mx.getCurrentThreadCpuTime() - start) / rounds;
    }
    long[] sorted = perNote.clone();
    Arrays.sort(sorted);
    double mean = Arrays.stream(perNote).average().orElse(0);
    System.out.printf(
        "notes %d, CPU per reading: median %.1f us, mean %.1f us, p90 %.1f us (sink %d)%n",
        notes.size(),
        sorted[sorted.length / 2] / 1000.0,
        mean / 1000.0,
        sorted[sorted.length * 9 / 10] / 1000.0,
        sink);
  }

  private static int once(NoteReader reader, String note, String what) {
    int n = 0;
    if (what.equals("both")) {
      NoteReader.Readings both = reader.readWithService(note);
      return both.note().mentions().size() + both.service().facts().size();
    }
    if (!what.equals("service")) {
      n += reader.read(note).mentions().size();
    }
    if (!what.equals("read")) {
      n += reader.readService(note).facts().size();
    }
    return n;
  }
}
