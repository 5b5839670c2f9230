package org.stomacds.engine.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.stomacds.engine.facts.CaseFacts;
import org.stomacds.engine.facts.ClaimFacts;
import org.stomacds.engine.facts.OrderFacts;
import org.stomacds.engine.facts.ProcedureFacts;
import org.stomacds.engine.findings.Citation;
import org.stomacds.engine.findings.Finding;
import org.stomacds.engine.payer.Payer;
import org.stomacds.engine.rules.cms.CmsData;

/**
 * A loaded rule pack: its rules and payer overlays with their checks built, its sources and its CMS
 * data. Immutable and thread-safe; the rules that apply to a payer are worked out once per payer
 * profile and cached.
 */
public final class RulePack {

  /** Severity, then rule id, resource, expression and message: the same order every time. */
  static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::severity)
          .thenComparing(Finding::ruleId)
          .thenComparing(Finding::resource, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(Finding::expression, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(Finding::message, Comparator.nullsFirst(Comparator.naturalOrder()));

  private final String id;
  private final String version;
  private final String title;
  private final String description;
  private final PackSubject subject;
  private final Map<String, Map<String, String>> wording;
  private final String file;
  private final List<Citation> sources;
  private final CmsData data;
  private final List<CompiledRule> baseRules;
  private final List<CompiledOverlay> overlays;
  private final Map<String, List<CompiledRule>> byPayer = new ConcurrentHashMap<>();

  public RulePack(
      String id,
      String version,
      String title,
      String description,
      PackSubject subject,
      String file,
      List<Citation> sources,
      CmsData data,
      List<CompiledRule> baseRules,
      List<CompiledOverlay> overlays,
      Map<String, Map<String, String>> wording) {
    this.wording = wording;
    this.id = id;
    this.version = version;
    this.title = title;
    this.description = description;
    this.subject = subject;
    this.file = file;
    this.sources = List.copyOf(sources);
    this.data = data;
    this.baseRules = List.copyOf(baseRules);
    this.overlays = List.copyOf(overlays);
  }

  public String id() {
    return id;
  }

  public String version() {
    return version;
  }

  public String title() {
    return title;
  }

  public String description() {
    return description;
  }

  /** Findings of several packs as one list, without duplicates, in {@link #ORDER}. */
  public static List<Finding> inOrder(java.util.Collection<Finding> findings) {
    List<Finding> sorted = new ArrayList<>(new java.util.LinkedHashSet<>(findings));
    sorted.sort(ORDER);
    return List.copyOf(sorted);
  }

  /** The CPT code the pack is about. */
  public String subjectCode() {
    return subject.code();
  }

  /**
   * The pack's card wording by check kind (its top-level {@code messages:}, inherited ones
   * included): kind id, then message key, then the template as written.
   */
  public Map<String, Map<String, String>> wording() {
    return wording;
  }

  /** What the pack is about: its code, base code, siblings, documentation and value sets. */
  public PackSubject subject() {
    return subject;
  }

  /** The rule file it was loaded from. */
  public String file() {
    return file;
  }

  public List<Citation> sources() {
    return sources;
  }

  public CmsData data() {
    return data;
  }

  /** The rules of every payer, in file order. */
  public List<RuleDefinition> rules() {
    List<RuleDefinition> rules = new ArrayList<>(baseRules.size());
    for (CompiledRule rule : baseRules) {
      rules.add(rule.definition());
    }
    return rules;
  }

  public List<PayerOverlay> overlays() {
    List<PayerOverlay> list = new ArrayList<>(overlays.size());
    for (CompiledOverlay overlay : overlays) {
      list.add(overlay.overlay());
    }
    return list;
  }

  /**
   * Evaluates every subject of the facts at the requested stages.
   *
   * @return the findings, without duplicates, in {@link #ORDER}
   */
  public List<Finding> evaluate(CaseFacts facts, Set<Stage> stages) {
    List<Finding> out = new ArrayList<>();
    boolean orderStages = stages.contains(Stage.ORDER_SELECT) || stages.contains(Stage.ORDER_SIGN);
    if (orderStages) {
      for (OrderFacts order : facts.orders()) {
        Payer payer = order.coverage().payer();
        for (CompiledRule rule : effective(rulesFor(payer), order.date())) {
          if (rule.runsOnOrders(stages)) {
            rule.check().onOrder(order, context(rule, payer, stages, order.date(), facts, out));
          }
        }
      }
    }
    if (stages.contains(Stage.DOCUMENTATION)) {
      for (ProcedureFacts procedure : facts.procedures()) {
        Payer payer = procedure.coverage().payer();
        for (CompiledRule rule : effective(rulesFor(payer), procedure.date())) {
          if (rule.definition().stages().contains(Stage.DOCUMENTATION)) {
            rule.check()
                .onProcedure(procedure, context(rule, payer, stages, procedure.date(), facts, out));
          }
        }
      }
    }
    if (stages.contains(Stage.CLAIM)) {
      for (ClaimFacts claim : facts.claims()) {
        Payer payer = claim.coverage().payer();
        for (CompiledRule rule : effective(rulesFor(payer), claim.dateOfService())) {
          if (rule.definition().stages().contains(Stage.CLAIM)) {
            rule.check()
                .onClaim(claim, context(rule, payer, stages, claim.dateOfService(), facts, out));
          }
        }
      }
    }
    return distinctSorted(OneCorrectionPerLine.apply(out, facts));
  }

  private static List<CompiledRule> effective(List<CompiledRule> rules, LocalDate date) {
    List<CompiledRule> effective = new ArrayList<>(rules.size());
    for (CompiledRule rule : rules) {
      rule.effectiveOn(date, effective);
    }
    return effective;
  }

  private RuleContext context(
      CompiledRule rule,
      Payer payer,
      Set<Stage> stages,
      LocalDate date,
      CaseFacts facts,
      List<Finding> out) {
    return new RuleContext(this, rule.definition(), payer, stages, date, facts, out);
  }

  /** A rule evaluated through two stages (a procedure and its claim) reports once. */
  private static List<Finding> distinctSorted(List<Finding> findings) {
    if (findings.size() > 1) {
      Set<String> seen = new HashSet<>();
      List<Finding> distinct = new ArrayList<>(findings.size());
      for (Finding finding : findings) {
        String key =
            finding.ruleId()
                + '\u0000'
                + finding.resource()
                + '\u0000'
                + finding.expression()
                + '\u0000'
                + finding.message();
        if (seen.add(key)) {
          distinct.add(finding);
        }
      }
      distinct.sort(ORDER);
      return distinct;
    }
    return findings;
  }

  /** The rules of a payer: the base rules with its overlays' overrides, replacements and rules. */
  List<CompiledRule> rulesFor(Payer payer) {
    String key = payer.key().name() + '|' + payer.lineOfBusiness().name() + '|' + payer.licensee();
    List<CompiledRule> rules = byPayer.get(key);
    if (rules == null) {
      rules = byPayer.computeIfAbsent(key, k -> compose(payer));
    }
    return rules;
  }

  private List<CompiledRule> compose(Payer payer) {
    List<CompiledRule> rules = new ArrayList<>(baseRules);
    for (CompiledOverlay overlay : overlays) {
      if (!overlay.overlay().matches(payer)) {
        continue;
      }
      for (int i = 0; i < rules.size(); i++) {
        CompiledRule override = overlay.overrides().get(rules.get(i).definition().id());
        if (override != null) {
          rules.set(i, override);
        }
      }
      for (CompiledRule added : overlay.rules()) {
        List<CompiledRule> replaced = new ArrayList<>(1);
        for (CompiledRule rule : rules) {
          if (added.definition().replaces().contains(rule.definition().id())) {
            replaced.add(rule);
          }
        }
        rules.removeAll(replaced);
        rules.removeIf(r -> r.definition().id().equals(added.definition().id()));
        rules.add(replaced.isEmpty() ? added : added.replacing(replaced));
      }
    }
    return List.copyOf(rules);
  }

  /**
   * A rule with its check built. {@code replaced} are the rules an overlay rule replaces: they
   * still apply on the dates of service the overlay rule does not cover.
   */
  public record CompiledRule(RuleDefinition definition, Check check, List<CompiledRule> replaced) {
    public CompiledRule {
      Objects.requireNonNull(check);
      replaced = List.copyOf(replaced);
    }

    public CompiledRule(RuleDefinition definition, Check check) {
      this(definition, check, List.of());
    }

    CompiledRule replacing(List<CompiledRule> rules) {
      return new CompiledRule(definition, check, rules);
    }

    /** This rule, or on a date it does not cover, the rules it replaces that do cover it. */
    void effectiveOn(LocalDate date, List<CompiledRule> into) {
      if (definition.effectiveOn(date)) {
        into.add(this);
      } else {
        for (CompiledRule rule : replaced) {
          rule.effectiveOn(date, into);
        }
      }
    }

    boolean runsOnOrders(Set<Stage> stages) {
      Set<Stage> own = definition.stages();
      return (own.contains(Stage.ORDER_SELECT) && stages.contains(Stage.ORDER_SELECT))
          || (own.contains(Stage.ORDER_SIGN) && stages.contains(Stage.ORDER_SIGN));
    }
  }

  /** An overlay with its rules and overrides built. */
  public record CompiledOverlay(
      PayerOverlay overlay, List<CompiledRule> rules, Map<String, CompiledRule> overrides) {}
}
