package org.stomacds.engine.narrative;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Finds the phrasings of the {@link Lexicon} in a note, sentence by sentence, and gives each hit
 * its {@link Polarity} from the words around it.
 */
final class PhraseFinder {

  private final Lexicon lexicon;
  private final IndexedNote note;
  private final String f;
  private final List<Sentence> sentences;
  private final long[] features;
  private final Ints occurrences;
  private final int[] occurrencesFrom;
  private final boolean[] candidates;

  /** Per sentence, the first hypothetical / conditional cue; {@link #UNKNOWN} until needed. */
  private final int[] hypotheticalCue;

  private final int[] conditionalCue;
  private static final int UNKNOWN = Integer.MIN_VALUE;
  private final Matcher[] matchers;
  private final List<Hit> hits = new ArrayList<>();

  /**
   * The sentence's anchor occurrences per candidate trigger, in order: a list threaded through
   * {@link #entryOccurrence} and {@link #entryNext}, from {@link #firstEntry} (-1: none) to {@link
   * #lastEntry}. Built in the pass that finds the candidates, so a trigger walks only its own.
   */
  private final int[] firstEntry;

  private final int[] lastEntry;
  private final Ints entryOccurrence = new Ints();
  private final Ints entryNext = new Ints();

  /**
   * Per trigger that names required literals, where the last of them starts in the sentence (-1:
   * none, so it cannot match); no match starts after it.
   */
  private final int[] lastHeld;

  /** Once a stricture is affirmed, further mentions add nothing to the count of at least one. */
  private boolean strictureSeen;

  private record Raw(Trigger trigger, int start, int end, String group) {}

  PhraseFinder(IndexedNote note) {
    this.note = note;
    this.lexicon = note.lexicon;
    this.f = note.f;
    this.sentences = note.sentences;
    this.features = note.features;
    this.occurrences = note.occurrences;
    this.occurrencesFrom = note.occurrencesFrom;
    int n = sentences.size();
    this.candidates = new boolean[lexicon.triggers.size()];
    this.hypotheticalCue = new int[n];
    this.conditionalCue = new int[n];
    Arrays.fill(hypotheticalCue, UNKNOWN);
    Arrays.fill(conditionalCue, UNKNOWN);
    this.matchers = new Matcher[lexicon.triggers.size()];
    this.firstEntry = new int[lexicon.triggers.size()];
    this.lastEntry = new int[lexicon.triggers.size()];
    this.lastHeld = new int[lexicon.triggers.size()];
  }

  /** Every hit, sentence by sentence (within a sentence, by element then position). */
  List<Hit> find() {
    for (int i = 0; i < sentences.size(); i++) {
      phrases(i);
    }
    return hits;
  }

  private void phrases(int i) {
    Sentence s = sentences.get(i);
    List<Raw> raws = new ArrayList<>();
    List<Trigger> triggers = lexicon.triggers;
    Arrays.fill(candidates, false);
    for (int k : lexicon.unanchored) {
      candidates[k] = true;
    }
    entryOccurrence.clear();
    entryNext.clear();
    Arrays.fill(lastHeld, -1);
    for (int k = note.apartFrom[i]; k < note.apartFrom[i + 1]; k += 2) {
      for (int t : lexicon.triggersHolding[note.apart.get(k)]) {
        lastHeld[t] = Math.max(lastHeld[t], note.apart.get(k + 1));
      }
    }
    for (int k = occurrencesFrom[i]; k < occurrencesFrom[i + 1]; k += 3) {
      int id = occurrences.get(k);
      for (int t : lexicon.triggersHolding[id]) {
        lastHeld[t] = Math.max(lastHeld[t], occurrences.get(k + 1));
      }
      for (int t : lexicon.triggersByAnchor[id]) {
        if (!candidates[t]) {
          candidates[t] = true;
          firstEntry[t] = -1;
        }
        int e = entryOccurrence.size();
        entryOccurrence.add(k);
        entryNext.add(-1);
        if (firstEntry[t] < 0) {
          firstEntry[t] = e;
        } else {
          entryNext.set(lastEntry[t], e);
        }
        lastEntry[t] = e;
      }
    }
    for (int k = 0; k < triggers.size(); k++) {
      Trigger t = triggers.get(k);
      if (!candidates[k]
          || (lexicon.holds[k] && lastHeld[k] < 0)
          || !t.accepts(features[i], s.section())
          || (strictureSeen && t.tag() == Tag.DIST_BASE)) {
        continue;
      }
      if (t.leading()) {
        tryAtAnchors(i, s, k, t, raws);
        continue;
      }
      Matcher m = matcher(k).region(s.start(), s.end());
      while (m.find()) {
        accept(s, t, m, raws);
      }
    }
    if (!raws.isEmpty()) {
      polarize(i, s, raws);
    }
  }

  /**
   * Tries a leading trigger at the start of each word that holds one of its anchors. Its matcher is
   * fetched (and pointed at the note, which clears it) only when there is a start to try.
   */
  private void tryAtAnchors(int i, Sentence s, int trigger, Trigger t, List<Raw> raws) {
    Matcher m = null;
    int lastStart = -1;
    int lastEnd = -1;
    int latest = lexicon.holds[trigger] ? lastHeld[trigger] : Integer.MAX_VALUE;
    // The trigger's own anchor occurrences, in order (each holds one of its anchors).
    for (int e = firstEntry[trigger]; e >= 0; e = entryNext.get(e)) {
      int k = entryOccurrence.get(e);
      if (!note.startsItsWord(k)) {
        continue;
      }
      int start = occurrences.get(k + 2);
      if (start == lastStart || start < lastEnd || start > latest) {
        continue;
      }
      lastStart = start;
      if (m == null) {
        m = matcher(trigger);
      }
      m.region(start, s.end());
      if (m.lookingAt()) {
        lastEnd = m.end();
        accept(s, t, m, raws);
      }
    }
  }

  private void accept(Sentence s, Trigger t, Matcher m, List<Raw> raws) {
    if (m.end() > m.start() && (t.guard() == null || t.guard().accept(f, s, m.start(), m.end()))) {
      raws.add(new Raw(t, m.start(), m.end(), m.groupCount() >= 1 ? m.group(1) : null));
    }
  }

  private Matcher matcher(int k) {
    Matcher m = matchers[k];
    if (m == null) {
      // Let look-behinds see the words before a candidate start.
      m = lexicon.triggers.get(k).pattern().matcher(f).useTransparentBounds(true);
      matchers[k] = m;
    }
    return m;
  }

  /**
   * Gives each phrase its polarity. Phrases of one element joined into a list ("no bleeding,
   * perforation or tear") share the cue before the first and the cue after the last.
   */
  private void polarize(int i, Sentence s, List<Raw> raws) {
    raws.sort(Comparator.comparing((Raw r) -> r.trigger().element()).thenComparingInt(Raw::start));
    int n = raws.size();
    Cues.Cue[] pre = new Cues.Cue[n];
    Cues.Cue[] post = new Cues.Cue[n];
    Cues.Cue[] own = new Cues.Cue[n];
    int[] head = new int[n];
    int[] tail = new int[n];
    for (int j = 0; j < n; j++) {
      Raw r = raws.get(j);
      pre[j] = Cues.before(f, s.start(), r.start());
      post[j] = Cues.after(f, r.end(), s.end());
      Cues.Cue inner =
          r.trigger().innerNegation() ? Cues.inside(f, r.start(), r.end()) : Cues.Cue.NONE;
      own[j] = inner.or(pre[j]).or(post[j]);
      Raw p = j > 0 ? raws.get(j - 1) : null;
      boolean linked =
          p != null
              && p.trigger().element() == r.trigger().element()
              // a cue row's word ("no" before "bag-mask") is never one of a list of mentions
              && p.trigger().tag().isCue() == r.trigger().tag().isCue()
              && p.end() <= r.start()
              && Cues.joinsList(f, p.end(), r.start());
      head[j] = linked ? head[j - 1] : j;
    }
    for (int j = n - 1; j >= 0; j--) {
      tail[j] = j + 1 < n && head[j + 1] == head[j] ? tail[j + 1] : j;
    }
    for (int j = 0; j < n; j++) {
      Raw r = raws.get(j);
      Cues.Cue c = own[j];
      if (c == Cues.Cue.NONE && head[j] != j) {
        c = pre[head[j]];
      }
      if (c == Cues.Cue.NONE && tail[j] != j) {
        c = post[tail[j]];
      }
      Polarity polarity;
      if (c == Cues.Cue.UNRECORDED) {
        polarity = Polarity.UNRECORDED;
      } else if (c == Cues.Cue.ABSENT) {
        polarity =
            r.trigger().hypotheticalDrops() && conditional(i, s, r)
                ? Polarity.HYPOTHETICAL
                : Polarity.ABSENT;
      } else if (r.trigger().hypotheticalDrops() && hypothetical(i, s, r)) {
        polarity = Polarity.HYPOTHETICAL;
      } else {
        polarity = Polarity.AFFIRMED;
      }
      hits.add(new Hit(r.trigger(), i, r.start(), r.end(), polarity, r.group()));
      strictureSeen |= r.trigger().tag() == Tag.DIST_BASE && polarity == Polarity.AFFIRMED;
    }
  }

  /** "If the cecum cannot be reached": a negation inside a condition is no report either. */
  private boolean conditional(int i, Sentence s, Raw r) {
    if (conditionalCue[i] == UNKNOWN) {
      conditionalCue[i] =
          note.has(i, Feature.HYPOTHETICAL_CUE)
              ? Cues.firstConditionalCue(f, s.start(), s.end())
              : Integer.MAX_VALUE;
    }
    return conditionalCue[i] < r.start();
  }

  private boolean hypothetical(int i, Sentence s, Raw r) {
    if (!note.has(i, Feature.HYPOTHETICAL_CUE)) {
      // No cue word anywhere in the sentence: nothing to walk.
      return false;
    }
    if (Cues.modalAfter(f, r.end(), s.end())) {
      return true;
    }
    if (hypotheticalCue[i] == UNKNOWN) {
      hypotheticalCue[i] = Cues.firstHypotheticalCue(f, s.start(), s.end());
    }
    return hypotheticalCue[i] < r.start() && !opensALineAfter(hypotheticalCue[i], r.start());
  }

  /**
   * "s/p LAR c diverting loop ileo; GG enema: tight CRA" / "MAC/propofol (anesth) 1015-1042": a
   * phrase that opens its own line (after a short label at most, "Anes- GETA") states a new fact,
   * even where a terse note's long line was joined to it; a cue on an earlier line does not reach
   * it.
   */
  private boolean opensALineAfter(int cue, int start) {
    int nl = f.lastIndexOf('\n', start - 1);
    return nl > cue
        && LINE_OPENING.matcher(f).region(nl + 1, start).matches()
        // not a dictation's wrapped line: "the risks including\nperforation", "a risk
        // of\nperforation"
        && !MID_PHRASE.matcher(f).region(Math.max(0, nl - 16), nl).find();
  }

  /** A line that ends on a word or a mark that needs more after it. */
  private static final java.util.regex.Pattern MID_PHRASE =
      Rx.compile(
          "\\b(?:including|of|the|a|an|and|or|with|to|for|under|at|in|on|by|from|as|than|that|which"
              + "|is|was|were|be|been|no|not|any|some|his|her|their|our|risk|risks)\\s*$"
              // "the risks of bleeding,\nperforation and ...": a list going on
              + "|[,(/-]\\s*$");

  private static final java.util.regex.Pattern LINE_OPENING =
      Rx.compile("\\s*(?:[a-z/]{1,12}\\s*[-:]\\s*)?");
}
