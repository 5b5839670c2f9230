package org.stomacds.engine.payer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stomacds.engine.rules.yaml.YamlNode;

/**
 * The rows of the payer mapping, in the order they are tried (operator files first): payer entries,
 * coverage-type systems and keywords. {@link PayerMappingFile} fills them, {@link PayerMatcher}
 * reads them.
 */
final class MappingRows {

  final List<Entry> entries = new ArrayList<>();
  final List<TypeSystem> typeSystems = new ArrayList<>();
  final List<Keyword> keywords = new ArrayList<>();

  /** What a coverage type or a name says about the line of business. */
  enum Hint {
    MEDICARE_FEE_FOR_SERVICE("medicare-fee-for-service", "Medicare fee-for-service"),
    MEDICARE_MANAGED_CARE("medicare-managed-care", "Medicare managed care (Medicare Advantage)"),
    MEDICARE("medicare", "Medicare, kind not stated"),
    MEDICAID("medicaid", "Medicaid"),
    PRIVATE("private", "private insurance"),
    PUBLIC("public", "a public program, kind not stated"),
    OTHER("other", "another kind of coverage");

    final String id;
    final String words;

    Hint(String id, String words) {
      this.id = id;
      this.words = words;
    }

    static Hint parse(YamlNode node) {
      String text = node.asText();
      for (Hint hint : values()) {
        if (hint.id.equals(text)) {
          return hint;
        }
      }
      List<String> known = new ArrayList<>();
      for (Hint hint : values()) {
        known.add(hint.id);
      }
      throw node.error("unknown coverage meaning '" + text + "' (known: " + known + ")");
    }
  }

  /** What one coverage-type code means, and the payer it names when it names one. */
  record TypeHint(Hint hint, PayerKey payer) {}

  /** The codes of one coverage-type code system (matched exactly, or by longest prefix). */
  record TypeSystem(Set<String> systems, boolean prefix, Map<String, TypeHint> codes) {}

  /** A phrase of payer or plan names and what it says; {@code phrase} is normalized. */
  record Keyword(String phrase, Hint hint) {}

  /**
   * One payer of the mapping; {@code names} are normalized, longest first; {@code firstName} is the
   * first name as the file writes it (null when it lists identifiers only).
   */
  record Entry(
      PayerKey key,
      String licensee,
      boolean government,
      String firstName,
      List<String> names,
      List<PayerIdentity.Code> identifiers,
      LineOfBusiness defaultLineOfBusiness) {

    String describe() {
      return licensee == null ? key.label() : licensee;
    }

    String matchedPhrase(List<String> normalizedNames) {
      for (String phrase : names) {
        if (PayerMatcher.containsPhrase(normalizedNames, phrase)) {
          return phrase.strip();
        }
      }
      return names.isEmpty() ? "" : names.get(0).strip();
    }
  }
}
