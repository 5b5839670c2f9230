package org.stomacds.engine.facts;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Type;
import org.stomacds.engine.findings.Evidence;

/**
 * Documentation recorded in a procedure template: a QuestionnaireResponse linked to the Procedure
 * by {@code partOf}, by {@code basedOn} (the procedure or its order), by the same {@code
 * encounter}, or by the same {@code subject} with {@code authored} inside the performed period.
 * Each item is read by its {@code text}, else its {@code linkId}, with the label table of the
 * Observations ({@link DocumentationLabels}); its answers ({@code valueQuantity}, {@code
 * valueInteger}, {@code valueDecimal}, {@code valueString}, {@code valueCoding}, {@code
 * valueBoolean}, times) through {@link StructuredValues}. An item of the element with no answer
 * documents nothing. Entered-in-error responses are not read. Nesting is followed to a depth of 10
 * and at most 500 items per response.
 */
final class QuestionnaireSource {

  private static final int MAX_DEPTH = 10;
  private static final int MAX_ITEMS = 500;

  private final ResourceIndex index;

  QuestionnaireSource(ResourceIndex index) {
    this.index = index;
  }

  /** The responses linked to the procedure. */
  List<QuestionnaireResponse> linked(ProcedureLinks links) {
    List<QuestionnaireResponse> out = new ArrayList<>(1);
    for (QuestionnaireResponse response : index.questionnaireResponses) {
      if (response.getStatus()
          == QuestionnaireResponse.QuestionnaireResponseStatus.ENTEREDINERROR) {
        continue;
      }
      boolean linked =
          links.named(response.getPartOf())
              || links.namedOrOrdered(response.getBasedOn())
              || links.sameEncounter(response.getEncounter())
              || (links.sameSubject(response.getSubject())
                  && links.within(response.getAuthoredElement()) == ProcedureLinks.Within.INSIDE);
      if (linked) {
        out.add(response);
      }
    }
    return out;
  }

  void read(QuestionnaireResponse response, Documentation.Builder b) {
    String ref = ResourceIndex.ref(response);
    b.source(ref);
    StructuredValues.SedationClock clock = new StructuredValues.SedationClock();
    int[] budget = {MAX_ITEMS};
    items(response.getItem(), "QuestionnaireResponse", ref, 0, budget, b, clock);
    clock.close(b);
  }

  private static void items(
      List<QuestionnaireResponseItemComponent> items,
      String parent,
      String ref,
      int depth,
      int[] budget,
      Documentation.Builder b,
      StructuredValues.SedationClock clock) {
    if (depth >= MAX_DEPTH) {
      return;
    }
    for (int i = 0; i < items.size() && budget[0] > 0; i++) {
      budget[0]--;
      QuestionnaireResponseItemComponent item = items.get(i);
      String path = parent + ".item[" + i + "]";
      item(item, path, ref, b, clock);
      items(item.getItem(), path, ref, depth + 1, budget, b, clock);
      for (int a = 0; a < item.getAnswer().size(); a++) {
        items(
            item.getAnswer().get(a).getItem(),
            path + ".answer[" + a + "]",
            ref,
            depth + 1,
            budget,
            b,
            clock);
      }
    }
  }

  private static void item(
      QuestionnaireResponseItemComponent item,
      String path,
      String ref,
      Documentation.Builder b,
      StructuredValues.SedationClock clock) {
    DocumentationLabels.Match match = DocumentationLabels.ofLabel(item.getText());
    if (match == null) {
      match = DocumentationLabels.ofLabel(item.getLinkId());
    }
    if (match == null) {
      return;
    }
    String label = item.hasText() ? item.getText() : item.getLinkId();
    List<Type> values = new ArrayList<>(item.getAnswer().size());
    List<String> words = new ArrayList<>(item.getAnswer().size());
    for (QuestionnaireResponseItemAnswerComponent answer : item.getAnswer()) {
      if (answer.hasValue()) {
        values.add(answer.getValue());
        words.add(FhirValues.words(answer.getValue()));
      }
    }
    String where = values.size() == 1 ? path + ".answer[0].value" : path + ".answer";
    String text = label + ": " + (words.isEmpty() ? "not answered" : String.join(", ", words));
    StructuredValues.read(
        match, values, Amounts.unitOfLabel(label), new Evidence(ref, where, text), b, clock);
  }
}
