package org.stomacds.engine.narrative;

import static org.stomacds.engine.documentation.DocumentationElement.POST_DILATION_LUMEN;
import static org.stomacds.engine.documentation.DocumentationElement.PRE_DILATION_LUMEN;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The lumen before and after dilation: sizes and scope passage, each placed before or after the
 * dilation by the nearest time word of its sentence ("after dilation", "initially"), else by where
 * it stands in the note relative to the first sign of dilation.
 */
final class LumenReader {

  private final IndexedNote note;
  private final String f;
  private final List<Sentence> sentences;
  private final List<Hit> hits;
  private final List<Value> lumenSizes;
  private final int firstDilation;
  private final int[] dilationSigns;
  private final Mentions mentions;
  private final DilationTime time;

  LumenReader(IndexedNote note, List<Hit> hits, NumberFinder.Found numbers, Mentions mentions) {
    this.note = note;
    this.f = note.f;
    this.sentences = note.sentences;
    this.hits = hits;
    this.lumenSizes = numbers.lumenSizes();
    this.firstDilation = numbers.firstDilation();
    this.dilationSigns = numbers.dilationSigns();
    this.mentions = mentions;
    this.time = new DilationTime(note.f, note.sentences);
  }

  /** The lumens: each the first size stated, or an addendum's, which corrects the note. */
  void read(int addendum) {
    boolean preLate = false;
    boolean postLate = false;
    for (Value v : lumenSizes) {
      boolean post = !v.flag() && isAfterDilation(v.sentence(), v.start());
      boolean late = v.start() >= addendum;
      if (post) {
        if (mentions.out.postLumen == null || late && !postLate) {
          mentions.out.postLumen = v.value();
          postLate = late;
        }
        mentions.mention(POST_DILATION_LUMEN, false, v);
      } else {
        if (mentions.out.preLumen == null || late && !preLate) {
          mentions.out.preLumen = v.value();
          preLate = late;
        }
        mentions.mention(PRE_DILATION_LUMEN, false, v);
      }
    }
    for (Hit h : hits) {
      if (isLumenPhrase(h) && fromAnotherEncounter(h)) {
        // "Referral: stoma admits the fifth finger only", "last month it admitted the scope":
        // the lumen known before this procedure is not its finding (decision 14)
        continue;
      }
      switch (h.tag()) {
        case LUMEN_PIN -> {
          if (h.polarity() != Polarity.UNRECORDED) {
            // "stoma now admits index finger" after the dilation: what it gave
            boolean post =
                time.direction(h.sentence(), h.start()) > 0
                    || h.start() > firstDilation
                        && THEN.matcher(f)
                            .region(sentences.get(h.sentence()).start(), h.start())
                            .find();
            mentions.mention(post ? POST_DILATION_LUMEN : PRE_DILATION_LUMEN, false, h);
          }
        }
        case LUMEN_PASS_NEG -> {
          int when = time.direction(h.sentence(), h.start());
          if (h.polarity() != Polarity.UNRECORDED
              && (when != 0 || aboutStricture(h) || admitsOnly(h) || refusedBeforeDilation(h))) {
            boolean post = when > 0 || (when == 0 && h.start() > firstDilation);
            mentions.mention(post ? POST_DILATION_LUMEN : PRE_DILATION_LUMEN, false, h);
          }
        }
        case LUMEN_PASS_POS -> {
          if (h.polarity() != Polarity.AFFIRMED) {
            continue;
          }
          if (goesOnward(h) && !underResultLabel(h)) {
            if (PassageAfter.toldAfter(f, sentences, h, firstDilation, time)) {
              // "Dilated to 15 mm. Scope then passed into the descending colon": told after the
              // dilation, the scope going on past it is the lumen after (decision 13)
              mentions.mention(POST_DILATION_LUMEN, false, h);
            }
            continue;
          }
          int when = time.direction(h.sentence(), h.start());
          if (when < 0 || when == 0 && h.start() < firstDilation && describesTheOpening(h)) {
            mentions.mention(PRE_DILATION_LUMEN, false, h);
          } else if ((when > 0
                  || (h.start() > firstDilation && (aboutStricture(h) || withEase(h)))
                  || PassageAfter.toldAfter(f, sentences, h, firstDilation, time))
              && !PassageAfter.inAnImpression(f, h)) {
            // not "Impression: ...; scope passes after dilation", which gives no order
            mentions.mention(POST_DILATION_LUMEN, false, h);
          }
        }
        case LUMEN_NEG_ONLY -> {
          if (h.polarity().isNegative()) {
            boolean post = f.startsWith("post", h.start());
            mentions.mention(post ? POST_DILATION_LUMEN : PRE_DILATION_LUMEN, true, h);
          }
        }
        default -> {
          // not a lumen phrase
        }
      }
    }
    PassageAfter.read(note, hits, firstDilation, mentions);
  }

  /**
   * "Tight stricture at 6 cm. The adult scope would not pass. Dilated to 15 mm.": a scope refused
   * right after the stricture is named, before any dilation, is the lumen before it (decision 13);
   * with no dilation at all, the lumen seen is still the one before dilation (decision 14).
   */
  private boolean refusedBeforeDilation(Hit h) {
    int i = h.sentence();
    if (h.start() >= firstDilation) {
      return false;
    }
    // "Pediatric colonoscope could not pass the fascial level": the place refused is the ring
    Sentence s = sentences.get(i);
    return i > 0 && note.has(i - 1, Feature.STRICTURE, Feature.PINHOLE, Feature.LUMEN)
        || RING_LEVEL.finder(f).region(h.end(), Math.min(s.end(), h.end() + 40)).find();
  }

  private static final AnchoredPattern RING_LEVEL =
      AnchoredPattern.compile(
          "\\b(?:fascia|fascial|ring|skin\\s+level|stoma|stomal|mucocutaneous|inlet|outlet)\\b");

  private static boolean isLumenPhrase(Hit h) {
    return h.tag() == Tag.LUMEN_PIN
        || h.tag() == Tag.LUMEN_PASS_NEG
        || h.tag() == Tag.LUMEN_PASS_POS;
  }

  /** Said in the indication or history, or dated to another session before it in its sentence. */
  private boolean fromAnotherEncounter(Hit h) {
    Sentence s = sentences.get(h.sentence());
    Section section = s.section();
    return section == Section.INDICATION
        || section == Section.HISTORY
        || Elsewhen.dated(f, s.start(), h.start())
        || ELSEWHERE.finder(f).region(s.start(), h.start()).find();
  }

  /** An earlier encounter named before the lumen: "last month", "in clinic", "the stoma nurse". */
  private static final AnchoredPattern ELSEWHERE =
      AnchoredPattern.compile(
          "\\b(?:ago|yesterday|last\\s+(?:week|month|year|time|visit)|(?:at|in)\\s+(?:the\\s+)?(?:clinic|office"
              + "|bedside)|(?:stoma|ostomy|wound|pouch)\\s+(?:nurse|therapist)|referr(?:al|ing|ed))\\b");

  /**
   * "The stricture admitted the scope with resistance", "the lumen would just admit the 5.9 mm
   * scope", before any dilation (or with none): what the stricture let through, and how, says how
   * wide it was (the corpus brief's coding decision 13). A plain "the scope passed" does not.
   */
  private boolean describesTheOpening(Hit h) {
    if (!aboutStricture(h)) {
      return false;
    }
    Sentence s = sentences.get(h.sentence());
    return OPENING_LET.matcher(f).region(h.start(), h.end()).lookingAt()
        || SNUG.finder(f).region(s.start(), s.end()).find();
  }

  private static final Pattern OPENING_LET = Rx.compile("(?:admit|accept|allow|took|take)");

  private static final AnchoredPattern SNUG =
      AnchoredPattern.compile(
          "\\b(?:with\\s+(?:some\\s+|slight\\s+|mild\\s+|moderate\\s+|considerable\\s+|firm\\s+)?"
              + "(?:resistance|difficulty|pressure|effort)|snug(?:ly)?|barely"
              // "would just admit the scope"; not "just distal to", nor "tight" alone (decision 13)
              + "|just\\s+(?:admit|accept|allow|take|pass|get))");

  /**
   * "the colostomy admits only a size 8 Hegar dilator": letting only a small device through says
   * the opening is narrow, whether or not the sentence calls it a stricture.
   */
  private boolean admitsOnly(Hit h) {
    return ONLY.finder(f).region(h.start(), h.end()).find();
  }

  private static final AnchoredPattern ONLY = AnchoredPattern.compile("\\bonly\\b");

  /**
   * "scope passes freely", "Scope passed after.": after the dilation, a passage said to be easy (or
   * to come after) is the lumen the dilation gave, even in a sentence that does not name the
   * stricture.
   */
  private boolean withEase(Hit h) {
    Sentence s = sentences.get(h.sentence());
    return EASE.matcher(f).region(h.end(), s.end()).lookingAt()
        // "scope then thru": the terse passage carries its own "then"
        || THEN_IN_IT.finder(f).region(h.start(), h.end()).find()
        || RIGHT_AFTER.matcher(f).region(h.end(), s.end()).matches() && dilatedJustBefore(h)
        || THEN.finder(f).region(s.start(), h.start()).find()
            && !f.startsWith("advanced", h.start())
            && !ONWARD.matcher(f).region(h.end(), s.end()).lookingAt();
  }

  private static final AnchoredPattern THEN_IN_IT =
      AnchoredPattern.compile("\\b(?:then|now|subsequently|thereafter)\\s+(?:thru|through)\\b");

  /** Nothing after the passage: "Scope traversed.", "Scope passed." */
  private static final Pattern RIGHT_AFTER = Rx.compile("\\s*[.;]?\\s*");

  /** "Dilated 15 mm x2. Scope traversed.": the sentence before is the dilation's. */
  private boolean dilatedJustBefore(Hit h) {
    if (h.sentence() == 0) {
      return false;
    }
    Sentence before = sentences.get(h.sentence() - 1);
    for (int d : dilationSigns) {
      if (d >= before.start() && d < before.end()) {
        return true;
      }
    }
    return false;
  }

  /**
   * "After dilation the scope advanced through the descending and transverse colon to the hepatic
   * flexure", "Scope then passed to the cecum", "advanced to 30 cm": the exam going on to a place,
   * said of no stricture and with no ease, is the extent, not the lumen.
   */
  private boolean goesOnward(Hit h) {
    Sentence s = sentences.get(h.sentence());
    int end = Math.min(s.end(), h.end() + 80);
    return ONWARD_TO.matcher(f).region(PassageAfter.verbStart(f, h), end).lookingAt()
        && !STRICTURE_NAMED.finder(f).region(h.start(), s.end()).find()
        && !EASE_ANYWHERE.finder(f).region(h.start(), s.end()).find();
  }

  private static final Pattern ONWARD_TO =
      Rx.compile(
          "[a-z]+\\s+(?:(?:then|further|on|onward|up)\\s+)?(?:(?:through|along)\\s+(?:the\\s+)?"
              + "(?:[a-z]+[\\s,]+){1,5}?)?(?:to|into|up\\s+to)\\b"
              // "was passed via the colostomy": the route in, not the stricture passed
              + "|[a-z]+\\s+(?:via|per|through)\\s+(?:the\\s+|an?\\s+)?(?:[a-z-]+\\s+){0,3}?"
              + "(?:stoma|colostomy|ileostomy|ostomy)\\b");

  /**
   * "After: scope passed into descending colon", "Post-dilation: scope to the cecum": a line
   * labelled as what the dilation gave is the result, even where it goes on with the exam.
   */
  private boolean underResultLabel(Hit h) {
    return RESULT_LABEL
        .matcher(f)
        .region(sentences.get(h.sentence()).start(), h.start())
        .lookingAt();
  }

  private static final Pattern RESULT_LABEL =
      Rx.compile(
          "\\s*(?:after|post(?:[\\s-]?dil[a-z]*)?|result)\\s*:\\s*(?:the\\s+)?(?:[a-z-]+\\s+){0,2}$");

  /** A stricture named, not one denied: "to the cecum, no further stricture" names none. */
  private static final AnchoredPattern STRICTURE_NAMED =
      AnchoredPattern.compile(
          "\\b(?<!\\bno\\s)(?<!\\bno\\s(?:further|other|additional|more|second|new)\\s)"
              + "(?:strictur|stenos|stenotic|narrowing|web\\b|ring\\b|anastomo)");

  private static final AnchoredPattern EASE_ANYWHERE =
      AnchoredPattern.compile(
          "\\b(?:easily|freely|readily|afterwards?|with\\s+ease|without\\s+(?:difficulty|resistance)"
              + "|with\\s+no\\s+(?:difficulty|resistance)|(?:treated|dilated)\\s+(?:segment|area|site|level))\\b");

  /** "Scope then passed to the cecum": the exam going on, not the stricture passed. */
  private static final Pattern ONWARD =
      Rx.compile("\\s*(?:through\\s+(?:the\\s+)?[a-z]+\\s+)?(?:up\\s+)?(?:to|into)\\b");

  /**
   * "Scope then passed", "inlet now admitted the scope", "after that the stoma easily accepted the
   * scope": the passage that came next.
   */
  private static final AnchoredPattern THEN =
      AnchoredPattern.compile(
          "\\b(?:then|now|subsequently|thereafter|afterwards?|(?:after|following)\\s+(?:that|this))\\b"
              + "(?:[\\s,]+[a-z'-]+){0,4}?[\\s,]+$"
              // "TTS 18mm x2 @ 30s -> widely patent": the arrow from the dilation to what it gave
              + "|(?:-+>|\u2192)\\s*$");

  private static final Pattern EASE =
      Rx.compile(
          "\\s*(?:(?:through|across|beyond|past)\\s+(?:(?:it|the\\s+[a-z]+)\\s+)?)?"
              + "(?:(?:then|now|subsequently)\\s+)?(?:easily|freely|readily|easy|with\\s+ease|with\\s+no"
              + "\\s+(?:difficulty|resistance)|without"
              // "MD states scope passes now": now that the stricture is dilated
              + "\\s+(?:difficulty|resistance)|after(?:wards)?|now)\\b");

  /**
   * The sentence names the stricture, or refers back to the one before it that does ("There were
   * two strictures. Both were about 7 mm and neither would let the scope through.").
   */
  private boolean aboutStricture(Hit h) {
    int i = h.sentence();
    return note.has(i, Feature.STRICTURE, Feature.PINHOLE, Feature.LUMEN)
        || i > 0
            && note.has(i - 1, Feature.STRICTURE, Feature.PINHOLE, Feature.LUMEN)
            && ANAPHOR
                .matcher(f)
                .region(sentences.get(i).start(), sentences.get(i).end())
                .lookingAt();
  }

  /** A sentence opening that stands for the stricture just named. */
  private static final Pattern ANAPHOR =
      Rx.compile(
          "\\s*(?:both|each|it|they|neither|none|all\\s+(?:two|three|of\\s+them)|the\\s+(?:tightest"
              + "|narrowest|first|second|third|other|latter|former|distal|proximal)(?:\\s+one)?"
              // a terse sentence with its subject left out: "Would not admit the adult
              // colonoscope."
              + "|(?:would|could|did|does|will)\\s+not|wouldn't|couldn't|didn't|doesn't|won't)\\b");

  /**
   * A lumen size is "after" when its sentence says so, or when the dilation came before it, unless
   * it describes a stricture met after that dilation and dilated right after it ("1. ... dilated to
   * 15 mm. 2. Second stricture at 12 cm, lumen 8 mm. Same balloon, 2 inflations.").
   */
  private boolean isAfterDilation(int sentence, int at) {
    int when = LumenSide.direction(f, sentences.get(sentence), sentence, at, time);
    if (when != 0) {
      return when > 0;
    }
    return at > firstDilation
        && !(namesAStrictureBefore(sentence, at) && dilatedNext(sentence, at))
        && !describesTheStricture(sentence, at);
  }

  /**
   * "Findings: Stricture A - descending colon, 15 cm from the stoma, 2 cm long, lumen approx. 8
   * mm.", "Stricture at the fascia, 3 cm from the opening. Estimated luminal diameter 8 mm.": a
   * findings list describing the stricture after the account of the dilation. The size stands after
   * the stricture's name, in its sentence or right after a sentence naming it, and nothing in its
   * sentence speaks of the dilation or of what it gave.
   */
  private boolean describesTheStricture(int sentence, int at) {
    Sentence s = sentences.get(sentence);
    if (DILATION_OR_RESULT.finder(f).region(s.start(), s.end()).find()) {
      return false;
    }
    if (namesAStrictureBefore(sentence, at)) {
      return true;
    }
    if (sentence == 0 || sentences.get(sentence - 1).section() != s.section()) {
      return false;
    }
    Sentence before = sentences.get(sentence - 1);
    return STRICTURE_BEFORE.finder(f).region(before.start(), before.end()).find()
        && !DILATION_OR_RESULT.finder(f).region(before.start(), before.end()).find();
  }

  private static final AnchoredPattern DILATION_OR_RESULT =
      AnchoredPattern.compile(
          "\\b(?:dilat|inflat|balloon|cre\\b|tts\\b|post|after|now\\b|then\\b|result|achiev|patent"
              + "|widen|improv|open(?:ed|s)?\\b|(?<!be\\s)(?:passe[ds]|traversed|admit(?:ted|s)|accept(?:ed|s)|took)\\b)");

  /** The sentence names a stricture before {@code at}, so the size describes that stricture. */
  private boolean namesAStrictureBefore(int sentence, int at) {
    Sentence s = sentences.get(sentence);
    return STRICTURE_BEFORE.finder(f).region(s.start(), at).find();
  }

  private static final AnchoredPattern STRICTURE_BEFORE =
      AnchoredPattern.compile("\\b(?:strictur|stenos|stenotic|narrowing|web\\b|ring\\b|anastomo)");

  /** A sign of dilation follows {@code at} before the end of the next sentence, none between. */
  private boolean dilatedNext(int sentence, int at) {
    int limit = sentences.get(Math.min(sentences.size() - 1, sentence + 1)).end();
    int from = sentences.get(sentence).start();
    for (int d : dilationSigns) {
      if (d >= from && d < at) {
        return false;
      }
      if (d > at && d < limit) {
        return true;
      }
    }
    return false;
  }
}
