package org.stomacds.engine;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.stomacds.engine.facts.CaseFacts;
import org.stomacds.engine.facts.CodeSystems;
import org.stomacds.engine.facts.FactExtractor;
import org.stomacds.engine.narrative.NoteReader;
import org.stomacds.engine.payer.PayerMapping;
import org.stomacds.engine.rules.CodeSet;
import org.stomacds.engine.rules.RulePack;
import org.stomacds.engine.rules.RulePackLoader;
import org.stomacds.engine.rules.ValueSets;
import org.stomacds.engine.terminology.Terminology;

/**
 * The rule engine: the rule pack (default {@code rules/cpt-44405.yaml}), the terminology and the
 * payer mapping, loaded once; each {@link #evaluate} reads the request's resources into facts and
 * runs the pack on them. Immutable and thread-safe: no per-request state lives in fields.
 *
 * <pre>{@code
 * RuleEngine engine = DefaultRuleEngine.loadDefault();
 * Evaluation result = engine.evaluate(
 *     new EvaluationRequest(resources, Set.of(Stage.DOCUMENTATION, Stage.CLAIM), Set.of()));
 *
 * // an operator's rule file and payer mapping:
 * RuleEngine custom = DefaultRuleEngine.builder()
 *     .ruleFile(Path.of("/etc/stomacds/cpt-44405.yaml"))
 *     .payerMapping(Path.of("/etc/stomacds/payers-local.yaml"))
 *     .build();
 * }</pre>
 */
public final class DefaultRuleEngine implements RuleEngine {

  private final RulePack pack;
  private final FactExtractor facts;
  private final Clock clock;

  private DefaultRuleEngine(RulePack pack, FactExtractor facts, Clock clock) {
    this.pack = pack;
    this.facts = facts;
    this.clock = clock;
  }

  /** The default pack, terminology and payer mapping from the classpath. */
  public static DefaultRuleEngine loadDefault() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Evaluation evaluate(EvaluationRequest request) {
    CaseFacts caseFacts = facts.extract(request.resources(), request.focus(), LocalDate.now(clock));
    return new Evaluation(pack.version(), pack.evaluate(caseFacts, request.stages()));
  }

  @Override
  public String packVersion() {
    return pack.version();
  }

  /** The loaded pack (for the reference, the CDS service's metadata and tests). */
  public RulePack pack() {
    return pack;
  }

  /** Builds an engine; every file is validated when {@link #build()} runs. */
  public static final class Builder {
    private Path ruleFile;
    private final List<Path> payerMappings = new ArrayList<>();
    private Terminology terminology;
    private Clock clock = Clock.systemDefaultZone();

    private Builder() {}

    /** A rule file to load instead of the default pack (its data files are relative to it). */
    public Builder ruleFile(Path ruleFile) {
      this.ruleFile = Objects.requireNonNull(ruleFile);
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
     *     rule file or payer mapping
     */
    public DefaultRuleEngine build() {
      Terminology terms =
          terminology != null ? terminology : Terminology.loadDefault(FhirContext.forR4Cached());
      PayerMapping payers = PayerMapping.load(payerMappings);
      ValueSets valueSets = new TerminologyValueSets(terms);
      RulePackLoader loader = new RulePackLoader(valueSets, payers);
      RulePack pack =
          ruleFile == null
              ? loader.loadResource(RulePackLoader.DEFAULT_RESOURCE)
              : loader.loadFile(ruleFile);
      FactExtractor.Options options =
          new FactExtractor.Options(
              pack.subjectCode(),
              union(
                  valueSets,
                  "moderate-sedation-same-physician",
                  "moderate-sedation-other-physician"),
              union(valueSets, "lower-gi-anesthesia"),
              new GlobalDays(terms, pack));
      return new DefaultRuleEngine(
          pack, new FactExtractor(payers, new NoteReader(), options), clock);
    }

    private static Set<String> union(ValueSets valueSets, String... ids) {
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
