package org.stomacds.engine.payer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.stomacds.engine.rules.yaml.RuleFileException;
import org.stomacds.engine.rules.yaml.YamlFiles;
import org.stomacds.engine.rules.yaml.YamlMap;
import org.stomacds.engine.rules.yaml.YamlNode;

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
 * Immutable and thread-safe.
 */
public final class PayerMapping {

  static final String DEFAULT_RESOURCE = "rules/payers.yaml";

  private final List<Entry> entries;
  private final List<TypeSystem> typeSystems;
  private final List<Keyword> keywords;

  /**
   * Answers already worked out. Payers repeat from request to request; the cap keeps odd input from
   * growing it without bound (past the cap, answers are worked out each time).
   */
  private final Map<PayerIdentity, Payer> resolved = new ConcurrentHashMap<>();

  private static final int CACHE_LIMIT = 4096;

  private PayerMapping(List<Entry> entries, List<TypeSystem> typeSystems, List<Keyword> keywords) {
    this.entries = List.copyOf(entries);
    this.typeSystems = List.copyOf(typeSystems);
    this.keywords = List.copyOf(keywords);
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
    List<Entry> entries = new ArrayList<>();
    List<TypeSystem> types = new ArrayList<>();
    List<Keyword> keywords = new ArrayList<>();
    for (Path file : operatorFiles) {
      read(YamlFiles.readFile(file), entries, types, keywords);
    }
    read(
        YamlFiles.readResource(DEFAULT_RESOURCE, "classpath:" + DEFAULT_RESOURCE),
        entries,
        types,
        keywords);
    return new PayerMapping(entries, types, keywords);
  }

  /** Whether some entry names this BCBS (or other) licensee, for validating payer overlays. */
  public boolean knowsLicensee(PayerKey key, String licensee) {
    return licensees(key).contains(licensee);
  }

  /** The licensees the mapping knows for a payer key, sorted. */
  public Set<String> licensees(PayerKey key) {
    Set<String> licensees = new TreeSet<>();
    for (Entry entry : entries) {
      if (entry.key == key && entry.licensee != null) {
        licensees.add(entry.licensee);
      }
    }
    return licensees;
  }

  /** The payers the mapping knows, operator entries first, each in its file's order. */
  public List<KnownPayer> known() {
    List<KnownPayer> known = new ArrayList<>(entries.size());
    for (Entry entry : entries) {
      known.add(
          new KnownPayer(
              entry.key,
              entry.licensee,
              entry.government,
              entry.firstName,
              entry.identifiers.isEmpty() ? null : entry.identifiers.get(0),
              entry.defaultLineOfBusiness));
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
    for (TypeSystem system : typeSystems) {
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
        normalizedNames.add(normalize(name));
      }
    }
    Entry entry = byIdentifier(identity.identifiers());
    if (entry != null) {
      basis.add("payer identifier matches the mapping for " + entry.describe());
    } else {
      entry = byName(normalizedNames, false);
      if (entry == null) {
        entry = byName(normalizedNames, true);
      }
      if (entry != null) {
        basis.add("payer name matches '" + entry.matchedPhrase(normalizedNames) + "'");
      }
    }

    TypeHint typeHint = null;
    for (PayerIdentity.Code coding : identity.coverageTypes()) {
      typeHint = typeHint(coding);
      if (typeHint != null) {
        basis.add(
            "Coverage.type "
                + coding.value()
                + " means "
                + typeHint.hint.words
                + (typeHint.payer == null ? "" : " (" + typeHint.payer.label() + ")"));
        break;
      }
    }

    List<String> keywordTexts = new ArrayList<>(normalizedNames);
    for (String plan : identity.planNames()) {
      if (plan != null && !plan.isBlank()) {
        keywordTexts.add(normalize(plan));
      }
    }
    Keyword keyword = keyword(keywordTexts);
    if (keyword != null) {
      basis.add("the payer or plan name says '" + keyword.phrase.strip() + "'");
    }

    Hint hint = typeHint == null ? null : typeHint.hint;
    Hint words = keyword == null ? null : keyword.hint;
    boolean carrier = entry != null && !entry.government;
    LineOfBusiness lob =
        lineOfBusiness(hint, words, entry, carrier, identity.organizationPresent());

    PayerKey key;
    String licensee = null;
    if (carrier) {
      key = entry.key;
      licensee = entry.licensee;
    } else if (entry != null) {
      key = entry.defaultLineOfBusiness == lob ? entry.key : PayerKey.UNKNOWN;
      if (key == PayerKey.UNKNOWN && entry.key != PayerKey.UNKNOWN) {
        basis.add(
            "the payer is named as "
                + entry.key.label()
                + " but the coverage is "
                + lob.label()
                + ": the plan itself is not identified");
      }
    } else if (typeHint != null && typeHint.payer != null) {
      key = typeHint.payer;
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
      return entry != null && entry.government
          ? entry.defaultLineOfBusiness
          : LineOfBusiness.UNKNOWN;
    }
    return entry == null ? LineOfBusiness.UNKNOWN : entry.defaultLineOfBusiness;
  }

  private Entry byIdentifier(List<PayerIdentity.Code> identifiers) {
    for (Entry entry : entries) {
      for (PayerIdentity.Code wanted : entry.identifiers) {
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
  private Entry byName(List<String> names, boolean government) {
    Entry best = null;
    int bestLength = 0;
    for (Entry entry : entries) {
      if (entry.government != government) {
        continue;
      }
      for (String phrase : entry.names) {
        if (phrase.length() > bestLength && containsPhrase(names, phrase)) {
          best = entry;
          bestLength = phrase.length();
        }
      }
    }
    return best;
  }

  private TypeHint typeHint(PayerIdentity.Code coding) {
    if (coding.value() == null) {
      return null;
    }
    String code = coding.value().strip();
    for (TypeSystem system : typeSystems) {
      if (!system.systems.contains(coding.system())) {
        continue;
      }
      TypeHint best = null;
      int bestLength = -1;
      for (Map.Entry<String, TypeHint> known : system.codes.entrySet()) {
        String key = known.getKey();
        boolean matches = system.prefix ? code.startsWith(key) : code.equalsIgnoreCase(key);
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
  private Keyword keyword(List<String> texts) {
    for (Keyword keyword : keywords) {
      for (String text : texts) {
        if (text.contains(keyword.phrase)) {
          return keyword;
        }
      }
    }
    return null;
  }

  private static boolean containsPhrase(List<String> names, String phrase) {
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

  // ---- loading -----------------------------------------------------------------------------

  private static void read(
      YamlMap root, List<Entry> entries, List<TypeSystem> types, List<Keyword> keywords) {
    root.allowOnly("payers", "coverage-types", "keywords");
    for (YamlNode node : root.list("payers")) {
      entries.add(readEntry(node.asMap()));
    }
    for (YamlNode node : root.list("coverage-types")) {
      types.add(readTypeSystem(node.asMap()));
    }
    if (root.has("keywords")) {
      YamlMap map = root.map("keywords");
      for (Map.Entry<String, YamlNode> entry : map.entries()) {
        Hint hint = Hint.parse(map.keyNode(entry.getKey()));
        if (hint != Hint.MEDICARE_MANAGED_CARE && hint != Hint.MEDICARE && hint != Hint.MEDICAID) {
          throw map.keyNode(entry.getKey())
              .error("keywords can only say medicare-managed-care, medicare or medicaid");
        }
        for (String phrase : entry.getValue().asTextList()) {
          keywords.add(new Keyword(normalize(phrase), hint));
        }
      }
    }
  }

  private static Entry readEntry(YamlMap map) {
    map.allowOnly(
        "key", "licensee", "government", "names", "identifiers", "default-line-of-business");
    PayerKey key = parseKey(map.require("key"));
    String licensee = map.optText("licensee").orElse(null);
    if (licensee != null && key != PayerKey.BCBS) {
      throw map.require("licensee").error("only BCBS entries have a licensee");
    }
    boolean government = map.get("government").map(YamlNode::asBoolean).orElse(false);
    List<String> written = map.textList("names");
    List<String> names = new ArrayList<>();
    for (String name : written) {
      names.add(normalize(name));
    }
    List<PayerIdentity.Code> identifiers = new ArrayList<>();
    for (YamlNode node : map.list("identifiers")) {
      YamlMap identifier = node.asMap().allowOnly("system", "value", "note");
      identifiers.add(
          new PayerIdentity.Code(
              identifier.optText("system").orElse(null), identifier.text("value")));
    }
    if (names.isEmpty() && identifiers.isEmpty()) {
      throw map.error("a payer entry needs names or identifiers");
    }
    LineOfBusiness lob = parseLob(map.require("default-line-of-business"));
    names.sort(Comparator.comparingInt(String::length).reversed());
    String firstName = written.isEmpty() ? null : written.get(0).strip();
    return new Entry(key, licensee, government, firstName, names, identifiers, lob);
  }

  private static TypeSystem readTypeSystem(YamlMap map) {
    map.allowOnly("system", "aliases", "match", "codes");
    Set<String> systems = new LinkedHashSet<>();
    systems.add(map.text("system"));
    systems.addAll(map.textList("aliases"));
    String match = map.optText("match").orElse("exact");
    if (!match.equals("exact") && !match.equals("prefix")) {
      throw map.require("match").error("match must be exact or prefix, not '" + match + "'");
    }
    YamlMap codes = map.map("codes");
    Map<String, TypeHint> hints = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, YamlNode> code : codes.entries()) {
      YamlNode value = code.getValue();
      if (value.isMap()) {
        YamlMap detail = value.asMap().allowOnly("means", "payer");
        PayerKey payer = detail.get("payer").map(PayerMapping::parseKey).orElse(null);
        hints.put(code.getKey(), new TypeHint(Hint.parse(detail.require("means")), payer));
      } else {
        hints.put(code.getKey(), new TypeHint(Hint.parse(value), null));
      }
    }
    return new TypeSystem(systems, match.equals("prefix"), hints);
  }

  static PayerKey parseKey(YamlNode node) {
    String text = node.asText();
    try {
      return PayerKey.valueOf(text);
    } catch (IllegalArgumentException e) {
      throw node.error(
          "unknown payer '" + text + "' (known: " + Arrays.toString(PayerKey.values()) + ")");
    }
  }

  static LineOfBusiness parseLob(YamlNode node) {
    String text = node.asText();
    try {
      return LineOfBusiness.valueOf(text);
    } catch (IllegalArgumentException e) {
      throw node.error(
          "unknown line of business '"
              + text
              + "' (known: "
              + Arrays.toString(LineOfBusiness.values())
              + ")");
    }
  }

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

  private record TypeHint(Hint hint, PayerKey payer) {}

  private record TypeSystem(Set<String> systems, boolean prefix, Map<String, TypeHint> codes) {}

  private record Keyword(String phrase, Hint hint) {}

  private record Entry(
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
        if (containsPhrase(normalizedNames, phrase)) {
          return phrase.strip();
        }
      }
      return names.isEmpty() ? "" : names.get(0).strip();
    }
  }

  @Override
  public String toString() {
    return "PayerMapping[" + entries.size() + " entries]";
  }
}
