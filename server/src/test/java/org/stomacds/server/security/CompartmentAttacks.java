package org.stomacds.server.security;

import static org.stomacds.server.security.AttackClient.system;
import static org.stomacds.server.security.AttackClient.token;

import org.stomacds.server.security.AttackClient.Answer;

/** Row 7: a patient scope writes and reads by the resource's primary patient only. */
final class CompartmentAttacks {

  private final AttackClient client;
  private final AttackData data;

  CompartmentAttacks(AttackClient client, AttackData data) {
    this.client = client;
    this.data = data;
  }

  void writesIntoAnotherPatientsCompartmentAreRefused() {
    String claims = token(data.a, "patient/Claim.cruds");
    String[] bodies = {
      AttackData.claim(null, data.b, data.a, "w1" + data.run),
      AttackData.claim(null, data.b, null, "w2" + data.run),
      AttackData.claim(null, data.a, data.b, "w3" + data.run),
      AttackData.claim(null, "no-such-patient-" + data.run, data.a, "w4" + data.run),
    };
    for (String body : bodies) {
      client.refused(
          "patient-scoped Claim create", client.send("POST", "/fhir/Claim", claims, body));
      client.refused(
          "patient-scoped Claim create in a transaction",
          client.send(
              "POST",
              "/fhir",
              claims,
              AttackData.bundle("transaction", AttackData.write("POST", "Claim", body))));
    }
    String procedures = token(data.a, "patient/Procedure.cruds");
    client.refused(
        "Procedure of B performed by A",
        client.send(
            "POST", "/fhir/Procedure", procedures, AttackData.procedure(null, data.b, data.a)));
    client.refused(
        "Procedure of A performed by B",
        client.send(
            "POST", "/fhir/Procedure", procedures, AttackData.procedure(null, data.a, data.b)));
    String coverages = token(data.a, "patient/Coverage.cruds");
    client.refused(
        "Coverage of B with A as subscriber",
        client.send("POST", "/fhir/Coverage", coverages, AttackData.coverage(data.b, data.a)));
    // The same writes are a system client's ordinary business.
    client.allowed(
        "system writes B's Claim",
        client.send("POST", "/fhir/Claim", system("system/Claim.cruds"), bodies[0]));
    Answer own =
        client.send(
            "POST", "/fhir/Claim", claims, AttackData.claim(null, data.a, null, "own" + data.run));
    client.expectStatus("A's own Claim", own, 201);
    String id = own.header("Location").replaceAll(".*/Claim/([^/]+)/.*", "$1");
    client.allowed("A reads it back", client.send("GET", "/fhir/Claim/" + id, claims, null));
    client.allowed(
        "A's own Procedure",
        client.send(
            "POST", "/fhir/Procedure", procedures, AttackData.procedure(null, data.a, null)));
  }

  void movingAResourceBetweenPatientsIsRefused() {
    String token = token(data.a, "patient/Claim.cruds");
    client.refused(
        "PUT A's Claim to B",
        client.send(
            "PUT",
            "/fhir/Claim/" + data.claimA,
            token,
            AttackData.claim(data.claimA, data.b, null, "m1" + data.run)));
    client.refused(
        "PUT B's Claim to A",
        client.send(
            "PUT",
            "/fhir/Claim/" + data.claimB,
            token,
            AttackData.claim(data.claimB, data.a, null, "m2" + data.run)));
    client.refused(
        "PUT B's payee-A Claim to A",
        client.send(
            "PUT",
            "/fhir/Claim/" + data.claimBPayeeA,
            token,
            AttackData.claim(data.claimBPayeeA, data.a, data.a, "m3" + data.run)));
    String json = "application/json-patch+json";
    client.refused(
        "PATCH A's Claim to B",
        client.send(
            "PATCH",
            "/fhir/Claim/" + data.claimA,
            token,
            "[{\"op\":\"replace\",\"path\":\"/patient/reference\",\"value\":\"Patient/"
                + data.b
                + "\"}]",
            "Content-Type",
            json));
    client.refused(
        "PATCH B's payee-A Claim",
        client.send(
            "PATCH",
            "/fhir/Claim/" + data.claimBPayeeA,
            token,
            "[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"cancelled\"}]",
            "Content-Type",
            json));
    client.refused(
        "DELETE B's payee-A Claim",
        client.send("DELETE", "/fhir/Claim/" + data.claimBPayeeA, token, null));
    String procedures = token(data.a, "patient/Procedure.cruds");
    client.refused(
        "PUT A's Procedure to B",
        client.send(
            "PUT",
            "/fhir/Procedure/" + data.procedureA,
            procedures,
            AttackData.procedure(data.procedureA, data.b, null)));
    client.allowed(
        "PUT A's Procedure, still A's",
        client.send(
            "PUT",
            "/fhir/Procedure/" + data.procedureA,
            procedures,
            AttackData.procedure(data.procedureA, data.a, null)));
    client.allowed(
        "B's payee-A Claim is still there",
        client.send("GET", "/fhir/Claim/" + data.claimBPayeeA, system("system/Claim.rs"), null));
  }

  void readsAreByThePrimaryPatient() {
    String token = token(data.a, "patient/Claim.rs", "patient/Patient.rs", "patient/Procedure.rs");
    String[] refusedReads = {
      "/fhir/Claim/" + data.claimBPayeeA,
      "/fhir/Claim/" + data.claimB,
      "/fhir/Claim?payee=Patient/" + data.a,
      "/fhir/Claim?payee=Patient/" + data.a + "&_summary=count",
      "/fhir/Claim?_id=" + data.claimBPayeeA,
      "/fhir/Claim?status=active",
      "/fhir/Claim",
      "/fhir/Patient/" + data.b,
      "/fhir/Patient?_id=" + data.b,
      "/fhir/Procedure/" + data.procedureB,
      "/fhir/Procedure?subject=Patient/" + data.b,
      "/fhir/Patient/" + data.b + "/Claim",
      "/fhir/Claim?patient=Patient/" + data.a + "," + data.b,
    };
    for (String path : refusedReads) {
      client.blocked(
          "patient-scoped read " + path, client.send("GET", path, token, null), data.secretsOfB());
    }
    Answer own =
        client.send(
            "GET",
            "/fhir/Claim?patient=Patient/" + data.a + "&_id=" + data.claimBPayeeA,
            token,
            null);
    client.allowed("own search naming another's Claim id", own);
    // The self link repeats the query; nothing else of B's may appear.
    client.leaks(
        "own search naming another's Claim id", own, data.familyB, data.identifierB, data.claimB);
    if (own.body().contains("\"total\":1") || own.body().contains("claim-bpa-")) {
      client.leaks("own search finds nothing of B's", own, own.body());
    }
    client.allowed("own Claim", client.send("GET", "/fhir/Claim/" + data.claimA, token, null));
    client.allowed("own Patient", client.send("GET", "/fhir/Patient/" + data.a, token, null));
    client.allowed(
        "own Procedures", client.send("GET", "/fhir/Procedure?patient=" + data.a, token, null));
    client.allowed(
        "user scope reads B's Claim",
        client.send("GET", "/fhir/Claim/" + data.claimBPayeeA, system("user/Claim.rs"), null));
  }
}
