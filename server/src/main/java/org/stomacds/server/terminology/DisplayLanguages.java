package org.stomacds.server.terminology;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;
import org.hl7.fhir.r4.model.Resource;

/**
 * The languages our terminology's displays are written in, and whether a {@code displayLanguage}
 * parameter asks for one of them.
 *
 * <p>The languages are read from the terminology itself: each CodeSystem's {@code language} and the
 * languages of its designations (today: English only). A {@code displayLanguage} is read as an HTTP
 * language range list ({@code de}, {@code en-US}, {@code de, en;q=0.5}, {@code *}); it is satisfied
 * when one of its ranges matches a held language by RFC 4647 lookup ({@code en-US} falls back to
 * {@code en}), or is {@code *}. One that cannot be satisfied is refused with a 400 naming the
 * languages held: answering in English to a caller who asked for German alone would pass English
 * text off as the German it asked for. The {@code Accept-Language} header is not checked: browsers
 * send one on every request, and it states a preference, not a demand.
 */
final class DisplayLanguages {

  private final List<String> held;

  DisplayLanguages(List<String> held) {
    if (held.isEmpty()) {
      throw new IllegalArgumentException("the terminology declares no display language");
    }
    this.held = List.copyOf(held);
  }

  /** The languages of these resources' CodeSystems and of their designations. */
  static DisplayLanguages of(List<Resource> resources) {
    Set<String> languages = new TreeSet<>();
    for (Resource resource : resources) {
      if (resource instanceof CodeSystem codeSystem) {
        if (codeSystem.hasLanguage()) {
          languages.add(codeSystem.getLanguage().toLowerCase(Locale.ROOT));
        }
        designationLanguages(codeSystem.getConcept(), languages);
      }
    }
    return new DisplayLanguages(new ArrayList<>(languages));
  }

  private static void designationLanguages(
      List<ConceptDefinitionComponent> concepts, Set<String> languages) {
    for (ConceptDefinitionComponent concept : concepts) {
      concept.getDesignation().stream()
          .filter(d -> d.hasLanguage())
          .forEach(d -> languages.add(d.getLanguage().toLowerCase(Locale.ROOT)));
      designationLanguages(concept.getConcept(), languages);
    }
  }

  List<String> held() {
    return held;
  }

  /**
   * The held language a {@code displayLanguage} value is answered in.
   *
   * @throws ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException 400 when the value is
   *     not a language range list, or names no language held
   */
  String answer(String displayLanguage) {
    List<Locale.LanguageRange> ranges;
    try {
      ranges = Locale.LanguageRange.parse(displayLanguage.strip());
    } catch (IllegalArgumentException e) {
      throw TerminologyErrors.invalid(
          "displayLanguage '"
              + printable(displayLanguage)
              + "' is not a language tag (BCP 47, e.g. 'en' or 'en-US')");
    }
    if (ranges.stream().anyMatch(r -> r.getRange().equals("*") && r.getWeight() > 0)) {
      return held.get(0);
    }
    String match = Locale.lookupTag(ranges, held);
    if (match == null) {
      throw TerminologyErrors.notSupported(
          "displayLanguage '"
              + printable(displayLanguage)
              + "': this server's displays are written in "
              + String.join(", ", held)
              + " only; ask for "
              + held.get(0)
              + " (or leave displayLanguage out)");
    }
    return match;
  }

  /** The value as it may be quoted back: control and format characters removed, bounded. */
  static String printable(String value) {
    StringBuilder out = new StringBuilder();
    value
        .codePoints()
        .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
        .limit(40)
        .forEach(out::appendCodePoint);
    return out.toString();
  }
}
