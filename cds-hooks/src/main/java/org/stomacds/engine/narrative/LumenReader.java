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

  LumenReader(IndexedNote note, List<Hit> hits, NumberFinder.Found numbers, Mentions mentions) {
    this.note = note;
    this.f = note.f;
    this.sentences = note.sentences;
    this.hits = hits;
    this.lumenSizes = numbers.lumenSizes();
    this.firstDilation = numbers.firstDilation();
    this.dilationSigns = numbers.dilationSigns();
    this.mentions = mentions;
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
      switch (h.tag()) {
        case LUMEN_PIN -> {
          if (h.polarity() != Polarity.UNRECORDED) {
            // "stoma now admits index finger" after the dilation: what it gave
            boolean post =
                temporal(h.sentence(), h.start()) > 0
                    || h.start() > firstDilation
                        && THEN.matcher(f)
                            .region(sentences.get(h.sentence()).start(), h.start())
                            .find();
            mentions.mention(post ? POST_DILATION_LUMEN : PRE_DILATION_LUMEN, false, h);
          }
        }
        case LUMEN_PASS_NEG -> {
          int when = temporal(h.sentence(), h.start());
          if (h.polarity() != Polarity.UNRECORDED && (when != 0 || aboutStricture(h))) {
            boolean post = when > 0 || (when == 0 && h.start() > firstDilation);
            mentions.mention(post ? POST_DILATION_LUMEN : PRE_DILATION_LUMEN, false, h);
          }
        }
        case LUMEN_PASS_POS -> {
          if (h.polarity() != Polarity.AFFIRMED || goesOnward(h)) {
            continue;
          }
          int when = temporal(h.sentence(), h.start());
          if (when < 0) {
            mentions.mention(PRE_DILATION_LUMEN, false, h);
          } else if (when > 0
              || (h.start() > firstDilation && (aboutStricture(h) || withEase(h)))) {
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
  }

  /**
   * "scope passes freely", "Scope passed after.": after the dilation, a passage said to be easy (or
   * to come after) is the lumen the dilation gave, even in a sentence that does not name the
   * stricture.
   */
  private boolean withEase(Hit h) {
    Sentence s = sentences.get(h.sentence());
    return EASE.matcher(f).region(h.end(), s.end()).lookingAt()
        || THEN.matcher(f).region(s.start(), h.start()).find()
            && !f.startsWith("advanced", h.start())
            && !ONWARD.matcher(f).region(h.end(), s.end()).lookingAt();
  }

  /**
   * "After dilation the scope advanced through the descending and transverse colon to the hepatic
   * flexure", "Scope then passed to the cecum", "advanced to 30 cm": the exam going on to a place,
   * said of no stricture and with no ease, is the extent, not the lumen.
   */
  private boolean goesOnward(Hit h) {
    Sentence s = sentences.get(h.sentence());
    int end = Math.min(s.end(), h.end() + 80);
    return ONWARD_TO.matcher(f).region(h.start(), end).lookingAt()
        && !STRICTURE_BEFORE.matcher(f).region(h.start(), s.end()).find()
        && !EASE_ANYWHERE.matcher(f).region(h.start(), s.end()).find();
  }

  private static final Pattern ONWARD_TO =
      Rx.compile(
          "[a-z]+\\s+(?:(?:then|further|on|onward|up)\\s+)?(?:(?:through|along)\\s+(?:the\\s+)?"
              + "(?:[a-z]+[\\s,]+){1,5}?)?(?:to|into|up\\s+to)\\b");

  private static final Pattern EASE_ANYWHERE =
      Rx.compile(
          "\\b(?:easily|freely|readily|afterwards?|with\\s+ease|without\\s+(?:difficulty|resistance)"
              + "|with\\s+no\\s+(?:difficulty|resistance)|(?:treated|dilated)\\s+(?:segment|area|site|level))\\b");

  /** "Scope then passed to the cecum": the exam going on, not the stricture passed. */
  private static final Pattern ONWARD =
      Rx.compile("\\s*(?:through\\s+(?:the\\s+)?[a-z]+\\s+)?(?:up\\s+)?(?:to|into)\\b");

  /**
   * "Scope then passed", "inlet now admitted the scope", "after that the stoma easily accepted the
   * scope": the passage that came next.
   */
  private static final Pattern THEN =
      Rx.compile(
          "\\b(?:then|now|subsequently|thereafter|afterwards?|(?:after|following)\\s+(?:that|this))\\b"
              + "(?:[\\s,]+[a-z'-]+){0,4}?[\\s,]+$"
              // "TTS 18mm x2 @ 30s -> widely patent": the arrow from the dilation to what it gave
              + "|(?:-+>|\u2192)\\s*$");

  private static final Pattern EASE =
      Rx.compile(
          "\\s*(?:(?:through|across|beyond|past)\\s+(?:(?:it|the\\s+[a-z]+)\\s+)?)?"
              + "(?:(?:then|now|subsequently)\\s+)?(?:easily|freely|readily|easy|with\\s+ease|with\\s+no"
              + "\\s+(?:difficulty|resistance)|without"
              + "\\s+(?:difficulty|resistance)|after(?:wards)?)\\b");

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
    int when = temporal(sentence, at);
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
    if (DILATION_OR_RESULT.matcher(f).region(s.start(), s.end()).find()) {
      return false;
    }
    if (namesAStrictureBefore(sentence, at)) {
      return true;
    }
    if (sentence == 0 || sentences.get(sentence - 1).section() != s.section()) {
      return false;
    }
    Sentence before = sentences.get(sentence - 1);
    return STRICTURE_BEFORE.matcher(f).region(before.start(), before.end()).find()
        && !DILATION_OR_RESULT.matcher(f).region(before.start(), before.end()).find();
  }

  private static final Pattern DILATION_OR_RESULT =
      Rx.compile(
          "\\b(?:dilat|inflat|balloon|cre\\b|tts\\b|post|after|now\\b|then\\b|result|achiev|patent"
              + "|widen|improv|open(?:ed|s)?\\b|(?<!be\\s)(?:passe[ds]|traversed|admit(?:ted|s)|accept(?:ed|s)|took)\\b)");

  /** The sentence names a stricture before {@code at}, so the size describes that stricture. */
  private boolean namesAStrictureBefore(int sentence, int at) {
    Sentence s = sentences.get(sentence);
    return STRICTURE_BEFORE.matcher(f).region(s.start(), at).find();
  }

  private static final Pattern STRICTURE_BEFORE =
      Rx.compile("\\b(?:strictur|stenos|stenotic|narrowing|web\\b|ring\\b|anastomo)");

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

  /** The words of the window {@link #temporal} reads: token and trimmed word bounds. */
  private final int[] starts = new int[MAX_WORDS];

  private final int[] ends = new int[MAX_WORDS];
  private final int[] wordStarts = new int[MAX_WORDS];
  private final int[] wordEnds = new int[MAX_WORDS];
  private int words;
  private static final int MAX_WORDS = 64;

  /**
   * +1 when the nearest explicit time cue in the sentence says "after the dilation", -1 when it
   * says "before", 0 when there is none. Reads offsets only: no word becomes a String.
   */
  private int temporal(int sentence, int at) {
    Sentence s = sentences.get(sentence);
    int from = Math.max(s.start(), at - 160);
    int to = Math.min(s.end(), at + 160);
    words = 0;
    TokenCursor c = new TokenCursor(f, from, to, from);
    while (c.next() && words < MAX_WORDS) {
      if (c.isWord()) {
        starts[words] = c.start();
        ends[words] = c.end();
        wordStarts[words] = c.wordStart();
        wordEnds[words] = c.wordEnd();
        words++;
      }
    }
    int best = 0;
    int bestDistance = Integer.MAX_VALUE;
    for (int k = 0; k < words; k++) {
      int dir = cueDirection(k, at);
      if (dir != 0) {
        // The gap between the cue and the number: "predilatation 6 mm, postdilatation 14 mm".
        int d = starts[k] < at ? at - ends[k] : starts[k] - at;
        if (d < bestDistance) {
          bestDistance = d;
          best = dir;
        }
      }
    }
    return best;
  }

  private static final WordSet BEFORE_IF_DILATION = WordSet.of("before", "prior");
  private static final WordSet AFTER_IF_DILATION = WordSet.of("after", "following", "status");
  private static final WordSet BEFORE_ALWAYS =
      WordSet.of("initially", "initial", "originally", "baseline", "beforehand");

  /** After "before": a verb or a pronoun, so "before" says when ("the lumen before was 10 mm"). */
  private static final WordSet AFTER_A_LONE_BEFORE =
      WordSet.of("was", "were", "is", "measured", "measuring", "it", "this");

  private static final WordSet AFTER_ALWAYS =
      WordSet.of(
          "afterwards",
          "afterward",
          "thereafter",
          "subsequently",
          "resulting",
          "final",
          "finally",
          "achieved",
          "improved",
          "increased",
          "widened",
          "enlarged",
          "opened");

  /** What "dilated" names when followed by one of these: "the dilated stricture". */
  private static final WordSet DILATED_PLACE =
      WordSet.of("segment", "area", "site", "lumen", "region", "portion");

  /** Words right before "dilated" that put that dilation at another time. */
  private static final WordSet OTHER_TIME_BEFORE =
      WordSet.of("previously", "prior", "recently", "earlier", "already", "formerly", "last");

  /** Words that put a dilation named near them at another time than this session. */
  private static final WordSet OTHER_TIME =
      WordSet.of(
          "previous",
          "previously",
          "prior",
          "last",
          "earlier",
          "recent",
          "ago",
          "yesterday",
          "morning",
          "morning's",
          "afternoon",
          "week",
          "weeks",
          "month",
          "months",
          "year",
          "years");

  private static final WordSet DILATION_NOUNS = WordSet.of("treatment", "therapy", "intervention");

  private boolean in(int k, WordSet set) {
    return set.contains(f, wordStarts[k], wordEnds[k]);
  }

  private boolean is(int k, String w) {
    return wordEnds[k] - wordStarts[k] == w.length() && f.startsWith(w, wordStarts[k]);
  }

  private boolean startsWith(int k, String prefix) {
    return wordEnds[k] - wordStarts[k] >= prefix.length() && f.startsWith(prefix, wordStarts[k]);
  }

  private int cueDirection(int k, int at) {
    int side = SizeCues.dilationSide(f, wordStarts[k], wordEnds[k]);
    if (side != 0) {
      // "pre-dil", "post-dilation"; a bare "pre"/"post" only as a label ("Pre ~7 mm", "post:
      // 15mm") or before a dilation word ("post balloon").
      boolean bare = is(k, "pre") || is(k, "post");
      if (bare) {
        if (wordEnds[k] < f.length() && f.charAt(wordEnds[k]) == ':' && !labelsANumber(k)) {
          // "Post: admits the pediatric colonoscope": the label dates what it heads
          return side;
        }
        if (labelsANumber(k)) {
          // "pre ~6mm post ~11mm": a bare label dates only the number it labels
          return Math.abs(wordStarts[k + 1] - at) <= 2 ? side : 0;
        }
        return dilationWithin(k) ? side : 0;
      }
      return otherTimeWithin(k + 1, k + 4) ? 0 : side;
    }
    if (in(k, BEFORE_IF_DILATION)) {
      return dilationWithin(k) || standsAlone(k) ? -1 : 0;
    }
    if (in(k, AFTER_IF_DILATION)) {
      return dilationWithin(k) || (is(k, "after") && f.startsWith(":", wordEnds[k])) ? 1 : 0;
    }
    if (in(k, BEFORE_ALWAYS)) {
      return -1;
    }
    if (in(k, AFTER_ALWAYS)) {
      // not "by comparison to the opened biopsy forceps": the device's state, not a time
      return k + 1 < words && in(k + 1, SizeCues.OPENED_DEVICES) ? 0 : 1;
    }
    if (is(k, "dilated")) {
      if (k > 0 && in(k - 1, OTHER_TIME_BEFORE)) {
        // "the previously dilated stricture": dilated some other time, narrow again now.
        return 0;
      }
      if (k + 1 < words && (startsWith(k + 1, "strictur") || in(k + 1, DILATED_PLACE))) {
        return 1;
      }
    }
    return 0;
  }

  /**
   * "The lumen before was 10 mm", "it measured 10 mm before": an adverb of this procedure's time,
   * with a verb or nothing after it rather than the thing it precedes.
   */
  private boolean standsAlone(int k) {
    // or it ends a label: "Diameter before: approximately 9 mm"
    return k + 1 >= words || in(k + 1, AFTER_A_LONE_BEFORE) || f.startsWith(":", wordEnds[k]);
  }

  /** "Pre 7mm", "post ~15 mm": the next word is a number (punctuation is not a word). */
  private boolean labelsANumber(int k) {
    if (k + 1 >= words) {
      return false;
    }
    int at = wordStarts[k + 1];
    while (at < wordEnds[k + 1] && (f.charAt(at) == '~' || f.charAt(at) == '\u2248')) {
      at++;
    }
    return at < f.length() && Character.isDigit(f.charAt(at));
  }

  /**
   * Whether a dilation word follows word {@code k} closely, and that dilation is this session's:
   * "after the previous dilation", "after dilation 2 weeks ago" and "status post dilation this
   * morning" speak of another one.
   */
  private boolean dilationWithin(int k) {
    int limit = Math.min(words, k + 4);
    for (int j = k + 1; j < limit; j++) {
      if (in(j, OTHER_TIME)) {
        return false;
      }
      if (isDilationWord(j)) {
        return !otherTimeWithin(j + 1, j + 4);
      }
    }
    return false;
  }

  private boolean otherTimeWithin(int from, int to) {
    for (int t = from; t < Math.min(words, to); t++) {
      if (in(t, OTHER_TIME)) {
        return true;
      }
    }
    return false;
  }

  private boolean isDilationWord(int k) {
    return startsWith(k, "dilat")
        || startsWith(k, "inflat")
        || startsWith(k, "balloon")
        || in(k, DILATION_NOUNS);
  }
}
