package org.stomacds.engine.narrative;

import java.util.Set;

/**
 * Negation, "not recorded" and hypothetical cues around a phrase, NegEx-style but stricter about
 * scope: a negation word before a phrase reaches it only across words that cannot name something
 * else (articles, "evidence of", "significant", "was"...), so "passed without difficulty through
 * the stoma" does not negate the route, and a comma or "but" ends the scope. Lists ("no bleeding or
 * perforation") are handled by the caller, which links the phrases of one list.
 */
final class Cues {

  /** What the words next to a phrase say about it. */
  enum Cue {
    NONE,
    ABSENT,
    UNRECORDED;

    Cue or(Cue other) {
      if (this == UNRECORDED || other == UNRECORDED) {
        return UNRECORDED;
      }
      return this == ABSENT || other == ABSENT ? ABSENT : NONE;
    }
  }

  private static final int PRE_WINDOW = 6;
  private static final int POST_WINDOW = 4;
  private static final int HYPOTHETICAL_WINDOW = 40;

  private static final Set<String> PRE_ABSENT =
      Set.of(
          "no",
          "not",
          "without",
          "never",
          "none",
          "nor",
          "neither",
          "denies",
          "denied",
          "deny",
          "cannot",
          "can't",
          "didn't",
          "wasn't",
          "weren't",
          "couldn't",
          "isn't",
          "aren't",
          "doesn't",
          "don't",
          "won't",
          "wouldn't",
          "hasn't",
          "haven't",
          "hadn't",
          "unable",
          "failed",
          "fails",
          "fail",
          "lack",
          "lacks",
          "lacking",
          "absent",
          "absence",
          "free",
          "negative",
          "nil",
          "non",
          "zero");

  private static final Set<String> UNRECORDED_WORDS =
      Set.of(
          "unknown",
          "unrecorded",
          "undocumented",
          "unspecified",
          "unavailable",
          "unstated",
          "n/a",
          "na",
          "unk",
          "tbd");

  /** "No record of X": seen before an absence word, it turns absence into "not recorded". */
  private static final Set<String> RECORD_WORDS =
      Set.of("record", "records", "documentation", "mention", "information", "data", "note");

  private static final Set<String> PRE_FILLER =
      Set.of(
          "a",
          "an",
          "the",
          "any",
          "all",
          "further",
          "other",
          "obvious",
          "obviously",
          "significant",
          "significantly",
          "substantial",
          "major",
          "minor",
          "immediate",
          "immediately",
          "apparent",
          "evident",
          "visible",
          "active",
          "acute",
          "frank",
          "gross",
          "grossly",
          "clinically",
          "evidence",
          "sign",
          "signs",
          "of",
          "for",
          "need",
          "needed",
          "use",
          "used",
          "using",
          "was",
          "were",
          "is",
          "are",
          "be",
          "been",
          "being",
          "has",
          "have",
          "had",
          "did",
          "do",
          "does",
          "to",
          "with",
          "appreciable",
          "notable",
          "noticeable",
          "intraprocedural",
          "intra-procedural",
          "postprocedural",
          "post-procedural",
          "post-dilation",
          "postdilation",
          "post-dilatation",
          "procedural",
          "procedure-related",
          "periprocedural",
          "new",
          "recent",
          "such",
          "given",
          "performed",
          "administered",
          "require",
          "required",
          "requiring",
          "there",
          "also",
          "ongoing",
          "persistent",
          "excessive",
          "more",
          "untoward",
          "unexpected",
          "associated",
          "resultant",
          "clinical",
          "concerning",
          "definite",
          "definitive",
          "iv",
          "intravenous",
          "formal",
          // verbs that patterns look behind for ("did not reach the cecum")
          "reach",
          "reached",
          "advance",
          "advanced",
          "pass",
          "passed",
          "intubate",
          "intubated",
          "into",
          "until",
          "up",
          "level",
          "able");

  private static final Set<String> POST_FILLER =
      Set.of(
          "was",
          "were",
          "is",
          "are",
          "be",
          "been",
          "being",
          "has",
          "have",
          "had",
          "there",
          "did",
          "does",
          "do",
          "could",
          "would",
          "can",
          "also",
          "any",
          "so",
          "far",
          "reported",
          "noted",
          "seen",
          "identified",
          "observed",
          "encountered",
          "occurred",
          "type",
          "level",
          "details");

  private static final Set<String> POST_ABSENT =
      Set.of(
          "none",
          "nil",
          "no",
          "negative",
          "neg",
          "absent",
          "denied",
          "never",
          "excluded",
          "0",
          "zero",
          "nothing");

  /** After "not": these say the fact was not written down rather than that it did not happen. */
  private static final Set<String> NOT_RECORDED =
      Set.of(
          "recorded",
          "documented",
          "stated",
          "specified",
          "available",
          "reported",
          "measured",
          "charted",
          "listed",
          "entered",
          "captured",
          "known",
          "mentioned",
          "obtained",
          "applicable",
          "assessed",
          "recorded.",
          "documented.");

  private static final Set<String> HYPOTHETICAL_WORDS =
      Set.of(
          "risk",
          "risks",
          "consent",
          "consented",
          "discussed",
          "explained",
          "possible",
          "possibility",
          "potential",
          "potentially",
          "if",
          "should",
          "would",
          "may",
          "might",
          "will",
          "unless",
          "whether",
          "history",
          "h/o",
          "hx",
          "s/p",
          "previous",
          "previously",
          "concern",
          "suspected",
          "suspicion",
          "r/o",
          "exclude",
          "excluding",
          "warning",
          "call",
          "return");

  private static final Set<String> MODALS_AFTER =
      Set.of("may", "might", "will", "would", "should", "could", "if", "planned", "considered");

  private static final Set<String> CHECK_VERBS =
      Set.of(
          "check",
          "checked",
          "checking",
          "inspect",
          "inspected",
          "inspection",
          "assess",
          "assessed",
          "evaluate",
          "evaluated",
          "examined",
          "examine",
          "look",
          "looked",
          "looking",
          "survey",
          "surveyed",
          "monitor",
          "monitored",
          "monitoring",
          "watch",
          "watched",
          "observe",
          "observed",
          "observation",
          "screen",
          "screened",
          "rule",
          "ruled");

  private static final Set<String> LIST_WORDS =
      Set.of(
          "and",
          "or",
          "nor",
          "and/or",
          "as",
          "well",
          "any",
          "other",
          "significant",
          "immediate",
          "obvious",
          "also");

  private Cues() {}

  /** Cue words before the phrase starting at {@code at}, back to the sentence start. */
  static Cue before(String s, int sentenceStart, int at) {
    TokenCursor c = new TokenCursor(s, sentenceStart, at, at);
    boolean recordSeen = false;
    int words = 0;
    while (c.prev()) {
      String w = c.word();
      if (w == null) {
        if (c.punct() == '(' || c.punct() == '"') {
          continue;
        }
        return Cue.NONE;
      }
      if (PRE_ABSENT.contains(w) || w.endsWith("n't")) {
        return recordSeen ? Cue.UNRECORDED : Cue.ABSENT;
      }
      if (UNRECORDED_WORDS.contains(w)) {
        return Cue.UNRECORDED;
      }
      if (RECORD_WORDS.contains(w)) {
        recordSeen = true;
      } else if (!PRE_FILLER.contains(w)) {
        return Cue.NONE;
      }
      if (++words > PRE_WINDOW) {
        return Cue.NONE;
      }
    }
    return Cue.NONE;
  }

  /** Cue words after the phrase ending at {@code at}, up to the sentence end. */
  static Cue after(String s, int at, int sentenceEnd) {
    TokenCursor c = new TokenCursor(s, at, sentenceEnd, at);
    int words = 0;
    while (c.next()) {
      String w = c.word();
      if (w == null) {
        char p = c.punct();
        if (p == ':' || p == '-' || p == '=' || p == '(') {
          continue;
        }
        return p == '?' || p == '_' ? Cue.UNRECORDED : Cue.NONE;
      }
      if (w.equals("not") || w.endsWith("n't")) {
        return afterNot(c);
      }
      if (POST_ABSENT.contains(w)) {
        return Cue.ABSENT;
      }
      if (UNRECORDED_WORDS.contains(w)) {
        return Cue.UNRECORDED;
      }
      if (w.equals("and")) {
        // "inspected for bleeding and none was seen"
        return c.next() && c.word() != null && POST_ABSENT.contains(c.word())
            ? Cue.ABSENT
            : Cue.NONE;
      }
      if (w.equals("ruled") && c.next() && "out".equals(c.word())) {
        return Cue.ABSENT;
      }
      if (!POST_FILLER.contains(w) || ++words > POST_WINDOW) {
        return Cue.NONE;
      }
    }
    return Cue.NONE;
  }

  private static Cue afterNot(TokenCursor c) {
    for (int i = 0; i < 3 && c.next(); i++) {
      String w = c.word();
      if (w == null) {
        break;
      }
      if (NOT_RECORDED.contains(w)) {
        return Cue.UNRECORDED;
      }
      if (!w.equals("be") && !w.equals("been") && !w.equals("clearly") && !w.equals("well")) {
        break;
      }
    }
    return Cue.ABSENT;
  }

  /** Negation inside the phrase itself ("cecum was not reached"). */
  static Cue inside(String s, int from, int to) {
    TokenCursor c = new TokenCursor(s, from, to, from);
    while (c.next()) {
      String w = c.word();
      if (w != null
          && (w.equals("not")
              || w.equals("no")
              || w.equals("never")
              || w.equals("unable")
              || w.equals("failed")
              || w.equals("cannot")
              || w.endsWith("n't"))) {
        return Cue.ABSENT;
      }
    }
    return Cue.NONE;
  }

  /** What the content after a label says by its first words ("none", "not documented", "?"). */
  static Cue content(String s, int from, int to) {
    boolean anyText = false;
    for (int i = from; i < to && !anyText; i++) {
      anyText = Character.isLetterOrDigit(s.charAt(i));
    }
    if (!anyText) {
      return from < to ? Cue.UNRECORDED : Cue.NONE;
    }
    TokenCursor c = new TokenCursor(s, from, to, from);
    while (c.next()) {
      String w = c.word();
      if (w == null) {
        if (c.punct() == '?' || c.punct() == '_') {
          return Cue.UNRECORDED;
        }
        continue;
      }
      if (w.equals("not") || w.endsWith("n't")) {
        return afterNot(c);
      }
      if (POST_ABSENT.contains(w)) {
        return Cue.ABSENT;
      }
      if (UNRECORDED_WORDS.contains(w)) {
        return Cue.UNRECORDED;
      }
      return Cue.NONE;
    }
    return Cue.NONE;
  }

  /**
   * Whether the words around the phrase make it talk about risks, plans, history or a search
   * ("risks including bleeding", "call if bleeding", "inspected for perforation", "fluoroscopy may
   * be needed").
   */
  static boolean hypothetical(String s, int sentenceStart, int at, int end, int sentenceEnd) {
    TokenCursor ahead = new TokenCursor(s, end, sentenceEnd, end);
    for (int i = 0; i < 3 && ahead.next(); i++) {
      String w = ahead.word();
      if (w == null) {
        break;
      }
      if (MODALS_AFTER.contains(w)) {
        // "fluoroscopy may be needed next time", "bleeding could occur"
        return true;
      }
    }
    TokenCursor c = new TokenCursor(s, sentenceStart, at, at);
    boolean forSeen = false;
    String after = null;
    for (int i = 0; i < HYPOTHETICAL_WINDOW && c.prev(); i++) {
      String w = c.word();
      if (w == null) {
        after = null;
        continue;
      }
      if (w.equals("for")) {
        forSeen = true;
      } else if (forSeen && CHECK_VERBS.contains(w)) {
        return true;
      } else if (w.equals("prior") && !"to".equals(after)) {
        return true;
      } else if (HYPOTHETICAL_WORDS.contains(w)) {
        return true;
      }
      after = w;
    }
    return false;
  }

  /** Whether the text between two phrases only joins them into one list ("X, Y or Z"). */
  static boolean joinsList(String s, int from, int to) {
    if (to < from || to - from > 40) {
      return false;
    }
    TokenCursor c = new TokenCursor(s, from, to, from);
    while (c.next()) {
      String w = c.word();
      if (w == null) {
        if (c.punct() != ',' && c.punct() != '/') {
          return false;
        }
      } else if (!LIST_WORDS.contains(w)) {
        return false;
      }
    }
    return true;
  }
}
