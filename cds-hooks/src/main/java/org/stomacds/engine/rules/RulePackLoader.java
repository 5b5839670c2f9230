package org.stomacds.engine.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.stomacds.engine.findings.Confidence;
import org.stomacds.engine.findings.Severity;
import org.stomacds.engine.findings.SourceCitation;
import org.stomacds.engine.payer.LineOfBusiness;
import org.stomacds.engine.payer.PayerKey;
import org.stomacds.engine.payer.PayerMapping;
import org.stomacds.engine.rules.yaml.RuleFileException;
import org.stomacds.engine.rules.yaml.YamlFiles;
import org.stomacds.engine.rules.yaml.YamlMap;
import org.stomacds.engine.rules.yaml.YamlNode;

/**
 * Loads a rule file and validates all of it: an unknown key, check kind, payer, licensee, line of
 * business, value set, documentation element, parameter, source or data file, a bad date, a
 * duplicate rule id, fails with {@code file:line: message} ({@link RuleFileException}).
 */
public final class RulePackLoader {

  /** The default pack on the classpath. */
  public static final String DEFAULT_RESOURCE = "rules/cpt-44405.yaml";

  private static final List<String> PACK_KEYS =
      List.of("pack", "sources", "source-aliases", "data", "rules", "payer-overlays");
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

  /** Loads a rule file from the classpath; its data files are next to it on the classpath. */
  public RulePack loadResource(String resource) {
    String label = "classpath:" + resource;
    int slash = resource.lastIndexOf('/');
    String folder = slash < 0 ? "" : resource.substring(0, slash + 1);
    return load(
        YamlFiles.readResource(resource, label),
        label,
        file -> {
          InputStream in = RulePackLoader.class.getClassLoader().getResourceAsStream(folder + file);
          if (in == null) {
            return null;
          }
          return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        },
        file -> "classpath:" + folder + file);
  }

  /** Loads a rule file from disk; its data files are relative to it. */
  public RulePack loadFile(Path ruleFile) {
    Path folder = ruleFile.toAbsolutePath().getParent();
    return load(
        YamlFiles.readFile(ruleFile),
        ruleFile.toString(),
        file -> {
          Path path = folder.resolve(file);
          return Files.isRegularFile(path)
              ? Files.newBufferedReader(path, StandardCharsets.UTF_8)
              : null;
        },
        file -> folder.resolve(file).toString());
  }

  @FunctionalInterface
  private interface Opener {
    BufferedReader open(String file) throws IOException;
  }

  @FunctionalInterface
  private interface Namer {
    String name(String file);
  }

  private RulePack load(YamlMap root, String label, Opener opener, Namer namer) {
    root.allowOnly(PACK_KEYS);
    YamlMap pack = root.map("pack");
    pack.allowOnly("id", "version", "title", "description", "code");
    String id = pack.text("id");
    String version = pack.text("version");
    String title = pack.text("title");
    String description = pack.optText("description").orElse("");
    String code = pack.text("code");

    PackSources sources =
        PackSources.read(
            root.map("sources"), root.has("source-aliases") ? root.map("source-aliases") : null);
    CmsData data = readData(root.list("data"), sources, opener, namer);

    // Phase 1: every rule definition, so checks that read other rules (the order checklist) see
    // them all whatever the file order.
    List<PendingRule> base = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    for (YamlNode node : root.list("rules")) {
      PendingRule rule = readRule(node.asMap(), sources, null, RULE_KEYS);
      if (!ids.add(rule.definition.id())) {
        throw node.asMap().require("id").error("duplicate rule id '" + rule.definition.id() + "'");
      }
      base.add(rule);
    }
    List<PendingOverlay> overlays = new ArrayList<>();
    Set<String> overlayIds = new LinkedHashSet<>();
    for (YamlNode node : root.list("payer-overlays")) {
      PendingOverlay overlay = readOverlay(node.asMap(), sources, ids);
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
        new LoadContext(valueSets, payers, data, code, List.copyOf(baseDefinitions));

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
    return new RulePack(
        id,
        version,
        title,
        description,
        code,
        label,
        sources.all(),
        data,
        compiled,
        compiledOverlays);
  }

  private RulePack.CompiledRule compile(
      RuleDefinition definition,
      Map<String, YamlNode> parameters,
      Map<String, YamlNode> keys,
      YamlMap owner,
      LoadContext context) {
    Parameters reader =
        new Parameters(definition.id(), definition.kind(), parameters, keys, owner, context);
    Check check = definition.kind().create(reader, definition);
    reader.checkAllUsed();
    return new RulePack.CompiledRule(definition, check);
  }

  // ---- sources and data ------------------------------------------------------------------------

  private static CmsData readData(
      List<YamlNode> nodes, PackSources sources, Opener opener, Namer namer) {
    List<CmsData.Dated<CmsData.PtpData>> ptp = new ArrayList<>();
    List<CmsData.Dated<CmsData.MueData>> mue = new ArrayList<>();
    List<CmsData.Dated<CmsData.PfsData>> pfs = new ArrayList<>();
    List<CmsData.Dated<CmsData.GlobalDaysData>> globalDays = new ArrayList<>();
    List<CmsData.Dated<TabularNotes>> tabularNotes = new ArrayList<>();
    List<CmsData.Dated<CodeFamily>> codeFamily = new ArrayList<>();
    for (YamlNode node : nodes) {
      YamlMap entry =
          node.asMap().allowOnly("kind", "file", "release", "effective", "end", "source");
      YamlNode kindNode = entry.require("kind");
      DataFile.DataKind kind = null;
      for (DataFile.DataKind candidate : DataFile.DataKind.values()) {
        if (candidate.id().equals(kindNode.asText())) {
          kind = candidate;
        }
      }
      if (kind == null) {
        List<String> known = new ArrayList<>();
        for (DataFile.DataKind candidate : DataFile.DataKind.values()) {
          known.add(candidate.id());
        }
        throw kindNode.error(
            "unknown data kind '" + kindNode.asText() + "' (known: " + known + ")");
      }
      String file = entry.text("file");
      LocalDate effective = entry.date("effective");
      LocalDate end = entry.optDate("end").orElse(null);
      if (end != null && end.isBefore(effective)) {
        throw entry.require("end").error("end " + end + " is before effective " + effective);
      }
      String sourceId = sources.dataSource(entry.require("source"));
      String release = entry.text("release");
      String name = namer.name(file);
      try (BufferedReader reader = opener.open(file)) {
        if (reader == null) {
          throw entry.require("file").error("data file '" + file + "' not found (" + name + ")");
        }
        switch (kind) {
          case NCCI_PTP -> {
            CmsData.PtpData data = CmsData.PtpData.read(name, reader);
            DataFile dataFile =
                new DataFile(kind, file, release, effective, end, sourceId, data.size());
            checkOverlap(ptp, dataFile, entry);
            ptp.add(new CmsData.Dated<>(dataFile, data));
          }
          case NCCI_MUE -> {
            CmsData.MueData data = CmsData.MueData.read(name, reader);
            DataFile dataFile =
                new DataFile(kind, file, release, effective, end, sourceId, data.size());
            checkOverlap(mue, dataFile, entry);
            mue.add(new CmsData.Dated<>(dataFile, data));
          }
          case PFS_RVU -> {
            CmsData.PfsData data = CmsData.PfsData.read(name, reader);
            DataFile dataFile =
                new DataFile(kind, file, release, effective, end, sourceId, data.size());
            checkOverlap(pfs, dataFile, entry);
            pfs.add(new CmsData.Dated<>(dataFile, data));
          }
          case GLOBAL_DAYS -> {
            CmsData.GlobalDaysData data = CmsData.GlobalDaysData.read(name, reader);
            DataFile dataFile =
                new DataFile(kind, file, release, effective, end, sourceId, data.size());
            checkOverlap(globalDays, dataFile, entry);
            globalDays.add(new CmsData.Dated<>(dataFile, data));
          }
          case ICD10CM_NOTES -> {
            TabularNotes data = TabularNotes.read(name, reader);
            DataFile dataFile =
                new DataFile(kind, file, release, effective, end, sourceId, data.size());
            checkOverlap(tabularNotes, dataFile, entry);
            tabularNotes.add(new CmsData.Dated<>(dataFile, data));
          }
          case CODE_FAMILY -> {
            CodeFamily data = CodeFamily.read(name, reader);
            DataFile dataFile =
                new DataFile(kind, file, release, effective, end, sourceId, data.size());
            checkOverlap(codeFamily, dataFile, entry);
            codeFamily.add(new CmsData.Dated<>(dataFile, data));
          }
        }
      } catch (IOException e) {
        throw CmsData.unreadable(name, e);
      }
    }
    return new CmsData(ptp, mue, pfs, globalDays, tabularNotes, codeFamily);
  }

  /** Two files of one kind may not claim the same date of service. */
  private static <T> void checkOverlap(
      List<CmsData.Dated<T>> files, DataFile added, YamlMap entry) {
    for (CmsData.Dated<T> existing : files) {
      DataFile other = existing.file();
      boolean overlap =
          (other.end() == null || !added.effective().isAfter(other.end()))
              && (added.end() == null || !other.effective().isAfter(added.end()));
      if (overlap) {
        throw entry
            .require("effective")
            .error(
                "data file "
                    + added.file()
                    + " covers dates of service that "
                    + other.file()
                    + " already covers (both "
                    + added.kind().id()
                    + ")");
      }
    }
  }

  // ---- rules and overlays ----------------------------------------------------------------------

  private PendingRule readRule(
      YamlMap map, PackSources sources, String overlayId, List<String> keys) {
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
      stages.add(stage(stage));
    }
    if (stages.isEmpty()) {
      throw map.require("stages").error("a rule needs at least one stage");
    }
    LocalDate effective = map.date("effective");
    LocalDate end = map.optDate("end").orElse(null);
    if (end != null && end.isBefore(effective)) {
      throw map.require("end").error("end " + end + " is before effective " + effective);
    }
    Confidence confidence = confidence(map.require("confidence"));
    SourceCitation source = sources.citation(map.require("source"), confidence);
    List<String> replaces = map.textList("replaces");
    RuleDefinition definition =
        new RuleDefinition(
            id,
            map.text("title"),
            map.text("text").strip(),
            kind,
            view,
            severity(map.require("severity")),
            stages,
            map.text("fix").strip(),
            effective,
            end,
            source,
            confidence,
            map.textList("notes"),
            overlayId,
            replaces,
            map.file() + ":" + map.line());
    return new PendingRule(definition, parameters, parameterKeys, map);
  }

  private PendingOverlay readOverlay(YamlMap map, PackSources sources, Set<String> baseIds) {
    map.allowOnly("id", "title", "when", "overrides", "rules");
    PendingOverlay overlay = new PendingOverlay();
    overlay.id = map.text("id");
    overlay.title = map.text("title");
    overlay.location = map.file() + ":" + map.line();
    YamlMap when = map.map("when").allowOnly("payer", "licensee", "line-of-business");
    for (YamlNode node : when.list("payer")) {
      overlay.payerKeys.add(payerKey(node));
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
      overlay.lines.add(lineOfBusiness(node));
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
      PendingRule rule = readRule(ruleMap, sources, overlay.id, OVERLAY_RULE_KEYS);
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

  // ---- words -----------------------------------------------------------------------------------

  static Severity severity(YamlNode node) {
    String text = node.asText();
    for (Severity severity : Severity.values()) {
      if (severity.name().toLowerCase(Locale.ROOT).equals(text)) {
        return severity;
      }
    }
    throw node.error("unknown severity '" + text + "' (known: error, warning, info)");
  }

  static Stage stage(YamlNode node) {
    String text = node.asText();
    for (Stage stage : Stage.values()) {
      if (words(stage.name()).equals(text)) {
        return stage;
      }
    }
    List<String> known = new ArrayList<>();
    for (Stage stage : Stage.values()) {
      known.add(words(stage.name()));
    }
    throw node.error("unknown stage '" + text + "' (known: " + known + ")");
  }

  static Confidence confidence(YamlNode node) {
    return PackSources.confidence(node);
  }

  private static PayerKey payerKey(YamlNode node) {
    String text = node.asText();
    try {
      return PayerKey.valueOf(text);
    } catch (IllegalArgumentException e) {
      throw node.error(
          "unknown payer '" + text + "' (known: " + Arrays.toString(PayerKey.values()) + ")");
    }
  }

  private static LineOfBusiness lineOfBusiness(YamlNode node) {
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

  /** {@code ORDER_SIGN} is {@code order-sign} in the file. */
  static String words(String constant) {
    return constant.toLowerCase(Locale.ROOT).replace('_', '-');
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
