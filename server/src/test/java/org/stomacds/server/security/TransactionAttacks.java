package org.stomacds.server.security;

import static org.stomacds.server.security.AttackClient.system;
import static org.stomacds.server.security.AttackClient.token;

import org.stomacds.server.security.AttackClient.Answer;

/** Row 14: a transaction is refused whole when any entry is; a batch answers entry by entry. */
final class TransactionAttacks {

  private final AttackClient client;
  private final AttackData data;

  TransactionAttacks(AttackClient client, AttackData data) {
    this.client = client;
    this.data = data;
  }

  private Answer post(String token, String bundle) {
    return client.send("POST", "/fhir", token, bundle);
  }

  void aTransactionWithAnyRefusedReadIsRefusedWhole() {
    String token = token(data.a, "patient/Claim.cruds", "patient/Patient.rs");
    String[][] entries = {
      {AttackData.get("Claim/" + data.claimB)},
      {AttackData.get("Claim/" + data.claimBPayeeA)},
      {AttackData.get("Claim/" + data.claimA), AttackData.get("Claim/" + data.claimB)},
      {AttackData.get("Claim?patient=Patient/" + data.b)},
      {AttackData.get("Claim?payee=Patient/" + data.a)},
      {AttackData.get("Claim")},
      {AttackData.get("Patient/" + data.b)},
      {AttackData.get("Procedure?patient=Patient/" + data.a)},
      {AttackData.get("Claim/" + data.claimB + "/_history/1")},
    };
    for (String[] set : entries) {
      client.refused(
          "transaction of GETs",
          post(token, AttackData.bundle("transaction", set)),
          data.secretsOfB());
    }
    client.refused(
        "transaction GET with a system token of another type",
        post(system("system/Procedure.rs"), AttackData.bundle("transaction", entries[0])));
    client.allowed(
        "transaction of own GETs",
        post(
            token,
            AttackData.bundle(
                "transaction",
                AttackData.get("Claim/" + data.claimA),
                AttackData.get("Claim?patient=Patient/" + data.a))));
  }

  void aRefusedReadAlsoUndoesTheTransactionsWrites() {
    String token = token(data.a, "patient/Claim.cruds");
    String id = "atk-tx-" + data.run;
    Answer answer =
        post(
            token,
            AttackData.bundle(
                "transaction",
                AttackData.write(
                    "PUT", "Claim/" + id, AttackData.claim(id, data.a, null, "tx" + data.run)),
                AttackData.get("Claim/" + data.claimB)));
    client.refused("write + refused read", answer, data.secretsOfB());
    client.expectStatus(
        "nothing written",
        client.send("GET", "/fhir/Claim/" + id, system("system/Claim.rs"), null),
        404);
    Answer writes =
        post(
            token,
            AttackData.bundle(
                "transaction",
                AttackData.write(
                    "PUT", "Claim/" + id, AttackData.claim(id, data.a, null, "tx" + data.run)),
                AttackData.write(
                    "POST", "Claim", AttackData.claim(null, data.b, null, "tx2" + data.run))));
    client.refused("own write + write for B", writes);
    client.expectStatus(
        "still nothing written",
        client.send("GET", "/fhir/Claim/" + id, system("system/Claim.rs"), null),
        404);
  }

  void aBatchAnswersEachEntryOnItsOwn() {
    String token = token(data.a, "patient/Claim.rs");
    Answer answer =
        post(
            token,
            AttackData.bundle(
                "batch",
                AttackData.get("Claim/" + data.claimA),
                AttackData.get("Claim/" + data.claimB)));
    client.expectStatus("batch of GETs", answer, 200);
    client.leaks("batch of GETs", answer, data.secretsOfB());
    if (!answer.body().contains("\"status\":\"403")) {
      client.expectStatus("the refused batch entry says 403", answer, -403);
    }
    if (!answer.body().contains(data.claimA)) {
      client.expectStatus("the allowed batch entry has A's Claim", answer, -200);
    }
    for (String path : new String[] {"Claim/" + data.claimBPayeeA, "Patient/" + data.b}) {
      Answer one = post(token, AttackData.bundle("batch", AttackData.get(path)));
      // The refused entry may repeat the URL asked; nothing else of B's.
      client.leaks("batch GET " + path, one, data.familyB, data.identifierB, "1961-02-03");
      client.leaks("batch GET " + path, one, "\"resourceType\":\"Claim\"");
      if (one.status() >= 500) {
        client.expectStatus("batch GET " + path, one, 200);
      }
    }
  }
}
