package org.stomacds.engine.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.stomacds.engine.findings.Confidence;
import org.stomacds.engine.findings.Severity;
import org.stomacds.engine.rules.yaml.YamlNode;

/** The closed words of a rule file (severity, stage, confidence, payer, line of business). */
public final class PackWords {

  private PackWords() {}

  public static Severity severity(YamlNode node) {
    String text = node.asText();
    for (Severity severity : Severity.values()) {
      if (severity.name().toLowerCase(Locale.ROOT).equals(text)) {
        return severity;
      }
    }
    throw node.error("unknown severity '" + text + "' (known: error, warning, info)");
  }

  public static Stage stage(YamlNode node) {
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

  public static Confidence confidence(YamlNode node) {
    String text = node.asText();
    List<String> known = new ArrayList<>();
    for (Confidence confidence : Confidence.values()) {
      String words = confidence.name().toLowerCase(Locale.ROOT).replace('_', '-');
      if (words.equals(text)) {
        return confidence;
      }
      known.add(words);
    }
    throw node.error("unknown confidence '" + text + "' (known: " + known + ")");
  }

  /** {@code ORDER_SIGN} is {@code order-sign} in the file. */
  public static String words(String constant) {
    return constant.toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
