package org.stomacds.server.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.stomacds.cds.bodies.BodyLimits;

/**
 * Limits on the structure of request bodies, prefix {@code stomacds.security.bodies} (the byte
 * limits are {@code stomacds.security.max-fhir-body-size} and {@code stomacds.cds.max-body-size}).
 *
 * @param maxDepth deepest nesting of a JSON or XML body
 * @param maxArrayLength most items in one JSON array or children of one XML element
 * @param maxValues most values (JSON) or elements and attributes (XML) in one body
 * @param validateMaxBodySize largest body {@code $validate} accepts: the validator costs far more
 *     per byte than a write
 * @param validateMaxValues most values in a {@code $validate} body
 */
@ConfigurationProperties("stomacds.security.bodies")
record BodyGateProperties(
    @DefaultValue("100") int maxDepth,
    @DefaultValue("10000") int maxArrayLength,
    @DefaultValue("500000") int maxValues,
    @DefaultValue("1MB") DataSize validateMaxBodySize,
    @DefaultValue("50000") int validateMaxValues) {

  private static final String PREFIX = "stomacds.security.bodies.";

  BodyGateProperties {
    try {
      new BodyLimits(maxDepth, maxArrayLength, maxValues);
      new BodyLimits(maxDepth, maxArrayLength, validateMaxValues);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          PREFIX
              + "max-depth, max-array-length, max-values, validate-max-values: "
              + e.getMessage());
    }
    if (validateMaxBodySize == null || validateMaxBodySize.toBytes() < 1024) {
      throw new IllegalArgumentException(PREFIX + "validate-max-body-size must be at least 1KB");
    }
  }

  BodyLimits limits() {
    return new BodyLimits(maxDepth, maxArrayLength, maxValues);
  }

  BodyLimits validateLimits() {
    return new BodyLimits(maxDepth, maxArrayLength, validateMaxValues);
  }
}
