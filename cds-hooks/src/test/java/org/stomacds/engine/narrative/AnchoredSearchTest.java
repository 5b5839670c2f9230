package org.stomacds.engine.narrative;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * The reader's searches stay on the anchored path: a pattern searched in a stretch of text is an
 * {@link AnchoredPattern} (tried only where a literal its matches start with occurs), not a {@link
 * Matcher#find()} loop that runs the pattern at every character. The methods listed still search
 * with {@code find()} (short stretches, or patterns with no literal to start from); a new one fails
 * here, so a reader's new pattern is anchored from the start.
 */
class AnchoredSearchTest {

  /**
   * The methods that still call {@link Matcher#find()}, as "Class.method" (a nested class as
   * "Outer$Inner"): the anchored search itself and the gate of the service rows, then the debts.
   */
  private static final Set<String> STILL_SEARCHING =
      Set.of(
          "AnchoredPattern$Finder.find",
          "ComplicationsReader.anotherTimeOrADiagnosis",
          "ComplicationsReader.labelNamesWhatHappened",
          "CountShapes.counted",
          "EventCoding.supportedSedationEvent",
          "IndicationReader.reasonNow",
          "InflationCounts.listed",
          "Interpreter.dilation",
          "Interpreter.sectionContent",
          "LumenReader.read",
          "LumenReader.wentBeyond",
          "PerSizeCounts.longestList",
          "PhraseFinder.opensALineAfter",
          "PhraseFinder.phrases",
          "PhraseTables.expand",
          "QuantityMatchers.numbersIn",
          "ReachReader.read",
          "RowGate$Found.find",
          "SizeFinder.bareBalloon",
          "TableColumns.read",
          "TableColumns.unitOf");

  @Test
  void newSearchesInTheReaderAreAnchored() {
    Set<String> searching = new TreeSet<>();
    for (JavaClass c :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.stomacds.engine.narrative")) {
      for (JavaMethodCall call : c.getMethodCallsFromSelf()) {
        if (call.getTargetOwner().isEquivalentTo(Matcher.class) && call.getName().equals("find")) {
          searching.add(
              call.getOriginOwner().getName().substring(c.getPackageName().length() + 1)
                  + "."
                  + call.getOrigin().getName());
        }
      }
    }
    assertThat(searching)
        .as("Matcher.find() outside AnchoredPattern: make the pattern an AnchoredPattern")
        .isSubsetOf(STILL_SEARCHING);
  }
}
