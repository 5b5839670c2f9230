package org.stomacds.server.checks;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.api.dao.ReindexParameters;
import ca.uhn.fhir.jpa.dao.tx.IHapiTransactionService;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.SummaryEnum;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.api.server.storage.IResourcePersistentId;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.DetectedIssue;

/**
 * Makes sure every stored DetectedIssue is found by our {@code status} search parameter.
 *
 * <p>HAPI indexes a new search parameter for resources written after it is registered; for those
 * stored before (the parameter is new, or was deleted and is back) it starts a reindex job, which
 * its scheduler moves one step a minute. A work queue should not miss issues for minutes after an
 * upgrade, so at start-up the issues the parameter does not find are reindexed here and now: two
 * counts when all is well, the missing ones only when not.
 */
final class StatusIndex {

  private static final List<String> STATUSES =
      List.of("preliminary", "final", "entered-in-error", "cancelled");
  private static final int BATCH = 200;

  private final DaoRegistry daoRegistry;
  private final IHapiTransactionService transactions;

  StatusIndex(DaoRegistry daoRegistry, IHapiTransactionService transactions) {
    this.daoRegistry = daoRegistry;
    this.transactions = transactions;
  }

  /** Reindexes the DetectedIssues that {@code status} does not find; returns how many. */
  int repair() {
    IFhirResourceDao<DetectedIssue> dao = daoRegistry.getResourceDao(DetectedIssue.class);
    Integer all = count(dao, all());
    if (all != null && all.equals(count(dao, byStatus()))) {
      return 0; // both counts known and equal: nothing is missing
    }
    Set<Object> indexed = new HashSet<>();
    for (IResourcePersistentId<?> pid : dao.searchForIds(byStatus(), new SystemRequestDetails())) {
      indexed.add(pid.getId());
    }
    List<IResourcePersistentId<?>> missing = new ArrayList<>();
    for (IResourcePersistentId<?> pid : dao.searchForIds(all(), new SystemRequestDetails())) {
      if (!indexed.contains(pid.getId())) {
        missing.add(pid);
      }
    }
    for (int from = 0; from < missing.size(); from += BATCH) {
      List<IResourcePersistentId<?>> batch =
          missing.subList(from, Math.min(missing.size(), from + BATCH));
      transactions
          .withSystemRequest()
          .execute(
              () ->
                  batch.forEach(
                      pid ->
                          dao.reindex(
                              pid,
                              new ReindexParameters(),
                              new SystemRequestDetails(),
                              new TransactionDetails())));
    }
    return missing.size();
  }

  /** The number of matches, or null where the search does not know it (then compare the ids). */
  private static Integer count(IFhirResourceDao<DetectedIssue> dao, SearchParameterMap map) {
    map.setSummaryMode(SummaryEnum.COUNT);
    return dao.search(map, new SystemRequestDetails()).size();
  }

  private static SearchParameterMap all() {
    return SearchParameterMap.newSynchronous();
  }

  private static SearchParameterMap byStatus() {
    TokenOrListParam statuses = new TokenOrListParam();
    STATUSES.forEach(status -> statuses.addOr(new ca.uhn.fhir.rest.param.TokenParam(status)));
    return SearchParameterMap.newSynchronous().add("status", statuses);
  }
}
