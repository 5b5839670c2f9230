package org.stomacds.server.security;

import static org.stomacds.server.security.AttackClient.system;
import static org.stomacds.server.security.AttackClient.token;

import org.stomacds.server.security.AttackClient.Answer;

/** Row 1: conditional create, update, patch and delete as a way to read or probe. */
final class ConditionalAttacks {

  private final AttackClient client;
  private final AttackData data;

  ConditionalAttacks(AttackClient client, AttackData data) {
    this.client = client;
    this.data = data;
  }

  private Answer create(String token, String ifNoneExist, String body) {
    return client.send(
        "POST",
        "/fhir/Claim",
        token,
        body,
        "If-None-Exist",
        ifNoneExist,
        "Prefer",
        "return=representation");
  }

  private String claimOfA() {
    return AttackData.claim(null, data.a, null, "new-" + data.run);
  }

  void conditionalCreate() {
    String[] criteria = {
      "_id=" + data.claimB,
      "patient=Patient/" + data.b,
      "identifier=urn:stomacds:attack|" + data.identifierB,
      "Claim?_id=" + data.claimB,
      "_id=" + data.claimB + "&patient=Patient/" + data.b,
      "patient:Patient.family=" + data.familyB,
      "payee=Patient/" + data.a,
    };
    String[] tokens = {
      token(data.a, "patient/Claim.c"),
      token(data.a, "patient/Claim.crs"),
      token(data.a, "patient/Claim.cruds", "patient/Patient.rs"),
      system("system/Claim.c"),
      system("user/Claim.c"),
    };
    for (String token : tokens) {
      for (String criterion : criteria) {
        client.refused(
            "conditional create If-None-Exist: " + criterion,
            create(token, criterion, claimOfA()),
            data.secretsOfB());
      }
    }
  }

  void chainedCriteriaAreNotAnExistenceOracle() {
    String chained = "patient:Patient.family=" + data.familyB;
    client.refused("system/Claim.c chain", create(system("system/Claim.c"), chained, claimOfA()));
    client.refused(
        "system/Claim.crs chain without Patient",
        create(system("system/Claim.crs"), chained, claimOfA()));
    client.refused(
        "depth 2 chain without Practitioner",
        create(
            system("system/Claim.crs", "system/Patient.rs"),
            "patient:Patient.general-practitioner:Practitioner.family=x",
            claimOfA()));
    client.refused(
        "untyped chain",
        create(system("system/Claim.crs"), "patient.birthdate=1961-02-03", claimOfA()));
    client.refused(
        "_has in If-None-Exist",
        client.send(
            "POST",
            "/fhir/Patient",
            system("system/Patient.crs"),
            AttackData.patient(null, "x", "2000-01-01"),
            "If-None-Exist",
            "_has:Claim:patient:identifier=" + data.identifierB));
    // With read on both types, the same request is ordinary (the match is B's Claim: 200).
    client.allowed(
        "chain with read on both",
        create(
            system("system/Claim.crs", "system/Patient.rs"),
            chained + "&identifier=urn:stomacds:attack%7C" + data.identifierB,
            claimOfA()));
  }

  void patientConditionalCreateNamingTheLaunchPatientStillWorks() {
    String token = token(data.a, "patient/Claim.crs");
    String identifier = "urn:stomacds:attack%7Cnew-" + data.run;
    Answer first =
        create(token, "identifier=" + identifier + "&patient=Patient/" + data.a, claimOfA());
    client.expectStatus("own conditional create", first, 201);
    Answer again = create(token, "identifier=" + identifier + "&patient=" + data.a, claimOfA());
    client.expectStatus("own conditional create, matched", again, 200);
    // Naming B's Claim id beside A: no match among A's Claims, never B's Claim.
    Answer named = create(token, "_id=" + data.claimB + "&patient=Patient/" + data.a, claimOfA());
    client.leaks("own conditional create naming B's id", named, data.familyB, data.identifierB);
    if (named.status() == 200) {
      client.expectStatus("own conditional create naming B's id", named, -1);
    }
  }

  void conditionalUpdatePatchAndDelete() {
    String[] urls = {
      "/fhir/Claim?_id=" + data.claimB,
      "/fhir/Claim?identifier=urn:stomacds:attack%7C" + data.identifierB,
      "/fhir/Claim?patient:Patient.family=" + data.familyB,
      "/fhir/Claim?payee=Patient/" + data.a,
    };
    String[] tokens = {
      token(data.a, "patient/Claim.cud"),
      token(data.a, "patient/Claim.cruds"),
      system("system/Claim.cud"),
      system("user/Claim.write"),
    };
    String patch = "[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"cancelled\"}]";
    for (String token : tokens) {
      for (String url : urls) {
        client.refused(
            "conditional update " + url,
            client.send("PUT", url, token, AttackData.claim(null, data.a, null, "u" + data.run)),
            data.secretsOfB());
        client.refused(
            "conditional patch " + url,
            client.send("PATCH", url, token, patch, "Content-Type", "application/json-patch+json"),
            data.secretsOfB());
        client.refused(
            "conditional delete " + url,
            client.send("DELETE", url, token, null),
            data.secretsOfB());
      }
    }
    // B's Claim is untouched.
    Answer b = client.send("GET", "/fhir/Claim/" + data.claimB, system("system/Claim.rs"), null);
    client.allowed("B's claim still there", b);
    if (!b.body().contains("\"active\"")) {
      client.leaks("B's claim unchanged", b, "cancelled");
    }
  }

  void conditionalOperationsInTransactionsAndBatches() {
    String token = token(data.a, "patient/Claim.cruds");
    for (String type : new String[] {"transaction", "batch"}) {
      String[] bundles = {
        AttackData.bundle(
            type, AttackData.conditionalCreate("Claim", "_id=" + data.claimB, claimOfA())),
        AttackData.bundle(
            type,
            AttackData.conditionalCreate(
                "Claim", "patient:Patient.family=" + data.familyB, claimOfA())),
        AttackData.bundle(type, AttackData.write("PUT", "Claim?_id=" + data.claimB, claimOfA())),
        AttackData.bundle(type, AttackData.delete("Claim?_id=" + data.claimB)),
        AttackData.bundle(
            type, AttackData.delete("Claim?identifier=urn:stomacds:attack|" + data.identifierB)),
      };
      for (String bundle : bundles) {
        client.refused(
            type + " with conditional entry",
            client.send("POST", "/fhir", token, bundle),
            data.secretsOfB());
        client.refused(
            type + " with conditional entry, create-only system token",
            client.send("POST", "/fhir", system("system/Claim.cud"), bundle),
            data.secretsOfB());
      }
    }
  }
}
