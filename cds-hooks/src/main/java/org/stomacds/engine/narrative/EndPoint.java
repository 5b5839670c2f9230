package org.stomacds.engine.narrative;

import java.util.List;

/**
 * Whether a reach shows the exam's end point, as a coder needs it (the corpus brief's coding
 * decisions 1, 2 and 6). A colonoscopy through a colostomy, or through a stoma of unknown kind,
 * ends at the cecum or the colon-small bowel anastomosis: a bare depth ("advanced 30 cm") or a
 * segment short of it does not show that, nor does a stop there as planned. Through an ileostomy,
 * or where the bowel examined is small bowel, the ileoscopy has no end point and a depth is the
 * whole exam. The stoma's kind is the route the service facts read ({@link ServiceReader}), read
 * once and only when a reach needs it.
 */
final class EndPoint {

  private final IndexedNote note;
  private final List<Sentence> sentences;
  private Boolean ileostomy;

  EndPoint(IndexedNote note) {
    this.note = note;
    this.sentences = note.sentences;
  }

  /** A reach at {@code [start, end)} in sentence {@code sentence} that makes a complete exam. */
  boolean completes(int sentence, int start, int end) {
    int clause = clauseEnd(sentence, end);
    if (intoTheColon(start, clause) && throughAnIleostomy()) {
      // entering the colon at the valve or the ileocolic anastomosis is where its exam begins
      return COLON_END.finder(note.f).region(start, clause).find();
    }
    return named(start, clause) || smallBowel(sentence) && !intoTheColon(start, clause);
  }

  /**
   * Through an ileostomy, a stop at {@code [start, end)} whose clause names a colon segment short
   * of the colon's end: the exam went on along the colon and stopped on the way (coding decision
   * 11).
   */
  boolean stopsAlongTheColon(int sentence, int start, int end) {
    if (!throughAnIleostomy()) {
      return false;
    }
    int from = clauseStart(sentence, start);
    int clause = clauseEnd(sentence, end);
    return intoTheColon(from, clause) && !COLON_END.finder(note.f).region(from, clause).find();
  }

  /** The reach at {@code start} names where a colon entered from the small bowel ends. */
  boolean endsTheColon(int sentence, int start) {
    return COLON_END.finder(note.f).region(start, clauseEnd(sentence, start)).find();
  }

  /** Where the clause holding {@code at} starts: after the last semicolon before it. */
  private int clauseStart(int sentence, int at) {
    Sentence s = sentences.get(sentence);
    int semi = note.f.lastIndexOf(';', at);
    return semi >= s.start() ? semi + 1 : s.start();
  }

  /**
   * Through an ileostomy, the valve or the cecum at {@code start} is where the scope entered a
   * colon it went on along ("through the ileocecal valve into the colon"): the start of a colon
   * exam, not its end (coding decision 11).
   */
  boolean entersTheColon(int sentence, int start) {
    int clause = clauseEnd(sentence, start);
    return throughAnIleostomy()
        && INTO_THE_COLON.finder(note.f).region(start, clause).find()
        && !COLON_END.finder(note.f).region(start, clause).find();
  }

  private static final AnchoredPattern INTO_THE_COLON =
      AnchoredPattern.compile(
          "\\b(?:into|along|up|on\\s+(?:to|into))\\s+(?:the\\s+)?(?:defunctioned\\s+)?colon\\b");

  /**
   * The reach names a colon segment short of the colon's end (coding decision 11): an ileostomy
   * exam that went on along the colon ("into the colon to the splenic flexure", "up to the
   * descending colon" through a mucous fistula) is a colon exam, complete only where that colon
   * ends, so a segment on the way leaves it incomplete.
   */
  private boolean intoTheColon(int start, int end) {
    return COLON_ON_THE_WAY.finder(note.f).region(start, end).find();
  }

  /**
   * Where the reach's clause ends: "passed into the descending colon, then to the anastomosis" goes
   * on past the segment matched, up to a semicolon or the sentence's end.
   */
  private int clauseEnd(int sentence, int end) {
    Sentence s = sentences.get(sentence);
    int semi = note.f.indexOf(';', end);
    return semi >= 0 && semi < s.end() ? semi : Math.max(end, s.end());
  }

  /** The words reached name an end point or say the exam was whole ("cecum", "entire colon"). */
  boolean named(int start, int end) {
    return END_POINT.finder(note.f).region(start, end).find();
  }

  /** The exam is an ileoscopy: through an ileostomy, or its sentence names the small bowel. */
  boolean smallBowel(int sentence) {
    Sentence s = sentences.get(sentence);
    return SMALL_BOWEL.finder(note.f).region(s.start(), s.end()).find() || throughAnIleostomy();
  }

  /**
   * The sentence says the look was made from below ("per anus", "transanally"): a defunctioned
   * segment's far end seen that way is another look than the stoma's exam.
   */
  boolean perAnus(int sentence) {
    Sentence s = sentences.get(sentence);
    if (PER_ANUS.finder(note.f).region(s.start(), s.end()).find()) {
      return true;
    }
    // or under the nearest heading above, when it says so: "PROCEDURE 2 - PER ANUS (RECTAL
    // STUMP):"
    for (int j = sentence - 1; j >= Math.max(0, sentence - 12); j--) {
      Sentence h = sentences.get(j);
      if (h.headingOnly() || h.contentStart() >= h.end() || endsWithColon(h)) {
        return PER_ANUS.finder(note.f).region(h.start(), h.end()).find();
      }
    }
    return false;
  }

  private boolean endsWithColon(Sentence s) {
    int i = s.end() - 1;
    while (i > s.start() && Character.isWhitespace(note.f.charAt(i))) {
      i--;
    }
    return note.f.charAt(i) == ':';
  }

  private static final AnchoredPattern PER_ANUS =
      AnchoredPattern.compile(
          "\\b(?:per\\s+(?:anus|rectum|anum|rectal)|pr|trans-?anal(?:ly)?|(?<!out\\s)(?:via|through|thru)\\s+(?:the\\s+)?"
              + "(?:anus|rectum|anal\\s+canal)|from\\s+below)\\b");

  /** The route the service facts read: an ileostomy, or a stoma whose kind is an ileostomy. */
  boolean throughAnIleostomy() {
    if (ileostomy == null) {
      String route = service().fact("route").map(ServiceReading.Said::value).orElse("stoma");
      String kind = service().fact("stoma-kind").map(ServiceReading.Said::value).orElse("");
      ileostomy = route.equals("ileostomy") || route.equals("stoma") && kind.equals("ileostomy");
    }
    return ileostomy;
  }

  /** The service facts read that nothing was dilated: the stricture stopped the exam. */
  boolean nothingDilated() {
    return service().fact("dilation").map(d -> d.value().equals("not-done")).orElse(false);
  }

  private ServiceReading service() {
    return note.service();
  }

  private static final AnchoredPattern END_POINT =
      AnchoredPattern.compile(
          "\\b(?:ca?ecum|ca?ecal|(?:neo-?)?terminal\\s+ileum|ileum|ileal|(?:neo-?|n)?ti|ileo-?ca?ecal"
              + "|ileo-?colic|ileo-?colonic|ileo-?rectal|anastomo[a-z]*|anast|appendi[a-z]*|icv|ao|rectum|rectal"
              + "|anus|anal|atz|dentate|stump|pouch|small\\s+bowel|sb|jejun[a-z]*|complete[ds]?|entire|in\\s+full"
              + "|full\\s+(?:colonoscopy|colo|exam(?:ination)?)"
              + "|entirety|whole|full\\s+length|total|pan-?colon(?:ic|oscopy)|all\\s+the\\s+way|all\\s+(?:of\\s+)?(?:the\\s+)?(?:residual\\s+|remaining\\s+|remnant\\s+)?colon|blind[\\s-]+end(?:ed)?)\\b");

  private static final AnchoredPattern COLON_ON_THE_WAY =
      AnchoredPattern.compile(
          "\\b(?:(?:hepatic|splenic)\\s+flexure|(?:ascending|transverse|descending|sigmoid)(?:\\s+colon)?"
              + "|colon|[hs]f|asc|desc|sig)\\b");

  /** Where a colon entered from the small bowel ends: the rectum, the anus, a blind end. */
  private static final AnchoredPattern COLON_END =
      AnchoredPattern.compile(
          "\\b(?:rectum|rectal|anus|anal|dentate|stump|(?:colo-?rectal|colo-?anal|ileo-?rectal)\\s+"
              + "anastomo[a-z]*|(?:entire|whole)\\s+(?:defunctioned\\s+|distal\\s+)?(?:colon|segment)"
              + "|blind[\\s-]+end(?:ed)?)\\b");

  private static final AnchoredPattern SMALL_BOWEL =
      AnchoredPattern.compile(
          "\\b(?:ileum|ileal|ileoscopy|small\\s+bowel|sb|(?:neo-?|n)?ti|terminal\\s+ileum|jejun[a-z]*"
              + "|ileostomy|ileo|afferent\\s+limb)\\b");
}
