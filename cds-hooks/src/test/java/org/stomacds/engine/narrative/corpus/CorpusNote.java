package org.stomacds.engine.narrative.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.stomacds.engine.documentation.DocumentationElement;
import org.stomacds.engine.narrative.NoteReader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * One note of the reading corpus ({@code fixtures/notes/<part>/<id>/}): its text ({@code note.txt},
 * or {@code note.html} read as the reader reads HTML), the text a person sees (the golden spans
 * quote it), and its golden reading ({@code reading.yaml}): per documentation element a status, a
 * value where the note gives one, and the quoted span.
 */
record CorpusNote(
    String part,
    String id,
    String style,
    String text,
    String visibleText,
    String exam,
    Map<DocumentationElement, Gold> gold) {

  /** What the note says of one element, as its writer read it. */
  record Gold(Status status, Object value, String unit, List<Double> values, String span) {

    /**
     * The value as a number, converted to mm or seconds where a unit says otherwise: the reader
     * reports sizes in mm and times in seconds, and a catheter's gauge in French (1 Fr = 1/3 mm) as
     * the millimetres it measures.
     */
    Double number() {
      if (!(value instanceof Number n)) {
        return null;
      }
      double v = n.doubleValue();
      if ("cm".equals(unit)) {
        return v * 10;
      }
      if ("min".equals(unit)) {
        return v * 60;
      }
      if ("fr".equalsIgnoreCase(unit)) {
        return v / 3;
      }
      return v;
    }
  }

  enum Status {
    PRESENT,
    ABSENT,
    NEGATED,
    UNCERTAIN
  }

  /** Every note of a part, in folder order. */
  static List<CorpusNote> load(Path root, String part) {
    Path dir = root.resolve(part);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<CorpusNote> notes = new ArrayList<>();
    try (Stream<Path> folders = Files.list(dir)) {
      for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
        notes.add(read(part, folder));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return notes;
  }

  @SuppressWarnings("unchecked")
  private static CorpusNote read(String part, Path folder) throws IOException {
    String id = folder.getFileName().toString();
    Path html = folder.resolve("note.html");
    String raw = Files.readString(Files.exists(html) ? html : folder.resolve("note.txt"));
    String text = Files.exists(html) ? NoteReader.htmlToText(raw) : raw;
    // What a person sees: for HTML, the text a browser shows (every entity decoded).
    String visible = Files.exists(html) ? Jsoup.parse(raw).wholeText() : raw;
    Map<String, Object> yaml;
    try (InputStream in = Files.newInputStream(folder.resolve("reading.yaml"))) {
      yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    }
    Map<String, Object> elements = (Map<String, Object>) yaml.get("elements");
    if (elements == null) {
      throw new IllegalStateException(folder + "/reading.yaml: no elements");
    }
    Map<DocumentationElement, Gold> gold = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : elements.entrySet()) {
      DocumentationElement element =
          DocumentationElement.fromId(e.getKey())
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          folder + "/reading.yaml: unknown element " + e.getKey()));
      Map<String, Object> g = (Map<String, Object>) e.getValue();
      Status status = Status.valueOf(String.valueOf(g.get("status")).toUpperCase());
      List<Double> values = new ArrayList<>();
      if (g.get("values") instanceof List<?> list) {
        list.forEach(v -> values.add(((Number) v).doubleValue()));
      }
      String span = g.get("span") == null ? null : String.valueOf(g.get("span"));
      gold.put(
          element,
          new Gold(
              status,
              g.get("value"),
              g.get("unit") == null ? null : String.valueOf(g.get("unit")),
              values,
              span));
    }
    return new CorpusNote(
        part,
        id,
        String.valueOf(yaml.getOrDefault("style", "unknown")),
        text,
        visible,
        String.valueOf(yaml.getOrDefault("exam", "complete")),
        gold);
  }
}
