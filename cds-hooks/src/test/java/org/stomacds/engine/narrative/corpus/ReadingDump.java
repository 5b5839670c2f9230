package org.stomacds.engine.narrative.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.stomacds.engine.documentation.DocumentationElement;
import org.stomacds.engine.narrative.ElementMention;
import org.stomacds.engine.narrative.NoteReader;
import org.stomacds.engine.narrative.NoteReading;

/**
 * A tool, not a check: writes the full reading of every corpus note (every mention with its offsets
 * and evidence, every value, the service facts) to the file named by {@code
 * -Dstomacds.notes.dump=...}, so that a change meant to keep the readings (a speed change) can be
 * compared byte for byte with the reading before it ({@code diff before.txt after.txt}).
 */
class ReadingDump {

  @Test
  @EnabledIfSystemProperty(named = "stomacds.notes.dump", matches = ".+")
  void writesEveryCorpusReading() throws IOException {
    NoteReader reader = new NoteReader();
    StringBuilder out = new StringBuilder();
    for (String part : NoteCorpusScoreTest.PARTS) {
      for (CorpusNote note : CorpusNote.load(NoteCorpusScoreTest.ROOT, part)) {
        out.append("== ").append(part).append('/').append(note.id()).append('\n');
        // As the facts read a note: both readings from one pass.
        NoteReader.Readings both = reader.readWithService(note.text());
        dump(both.note(), out);
        out.append("service ").append(new TreeMap<>(both.service().facts())).append('\n');
      }
    }
    Files.writeString(Path.of(System.getProperty("stomacds.notes.dump")), out);
  }

  static void dump(NoteReading r, StringBuilder out) {
    for (ElementMention m : r.mentions()) {
      out.append(m.element().id())
          .append(m.negated() ? " negated " : " documents ")
          .append(m.start())
          .append("..")
          .append(m.end())
          .append(" \"")
          .append(m.evidence().replace("\n", "\\n"))
          .append("\"\n");
    }
    for (DocumentationElement e : DocumentationElement.values()) {
      r.mention(e).ifPresent(m -> out.append("best ").append(e.id()).append(' ').append(m.start()));
    }
    out.append('\n');
    out.append("balloon ").append(r.balloonDiametersMmExact()).append(r.balloonDiametersMm());
    out.append(" inflations ").append(r.inflationCount());
    out.append(" seconds ").append(r.inflationDurationSeconds());
    out.append(" sedation ").append(r.sedationType()).append(' ');
    out.append(r.sedationIntraserviceMinutes()).append(' ');
    out.append(r.sedationStart()).append(' ').append(r.sedationStop());
    out.append(" extent ").append(r.extent()).append(' ').append(r.incompleteReason());
    out.append(" discontinued ").append(r.procedureDiscontinued()).append(' ');
    out.append(r.discontinuedAt());
    out.append(" complications ").append(r.complicationsOccurred());
    out.append(" distinct ").append(r.distinctStrictureCount());
    out.append(" fluoro ").append(r.fluoroscopyUsed());
    out.append(" lumens ").append(r.preDilationLumenMm()).append(' ');
    out.append(r.postDilationLumenMm()).append('\n');
  }
}
