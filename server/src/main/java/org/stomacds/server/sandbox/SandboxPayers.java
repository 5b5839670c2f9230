package org.stomacds.server.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stomacds.engine.payer.KnownPayer;
import org.stomacds.engine.payer.LineOfBusiness;
import org.stomacds.engine.payer.Payer;
import org.stomacds.engine.payer.PayerIdentity;
import org.stomacds.engine.payer.PayerKey;
import org.stomacds.engine.payer.PayerMapping;

/**
 * The payers the sandbox offers in place of a case's own: every payer the engine's payer mapping
 * knows (a carrier commercially and as a Medicare Advantage plan, a government program on its own
 * line of business) and one it does not, each with what choosing it writes into the case (the payer
 * Organization's name and identifier, the Coverage's type and plan name). Each option is read back
 * through the same mapping before it is offered, and its label is the engine's own words for the
 * payer it reads; an option the mapping would read as another payer or line of business (an
 * operator file can shadow a shipped name) is left out.
 */
final class SandboxPayers {

  private static final Logger log = LoggerFactory.getLogger(SandboxPayers.class);

  /** The system of the payer identifiers written into a case (the fixtures' own). */
  static final String PAYER_ID_SYSTEM = "https://stomacds.org/fixtures/payer-id";

  /** A payer no mapping entry names: the sandbox's way to show what an unknown payer gets. */
  static final String UNKNOWN_PAYER = "Harbor Mutual Health Plan";

  record Identifier(String system, String value) {}

  record Coding(String system, String code) {}

  record CodeableConcept(List<Coding> coding) {}

  /**
   * One payer choice.
   *
   * @param id stable id (the page's select value and {@code ?payer=})
   * @param label the engine's words for the payer it reads ("Cigna (commercial)")
   * @param name the payer Organization's name written into the case
   * @param identifier the payer Organization's identifiers written into the case
   * @param type the {@code Coverage.type} written into the case
   * @param plan the plan name written into the case's {@code Coverage.class} of type plan
   * @param key the payer key the engine reads
   * @param licensee the BCBS licensee the engine reads, or null
   * @param lineOfBusiness the line of business the engine reads
   */
  record Option(
      String id,
      String label,
      String name,
      List<Identifier> identifier,
      CodeableConcept type,
      String plan,
      PayerKey key,
      String licensee,
      LineOfBusiness lineOfBusiness) {}

  /** The answer of {@code GET /sandbox/api/payers}. */
  record Listing(List<Option> payers) {}

  private final List<Option> options;

  SandboxPayers(PayerMapping mapping) {
    Map<String, Option> byId = new LinkedHashMap<>();
    for (KnownPayer known : mapping.known()) {
      List<LineOfBusiness> lines =
          known.government()
              ? List.of(known.defaultLineOfBusiness())
              : List.of(LineOfBusiness.COMMERCIAL, LineOfBusiness.MEDICARE_ADVANTAGE);
      for (LineOfBusiness line : lines) {
        option(mapping, known, line).ifPresent(o -> byId.putIfAbsent(o.id(), o));
      }
    }
    KnownPayer unknown =
        new KnownPayer(
            PayerKey.UNKNOWN, null, false, UNKNOWN_PAYER, null, LineOfBusiness.COMMERCIAL);
    option(mapping, unknown, LineOfBusiness.COMMERCIAL).ifPresent(o -> byId.putIfAbsent(o.id(), o));
    this.options = List.copyOf(byId.values());
  }

  Listing listing() {
    return new Listing(options);
  }

  private static Optional<Option> option(
      PayerMapping mapping, KnownPayer known, LineOfBusiness line) {
    Optional<PayerIdentity.Code> type = mapping.coverageTypeSaying(line);
    if (type.isEmpty()) {
      return Optional.empty();
    }
    String name = name(known);
    List<Identifier> identifiers =
        known.identifier() == null
            ? List.of()
            : List.of(
                new Identifier(
                    known.identifier().system() == null
                        ? PAYER_ID_SYSTEM
                        : known.identifier().system(),
                    known.identifier().value()));
    String plan = line.label() + " plan";
    Payer read =
        mapping.resolve(
            new PayerIdentity(
                true,
                List.of(name),
                identifiers.stream()
                    .map(i -> new PayerIdentity.Code(i.system(), i.value()))
                    .toList(),
                List.of(type.get()),
                List.of(plan)));
    if (read.key() != known.key()
        || !Objects.equals(read.licensee(), known.licensee())
        || read.lineOfBusiness() != line) {
      log.warn("sandbox payer {} on {} is read as {}: not offered", name, line, read.display());
      return Optional.empty();
    }
    String label =
        read.key() == PayerKey.UNKNOWN && !known.government()
            ? "A payer stomacds does not know: " + read.display()
            : read.display();
    return Optional.of(
        new Option(
            slug(name + " " + line.label()),
            label,
            name,
            identifiers,
            new CodeableConcept(List.of(new Coding(type.get().system(), type.get().value()))),
            plan,
            read.key(),
            read.licensee(),
            read.lineOfBusiness()));
  }

  private static String name(KnownPayer known) {
    if (known.name() != null) {
      return known.name();
    }
    return known.licensee() != null ? known.licensee() : known.key().label();
  }

  private static String slug(String text) {
    StringBuilder out = new StringBuilder();
    for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
      if (!word.isEmpty()) {
        out.append(out.isEmpty() ? "" : "-").append(word);
      }
    }
    return out.toString();
  }

  /** The options, in the order offered. */
  List<Option> options() {
    return options;
  }
}
