package org.stomacds.cds.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The body of every error answer of the CDS Hooks endpoints.
 *
 * @param error a short, stable code ({@code invalid-json}, {@code hook-contract}, {@code
 *     unknown-service}, {@code prefetch-unavailable}, {@code body-too-large}, ...)
 * @param message what was wrong and where (e.g. {@code context.draftOrders.entry[2].resource})
 * @param details for 412, one entry per piece of data that could not be obtained
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(String error, String message, List<Detail> details) {

  /**
   * One piece of missing data.
   *
   * @param prefetchKey the prefetch key that would have carried it, or null
   * @param lookup the read or search that was needed
   * @param reason why it could not be obtained
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Detail(String prefetchKey, String lookup, String reason) {}
}
