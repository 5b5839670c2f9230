package org.stomacds.engine.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.stomacds.engine.documentation.DocumentationElement;
import org.stomacds.engine.rules.yaml.YamlMap;
import org.stomacds.engine.rules.yaml.YamlNode;

/**
 * What a pack is about, from its {@code subject:} section: the procedure code, a name in our own
 * words, the endoscopic base code, the sibling codes a coder weighs it against, the documentation
 * elements its note must hold, and the value sets it reads (the diagnoses that support it, the
 * codes of moderate sedation and of anesthesia care for it).
 *
 * @param code the procedure code (the pack's {@code code})
 * @param name our own words for the procedure
 * @param baseCode the endoscopic base code, or null when none
 * @param siblings codes of the same family billed instead of it when the note says so
 * @param documentation the documentation elements a note of the procedure must hold
 * @param supportingDiagnoses the value set of diagnoses that support it
 * @param moderateSedation value sets of moderate sedation codes
 * @param anesthesia value sets of codes of anesthesia care for it
 */
public record PackSubject(
    String code,
    String name,
    String baseCode,
    List<String> siblings,
    List<DocumentationElement> documentation,
    String supportingDiagnoses,
    List<String> moderateSedation,
    List<String> anesthesia) {

  public PackSubject {
    siblings = List.copyOf(siblings);
    documentation = List.copyOf(documentation);
    moderateSedation = List.copyOf(moderateSedation);
    anesthesia = List.copyOf(anesthesia);
  }

  /** Where a rule names a value set of the subject rather than a fixed one. */
  static final String SUPPORTING_DIAGNOSES = "{supporting-diagnoses}";

  /**
   * The value set a rule parameter names: {@value #SUPPORTING_DIAGNOSES} is this subject's
   * supporting diagnoses (so a rule inherited by another pack reads that pack's set).
   */
  String valueSetName(String name) {
    return SUPPORTING_DIAGNOSES.equals(name) ? supportingDiagnoses : name;
  }

  public static PackSubject read(YamlMap subject, String code, ValueSets valueSets) {
    subject.allowOnly("name", "base-code", "siblings", "documentation", "value-sets");
    List<DocumentationElement> elements = new ArrayList<>();
    for (YamlNode node : subject.list("documentation")) {
      DocumentationElement element =
          DocumentationElement.fromId(node.asText())
              .orElseThrow(
                  () -> node.error("unknown documentation element '" + node.asText() + "'"));
      if (elements.contains(element)) {
        throw node.error("documentation element '" + node.asText() + "' is listed twice");
      }
      elements.add(element);
    }
    Set<String> siblings = new LinkedHashSet<>();
    for (YamlNode node : subject.list("siblings")) {
      if (node.asText().equals(code) || !siblings.add(node.asText())) {
        throw node.error("sibling '" + node.asText() + "' is the pack's code or listed twice");
      }
    }
    YamlMap sets =
        subject
            .map("value-sets")
            .allowOnly("supporting-diagnoses", "moderate-sedation", "anesthesia");
    return new PackSubject(
        code,
        subject.text("name"),
        subject.optText("base-code").orElse(null),
        List.copyOf(siblings),
        elements,
        valueSet(sets.require("supporting-diagnoses"), valueSets),
        valueSetList(sets, "moderate-sedation", valueSets),
        valueSetList(sets, "anesthesia", valueSets));
  }

  private static List<String> valueSetList(YamlMap sets, String key, ValueSets valueSets) {
    List<String> ids = new ArrayList<>();
    for (YamlNode node : sets.list(key)) {
      ids.add(valueSet(node, valueSets));
    }
    return ids;
  }

  private static String valueSet(YamlNode node, ValueSets valueSets) {
    String id = node.asText();
    if (valueSets.find(Parameters.VALUE_SET_BASE + id) == null) {
      throw node.error("unknown value set '" + id + "' (not in the terminology)");
    }
    return id;
  }
}
