package org.stomacds.engine.payer;

import java.util.List;
import java.util.Map;
import org.stomacds.engine.payer.MappingRows.Entry;
import org.stomacds.engine.payer.MappingRows.Keyword;
import org.stomacds.engine.payer.MappingRows.TypeHint;
import org.stomacds.engine.payer.MappingRows.TypeSystem;

/**
 * Finds what the mapping's rows say about a payer as a case names it: the payer entry its
 * identifiers or names match, the hint of its {@code Coverage.type}, the hint of words in its payer
 * and plan names. Names are compared normalized ({@link #normalize}). Immutable.
 */
final class PayerMatcher {

  private final List<Entry> entries;
  private final List<TypeSystem> typeSystems;
  private final List<Keyword> keywords;

  PayerMatcher(MappingRows rows) {
    this.entries = List.copyOf(rows.entries);
    this.typeSystems = List.copyOf(rows.typeSystems);
    this.keywords = List.copyOf(rows.keywords);
  }

  List<TypeSystem> typeSystems() {
    return typeSystems;
  }

  List<Entry> entries() {
    return entries;
  }

  /** The first entry one of whose identifiers the case gives (same system when the entry says). */
  Entry byIdentifier(List<PayerIdentity.Code> identifiers) {
    for (Entry entry : entries) {
      for (PayerIdentity.Code wanted : entry.identifiers()) {
        for (PayerIdentity.Code given : identifiers) {
          if (given.value() != null
              && given.value().strip().equalsIgnoreCase(wanted.value())
              && (wanted.system() == null || wanted.system().equals(given.system()))) {
            return entry;
          }
        }
      }
    }
    return null;
  }

  /** The entry with the longest phrase found in a name; operator entries win ties (come first). */
  Entry byName(List<String> names, boolean government) {
    Entry best = null;
    int bestLength = 0;
    for (Entry entry : entries) {
      if (entry.government() != government) {
        continue;
      }
      for (String phrase : entry.names()) {
        if (phrase.length() > bestLength && containsPhrase(names, phrase)) {
          best = entry;
          bestLength = phrase.length();
        }
      }
    }
    return best;
  }

  /** What a coverage-type coding means: the first system that knows it, longest code first. */
  TypeHint typeHint(PayerIdentity.Code coding) {
    if (coding.value() == null) {
      return null;
    }
    String code = coding.value().strip();
    for (TypeSystem system : typeSystems) {
      if (!system.systems().contains(coding.system())) {
        continue;
      }
      TypeHint best = null;
      int bestLength = -1;
      for (Map.Entry<String, TypeHint> known : system.codes().entrySet()) {
        String key = known.getKey();
        boolean matches = system.prefix() ? code.startsWith(key) : code.equalsIgnoreCase(key);
        if (matches && key.length() > bestLength) {
          best = known.getValue();
          bestLength = key.length();
        }
      }
      if (best != null) {
        return best;
      }
    }
    return null;
  }

  /** The first keyword class (in file order: most specific first) any text contains. */
  Keyword keyword(List<String> texts) {
    for (Keyword keyword : keywords) {
      for (String text : texts) {
        if (text.contains(keyword.phrase())) {
          return keyword;
        }
      }
    }
    return null;
  }

  static boolean containsPhrase(List<String> names, String phrase) {
    for (String name : names) {
      if (name.contains(phrase)) {
        return true;
      }
    }
    return false;
  }

  /** Lower case, {@code &} as "and", every other non-alphanumeric a space, padded with spaces. */
  static String normalize(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append(' ');
    boolean space = true;
    for (int i = 0; i < text.length(); i++) {
      char c = Character.toLowerCase(text.charAt(i));
      if (c == '&') {
        if (!space) {
          out.append(' ');
        }
        out.append("and ");
        space = true;
      } else if (Character.isLetterOrDigit(c)) {
        out.append(c);
        space = false;
      } else if (!space) {
        out.append(' ');
        space = true;
      }
    }
    if (!space) {
      out.append(' ');
    }
    return out.toString();
  }
}
