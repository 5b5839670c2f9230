package org.stomacds.engine.narrative;

/**
 * Reads a 44405 procedure note and says which documentation elements it documents, with the note's
 * own words as evidence and the values the rules need (balloon sizes, inflations, sedation minutes,
 * extent...).
 *
 * <p>Thread-safe and reusable: every pattern is compiled once, and a reading keeps its state to
 * itself. Reading is linear in the length of the note; a typical note takes tens of microseconds.
 *
 * <pre>{@code
 * NoteReading r = new NoteReader().read(NoteReader.htmlToText(narrativeDiv));
 * if (!r.documents(DocumentationElement.BALLOON_DIAMETER)) { ... }
 * r.maxBalloonDiameterMm();   // OptionalInt[18]
 * }</pre>
 */
public final class NoteReader {

  private final Lexicon lexicon;

  public NoteReader() {
    this.lexicon = Lexicon.INSTANCE;
  }

  /** Reads plain text. Null or blank text reads as a note that documents nothing. */
  public NoteReading read(String plainText) {
    if (plainText == null || plainText.isBlank()) {
      return NoteReading.EMPTY;
    }
    return Interpreter.read(lexicon, plainText);
  }

  /** A note's reading and what it says was done, read together. */
  public record Readings(NoteReading note, ServiceReading service) {}

  /**
   * Reads a note and what it says was done ({@link #read} and {@link #readService} of the same
   * text), folding the text and cutting it into sentences once for both.
   */
  public Readings readWithService(String plainText) {
    if (plainText == null || plainText.isBlank()) {
      return new Readings(NoteReading.EMPTY, ServiceReading.EMPTY);
    }
    return Interpreter.readWithService(lexicon, plainText);
  }

  /**
   * Reads what was done, for choosing the code (route, colon left, stoma closed, how the stricture
   * was dilated, stent, ablation, a short exam): {@code narrative/service-facts.yaml}.
   */
  public ServiceReading readService(String plainText) {
    return ServiceReader.read(plainText);
  }

  /** Every fact=value the service facts can say ({@code narrative/service-facts.yaml}). */
  public static java.util.List<String> serviceFacts() {
    java.util.List<String> out = new java.util.ArrayList<>();
    ServiceTables.get()
        .facts()
        .forEach((fact, values) -> values.forEach(v -> out.add(fact + "=" + v)));
    return out;
  }

  /**
   * Turns HTML or XHTML (a FHIR narrative, a note exported as HTML), parsed as a browser would,
   * into plain text: tags, scripts, styles and comments go, entities are decoded, and block
   * elements and line breaks become line and paragraph breaks so that headings and template lines
   * stay apart. Null gives "".
   */
  public static String htmlToText(String html) {
    return HtmlText.toText(html);
  }
}
