package org.stomacds.engine.reference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.stomacds.engine.findings.Citation;
import org.stomacds.engine.rules.PayerOverlay;
import org.stomacds.engine.rules.RuleDefinition;
import org.stomacds.engine.rules.RulePack;
import org.stomacds.engine.rules.Stage;
import org.stomacds.engine.rules.cms.DataFile;

/**
 * The rule reference as HTML pages, generated from the loaded packs: an index of every rule and one
 * page per rule (what it checks, severity, stages, parameters, fix, dates, the public documents it
 * rests on with their sections, dates and links, confidence, notes). These are the pages cards and
 * DetectedIssues link to. Every piece of text is escaped; nothing from a request is written.
 */
public final class RulePages {

  private static final String STYLE =
      "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;"
          + "line-height:1.45;color:#1b1b1b}table{border-collapse:collapse;margin:1rem 0}"
          + "th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;vertical-align:top}"
          + "th{background:#f3f3f3}code{background:#f3f3f3;padding:0 .2rem}"
          + ".muted{color:#555}li{margin:.3rem 0}";

  private final List<RulePack> packs;
  private final Map<String, RuleDefinition> rules = new LinkedHashMap<>();
  private final Map<String, List<RulePack>> packsOf = new LinkedHashMap<>();
  private final Map<String, Map<RulePack, RuleDefinition>> definitions = new LinkedHashMap<>();
  private final Map<String, PayerOverlay> overlayOf = new LinkedHashMap<>();
  private final UnaryOperator<String> rulePage;

  /**
   * @param rulePage the address of a rule's page from its id (e.g. {@code
   *     https://cds.example.org/rules/doc-balloon-diameter})
   */
  public RulePages(RulePack pack, UnaryOperator<String> rulePage) {
    this(List.of(pack), rulePage);
  }

  /**
   * The pages of several packs: a rule id shared by packs (a rule a pack inherits) is one page,
   * worded for the first pack that has it, naming every pack it applies to.
   */
  public RulePages(List<RulePack> packs, UnaryOperator<String> rulePage) {
    this.packs = List.copyOf(packs);
    this.rulePage = rulePage;
    for (RulePack pack : packs) {
      for (RuleDefinition rule : pack.rules()) {
        add(pack, rule, null);
      }
    }
    for (RulePack pack : packs) {
      for (PayerOverlay overlay : pack.overlays()) {
        for (RuleDefinition rule : overlay.rules()) {
          add(pack, rule, overlay);
        }
      }
    }
  }

  private void add(RulePack pack, RuleDefinition rule, PayerOverlay overlay) {
    if (rules.putIfAbsent(rule.id(), rule) == null && overlay != null) {
      overlayOf.put(rule.id(), overlay);
    }
    definitions.computeIfAbsent(rule.id(), k -> new LinkedHashMap<>()).putIfAbsent(pack, rule);
    List<RulePack> of = packsOf.computeIfAbsent(rule.id(), k -> new ArrayList<>());
    if (!of.contains(pack)) {
      of.add(pack);
    }
  }

  /** Every rule id of the packs (rules of every payer, then overlay rules). */
  public Set<String> ruleIds() {
    return rules.keySet();
  }

  /** The index: every rule with its title, severity, packs and public sources. */
  public String index() {
    StringBuilder html = new StringBuilder(32 * 1024);
    head(html, "Rules of " + packNames());
    html.append("<h1>Rules of ").append(esc(packNames())).append("</h1>\n");
    for (RulePack pack : packs) {
      html.append("<h2>")
          .append(esc(pack.title()))
          .append("</h2>\n<p>")
          .append(esc(pack.description()))
          .append("</p>\n<p class=\"muted\">Rule pack <code>")
          .append(esc(pack.id()))
          .append("</code> version ")
          .append(esc(pack.version()))
          .append(", CPT ")
          .append(esc(pack.subjectCode()))
          .append(".</p>\n");
    }
    html.append(
        "<p class=\"muted\">Each rule's page names the public documents it rests on.</p>\n");
    html.append("<table>\n<tr><th>rule</th><th>what it checks</th><th>severity</th>")
        .append("<th>payer</th><th>codes</th><th>public sources</th></tr>\n");
    for (RuleDefinition rule : rules.values()) {
      PayerOverlay overlay = overlayOf.get(rule.id());
      html.append("<tr><td><a href=\"")
          .append(esc(rulePage.apply(rule.id())))
          .append("\"><code>")
          .append(esc(rule.id()))
          .append("</code></a></td><td>")
          .append(esc(rule.title()))
          .append("</td><td>")
          .append(words(rule.severity().name()))
          .append("</td><td>")
          .append(overlay == null ? "every payer" : esc(overlay.title()))
          .append("</td><td>")
          .append(esc(codes(rule.id())))
          .append("</td><td>")
          .append(
              esc(
                  rule.source().documents().stream()
                      .map(Citation::title)
                      .distinct()
                      .collect(Collectors.joining("; "))))
          .append("</td></tr>\n");
    }
    html.append("</table>\n");
    return foot(html);
  }

  private String packNames() {
    return packs.stream().map(p -> p.id() + " " + p.version()).collect(Collectors.joining(", "));
  }

  private String codes(String ruleId) {
    return packsOf.get(ruleId).stream()
        .map(RulePack::subjectCode)
        .collect(Collectors.joining(", "));
  }

  /** The page of one rule; empty when the pack has no rule of that id. */
  public Optional<String> page(String ruleId) {
    RuleDefinition rule = rules.get(ruleId);
    if (rule == null) {
      return Optional.empty();
    }
    StringBuilder html = new StringBuilder(8 * 1024);
    head(html, rule.id() + ": " + rule.title());
    html.append("<p><a href=\"")
        .append(esc(rulePage.apply("").replaceAll("/$", "")))
        .append("\">All rules</a></p>\n");
    html.append("<h1>")
        .append(esc(rule.title()))
        .append("</h1>\n<p><code>")
        .append(esc(rule.id()))
        .append("</code></p>\n");
    html.append("<h2>What it checks</h2>\n<p>").append(esc(rule.text())).append("</p>\n");
    ownWording(html, rule);
    html.append("<table>\n");
    row(
        html,
        "check kind",
        "<code>" + esc(rule.kind().id()) + "</code>: " + esc(rule.kind().summary()));
    row(html, "severity", words(rule.severity().name()));
    row(html, "stages", esc(stages(rule)));
    PayerOverlay overlay = overlayOf.get(rule.id());
    row(html, "payers", overlay == null ? "every payer" : esc(overlay.title()));
    row(html, "codes (packs)", esc(codesAndPacks(ruleId)));
    if (!rule.replaces().isEmpty()) {
      row(html, "replaces", esc(String.join(", ", rule.replaces())) + " (for these payers)");
    }
    if (!rule.parameters().isEmpty()) {
      List<String> parameters = new ArrayList<>();
      for (Map.Entry<String, Object> entry : rule.parameters().entrySet()) {
        parameters.add(
            "<code>" + esc(entry.getKey() + ": " + inline(entry.getValue())) + "</code>");
      }
      row(html, "parameters", String.join("<br>", parameters));
    }
    row(html, "fix", esc(rule.fix()));
    row(
        html,
        "dates of service",
        rule.effective() + " to " + (rule.end() == null ? "open" : rule.end().toString()));
    row(html, "confidence", words(rule.confidence().name()));
    html.append("</table>\n");
    sources(html, rule);
    if (!rule.notes().isEmpty()) {
      html.append("<h2>Notes</h2>\n<ul>\n");
      rule.notes().forEach(n -> html.append("<li>").append(esc(n)).append("</li>\n"));
      html.append("</ul>\n");
    }
    kindWording(html, rule);
    return Optional.of(foot(html));
  }

  /** The words the rule's pack gives every rule of its kind (the rule's own messages: win). */
  private void kindWording(StringBuilder html, RuleDefinition rule) {
    Map<String, String> words =
        packsOf.get(rule.id()).get(0).wording().getOrDefault(rule.kind().id(), Map.of());
    if (words.isEmpty()) {
      return;
    }
    html.append(
            "<h2>Card wording</h2>\n<p class=\"muted\">Worded once for every rule of kind <code>")
        .append(esc(rule.kind().id()))
        .append("</code>; placeholders in braces are the claim's values.</p>\n<ul>\n");
    words.forEach(
        (key, text) ->
            html.append("<li><code>")
                .append(esc(key))
                .append("</code>: ")
                .append(esc(text))
                .append("</li>\n"));
    html.append("</ul>\n");
  }

  /** A pack that words the rule again for its code (its own definition, not the inherited one). */
  private void ownWording(StringBuilder html, RuleDefinition first) {
    for (Map.Entry<RulePack, RuleDefinition> entry : definitions.get(first.id()).entrySet()) {
      RuleDefinition own = entry.getValue();
      if (own.location().equals(first.location())) {
        continue;
      }
      html.append("<h2>For CPT ")
          .append(esc(entry.getKey().subjectCode()))
          .append(" (<code>")
          .append(esc(entry.getKey().id()))
          .append("</code>): ")
          .append(esc(own.title()))
          .append("</h2>\n<p>")
          .append(esc(own.text()))
          .append("</p>\n<p><strong>Fix:</strong> ")
          .append(esc(own.fix()))
          .append("</p>\n");
    }
  }

  private String codesAndPacks(String ruleId) {
    return packsOf.get(ruleId).stream()
        .map(p -> p.subjectCode() + " (" + p.id() + ")")
        .collect(Collectors.joining(", "));
  }

  private void sources(StringBuilder html, RuleDefinition rule) {
    html.append("<h2>Public sources</h2>\n<ul>\n");
    for (Citation document : rule.source().documents()) {
      html.append("<li>");
      if (document.url() != null) {
        html.append("<a href=\"")
            .append(esc(document.url()))
            .append("\">")
            .append(esc(document.title()))
            .append("</a>");
      } else {
        html.append(esc(document.title())).append(" <span class=\"muted\">(not public)</span>");
      }
      if (document.section() != null) {
        html.append(", ").append(esc(document.section()));
      }
      html.append(document.date() == null ? "" : " (" + esc(document.date()) + ")")
          .append(". <span class=\"muted\">Confidence: ")
          .append(words(document.confidence().name()))
          .append(".</span>");
      if (document.note() != null) {
        html.append(" ").append(esc(document.note()));
      }
      List<DataFile> files =
          packsOf.get(rule.id()).stream()
              .flatMap(p -> p.data().files().stream())
              .filter(f -> f.sourceId().equals(document.id()))
              .distinct()
              .toList();
      for (DataFile file : files) {
        html.append("<br><span class=\"muted\">Loaded: ")
            .append(esc(file.release()))
            .append(", dates of service ")
            .append(file.effective())
            .append(" to ")
            .append(file.end() == null ? "open" : file.end().toString())
            .append(", ")
            .append(file.rows())
            .append(" rows.</span>");
      }
      html.append("</li>\n");
    }
    html.append("</ul>\n");
  }

  private void head(StringBuilder html, String title) {
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(esc(title))
        .append("</title>\n<style>")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n");
  }

  private String foot(StringBuilder html) {
    html.append("<hr>\n<p class=\"muted\">Rule packs ")
        .append(esc(packNames()))
        .append(". Generated from the loaded rule files; not legal or coverage advice.</p>\n")
        .append("</body>\n</html>\n");
    return html.toString();
  }

  private static void row(StringBuilder html, String label, String valueHtml) {
    html.append("<tr><th>")
        .append(esc(label))
        .append("</th><td>")
        .append(valueHtml)
        .append("</td></tr>\n");
  }

  private static String stages(RuleDefinition rule) {
    List<String> stages = new ArrayList<>();
    for (Stage stage : Stage.values()) {
      if (rule.stages().contains(stage)) {
        stages.add(words(stage.name()));
      }
    }
    return String.join(", ", stages);
  }

  /** A parameter value in one line: lists in brackets, maps in braces. */
  @SuppressWarnings("unchecked")
  static String inline(Object value) {
    if (value == null) {
      return "none";
    }
    if (value instanceof List<?> list) {
      return "[" + list.stream().map(RulePages::inline).collect(Collectors.joining(", ")) + "]";
    }
    if (value instanceof Map<?, ?> map) {
      List<String> items = new ArrayList<>();
      for (Map.Entry<String, Object> entry : ((Map<String, Object>) map).entrySet()) {
        items.add(entry.getKey() + ": " + inline(entry.getValue()));
      }
      return "{" + String.join(", ", items) + "}";
    }
    return value.toString();
  }

  private static String words(String constant) {
    return constant.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Text as HTML text or attribute value: the five special characters become entities. */
  static String esc(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
