package org.stomacds.server.security;

import static org.stomacds.server.security.AttackClient.system;
import static org.stomacds.server.security.AttackClient.token;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.stomacds.server.security.AttackClient.Answer;

/** Row 6: chains, reverse chains, includes and sorts that reach types the token cannot read. */
final class ChainAttacks {

  private final AttackClient client;
  private final AttackData data;

  ChainAttacks(AttackClient client, AttackData data) {
    this.client = client;
    this.data = data;
  }

  private Answer get(String token, String path) {
    return client.send("GET", path, token, null);
  }

  void chainsIntoUnreadableTypesAreRefused() {
    String[] procedureSearches = {
      "subject:Patient.family=" + data.familyB,
      "subject.family=" + data.familyB,
      "subject:Patient.birthdate=1961-02-03",
      "patient.birthdate=1961-02-03",
      "subject:Patient.general-practitioner:Practitioner.family=x",
      "subject:Patient._has:Claim:patient:identifier=" + enc(data.identifierB),
      "_sort=subject.family",
      "_list=List/x",
      "_revinclude=Claim:procedure-udi",
      "_include=Procedure:subject:Patient",
      "_include:iterate=Procedure:subject:Patient",
    };
    String[] tokens = {
      system("system/Procedure.rs"), system("user/Procedure.read"), system("system/Procedure.*")
    };
    for (String token : tokens) {
      for (String search : procedureSearches) {
        client.refused(
            "Procedure?" + search,
            get(token, "/fhir/Procedure?" + search + "&_summary=count"),
            data.secretsOfB());
      }
    }
    String[] patientSearches = {
      "_has:Claim:patient:identifier=" + enc(data.identifierB),
      "_has:Claim:patient:status=active",
      "_has:Procedure:subject:_has:Claim:procedure-udi:status=active",
      "_revinclude=Claim:patient",
      "_revinclude=*",
      "general-practitioner:Practitioner.family=x",
    };
    for (String search : patientSearches) {
      client.refused(
          "Patient?" + search,
          get(system("system/Patient.rs"), "/fhir/Patient?" + search),
          data.secretsOfB());
    }
    // Depth 2: Patient readable, Practitioner not.
    client.refused(
        "depth 2 chain",
        get(
            system("system/Procedure.rs", "system/Patient.rs"),
            "/fhir/Procedure?subject:Patient.general-practitioner:Practitioner.family=x"));
    client.refused(
        "_has then chain",
        get(
            system("system/Patient.rs", "system/Claim.rs"),
            "/fhir/Patient?_has:Claim:patient:provider:Practitioner.family=x"));
    // POST _search with the chain in the form body.
    client.refused(
        "POST _search",
        client.send(
            "POST",
            "/fhir/Procedure/_search",
            system("system/Procedure.rs"),
            "subject:Patient.family=" + data.familyB,
            "Content-Type",
            "application/x-www-form-urlencoded"));
  }

  void chainsNeedMoreThanAPatientScope() {
    String token = token(data.a, "patient/Procedure.rs", "patient/Patient.rs", "patient/Claim.rs");
    String own = "patient=Patient/" + data.a;
    String[] searches = {
      own + "&subject:Patient.family=" + data.familyA,
      own + "&subject.family=" + data.familyB,
      own + "&subject:Patient._has:Claim:payee:status=active",
    };
    for (String search : searches) {
      client.refused("patient-scoped Procedure?" + search, get(token, "/fhir/Procedure?" + search));
    }
    client.refused(
        "patient-scoped _has",
        get(token, "/fhir/Patient?_id=" + data.a + "&_has:Claim:payee:status=active"));
  }

  void chainsWithReadOnEveryTypeStillWork() {
    Answer answer =
        get(
            system("system/Procedure.rs", "system/Patient.rs"),
            "/fhir/Procedure?subject:Patient.family=" + data.familyB);
    client.allowed("chain with read on both", answer);
    if (!answer.body().contains(data.procedureB)) {
      client.expectStatus("chain finds B's procedure", answer, -1);
    }
    client.allowed(
        "user scopes, _has",
        get(
            system("user/Patient.rs", "user/Claim.rs"),
            "/fhir/Patient?_has:Claim:patient:identifier=" + enc(data.identifierB)));
    client.allowed(
        "_revinclude with read on both",
        get(
            system("system/Patient.rs", "system/Claim.rs"),
            "/fhir/Patient?_id=" + data.b + "&_revinclude=Claim:patient"));
    client.allowed(
        "patient scope with own _revinclude",
        get(
            token(data.a, "patient/Patient.rs", "patient/Claim.rs"),
            "/fhir/Patient?_id=" + data.a + "&_revinclude=Claim:patient"));
  }

  void chainsInTransactionAndBatchEntries() {
    for (String type : new String[] {"transaction", "batch"}) {
      for (String url :
          new String[] {
            "Procedure?subject:Patient.family=" + data.familyB,
            "Procedure?subject:Patient._has:Claim:patient:status=active",
            "Procedure?subject:Patient.general-practitioner:Practitioner.family=x",
            "Patient?_has:Claim:patient:status=active",
            "Patient?_revinclude=Claim:patient",
          }) {
        String token =
            url.startsWith("Procedure?subject:Patient.family")
                ? system("system/Procedure.rs")
                : system("system/Procedure.rs", "system/Patient.rs");
        client.refused(
            type + " GET " + url,
            client.send("POST", "/fhir", token, AttackData.bundle(type, AttackData.get(url))),
            data.secretsOfB());
      }
    }
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
