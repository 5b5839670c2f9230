package org.stomacds.server.terminology;

import ca.uhn.fhir.context.support.ValueSetExpansionOptions;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDaoValueSet;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Optional;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.ValueSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code total} of a filtered, paged {@code $expand}. HAPI 8.8 counts a filtered expansion only
 * up to the end of the page it returns ({@code filter=colostomy&count=2} says total 2 of 5
 * matches), so a client paging by the total would stop early. When the page may not be the last,
 * the filtered expansion is computed once more without paging and its size is the total; when even
 * that is cut at HAPI's largest expansion, the total is left out (FHIR: absent when not known).
 */
final class FilteredTotals {

  private static final Logger log = LoggerFactory.getLogger(FilteredTotals.class);

  /** HAPI's largest expansion ({@code JpaStorageSettings} pre-expand max count). */
  private final int maxCount;

  private final DaoRegistry daoRegistry;

  FilteredTotals(DaoRegistry daoRegistry, int maxCount) {
    this.daoRegistry = daoRegistry;
    this.maxCount = maxCount;
  }

  void correct(ValueSet answer, RequestDetails request, OperationInput input) {
    ValueSet.ValueSetExpansionComponent expansion = answer.getExpansion();
    int offset = expansion.getOffset();
    int returned = expansion.getContains().size();
    Optional<Integer> count = input.text("count").map(v -> Integer.parseInt(v.strip()));
    if ((count.isEmpty() || returned < count.get()) && (returned > 0 || offset == 0)) {
      // The last page: everything before it and on it is all there is.
      expansion.setTotal(offset + returned);
      return;
    }
    try {
      expansion.setTotalElement(null);
      countAll(answer, request, input).ifPresent(expansion::setTotal);
    } catch (RuntimeException e) {
      // The page itself is right; without a total the client pages until a short page.
      log.warn("filtered $expand: total not computed ({})", e.getClass().getSimpleName());
    }
  }

  /** Every match of the filter, or empty when HAPI's largest expansion cuts them. */
  @SuppressWarnings("unchecked")
  private Optional<Integer> countAll(
      ValueSet answer, RequestDetails request, OperationInput input) {
    IFhirResourceDaoValueSet<ValueSet> dao =
        (IFhirResourceDaoValueSet<ValueSet>) daoRegistry.getResourceDao("ValueSet");
    ValueSetExpansionOptions all = ValueSetExpansionOptions.forOffsetAndCount(0, maxCount);
    all.setFilter(input.text("filter").orElseThrow());
    ValueSet full;
    if (request.getId() != null && request.getId().hasIdPart()) {
      full = dao.expand(request.getId(), all, request);
    } else if (input.text("url").isPresent()) {
      String url = input.text("url").get();
      full =
          dao.expandByIdentifier(
              input.text("valueSetVersion").map(v -> url + "|" + v).orElse(url), all);
    } else if (request.getResource() instanceof Parameters body
        && body.getParameter("valueSet") != null
        && body.getParameter("valueSet").getResource() instanceof ValueSet inline) {
      full = dao.expand(inline, all);
    } else {
      return Optional.empty();
    }
    int matches = full.getExpansion().getContains().size();
    return matches >= maxCount ? Optional.empty() : Optional.of(matches);
  }
}
