package org.stomacds.engine.narrative;

import static org.stomacds.engine.documentation.DocumentationElement.EXTENT_OF_EXAM;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The extent of the exam from its hits: complete, incomplete (and why), and whether and when the
 * procedure was stopped. A stated failure ("the cecum was not reached", "aborted") outweighs a
 * reached end point, which outweighs a weak sign ("unable to advance further", poor prep): a
 * stricture passed after dilation often follows "could not be advanced beyond the stricture".
 */
final class ExtentReader {

  private static final AnchoredPattern REASON =
      AnchoredPattern.compile(
          "\\b(?:due\\s+to|because\\s+of|because|secondary\\s+to|owing\\s+to|on\\s+account\\s+of"
              + "|as\\s+a\\s+result\\s+of|limited\\s+by|given)\\s+([^.;,]{3,160}?)"
              + "(?=\\s+(?:after|before|when|while|at\\s+which|and\\s+the|so|therefore|but|once)\\b"
              + "|[.;,]|$)");
  private static final AnchoredPattern REASON_PHRASE =
      AnchoredPattern.compile(
          "\\b(?:poor|inadequate|suboptimal|insufficient)\\s+(?:bowel\\s+)?prep(?:aration)?\\b"
              + "|\\b(?:patient\\s+)?(?:discomfort|intolerance|agitation)\\b|\\blooping\\b"
              + "|\\bloop\\s+formation\\b|\\bobstruct[a-z]*(?:\\s+[a-z]+){0,2}|\\bangulat[a-z]*\\b"
              + "|\\btortuos[a-z]*\\b|\\bhemodynamic\\s+instability\\b|\\bdesaturation\\b|\\bhypoxi[a-z]*\\b"
              + "|\\bhypotension\\b|\\bperforation\\b|\\bbleeding\\b"
              + "|\\b(?:unable\\s+to|could\\s+not)\\s+(?:be\\s+)?(?:advance|advanced|pass|passed|traverse"
              + "|traversed|negotiate)[^.;]{0,60}");

  /** A stop short of the cecum that the note says was meant: the exam planned was done. */
  private static final AnchoredPattern AS_PLANNED =
      AnchoredPattern.compile(
          "\\b(?:as\\s+planned|per\\s+plan|by\\s+design|as\\s+intended|intentionally|deliberately"
              + "|planned\\s+(?:limited|short|exam)|by\\s+plan|not\\s+(?:a\\s+|meant\\s+to\\s+be\\s+a\\s+)?(?:full"
              + "|complete)\\s+(?:colonoscopy|exam(?:ination)?))");

  private final String f;
  private final List<Sentence> sentences;
  private final List<Hit> hits;
  private final Mentions mentions;
  private final NoteReading.Builder out;
  private final EndPoint endPoint;

  ExtentReader(IndexedNote note, List<Hit> hits, Mentions mentions, EndPoint endPoint) {
    this.endPoint = endPoint;
    this.f = note.f;
    this.sentences = note.sentences;
    this.hits = hits;
    this.mentions = mentions;
    this.out = mentions.out;
  }

  void read() {
    extent();
  }

  private void extent() {
    Hit strong = null;
    Hit complete = null;
    Hit weak = null;
    List<Hit> stops = new ArrayList<>();
    List<Hit> weaks = new ArrayList<>();
    for (Hit h : hits) {
      if (h.element() != EXTENT_OF_EXAM) {
        continue;
      }
      Polarity p = h.polarity();
      if (p == Polarity.UNRECORDED) {
        mentions.mention(h, true);
        continue;
      }
      if (p == Polarity.HYPOTHETICAL
          && OpeningClause.holdsTheOnlyCue(f, sentences.get(h.sentence()), h.start(), h.end())) {
        // "After informed consent was obtained, the scope was advanced to the cecum."
        p = Polarity.AFFIRMED;
      }
      Tag kind = h.tag();
      if (p == Polarity.ABSENT
          && (kind == Tag.INCOMPLETE_WEAK || kind == Tag.INCOMPLETE_STRONG)
          && SAYS_NOT.finder(f).region(h.start(), h.end()).find()) {
        // "would not admit the scope, so the exam was not advanced further": the stop carries its
        // own "not"; an earlier one in the sentence does not take it back
        p = Polarity.AFFIRMED;
      }
      boolean label = kind == Tag.EXTENT_LABEL;
      if (label) {
        kind = extentLabel(h);
        if (kind == null) {
          continue;
        }
        if (kind == Tag.NEG_ONLY) {
          mentions.mention(h, true);
          continue;
        }
      }
      if ((kind == Tag.COMPLETE || kind == Tag.COMPLETE_LANDMARK)
          && p == Polarity.AFFIRMED
          && anotherTime(h)) {
        // "the whole colon was seen in March": an earlier exam, not how far this one went
        continue;
      }
      switch (kind) {
        case COMPLETE -> {
          if (p == Polarity.AFFIRMED && reachedShortOfItsAim(h)) {
            // "Advanced to 30 cm, limited by looping and patient discomfort."
            weak = Hit.first(weak, h);
            weaks.add(h);
          } else if (p == Polarity.AFFIRMED && !showsTheEndPoint(h, label)) {
            // "scope advanced 30 cm" through a colostomy: the depth is the extent, short of
            // the cecum for all the note shows
            weak = Hit.first(weak, h);
          } else if (p == Polarity.AFFIRMED
              && namesTheDistalEnd(h)
              && endPoint.perAnus(h.sentence())) {
            // "I also looked into the Hartmann pouch per anus": another look than the stoma's
            continue;
          } else if (p == Polarity.AFFIRMED) {
            complete = Hit.first(complete, h);
          } else if (p == Polarity.ABSENT && namesTheIleum(h)) {
            // "cecum reached; TI not intubated": entering the ileum is optional.
            continue;
          } else if (p == Polarity.ABSENT && refusedAtTheAnastomosis(h)) {
            // "the colonoscope would not pass the anastomosis" (the stricture there), then
            // dilated: a lumen, short of the end point only when nothing else was reached
            weak = Hit.first(weak, h);
          } else if (p == Polarity.ABSENT && namesTheDistalEnd(h)) {
            // "cecum reached; rectal stump not examined today": the defunctioned segment is
            // another exam, short of its end only when nothing else was reached
            weak = Hit.first(weak, h);
          } else if (p == Polarity.ABSENT) {
            strong = Hit.first(strong, h);
          }
        }
        case COMPLETE_LANDMARK -> {
          if (p == Polarity.AFFIRMED && !endPoint.entersTheColon(h.sentence(), h.start())) {
            // the cecum's own landmarks
            complete = Hit.first(complete, h);
          }
        }
        case INCOMPLETE_STRONG -> {
          if (p == Polarity.AFFIRMED) {
            strong = Hit.first(strong, h);
          }
        }
        case DISCONTINUED -> {
          if (p == Polarity.AFFIRMED) {
            strong = Hit.first(strong, h);
            stops.add(h);
          }
        }
        case INCOMPLETE_WEAK -> {
          if (p == Polarity.AFFIRMED
              && (asPlanned(h) && endPoint.smallBowel(h.sentence())
                  || reachedWithoutALimit(h) && showsTheEndPoint(h, false))) {
            // A stop as planned completes an ileoscopy; a colonoscopy short of the cecum is
            // incomplete whatever the reason it stopped there
            complete = Hit.first(complete, h);
          } else if (p == Polarity.AFFIRMED) {
            weak = Hit.first(weak, h);
            weaks.add(h);
          }
        }
        default -> {
          continue;
        }
      }
      if (p == Polarity.AFFIRMED || p == Polarity.ABSENT) {
        mentions.mention(h, false);
      }
    }
    if (complete != null && weakAfterInTheSameSentence(complete, weaks)) {
      // "examined to 30 cm; unable to advance further": the end point reached was a stop short
      complete = null;
    }
    Hit alongTheColon = stoppedAlongTheColon(weaks);
    if (complete != null
        && alongTheColon != null
        && !endPoint.endsTheColon(complete.sentence(), complete.start())) {
      // through an ileostomy, "ileum to 35 cm, then through the anastomosis into the colon as
      // far as the splenic flexure": once the exam went on along the colon, it is a colon exam,
      // complete only where that colon ends (coding decision 11)
      complete = null;
      weak = alongTheColon;
    }
    Hit decided = strong != null ? strong : complete != null ? complete : weak;
    if (decided != null) {
      out.extent = decided == complete ? ExamExtent.COMPLETE : ExamExtent.INCOMPLETE;
      out.preferred.put(EXTENT_OF_EXAM, mentions.mention(decided, false));
      if (out.extent == ExamExtent.INCOMPLETE) {
        out.incompleteReason = reason(decided);
      }
    }
    if (!stops.isEmpty()) {
      out.discontinued = true;
      out.discontinuedAt = StopTime.of(f, sentences, hits, out.mentions, stops);
    }
  }

  /** What "Extent: ..." names: complete, incomplete, not recorded (NEG_ONLY), or nothing. */
  private Tag extentLabel(Hit h) {
    Sentence s = sentences.get(h.sentence());
    int end = s.end();
    int semi = f.indexOf(';', h.end());
    if (semi >= 0 && semi < end) {
      end = semi;
    }
    end = Math.min(end, h.end() + 80);
    return ExtentContent.classify(f, h.end(), end);
  }

  /** The hit (or, for a label, what it names) reaches an end point, or the exam is an ileoscopy. */
  private boolean showsTheEndPoint(Hit h, boolean label) {
    int end = label ? sentences.get(h.sentence()).end() : h.end();
    return endPoint.completes(h.sentence(), h.start(), end);
  }

  /** The reach is dated after it, in its clause: "the whole colon was seen in March". */
  private boolean anotherTime(Hit h) {
    Sentence s = sentences.get(h.sentence());
    int semi = f.indexOf(';', h.end());
    int end = semi >= 0 && semi < s.end() ? semi : s.end();
    return Elsewhen.anotherTimeAhead(f, h.start(), end, ANOTHER_TIME_WINDOW)
        || Elsewhen.dated(f, h.start(), end)
        || Elsewhen.dated(f, clauseStart(s, h.start()), h.start())
        || AGO.finder(f).region(clauseStart(s, h.start()), h.start()).find();
  }

  /** "Full colo 2 mo ago (via stoma) nl to cecum": the reach told after an earlier exam's date. */
  private static final AnchoredPattern AGO = AnchoredPattern.compile("\\bago\\b");

  /** A stop phrased with its own negation: "not advanced further", "could not reach". */
  private static final AnchoredPattern SAYS_NOT =
      AnchoredPattern.compile("\\b(?:not|no|never|unable|cannot)\\b|n't\\b");

  /** Where the clause holding {@code at} starts: after the last comma or semicolon before it. */
  private int clauseStart(Sentence s, int at) {
    int from = s.start();
    for (int i = at - 1; i > s.start(); i--) {
      char c = f.charAt(i);
      if (c == ',' || c == ';') {
        from = i + 1;
        break;
      }
    }
    return from;
  }

  /** The words after a reach, in its clause, that may date it: "the whole colon seen last year". */
  private static final int ANOTHER_TIME_WINDOW = 12;

  private boolean namesTheDistalEnd(Hit h) {
    String named = f.substring(h.start(), h.end());
    // a Hartmann pouch, a rectal stump or remnant, the anal transition zone: a defunctioned
    // segment's far end, whose exam is another one than the stoma's
    return named.contains("rect")
        || named.contains("anal")
        || named.contains("anus")
        || named.contains("dentate")
        || named.contains("pouch")
        || named.contains("stump")
        || named.contains("atz");
  }

  private boolean refusedAtTheAnastomosis(Hit h) {
    Sentence s = sentences.get(h.sentence());
    return REFUSED.finder(f).region(Math.max(s.start(), h.start() - 40), h.end()).find();
  }

  /** A scope refused right before the anastomosis it names: "would not pass the". */
  private static final AnchoredPattern REFUSED =
      AnchoredPattern.compile(
          "\\b(?:would\\s+not|wouldn't|could\\s+not|couldn't|did\\s+not|didn't|unable\\s+to|failed\\s+to)\\s+"
              + "(?:pass|traverse|cross|negotiate|get\\s+through)\\s+(?:the\\s+|an?\\s+)?(?:[a-z-]+\\s+)?"
              + "anastomo");

  private boolean namesTheIleum(Hit h) {
    String named = f.substring(h.start(), h.end());
    return named.contains("ileum") || named.startsWith("ti");
  }

  /**
   * "Advanced to the splenic flexure", "examined to 40 cm": a point reached, with no word in its
   * sentence saying the exam fell short of its aim ("only", "limited by looping", "unable"). The
   * exam meant for a stoma or a defunctioned segment often ends there; it is incomplete when the
   * note says so.
   */
  private boolean reachedWithoutALimit(Hit h) {
    if (!REACHED_ON.matcher(f).region(h.start(), h.end()).lookingAt()) {
      return false;
    }
    Sentence s = sentences.get(h.sentence());
    if (COLON_SEGMENT.finder(f).region(h.start(), h.end()).find()
        && !DEFUNCTIONED.finder(f).find()) {
      // "advanced to the hepatic flexure": a colonoscopy short of the cecum, unless planned or
      // through a defunctioned limb, whose exam ends where that limb does
      return false;
    }
    return !LIMIT.finder(f).region(s.start(), s.end()).find();
  }

  private static final AnchoredPattern DEFUNCTIONED =
      AnchoredPattern.compile(
          "\\bmucous\\s+fistula\\b|\\b(?:distal|efferent)\\s+(?:limb|opening|loop|stoma)\\b"
              + "|\\bdefunction");

  private static final AnchoredPattern COLON_SEGMENT =
      AnchoredPattern.compile(
          "\\b(?:flex(?:ure)?|transverse|descending|ascending|desc|asc|right\\s+colon|[hs]f)\\b");

  /** A length or segment reached, in a sentence that says the exam fell short there. */
  private boolean reachedShortOfItsAim(Hit h) {
    String named = f.substring(h.start(), h.end());
    if (named.contains("cecum")
        || named.contains("caecum")
        || named.contains("ileum")
        || named.contains("anastomosis")) {
      return false;
    }
    if (LIMIT.finder(f).region(h.start(), h.end()).find()) {
      // "Exam limited to 8 cm": the limit is in the reach itself
      return true;
    }
    if (!REACHED.finder(f).region(h.start(), h.end()).find()) {
      return false;
    }
    Sentence s = sentences.get(h.sentence());
    return LIMIT.finder(f).region(s.start(), s.end()).find();
  }

  private static final AnchoredPattern REACHED =
      AnchoredPattern.compile(
          "(?:examined|advanced|reached|visualized|visualised|evaluated|inspected|seen|intubated"
              + "|extended|exam|examination)\\s+(?:up\\s+)?to\\b");

  /** {@link #REACHED}, or with words between ("passed freely into the colon to"), or "colon to". */
  private static final Pattern REACHED_ON =
      Rx.compile(
          "(?:(?:examined|advanced|reached|visualized|visualised|evaluated|inspected|seen|intubated"
              + "|passed|traversed|went|continued|extended)(?:[\\s,]+[a-z'-]+){0,8}?|colon)[\\s,]+(?:up\\s+)?to\\b");

  private static final AnchoredPattern LIMIT =
      AnchoredPattern.compile(
          "\\b(?:only|limited|limit|unable|could\\s+not|couldn't|cannot|can't|not\\s+able|stopped"
              + "|incomplete|short\\s+of|due\\s+to|because|secondary\\s+to|abort[a-z]*|terminat[a-z]*"
              + "|poor|inadequate|looping|discomfort|(?<!without\\s)(?<!no\\s)resistance|not\\s+advanced"
              + "|no\\s+further)\\b");

  /** A stop short of the colon's end, on an ileostomy exam that went on along the colon. */
  private Hit stoppedAlongTheColon(List<Hit> weaks) {
    for (Hit h : weaks) {
      if (endPoint.stopsAlongTheColon(h.sentence(), h.start(), h.end())) {
        return h;
      }
    }
    return null;
  }

  private static boolean weakAfterInTheSameSentence(Hit complete, List<Hit> weaks) {
    for (Hit weak : weaks) {
      if (complete.sentence() == weak.sentence() && weak.start() > complete.end()) {
        return true;
      }
    }
    return false;
  }

  private boolean asPlanned(Hit h) {
    for (int k = h.sentence(); k < Math.min(sentences.size(), h.sentence() + 3); k++) {
      Sentence s = sentences.get(k);
      if (AS_PLANNED.finder(f).region(s.start(), s.end()).find()) {
        return true;
      }
    }
    return false;
  }

  private String reason(Hit h) {
    for (int k = h.sentence(); k < Math.min(sentences.size(), h.sentence() + 2); k++) {
      Sentence s = sentences.get(k);
      AnchoredPattern.Finder m = REASON.finder(f).region(s.start(), s.end());
      if (m.find()) {
        return mentions.quote(m.start(1), m.end(1));
      }
      AnchoredPattern.Finder phrase = REASON_PHRASE.finder(f).region(s.start(), s.end());
      if (phrase.find()) {
        return mentions.quote(phrase.start(), phrase.end());
      }
    }
    return null;
  }
}
