package org.stomacds.engine.narrative;

import java.util.List;

/**
 * A note ready to be read: the text as given, its folded copy, its sentences, and every anchor
 * occurrence with the features each sentence holds. Built once per reading; read-only after.
 */
final class IndexedNote {

  final Lexicon lexicon;

  /** The note as given: evidence is quoted from it. */
  final String text;

  /** The folded copy every pattern reads (same length, so offsets are shared). */
  final String f;

  final List<Sentence> sentences;

  /** Per sentence, a bit per feature it holds (see {@link Features}). */
  final long[] features;

  /** Anchor occurrences as triples (id, anchor start, word start), sentence after sentence. */
  final Ints occurrences;

  /** Where each sentence's occurrences start in {@link #occurrences}; one extra at the end. */
  final int[] occurrencesFrom;

  /**
   * Occurrences of the literals that are only looked for, not tried at (the required literals of
   * the phrase rows, the service facts' literals), as pairs (id, start), sentence after sentence.
   */
  final Ints apart;

  /** Where each sentence's pairs start in {@link #apart}; one extra at the end. */
  final int[] apartFrom;

  /** What the note says was done, read from this index the first time a reader asks. */
  private ServiceReading service;

  IndexedNote(Lexicon lexicon, String text) {
    this.lexicon = lexicon;
    this.text = text;
    this.f = NoteText.fold(text);
    // About one anchor occurrence (three ints) per ten characters in a note: grow rarely.
    this.occurrences = new Ints(text.length() / 2 + 64);
    this.sentences = Segmenter.split(text, f);
    int n = sentences.size();
    this.features = new long[n];
    this.occurrencesFrom = new int[n + 1];
    this.apart = new Ints(text.length() / 8 + 16);
    this.apartFrom = new int[n + 1];
    for (int i = 0; i < n; i++) {
      Sentence s = sentences.get(i);
      occurrencesFrom[i] = occurrences.size();
      apartFrom[i] = apart.size();
      lexicon.scanner.scan(f, s.start(), s.end(), occurrences, apart);
      long found = 0;
      for (int k = occurrencesFrom[i]; k < occurrences.size(); k += 3) {
        found |= lexicon.featuresByAnchor[occurrences.get(k)];
      }
      features[i] = found;
    }
    occurrencesFrom[n] = occurrences.size();
    apartFrom[n] = apart.size();
  }

  /** Whether the sentence holds an anchor of any of the features. */
  /**
   * Whether one of the feature's words starts a word of the sentence ("cre", not "increased"): the
   * token form of a feature.
   */
  boolean hasWord(int sentence, Feature feature) {
    if (!has(sentence, feature)) {
      return false;
    }
    for (int k = occurrencesFrom[sentence]; k < occurrencesFrom[sentence + 1]; k += 3) {
      if ((lexicon.featuresByAnchor[occurrences.get(k)] & Lexicon.bit(feature)) != 0
          && occurrences.get(k + 1) == occurrences.get(k + 2)) {
        return true;
      }
    }
    return false;
  }

  boolean has(int sentence, Feature... wanted) {
    for (Feature feature : wanted) {
      if ((features[sentence] & Lexicon.bit(feature)) != 0) {
        return true;
      }
    }
    return false;
  }

  /** Whether the occurrence at {@code k} starts its word: a match is tried only there. */
  boolean startsItsWord(int k) {
    return occurrences.get(k + 1) == occurrences.get(k + 2);
  }

  /**
   * The service facts of this note ({@link ServiceReader}), read once from this same index: the
   * extent's end point and the facts a caller asks for share one reading.
   */
  ServiceReading service() {
    if (service == null) {
      service = ServiceReader.read(this);
    }
    return service;
  }
}
