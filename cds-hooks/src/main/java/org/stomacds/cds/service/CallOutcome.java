package org.stomacds.cds.service;

import java.util.List;
import org.stomacds.cds.store.AuditRepository;
import org.stomacds.cds.store.CallRecords;

/** What one hook call did, for its rows and its log line; filled in as the call goes. */
final class CallOutcome {
  AuditRepository.Caller caller;
  String hookInstance;
  String hook;
  int status = 200;
  String errorCode;
  List<String> ruleIds = List.of();
  List<String> cardUuids = List.of();
  String packVersion;
  CallRecords.IssuedCards issued;

  boolean issuedCards() {
    return issued != null && !issued.cards().isEmpty();
  }

  /** Turns the call into a failure (500) that issued nothing. */
  void failed() {
    status = 500;
    errorCode = "internal-error";
    ruleIds = List.of();
    cardUuids = List.of();
    issued = null;
  }
}
