package org.stomacds.engine.rules.documentation;

import java.util.ArrayList;
import java.util.List;
import org.stomacds.engine.documentation.DocumentationElement;
import org.stomacds.engine.facts.OrderFacts;
import org.stomacds.engine.findings.Evidence;
import org.stomacds.engine.findings.Fix;
import org.stomacds.engine.rules.Check;
import org.stomacds.engine.rules.CheckKind;
import org.stomacds.engine.rules.Fixes;
import org.stomacds.engine.rules.MessageTemplate;
import org.stomacds.engine.rules.Parameters;
import org.stomacds.engine.rules.RuleContext;
import org.stomacds.engine.rules.RuleDefinition;
import org.stomacds.engine.rules.Stage;

/**
 * {@code order-checklist}: one finding for a signed order listing, as DOCUMENT_ELEMENT fixes, what
 * the procedure note will need for the claim: the elements of the pack's documentation-element
 * rules (unconditional ones as fixes, conditional ones as notes).
 */
final class OrderChecklistCheck implements Check {

  private final List<Item> always = new ArrayList<>();
  private final List<String> conditional = new ArrayList<>();
  private final MessageTemplate willNeed;
  private final MessageTemplate whenItApplies;

  OrderChecklistCheck(Parameters p, RuleDefinition rule) {
    this.willNeed = p.message("note-will-need", "elements");
    this.whenItApplies = p.message("when-it-applies", "item");
    for (RuleDefinition other : p.context().baseRules()) {
      if (other.kind() != CheckKind.DOCUMENTATION_ELEMENT) {
        continue;
      }
      DocumentationElement element =
          DocumentationElement.fromId(String.valueOf(other.parameters().get("element")))
              .orElseThrow();
      boolean isConditional =
          other.parameters().containsKey("when-billed")
              || other.parameters().containsKey("when-billed-codes")
              || other.parameters().containsKey("when-modifier");
      if (isConditional) {
        conditional.add(other.title() + ": " + other.fix());
      } else {
        always.add(new Item(element, other.fix()));
      }
    }
  }

  @Override
  public void onOrder(OrderFacts order, RuleContext context) {
    if (!context.stages().contains(Stage.ORDER_SIGN)) {
      return;
    }
    RuleContext.FindingBuilder finding =
        context
            .finding(order.ref(), "ServiceRequest")
            .message(context.message(willNeed, "elements", labels()))
            .evidence(new Evidence(order.ref(), "ServiceRequest.code", context.subjectCode()));
    for (Item item : always) {
      Fix fix = Fixes.document(order.ref(), item.element, context.fill(item.label));
      finding.fix(fix);
    }
    for (String line : conditional) {
      finding.note(context.message(whenItApplies, "item", line));
    }
    finding.emit();
  }

  private String labels() {
    List<String> labels = new ArrayList<>(always.size());
    for (Item item : always) {
      labels.add(item.element.label());
    }
    return String.join("; ", labels);
  }

  private record Item(DocumentationElement element, String label) {}
}
