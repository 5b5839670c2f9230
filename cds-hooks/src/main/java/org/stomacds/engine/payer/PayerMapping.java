package org.stomacds.engine.payer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.stomacds.engine.payer.MappingRows.Entry;
import org.stomacds.engine.payer.MappingRows.Hint;
import org.stomacds.engine.payer.MappingRows.Keyword;
import org.stomacds.engine.payer.MappingRows.TypeHint;
import org.stomacds.engine.payer.MappingRows.TypeSystem;
import org.stomacds.engine.rules.yaml.RuleFileException;
import org.stomacds.engine.rules.yaml.YamlFiles;

/**
 * Tells the payer and the line of business of a case from what its Organization and Coverage say,
 * through the mapping in {@code rules/payers.yaml} and any operator files added to it (entries of
 * operator files are tried first).
 *
 * <p>How it decides (the file's header says the same for operators):
 *
 * <ol>
 *   <li>The payer entry: an identifier match, else the longest name phrase of a carrier entry found
 *       in the Organization's name or aliases, else a government entry (Medicare, Medicaid).
 *   <li>The coverage-type hint: the first {@code Coverage.type} coding the mapping knows (longest
 *       code prefix for prefix systems such as the Source of Payment Typology).
 *   <li>The keyword hint: words in the payer and plan names ("medicare advantage", "medicaid").
 *   <li>The line of business: an explicit hint wins (Medicare fee-for-service, Medicare managed
 *       care, Medicaid); "Medicare" without more is Original Medicare when the payer is Medicare
 *       itself or absent, and Medicare Advantage when a private carrier runs it (a carrier does not
 *       run Original Medicare); a private-plan hint is commercial unless the names say Medicare or
 *       Medicaid; otherwise the entry's default.
 *   <li>The payer key: a carrier keeps its key whatever the line of business (a UnitedHealthcare
 *       Medicare Advantage plan is UNITEDHEALTHCARE + MEDICARE_ADVANTAGE); a government entry keeps
 *       its key only for its own line of business ("Medicare" on a Medicare Advantage coverage
 *       means the plan is not identified: UNKNOWN).
 * </ol>
 *
 * <p>{@link PayerMappingFile} reads the files, {@link PayerMatcher} finds the entry and hints; this
 * class decides from them. Immutable and thread-safe.
 */
public final class PayerMapping {

  static final String DEFAULT_RESOURCE = "rules/payers.yaml";

  private final PayerMatcher matcher;

  /**
   * Answers already worked out. Payers repeat from request to request; the cap keeps odd input from
   * growing it without bound (past the cap, answers are worked out each time).
   */
  private final Map<PayerIdentity, Payer> resolved = new ConcurrentHashMap<>();

  private static final int CACHE_LIMIT = 4096;

  private PayerMapping(MappingRows rows) {
    this.matcher = new PayerMatcher(rows);
  }

  /** The default mapping from the classpath. */
  public static PayerMapping loadDefault() {
    return load(List.of());
  }

  /**
   * The default mapping extended by operator files, tried first in the order given.
   *
   * @throws RuleFileException naming the file and line of the first problem
   */
  public static PayerMapping load(List<Path> operatorFiles) {
    MappingRows rows = new MappingRows();
    for (Path file : operatorFiles) {
      PayerMappingFile.read(YamlFiles.readFile(file), rows);
    }
    PayerMappingFile.read(
        YamlFiles.readResource(DEFAULT_RESOURCE, "classpath:" + DEFAULT_RESOURCE), rows);
    return new PayerMapping(rows);
  }

  /** Whether some entry names this BCBS (or other) licensee, for validating payer overlays. */
  public boolean knowsLicensee(PayerKey key, String licensee) {
    return licensees(key).contains(licensee);
  }

  /** The licensees the mapping knows for a payer key, sorted. */
  public Set<String> licensees(PayerKey key) {
    Set<String> licensees = new TreeSet<>();
    for (Entry entry : matcher.entries()) {
      if (entry.key() == key && entry.licensee() != null) {
        licensees.add(entry.licensee());
      }
    }
    return licensees;
  }

  /** The payers the mapping knows, operator entries first, each in its file's order. */
  public List<KnownPayer> known() {
    List<KnownPayer> known = new ArrayList<>(matcher.entries().size());
    for (Entry entry : matcher.entries()) {
      known.add(
          new KnownPayer(
              entry.key(),
              entry.licensee(),
              entry.government(),
              entry.firstName(),
              entry.identifiers().isEmpty() ? null : entry.identifiers().get(0),
              entry.defaultLineOfBusiness()));
    }
    return known;
  }

  /**
   * A {@code Coverage.type} coding that by itself says this line of business (the first code the
   * mapping lists with that meaning, in its type system's main URL), or empty when none does.
   */
  public Optional<PayerIdentity.Code> coverageTypeSaying(LineOfBusiness lineOfBusiness) {
    Hint wanted =
        switch (lineOfBusiness) {
          case ORIGINAL_MEDICARE -> Hint.MEDICARE_FEE_FOR_SERVICE;
          case MEDICARE_ADVANTAGE -> Hint.MEDICARE_MANAGED_CARE;
          case MEDICAID -> Hint.MEDICAID;
          case COMMERCIAL -> Hint.PRIVATE;
          case UNKNOWN -> null;
        };
    for (TypeSystem system : matcher.typeSystems()) {
      for (Map.Entry<String, TypeHint> code : system.codes().entrySet()) {
        if (wanted != null && code.getValue().hint() == wanted && code.getValue().payer() == null) {
          return Optional.of(
              new PayerIdentity.Code(system.systems().iterator().next(), code.getKey()));
        }
      }
    }
    return Optional.empty();
  }

  /** Decides the payer of a case. Never throws for odd input: what is not known is UNKNOWN. */
  public Payer resolve(PayerIdentity identity) {
    Payer payer = resolved.get(identity);
    if (payer == null) {
      payer = decide(identity);
      if (resolved.size() < CACHE_LIMIT) {
        resolved.put(identity, payer);
      }
    }
    return payer;
  }

  private Payer decide(PayerIdentity identity) {
    List<String> basis = new ArrayList<>();
    List<String> normalizedNames = new ArrayList<>(identity.names().size());
    for (String name : identity.names()) {
      if (name != null && !name.isBlank()) {
        normalizedNames.add(PayerMatcher.normalize(name));
      }
    }
    Entry entry = matcher.byIdentifier(identity.identifiers());
    if (entry != null) {
      basis.add("payer identifier matches the mapping for " + entry.describe());
    } else {
      entry = matcher.byName(normalizedNames, false);
      if (entry == null) {
        entry = matcher.byName(normalizedNames, true);
      }
      if (entry != null) {
        basis.add("payer name matches '" + entry.matchedPhrase(normalizedNames) + "'");
      }
    }

    TypeHint typeHint = null;
    for (PayerIdentity.Code coding : identity.coverageTypes()) {
      typeHint = matcher.typeHint(coding);
      if (typeHint != null) {
        basis.add(
            "Coverage.type "
                + coding.value()
                + " means "
                + typeHint.hint().words
                + (typeHint.payer() == null ? "" : " (" + typeHint.payer().label() + ")"));
        break;
      }
    }

    List<String> keywordTexts = new ArrayList<>(normalizedNames);
    for (String plan : identity.planNames()) {
      if (plan != null && !plan.isBlank()) {
        keywordTexts.add(PayerMatcher.normalize(plan));
      }
    }
    Keyword keyword = matcher.keyword(keywordTexts);
    if (keyword != null) {
      basis.add("the payer or plan name says '" + keyword.phrase().strip() + "'");
    }

    Hint hint = typeHint == null ? null : typeHint.hint();
    Hint words = keyword == null ? null : keyword.hint();
    boolean carrier = entry != null && !entry.government();
    LineOfBusiness lob =
        lineOfBusiness(hint, words, entry, carrier, identity.organizationPresent());

    PayerKey key;
    String licensee = null;
    if (carrier) {
      key = entry.key();
      licensee = entry.licensee();
    } else if (entry != null) {
      key = entry.defaultLineOfBusiness() == lob ? entry.key() : PayerKey.UNKNOWN;
      if (key == PayerKey.UNKNOWN && entry.key() != PayerKey.UNKNOWN) {
        basis.add(
            "the payer is named as "
                + entry.key().label()
                + " but the coverage is "
                + lob.label()
                + ": the plan itself is not identified");
      }
    } else if (typeHint != null && typeHint.payer() != null) {
      key = typeHint.payer();
    } else if (lob == LineOfBusiness.ORIGINAL_MEDICARE) {
      key = PayerKey.MEDICARE;
    } else {
      key = PayerKey.UNKNOWN;
    }
    if (entry == null && key == PayerKey.UNKNOWN) {
      basis.add(
          identity.organizationPresent()
              ? "no payer mapping entry matches the payer's name or identifiers"
              : "no payer Organization in the case");
    }
    String name = identity.names().isEmpty() ? null : identity.names().get(0);
    return new Payer(key, licensee, lob, name, basis);
  }

  private static LineOfBusiness lineOfBusiness(
      Hint hint, Hint words, Entry entry, boolean carrier, boolean organizationPresent) {
    if (hint == Hint.MEDICARE_FEE_FOR_SERVICE) {
      return LineOfBusiness.ORIGINAL_MEDICARE;
    }
    if (hint == Hint.MEDICARE_MANAGED_CARE) {
      return LineOfBusiness.MEDICARE_ADVANTAGE;
    }
    if (hint == Hint.MEDICAID) {
      return LineOfBusiness.MEDICAID;
    }
    if (words == Hint.MEDICARE_MANAGED_CARE) {
      return LineOfBusiness.MEDICARE_ADVANTAGE;
    }
    if (words == Hint.MEDICAID) {
      return LineOfBusiness.MEDICAID;
    }
    if (words == Hint.MEDICARE || hint == Hint.MEDICARE) {
      boolean unmappedOrganization = entry == null && organizationPresent;
      return carrier || unmappedOrganization
          ? LineOfBusiness.MEDICARE_ADVANTAGE
          : LineOfBusiness.ORIGINAL_MEDICARE;
    }
    if (hint == Hint.PRIVATE) {
      return LineOfBusiness.COMMERCIAL;
    }
    if (hint == Hint.PUBLIC) {
      return entry != null && entry.government()
          ? entry.defaultLineOfBusiness()
          : LineOfBusiness.UNKNOWN;
    }
    return entry == null ? LineOfBusiness.UNKNOWN : entry.defaultLineOfBusiness();
  }

  @Override
  public String toString() {
    return "PayerMapping[" + matcher.entries().size() + " entries]";
  }
}
