package org.stomacds.engine.facts;

import org.stomacds.engine.documentation.DocumentationElement;
import org.stomacds.engine.findings.Evidence;

/**
 * One value the documentation states for a measured element, with where it was stated: the rules
 * compare what the structured record says with what the note says.
 *
 * @param element the element measured (balloon diameter, inflation count, ...)
 * @param value the value in the element's unit ({@link #unit()})
 * @param unit {@code mm} for sizes, {@code s} for durations, {@code min} for sedation time, {@code
 *     count} for counts
 * @param evidence the resource, path and words it was read from (for a note, the quoted span)
 * @param fromNote true when read from a note's text, false when from structured data
 */
public record StatedValue(
    DocumentationElement element, double value, String unit, Evidence evidence, boolean fromNote) {

  /** The value as a person writes it: "18 mm", "16.5 mm", "3", "60 s". */
  public String display() {
    String number =
        value == Math.rint(value)
            ? Long.toString((long) value)
            : java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    return unit.equals("count") ? number : number + " " + unit;
  }
}
