package org.stomacds.engine.rules.loading;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stomacds.engine.findings.Confidence;
import org.stomacds.engine.findings.SourceCitation;
import org.stomacds.engine.payer.LineOfBusiness;
import org.stomacds.engine.payer.PayerKey;
import org.stomacds.engine.payer.PayerMapping;
import org.stomacds.engine.rules.Check;
import org.stomacds.engine.rules.CheckKind;
import org.stomacds.engine.rules.LoadContext;
import org.stomacds.engine.rules.PackMessages;
import org.stomacds.engine.rules.PackSubject;
import org.stomacds.engine.rules.PackWords;
import org.stomacds.engine.rules.Parameters;
import org.stomacds.engine.rules.PayerOverlay;
import org.stomacds.engine.rules.RuleDefinition;
import org.stomacds.engine.rules.RulePack;
import org.stomacds.engine.rules.Stage;
import org.stomacds.engine.rules.ValueSets;
import org.stomacds.engine.rules.cms.CmsData;
import org.stomacds.engine.rules.yaml.RuleFileException;
import org.stomacds.engine.rules.yaml.YamlMap;
import org.stomacds.engine.rules.yaml.YamlNode;

/**
 * Loads a rule file and validates all of it: an unknown key, check kind, payer, licensee, line of
 * business, value set, documentation element, parameter, source or data file, a bad date, a
 * duplicate rule id, fails with {@code file:line: message} ({@link RuleFileException}).
 */
public final class RulePackLoader {

  /** The first of the application's packs (44405). */
  public static final String DEFAULT_RESOURCE = "rules/packs/cpt-44405/pack.yaml";

  /** Where a rule's words name the pack's own code. */
  static final String CODE = "{code}";

  private static final List<String> RULE_KEYS =
      List.of(
          "id",
          "title",
          "text",
          "kind",
          "parameters",
          "severity",
          "stages",
          "fix",
          "effective",
          "end",
          "source",
          "confidence",
          "notes");
  private static final List<String> OVERLAY_RULE_KEYS;

  static {
    List<String> keys = new ArrayList<>(RULE_KEYS);
    keys.add("replaces");
    OVERLAY_RULE_KEYS = List.copyOf(keys);
  }

  private final ValueSets valueSets;
  private final PayerMapping payers;

  public RulePackLoader(ValueSets valueSets, PayerMapping payers) {
    this.valueSets = valueSets;
    this.payers = payers;
  }

  /**
   * Loads a rule file from the classpath; its data files, and the pack it extends, are relative to
   * it on the classpath.
   */
  public RulePack loadResource(String resource) {
    return load(PackLayers.read(PackFile.resource(resource)));
  }

  /**
   * Loads a rule file from disk; its data files, and the pack it extends, are relative to it
   * ({@code classpath:} names one of the application's own).
   */
  public RulePack loadFile(Path ruleFile) {
    return load(PackLayers.read(PackFile.file(ruleFile)));
  }

  private RulePack load(PackLayers layers) {
    YamlMap root = layers.top.root();
    String label = layers.top.label();
    YamlMap pack = root.map("pack");
    pack.allowOnly("id", "version", "title", "description", "code");
    String id = pack.text("id");
    String version = pack.text("version");
    String code = pack.text("code");
    String title = pack.text("title").replace(CODE, code);
    String description = pack.optText("description").orElse("").replace(CODE, code);
    PackSubject subject = PackSubject.read(root.map("subject"), code, valueSets);
    PackMessages messages = PackMessages.read(layers.messages);

    PackSources sources = PackSources.read(layers.sources, layers.aliases);
    CmsData data = PackData.read(layers.data, sources);

    // Phase 1: every rule definition, so checks that read other rules (the order checklist) see
    // them all whatever the file order.
    List<PendingRule> base = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    for (YamlNode node : layers.rules) {
      PendingRule rule = readRule(node.asMap(), sources, null, RULE_KEYS, code);
      if (!ids.add(rule.definition.id())) {
        throw node.asMap().require("id").error("duplicate rule id '" + rule.definition.id() + "'");
      }
      base.add(rule);
    }
    List<PendingOverlay> overlays = new ArrayList<>();
    Set<String> overlayIds = new LinkedHashSet<>();
    for (YamlNode node : layers.overlays) {
      PendingOverlay overlay = readOverlay(node.asMap(), sources, ids, code);
      if (!overlayIds.add(overlay.id)) {
        throw node.asMap().require("id").error("duplicate overlay id '" + overlay.id + "'");
      }
      overlays.add(overlay);
    }

    List<RuleDefinition> baseDefinitions = new ArrayList<>();
    Map<String, PendingRule> baseById = new HashMap<>();
    for (PendingRule rule : base) {
      baseDefinitions.add(rule.definition);
      baseById.put(rule.definition.id(), rule);
    }
    LoadContext context =
        new LoadContext(valueSets, payers, data, subject, messages, List.copyOf(baseDefinitions));

    // Phase 2: build the checks.
    List<RulePack.CompiledRule> compiled = new ArrayList<>();
    for (PendingRule rule : base) {
      compiled.add(
          compile(rule.definition, rule.parameters, rule.parameterKeys, rule.owner, context));
    }
    List<RulePack.CompiledOverlay> compiledOverlays = new ArrayList<>();
    for (PendingOverlay overlay : overlays) {
      List<RulePack.CompiledRule> rules = new ArrayList<>();
      List<RuleDefinition> definitions = new ArrayList<>();
      for (PendingRule rule : overlay.rules) {
        rules.add(
            compile(rule.definition, rule.parameters, rule.parameterKeys, rule.owner, context));
        definitions.add(rule.definition);
      }
      Map<String, RulePack.CompiledRule> overrides = new LinkedHashMap<>();
      Map<String, Map<String, Object>> overrideViews = new LinkedHashMap<>();
      for (PendingOverride override : overlay.overrides) {
        PendingRule target = baseById.get(override.ruleId);
        Map<String, YamlNode> merged = new LinkedHashMap<>(target.parameters);
        merged.putAll(override.parameters);
        Map<String, YamlNode> keys = new LinkedHashMap<>(target.parameterKeys);
        keys.putAll(override.parameterKeys);
        Map<String, Object> view = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> entry : merged.entrySet()) {
          view.put(entry.getKey(), entry.getValue().toPlain());
        }
        RuleDefinition definition = target.definition.withParameters(view, overlay.id);
        overrides.put(override.ruleId, compile(definition, merged, keys, override.owner, context));
        Map<String, Object> changed = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> entry : override.parameters.entrySet()) {
          changed.put(entry.getKey(), entry.getValue().toPlain());
        }
        overrideViews.put(override.ruleId, changed);
      }
      PayerOverlay definition =
          new PayerOverlay(
              overlay.id,
              overlay.title,
              overlay.payerKeys,
              overlay.licensees,
              overlay.lines,
              definitions,
              overrideViews,
              overlay.location);
      compiledOverlays.add(new RulePack.CompiledOverlay(definition, rules, overrides));
    }
    messages.checkAllUsed();
    checkDocumentation(subject, baseDefinitions, root);
    return new RulePack(
        id,
        version,
        title,
        description,
        subject,
        label,
        sources.all(),
        data,
        compiled,
        compiledOverlays,
        messages.asText());
  }

  /** Every documentation rule asks for an element the subject names (and nothing else). */
  private static void checkDocumentation(
      PackSubject subject, List<RuleDefinition> rules, YamlMap root) {
    for (RuleDefinition rule : rules) {
      if (rule.kind() == CheckKind.DOCUMENTATION_ELEMENT
          && subject.documentation().stream()
              .noneMatch(e -> e.id().equals(rule.parameters().get("element")))) {
        throw root.map("subject")
            .require("documentation")
            .error(
                "rule "
                    + rule.id()
                    + " asks for '"
                    + rule.parameters().get("element")
                    + "', which subject.documentation does not list");
      }
    }
  }

  private RulePack.CompiledRule compile(
      RuleDefinition definition,
      Map<String, YamlNode> parameters,
      Map<String, YamlNode> keys,
      YamlMap owner,
      LoadContext context) {
    Parameters reader =
        new Parameters(definition.id(), definition.kind(), parameters, keys, owner, context);
    Check check = CheckFactories.create(definition.kind(), reader, definition);
    reader.checkAllUsed();
    return new RulePack.CompiledRule(definition, check);
  }

  // ---- rules and overlays ----------------------------------------------------------------------

  private PendingRule readRule(
      YamlMap map, PackSources sources, String overlayId, List<String> keys, String code) {
    map.allowOnly(keys);
    String id = map.text("id");
    if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
      throw map.require("id").error("rule id '" + id + "' must be lower-case words joined by '-'");
    }
    YamlNode kindNode = map.require("kind");
    CheckKind kind =
        CheckKind.fromId(kindNode.asText())
            .orElseThrow(
                () ->
                    kindNode.error(
                        "unknown check kind '"
                            + kindNode.asText()
                            + "' (known: "
                            + String.join(", ", CheckKind.ids())
                            + ")"));
    Map<String, YamlNode> parameters = new LinkedHashMap<>();
    Map<String, YamlNode> parameterKeys = new LinkedHashMap<>();
    Map<String, Object> view = new LinkedHashMap<>();
    if (map.has("parameters")) {
      YamlMap params = map.map("parameters");
      for (Map.Entry<String, YamlNode> entry : params.entries()) {
        parameters.put(entry.getKey(), entry.getValue());
        parameterKeys.put(entry.getKey(), params.keyNode(entry.getKey()));
        view.put(entry.getKey(), entry.getValue().toPlain());
      }
    }
    Set<Stage> stages = EnumSet.noneOf(Stage.class);
    for (YamlNode stage : map.require("stages").asList()) {
      stages.add(PackWords.stage(stage));
    }
    if (stages.isEmpty()) {
      throw map.require("stages").error("a rule needs at least one stage");
    }
    LocalDate effective = map.date("effective");
    LocalDate end = map.optDate("end").orElse(null);
    if (end != null && end.isBefore(effective)) {
      throw map.require("end").error("end " + end + " is before effective " + effective);
    }
    Confidence confidence = PackWords.confidence(map.require("confidence"));
    SourceCitation source = sources.citation(map.require("source"), confidence);
    List<String> replaces = map.textList("replaces");
    RuleDefinition definition =
        new RuleDefinition(
            id,
            map.text("title").replace(CODE, code),
            map.text("text").strip().replace(CODE, code),
            kind,
            view,
            PackWords.severity(map.require("severity")),
            stages,
            map.text("fix").strip().replace(CODE, code),
            effective,
            end,
            source,
            confidence,
            map.textList("notes").stream().map(n -> n.replace(CODE, code)).toList(),
            overlayId,
            replaces,
            map.file() + ":" + map.line());
    return new PendingRule(definition, parameters, parameterKeys, map);
  }

  private PendingOverlay readOverlay(
      YamlMap map, PackSources sources, Set<String> baseIds, String code) {
    map.allowOnly("id", "title", "when", "overrides", "rules");
    PendingOverlay overlay = new PendingOverlay();
    overlay.id = map.text("id");
    overlay.title = map.text("title").replace(CODE, code);
    overlay.location = map.file() + ":" + map.line();
    YamlMap when = map.map("when").allowOnly("payer", "licensee", "line-of-business");
    for (YamlNode node : when.list("payer")) {
      overlay.payerKeys.add(PayerKey.read(node));
    }
    for (YamlNode node : when.list("licensee")) {
      String licensee = node.asText();
      if (!overlay.payerKeys.equals(Set.of(PayerKey.BCBS))) {
        throw node.error("a licensee needs payer: [BCBS]");
      }
      if (!payers.knowsLicensee(PayerKey.BCBS, licensee)) {
        throw node.error(
            "unknown payer licensee '"
                + licensee
                + "' (the payer mapping knows: "
                + payers.licensees(PayerKey.BCBS)
                + ")");
      }
      overlay.licensees.add(licensee);
    }
    for (YamlNode node : when.list("line-of-business")) {
      overlay.lines.add(LineOfBusiness.read(node));
    }
    if (overlay.payerKeys.isEmpty() && overlay.lines.isEmpty()) {
      throw when.error("an overlay needs a payer or a line-of-business");
    }
    for (YamlNode node : map.list("overrides")) {
      YamlMap override = node.asMap().allowOnly("rule", "parameters");
      PendingOverride pending = new PendingOverride();
      YamlNode ruleNode = override.require("rule");
      pending.ruleId = ruleNode.asText();
      if (!baseIds.contains(pending.ruleId)) {
        throw ruleNode.error("override of unknown rule '" + pending.ruleId + "'");
      }
      YamlMap params = override.map("parameters");
      for (Map.Entry<String, YamlNode> entry : params.entries()) {
        pending.parameters.put(entry.getKey(), entry.getValue());
        pending.parameterKeys.put(entry.getKey(), params.keyNode(entry.getKey()));
      }
      pending.owner = override;
      overlay.overrides.add(pending);
    }
    for (YamlNode node : map.list("rules")) {
      YamlMap ruleMap = node.asMap();
      PendingRule rule = readRule(ruleMap, sources, overlay.id, OVERLAY_RULE_KEYS, code);
      if (baseIds.contains(rule.definition.id())) {
        throw ruleMap
            .require("id")
            .error(
                "overlay rule id '"
                    + rule.definition.id()
                    + "' is already a rule of every payer: use an override or a new id");
      }
      for (YamlNode replaced : ruleMap.list("replaces")) {
        if (!baseIds.contains(replaced.asText())) {
          throw replaced.error("replaces unknown rule '" + replaced.asText() + "'");
        }
      }
      overlay.rules.add(rule);
    }
    return overlay;
  }

  private record PendingRule(
      RuleDefinition definition,
      Map<String, YamlNode> parameters,
      Map<String, YamlNode> parameterKeys,
      YamlMap owner) {}

  private static final class PendingOverride {
    String ruleId;
    final Map<String, YamlNode> parameters = new LinkedHashMap<>();
    final Map<String, YamlNode> parameterKeys = new LinkedHashMap<>();
    YamlMap owner;
  }

  private static final class PendingOverlay {
    String id;
    String title;
    String location;
    final Set<PayerKey> payerKeys = EnumSet.noneOf(PayerKey.class);
    final Set<String> licensees = new LinkedHashSet<>();
    final Set<LineOfBusiness> lines = EnumSet.noneOf(LineOfBusiness.class);
    final List<PendingOverride> overrides = new ArrayList<>();
    final List<PendingRule> rules = new ArrayList<>();
  }
}
