package org.stomacds.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.stomacds.engine.rules.Stage;

/**
 * The engine never throws for odd clinical data: every element of every resource of a busy case
 * (and of each claim line, note and extension) is removed in turn, and the engine still answers.
 */
class EngineRobustnessTest {

  private static final FhirContext FHIR = FhirContext.forR4Cached();

  @Test
  void removingAnyElementNeverMakesTheEngineThrow() {
    List<Resource> original = DefaultRuleEngineTest.busyCase().resources();
    List<String> failures = new ArrayList<>();
    int variants = 0;
    for (int r = 0; r < original.size(); r++) {
      Resource resource = original.get(r);
      for (List<Integer> path : elementPaths(resource, 3)) {
        List<Resource> resources = copy(original);
        if (!remove(resources.get(r), path)) {
          continue;
        }
        variants++;
        try {
          Engines.standard()
              .evaluate(new EvaluationRequest(resources, EnumSet.allOf(Stage.class), Set.of()));
        } catch (RuntimeException e) {
          failures.add(
              resource.fhirType()
                  + " "
                  + path
                  + ": "
                  + e
                  + " at "
                  + java.util.Arrays.toString(java.util.Arrays.copyOf(e.getStackTrace(), 4)));
        }
      }
    }
    assertThat(variants).isGreaterThan(50);
    assertThat(failures).isEmpty();
  }

  private static List<Resource> copy(List<Resource> resources) {
    List<Resource> copies = new ArrayList<>(resources.size());
    for (Resource resource : resources) {
      copies.add(resource.copy());
    }
    return copies;
  }

  /** Paths (child index, value index, child index...) to every populated element to a depth. */
  private static List<List<Integer>> elementPaths(IBase element, int depth) {
    List<List<Integer>> paths = new ArrayList<>();
    if (!(FHIR.getElementDefinition(element.getClass())
        instanceof BaseRuntimeElementCompositeDefinition<?> definition)) {
      return paths;
    }
    List<BaseRuntimeChildDefinition> children = definition.getChildren();
    for (int c = 0; c < children.size(); c++) {
      List<IBase> values = children.get(c).getAccessor().getValues(element);
      for (int v = 0; v < values.size(); v++) {
        paths.add(List.of(c, v));
        if (depth > 1) {
          for (List<Integer> inner : elementPaths(values.get(v), depth - 1)) {
            List<Integer> path = new ArrayList<>(List.of(c, v));
            path.addAll(inner);
            paths.add(path);
          }
        }
      }
    }
    return paths;
  }

  /** Removes the element at a path; false when there is nothing there. */
  private static boolean remove(IBase element, List<Integer> path) {
    BaseRuntimeElementCompositeDefinition<?> definition =
        (BaseRuntimeElementCompositeDefinition<?>) FHIR.getElementDefinition(element.getClass());
    BaseRuntimeChildDefinition child = definition.getChildren().get(path.get(0));
    List<IBase> values = child.getAccessor().getValues(element);
    if (path.get(1) >= values.size()) {
      return false;
    }
    if (path.size() > 2) {
      return remove(values.get(path.get(1)), path.subList(2, path.size()));
    }
    List<IBase> kept = new ArrayList<>(values);
    kept.remove((int) path.get(1));
    child.getMutator().setValue(element, null);
    for (IBase value : kept) {
      child.getMutator().addValue(element, value);
    }
    return true;
  }
}
