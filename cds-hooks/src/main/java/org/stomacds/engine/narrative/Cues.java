package org.stomacds.engine.narrative;

/**
 * Negation, "not recorded" and hypothetical cues around a phrase, ConText-style but stricter about
 * scope: a negation word before a phrase reaches it only across words that cannot name something
 * else (articles, "evidence of", "significant", "was"...), so "passed without difficulty through
 * the stoma" does not negate the route, and a comma or "but" ends the scope. Lists ("no bleeding or
 * perforation") are handled by the caller, which links the phrases of one list. The cue words are
 * data: {@code narrative/context-rules.yaml} ({@link ContextRules}), sorted into these walks by
 * {@link CueSets}.
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

  private static final CueSets SETS = ContextRules.INSTANCE.sets;

  private static final int PRE_WINDOW = SETS.preWindow;
  private static final int POST_WINDOW = SETS.postWindow;
  private static final WordSet PRE_ABSENT = SETS.preAbsent;
  private static final WordSet UNRECORDED_BEFORE = SETS.unrecordedBefore;
  private static final WordSet UNRECORDED_AFTER = SETS.unrecordedAfter;

  /** "No record of X": seen before an absence word, it turns absence into "not recorded". */
  private static final WordSet RECORD_WORDS = SETS.recordWords;

  private static final WordSet PRE_FILLER = SETS.preFiller;
  private static final WordSet POST_FILLER = SETS.postFiller;
  private static final WordSet POST_ABSENT = SETS.postAbsent;

  /** After "not": these say the fact was not written down rather than that it did not happen. */
  private static final WordSet NOT_RECORDED = SETS.notRecorded;

  private static final WordSet HYPOTHETICAL_WORDS = SETS.hypothetical;
  private static final WordSet CONDITIONAL_WORDS = SETS.conditional;
  private static final WordSet MODALS_AFTER = SETS.modalsAfter;
  private static final WordSet CHECK_VERBS = SETS.checkVerbs;
  private static final WordSet LIST_WORDS = SETS.listWords;

  private Cues() {}

  /** Cue words before the phrase starting at {@code at}, back to the sentence start. */
  static Cue before(String s, int sentenceStart, int at) {
    TokenCursor c = new TokenCursor(s, sentenceStart, at, at);
    boolean recordSeen = false;
    int words = 0;
    while (c.prev()) {
      if (!c.isWord()) {
        if (SETS.preFillerMarks.indexOf(c.punct()) >= 0) {
          continue;
        }
        return Cue.NONE;
      }
      if (c.in(PRE_ABSENT) || endsWithOneOf(c, SETS.preAbsentSuffixes)) {
        return recordSeen ? Cue.UNRECORDED : Cue.ABSENT;
      }
      if (c.in(UNRECORDED_BEFORE)) {
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
        if (SETS.postFillerMarks.indexOf(p) >= 0) {
          continue;
        }
        return SETS.unrecordedMarks.indexOf(p) >= 0 ? Cue.UNRECORDED : Cue.NONE;
      }
      if (startsNotRecorded(c)) {
        return afterNot(c);
      }
      if (absentAfter(c)) {
        return Cue.ABSENT;
      }
      if (c.in(UNRECORDED_AFTER)) {
        return Cue.UNRECORDED;
      }
      if (c.in(SETS.postJoiners)) {
        // "inspected for bleeding and none was seen"
        return c.next() && c.in(POST_ABSENT) ? Cue.ABSENT : Cue.NONE;
      }
      for (String[] pair : SETS.postPairs) {
        if (c.is(pair[0])) {
          // "ruled out"
          return c.next() && c.is(pair[1]) ? Cue.ABSENT : Cue.NONE;
        }
      }
      if (!c.in(POST_FILLER) || ++words > POST_WINDOW) {
        return Cue.NONE;
      }
    }
    return Cue.NONE;
  }

  /** "Not" (or a word ending in "n't"): what follows may say "not recorded". */
  private static boolean startsNotRecorded(TokenCursor c) {
    return c.in(SETS.notTriggers) || endsWithOneOf(c, SETS.notTriggerSuffixes);
  }

  private static boolean absentAfter(TokenCursor c) {
    return (c.in(POST_ABSENT) || endsWithOneOf(c, SETS.postAbsentSuffixes)) && !c.startsDecimal();
  }

  private static boolean endsWithOneOf(TokenCursor c, String[] suffixes) {
    for (String suffix : suffixes) {
      if (c.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }

  private static Cue afterNot(TokenCursor c) {
    for (int i = 0; i <= SETS.notRecordedWindow && c.next(); i++) {
      if (!c.isWord()) {
        break;
      }
      if (c.in(NOT_RECORDED)) {
        return Cue.UNRECORDED;
      }
      if (!c.in(SETS.notRecordedFiller)) {
        break;
      }
    }
    return Cue.ABSENT;
  }

  /** Negation inside the phrase itself ("cecum was not reached"). */
  static Cue inside(String s, int from, int to) {
    TokenCursor c = new TokenCursor(s, from, to, from);
    while (c.next()) {
      if (c.isWord() && (c.in(SETS.inside) || endsWithOneOf(c, SETS.insideSuffixes))) {
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
        if (SETS.unrecordedMarks.indexOf(c.punct()) >= 0) {
          return Cue.UNRECORDED;
        }
        continue;
      }
      if (startsNotRecorded(c)) {
        return afterNot(c);
      }
      if (absentAfter(c)) {
        return Cue.ABSENT;
      }
      if (c.in(UNRECORDED_AFTER)) {
        return Cue.UNRECORDED;
      }
      return Cue.NONE;
    }
    return Cue.NONE;
  }

  /**
   * Where a sentence starts to talk about risks, plans, history or a search ("risks including
   * bleeding", "call if bleeding", "inspected for perforation"): the offset of the first such cue
   * word, {@code Integer.MAX_VALUE} when there is none. A phrase after it is hypothetical. Computed
   * once per sentence.
   */
  static int firstHypotheticalCue(String s, int from, int to) {
    return firstCue(s, from, to, false);
  }

  /**
   * Where a sentence turns conditional ("if", "should", "may"...): a phrase after this offset is
   * hypothetical even when negated ("if the cecum cannot be reached"); {@code Integer.MAX_VALUE}
   * when it does not.
   */
  static int firstConditionalCue(String s, int from, int to) {
    return firstCue(s, from, to, true);
  }

  private static int firstCue(String s, int from, int to, boolean conditionalOnly) {
    TokenCursor c = new TokenCursor(s, from, to, from);
    boolean checkVerbSeen = false;
    // A cue that starts a PSEUDO phrase ("prior" of "prior to") counts once the next word shows
    // that it does not.
    int pendingAt = -1;
    int pending = -1;
    boolean first = true;
    while (c.next()) {
      if (!c.isWord()) {
        if (pendingAt >= 0) {
          return pendingAt;
        }
        continue;
      }
      if (pendingAt >= 0 && !c.in(SETS.pseudoFollowers[pending])) {
        return pendingAt;
      }
      pendingAt = -1;
      boolean label = first && isHistoryLabel(s, c, to);
      first = false;
      if (conditionalOnly) {
        if (c.in(CONDITIONAL_WORDS)) {
          // "the scope would not pass ... no complications": a PSEUDO phrase ("would not") is no
          // condition either
          pending = pseudoHead(c);
          if (pending < 0) {
            return c.start();
          }
          pendingAt = c.start();
        }
      } else if (label) {
        // "History: now a stricture causing bloating": the heading of the history section, which
        // the sections read, not talk of the past; "history of perforation" still is.
        continue;
      } else if (c.in(HYPOTHETICAL_WORDS)) {
        pending = pseudoHead(c);
        if (pending < 0) {
          return c.start();
        }
        pendingAt = c.start();
      } else if (c.in(CHECK_VERBS)) {
        checkVerbSeen = true;
      } else if (checkVerbSeen
          && SETS.checkOpener != null
          && c.is(SETS.checkOpener)
          && !aLengthFollows(c)) {
        return c.start();
      }
    }
    return pendingAt >= 0 ? pendingAt : Integer.MAX_VALUE;
  }

  /**
   * "examined for 15 cm", "inspected for about 20 cm": a length looked over, not a thing looked
   * for.
   */
  private static boolean aLengthFollows(TokenCursor c) {
    TokenCursor next = c.copy();
    if (!next.next()) {
      return false;
    }
    if (next.in(ABOUT) && !next.next()) {
      return false;
    }
    String w = next.word();
    return w != null && !w.isEmpty() && (!Double.isNaN(NumberWords.parse(w)) || next.in(ABOUT));
  }

  private static final WordSet ABOUT =
      WordSet.of(Features.INSTANCE.wordsWith(Feature.ESTIMATE, "another", "nearly", "over"));

  /** "History:", "Hx:" opening a sentence: a label, the colon right after the word. */
  private static boolean isHistoryLabel(String s, TokenCursor c, int to) {
    int end = c.end();
    return (c.is("history") || c.is("hx")) && end < to && s.charAt(end) == ':';
  }

  private static int pseudoHead(TokenCursor c) {
    for (int i = 0; i < SETS.pseudoHeads.length; i++) {
      if (c.is(SETS.pseudoHeads[i])) {
        return i;
      }
    }
    return -1;
  }

  /** A modal or plan word right after the phrase: "fluoroscopy may be needed". */
  static boolean modalAfter(String s, int end, int sentenceEnd) {
    TokenCursor ahead = new TokenCursor(s, end, sentenceEnd, end);
    for (int i = 0; i <= SETS.modalWindow && ahead.next(); i++) {
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
        if (SETS.listMarks.indexOf(c.punct()) < 0) {
          return false;
        }
      } else if (!c.in(LIST_WORDS)) {
        return false;
      }
    }
    return true;
  }
}
