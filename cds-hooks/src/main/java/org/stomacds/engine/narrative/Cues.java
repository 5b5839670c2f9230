package org.stomacds.engine.narrative;

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

  private static final WordSet PRE_ABSENT =
      WordSet.of(
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

  private static final WordSet UNRECORDED_WORDS =
      WordSet.of(
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
  private static final WordSet RECORD_WORDS =
      WordSet.of("record", "records", "documentation", "mention", "information", "data", "note");

  private static final WordSet PRE_FILLER =
      WordSet.of(
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

  private static final WordSet POST_FILLER =
      WordSet.of(
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

  private static final WordSet POST_ABSENT =
      WordSet.of(
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
  private static final WordSet NOT_RECORDED =
      WordSet.of(
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

  private static final WordSet HYPOTHETICAL_WORDS =
      WordSet.of(
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

  private static final WordSet CONDITIONAL_WORDS =
      WordSet.of("if", "unless", "whether", "should", "would", "will", "may", "might");

  private static final WordSet MODALS_AFTER =
      WordSet.of("may", "might", "will", "would", "should", "could", "if", "planned", "considered");

  private static final WordSet CHECK_VERBS =
      WordSet.of(
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

  private static final WordSet LIST_WORDS =
      WordSet.of(
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
      if (!c.isWord()) {
        if (c.punct() == '(' || c.punct() == '"') {
          continue;
        }
        return Cue.NONE;
      }
      if (c.in(PRE_ABSENT) || c.endsWith("n't")) {
        return recordSeen ? Cue.UNRECORDED : Cue.ABSENT;
      }
      if (c.in(UNRECORDED_WORDS)) {
        return Cue.UNRECORDED;
      }
      if (c.in(RECORD_WORDS)) {
        recordSeen = true;
      } else if (!c.in(PRE_FILLER)) {
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
      if (!c.isWord()) {
        char p = c.punct();
        if (p == ':' || p == '-' || p == '=' || p == '(') {
          continue;
        }
        return p == '?' || p == '_' ? Cue.UNRECORDED : Cue.NONE;
      }
      if (c.is("not") || c.endsWith("n't")) {
        return afterNot(c);
      }
      if (c.in(POST_ABSENT) && !c.startsDecimal()) {
        return Cue.ABSENT;
      }
      if (c.in(UNRECORDED_WORDS)) {
        return Cue.UNRECORDED;
      }
      if (c.is("and")) {
        // "inspected for bleeding and none was seen"
        return c.next() && c.in(POST_ABSENT) ? Cue.ABSENT : Cue.NONE;
      }
      if (c.is("ruled") && c.next() && "out".equals(c.word())) {
        return Cue.ABSENT;
      }
      if (!c.in(POST_FILLER) || ++words > POST_WINDOW) {
        return Cue.NONE;
      }
    }
    return Cue.NONE;
  }

  private static Cue afterNot(TokenCursor c) {
    for (int i = 0; i < 3 && c.next(); i++) {
      if (!c.isWord()) {
        break;
      }
      if (c.in(NOT_RECORDED)) {
        return Cue.UNRECORDED;
      }
      if (!c.is("be") && !c.is("been") && !c.is("clearly") && !c.is("well")) {
        break;
      }
    }
    return Cue.ABSENT;
  }

  /** Negation inside the phrase itself ("cecum was not reached"). */
  static Cue inside(String s, int from, int to) {
    TokenCursor c = new TokenCursor(s, from, to, from);
    while (c.next()) {
      if (c.isWord()
          && (c.is("not")
              || c.is("no")
              || c.is("never")
              || c.is("unable")
              || c.is("failed")
              || c.is("cannot")
              || c.endsWith("n't"))) {
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
      if (!c.isWord()) {
        if (c.punct() == '?' || c.punct() == '_') {
          return Cue.UNRECORDED;
        }
        continue;
      }
      if (c.is("not") || c.endsWith("n't")) {
        return afterNot(c);
      }
      if (c.in(POST_ABSENT) && !c.startsDecimal()) {
        return Cue.ABSENT;
      }
      if (c.in(UNRECORDED_WORDS)) {
        return Cue.UNRECORDED;
      }
      return Cue.NONE;
    }
    return Cue.NONE;
  }

  /**
   * Where a sentence starts to talk about risks, plans, history or a search ("risks including
   * bleeding", "call if bleeding", "inspected for perforation"): the offsets of those cue words, in
   * order. A phrase after one of them is hypothetical. Computed once per sentence.
   */
  static int[] hypotheticalCues(String s, int from, int to) {
    return cues(s, from, to, false);
  }

  /**
   * Where a sentence turns conditional ("if", "should", "may"...): a phrase after one of these is
   * hypothetical even when negated ("if the cecum cannot be reached").
   */
  static int[] conditionalCues(String s, int from, int to) {
    return cues(s, from, to, true);
  }

  private static int[] cues(String s, int from, int to, boolean conditionalOnly) {
    Ints cues = new Ints();
    TokenCursor c = new TokenCursor(s, from, to, from);
    boolean checkVerbSeen = false;
    int priorAt = -1;
    while (c.next()) {
      if (!c.isWord()) {
        if (priorAt >= 0) {
          cues.add(priorAt);
          priorAt = -1;
        }
        continue;
      }
      if (priorAt >= 0 && !c.is("to")) {
        cues.add(priorAt);
      }
      priorAt = c.is("prior") && !conditionalOnly ? c.start() : -1;
      if (conditionalOnly) {
        if (c.in(CONDITIONAL_WORDS)) {
          cues.add(c.start());
        }
      } else if (c.in(HYPOTHETICAL_WORDS)) {
        cues.add(c.start());
      } else if (c.in(CHECK_VERBS)) {
        checkVerbSeen = true;
      } else if (checkVerbSeen && c.is("for")) {
        cues.add(c.start());
      }
    }
    if (priorAt >= 0) {
      cues.add(priorAt);
    }
    int[] out = new int[cues.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = cues.get(k);
    }
    return out;
  }

  /** A modal or plan word right after the phrase: "fluoroscopy may be needed". */
  static boolean modalAfter(String s, int end, int sentenceEnd) {
    TokenCursor ahead = new TokenCursor(s, end, sentenceEnd, end);
    for (int i = 0; i < 3 && ahead.next(); i++) {
      if (!ahead.isWord()) {
        return false;
      }
      if (ahead.in(MODALS_AFTER)) {
        return true;
      }
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
      if (!c.isWord()) {
        if (c.punct() != ',' && c.punct() != '/') {
          return false;
        }
      } else if (!c.in(LIST_WORDS)) {
        return false;
      }
    }
    return true;
  }
}
