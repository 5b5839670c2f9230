package org.stomacds.cds.card;

import java.util.ArrayList;
import java.util.List;
import org.stomacds.cds.url.PublicEndpoints;
import org.stomacds.cds.wire.Card;
import org.stomacds.engine.findings.Citation;
import org.stomacds.engine.findings.Confidence;
import org.stomacds.engine.findings.SourceCitation;

/**
 * Where a card sends its reader: the rule's own page in this application ({@code /rules/{id}}, at
 * the public base URL), and the public documents the rule rests on, each link labelled with the
 * document's title, section and date.
 */
public final class RuleReferences {

  /** The path of the rule pages under the public base URL. */
  public static final String RULES_PATH = "/rules";

  private final PublicEndpoints endpoints;

  public RuleReferences(PublicEndpoints endpoints) {
    this.endpoints = endpoints;
  }

  /** The absolute URL of a rule's page. */
  public String rulePage(String ruleId) {
    return endpoints.url(RULES_PATH + "/" + ruleId);
  }

  /** The rule's page first, then one link per public document with an address. */
  List<Card.Link> links(String ruleId, SourceCitation source) {
    List<Card.Link> links = new ArrayList<>();
    links.add(
        new Card.Link(
            "Rule " + ruleId + ": what it checks and its sources",
            rulePage(ruleId),
            "absolute",
            null));
    if (source != null) {
      for (Citation document : source.documents()) {
        String url = MarkdownText.safeUrl(document.url());
        if (url != null) {
          links.add(new Card.Link(document.label(), url, "absolute", null));
        }
      }
    }
    return links;
  }

  /**
   * The detail's source paragraph: each document, linked where it is public, and the confidence.
   */
  static String sourceLine(SourceCitation source) {
    if (source == null) {
      return "**Policy sources:** none on file.";
    }
    List<String> parts = new ArrayList<>();
    for (Citation document : source.documents()) {
      String label = MarkdownText.escape(document.label());
      String url = MarkdownText.safeUrl(document.url());
      parts.add(url == null ? label : "[" + label + "](" + url + ")");
    }
    return "**Policy sources:** "
        + String.join("; ", parts)
        + " ("
        + confidence(source.confidence())
        + ")";
  }

  static String confidence(Confidence confidence) {
    if (confidence == null) {
      return "confidence not stated";
    }
    return switch (confidence) {
      case CMS_DATA -> "read from a CMS data file";
      case SOURCED -> "stated by a public source";
      case WIDELY_KNOWN -> "common coding knowledge, not checked against a primary source";
      case UNCERTAIN -> "unverified: confirm before relying on it";
    };
  }
}
