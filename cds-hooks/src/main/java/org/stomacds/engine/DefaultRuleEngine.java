package org.stomacds.engine;

import ca.uhn.fhir.context.FhirContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.stomacds.engine.facts.CaseFacts;
import org.stomacds.engine.facts.CodeSystems;
import org.stomacds.engine.facts.FactExtractor;
import org.stomacds.engine.facts.PackSubjects;
import org.stomacds.engine.findings.Finding;
import org.stomacds.engine.narrative.NoteReader;
import org.stomacds.engine.payer.PayerMapping;
import org.stomacds.engine.rules.CodeSet;
import org.stomacds.engine.rules.PackSubject;
import org.stomacds.engine.rules.RulePack;
import org.stomacds.engine.rules.ValueSets;
import org.stomacds.engine.rules.loading.RulePackLoader;
import org.stomacds.engine.terminology.Terminology;

/**
 * The rule engine: the rule packs (by default those listed in {@code rules/packs/index.txt}: 44405,
 * 44381, 45386), the terminology and the payer mapping, loaded once; each {@link #evaluate} reads
 * the request's resources into facts for each pack whose code the case is about and runs the pack
 * on them. Immutable and thread-safe: no per-request state lives in fields.
 *
 * <pre>{@code
 * RuleEngine engine = DefaultRuleEngine.loadDefault();
 * Evaluation result = engine.evaluate(
 *     new EvaluationRequest(resources, Set.of(Stage.DOCUMENTATION, Stage.CLAIM), Set.of()));
 *
 * // an operator's pack (a folder: pack.yaml and its data files) and payer mapping:
 * RuleEngine custom = DefaultRuleEngine.builder()
 *     .packFile(Path.of("/etc/stomacds/packs/cpt-44402/pack.yaml"))
 *     .payerMapping(Path.of("/etc/stomacds/payers-local.yaml"))
 *     .build();
 * }</pre>
 */
public final class DefaultRuleEngine implements RuleEngine {

  /** The application's packs, one pack file per line. */
  public static final String PACK_INDEX = "rules/packs/index.txt";

  private final List<LoadedPack> packs;
  private final PackSubjects subjects;
  private final String packVersion;
  private final Clock clock;

  /** A pack with the fact extractor made for its code. */
  private record LoadedPack(RulePack pack, FactExtractor facts, PackSubjects subjects) {}

  private DefaultRuleEngine(List<LoadedPack> packs, PackSubjects subjects, Clock clock) {
    this.packs = List.copyOf(packs);
    this.subjects = subjects;
    this.clock = clock;
    this.packVersion =
        packs.size() == 1
            ? packs.get(0).pack().version()
            : String.join(
                ", ", packs.stream().map(p -> p.pack().id() + " " + p.pack().version()).toList());
  }

  /** The default packs, terminology and payer mapping from the classpath. */
  public static DefaultRuleEngine loadDefault() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Evaluation evaluate(EvaluationRequest request) {
    List<Finding> findings = null;
    for (LoadedPack loaded : packs) {
      if (!request.packs().isEmpty() && !request.packs().contains(loaded.pack().id())) {
        continue;
      }
      if (!loaded.subjects().anyLiveSubject(request.resources())) {
        continue; // nothing in the case is about this pack's code: no facts to read
      }
      CaseFacts caseFacts =
          loaded.facts().extract(request.resources(), request.focus(), LocalDate.now(clock));
      List<Finding> found = loaded.pack().evaluate(caseFacts, request.stages());
      if (findings == null) {
        findings = found;
      } else {
        findings = merge(findings, found);
      }
    }
    return new Evaluation(packVersion, findings == null ? List.of() : findings);
  }

  /**
   * Two packs see the same claim: a rule they share that says the same thing about the same element
   * (a modifier on a line both read) is said once, as the first pack words it.
   */
  private static List<Finding> merge(List<Finding> first, List<Finding> more) {
    Map<List<String>, Finding> byWhat = new LinkedHashMap<>();
    for (Finding finding : first) {
      byWhat.putIfAbsent(key(finding), finding);
    }
    for (Finding finding : more) {
      byWhat.putIfAbsent(key(finding), finding);
    }
    return RulePack.inOrder(byWhat.values());
  }

  private static List<String> key(Finding finding) {
    return java.util.Arrays.asList(
        finding.ruleId(), finding.resource(), finding.expression(), finding.message());
  }

  @Override
  public String packVersion() {
    return packVersion;
  }

  @Override
  public List<RulePack> packs() {
    return packs.stream().map(LoadedPack::pack).toList();
  }

  @Override
  public PackSubjects subjects() {
    return subjects;
  }

  @Override
  public PackSubjects subjects(Set<String> packIds) {
    if (packIds.isEmpty()) {
      return subjects;
    }
    Set<String> codes = new LinkedHashSet<>();
    Set<String> anesthesia = new HashSet<>();
    for (LoadedPack loaded : packs) {
      if (packIds.contains(loaded.pack().id())) {
        codes.addAll(loaded.subjects().codes());
        anesthesia.addAll(loaded.subjects().anesthesiaCodes());
      }
    }
    return new PackSubjects(codes, anesthesia);
  }

  /** The loaded pack of a code, if any. */
  public Optional<RulePack> packFor(String code) {
    return packs.stream()
        .map(LoadedPack::pack)
        .filter(p -> p.subjectCode().equals(code))
        .findFirst();
  }

  /** Builds an engine; every file is validated when {@link #build()} runs. */
  public static final class Builder {
    private final List<Path> packFiles = new ArrayList<>();
    private final List<Path> payerMappings = new ArrayList<>();
    private boolean shippedPacks = true;
    private Terminology terminology;
    private Clock clock = Clock.systemDefaultZone();

    private Builder() {}

    /**
     * A pack file to load beside the shipped packs; a pack of a shipped pack's code replaces it
     * (its data files, and the pack it extends, are relative to it).
     */
    public Builder packFile(Path packFile) {
      packFiles.add(Objects.requireNonNull(packFile));
      return this;
    }

    /** A rule file to load instead of the shipped 44405 pack (kept for operators' settings). */
    public Builder ruleFile(Path ruleFile) {
      return packFile(ruleFile);
    }

    /** Only the packs given by {@link #packFile}, none of the shipped ones. */
    public Builder withoutShippedPacks() {
      shippedPacks = false;
      return this;
    }

    /** An operator payer mapping, tried before the default one. */
    public Builder payerMapping(Path file) {
      payerMappings.add(Objects.requireNonNull(file));
      return this;
    }

    /** A terminology already loaded (the server shares its own); default: the classpath's. */
    public Builder terminology(Terminology terminology) {
      this.terminology = Objects.requireNonNull(terminology);
      return this;
    }

    /** The clock that dates orders with no planned date. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /**
     * Loads and validates everything.
     *
     * @throws org.stomacds.engine.rules.yaml.RuleFileException with {@code file:line} for a bad
     *     rule file or payer mapping, or two packs of one code or id
     */
    public DefaultRuleEngine build() {
      Terminology terms =
          terminology != null ? terminology : Terminology.loadDefault(FhirContext.forR4Cached());
      PayerMapping payers = PayerMapping.load(payerMappings);
      ValueSets valueSets = new TerminologyValueSets(terms);
      RulePackLoader loader = new RulePackLoader(valueSets, payers);
      Map<String, RulePack> byCode = new LinkedHashMap<>();
      if (shippedPacks) {
        for (String resource : shippedPackResources()) {
          RulePack pack = loader.loadResource(resource);
          add(byCode, pack, false);
        }
      }
      for (Path file : packFiles) {
        add(byCode, loader.loadFile(file), true);
      }
      if (byCode.isEmpty()) {
        throw new IllegalStateException("no rule pack to load");
      }
      NoteReader notes = new NoteReader();
      List<LoadedPack> loaded = new ArrayList<>();
      Set<String> codes = new LinkedHashSet<>();
      Set<String> anesthesia = new HashSet<>();
      for (RulePack pack : byCode.values()) {
        PackSubject subject = pack.subject();
        Set<String> anesthesiaCodes = union(valueSets, subject.anesthesia());
        FactExtractor.Options options =
            new FactExtractor.Options(
                pack.subjectCode(),
                union(valueSets, subject.moderateSedation()),
                anesthesiaCodes,
                new GlobalDays(terms, pack));
        loaded.add(
            new LoadedPack(
                pack,
                new FactExtractor(payers, notes, options),
                new PackSubjects(Set.of(pack.subjectCode()), anesthesiaCodes)));
        codes.add(pack.subjectCode());
        anesthesia.addAll(anesthesiaCodes);
      }
      return new DefaultRuleEngine(loaded, new PackSubjects(codes, anesthesia), clock);
    }

    private static void add(Map<String, RulePack> byCode, RulePack pack, boolean replaces) {
      RulePack same = byCode.get(pack.subjectCode());
      if (same != null && !replaces) {
        throw new IllegalStateException(
            "two packs for code "
                + pack.subjectCode()
                + ": "
                + same.file()
                + " and "
                + pack.file());
      }
      for (RulePack other : byCode.values()) {
        if (other != same && other.id().equals(pack.id())) {
          throw new IllegalStateException(
              "two packs with id " + pack.id() + ": " + other.file() + " and " + pack.file());
        }
      }
      byCode.put(pack.subjectCode(), pack);
    }

    /** The pack files {@link #PACK_INDEX} lists (blank lines and {@code #} comments skipped). */
    static List<String> shippedPackResources() {
      InputStream in = DefaultRuleEngine.class.getClassLoader().getResourceAsStream(PACK_INDEX);
      if (in == null) {
        throw new IllegalStateException("the classpath lacks " + PACK_INDEX);
      }
      List<String> resources = new ArrayList<>();
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          String entry = line.strip();
          if (!entry.isEmpty() && !entry.startsWith("#")) {
            resources.add("rules/packs/" + entry);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return resources;
    }

    private static Set<String> union(ValueSets valueSets, List<String> ids) {
      Set<String> codes = new HashSet<>();
      for (String id : ids) {
        CodeSet set = valueSets.find(Terminology.VALUE_SET_BASE + id);
        if (set == null) {
          throw new IllegalStateException("the terminology lacks value set " + id);
        }
        codes.addAll(set.codes());
      }
      return codes;
    }
  }

  /**
   * Global days of a code: the terminology's {@code global-days} property, else the fee schedule
   * loaded with the pack.
   */
  private static final class GlobalDays implements FactExtractor.GlobalDays {
    private final Terminology terminology;
    private final RulePack pack;

    GlobalDays(Terminology terminology, RulePack pack) {
      this.terminology = terminology;
      this.pack = pack;
    }

    @Override
    public int of(String code) {
      String system = CodeSystems.serviceSystem(code);
      String days =
          terminology.lookup(system, code).flatMap(c -> c.property("global-days")).orElse(null);
      if (days != null) {
        return switch (days) {
          case "000" -> 0;
          case "010" -> 10;
          case "090" -> 90;
          default -> -1;
        };
      }
      return pack.data().globalDays(code);
    }
  }
}
