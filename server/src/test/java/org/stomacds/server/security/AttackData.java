package org.stomacds.server.security;

import java.util.UUID;

/**
 * Two patients, A (the attacker's launch patient) and B (the victim), with Claims and Procedures of
 * each and a Claim of B that names A as its payee, written with full access. Every id and name
 * carries a run id, so the data is this run's alone on a shared database; B's family name, birth
 * date and Claim ids are the secrets no answer to A's tokens may show.
 */
final class AttackData {

  final String run = UUID.randomUUID().toString().substring(0, 8);
  final String a = "atkA" + run;
  final String b = "atkB" + run;
  final String familyA = "Alpha" + run;
  final String familyB = "Bravo" + run;
  final String claimA = "atk-ca-" + run;
  final String claimB = "atk-cb-" + run;
  final String claimBPayeeA = "atk-cbpa-" + run;
  final String procedureA = "atk-pa-" + run;
  final String procedureB = "atk-pb-" + run;
  final String identifierB = "claim-b-" + run;

  AttackData(AttackClient client) {
    String admin = AttackClient.system("system/*.*");
    put(client, admin, "Patient/" + a, patient(a, familyA, "1950-01-01"));
    put(client, admin, "Patient/" + b, patient(b, familyB, "1961-02-03"));
    put(client, admin, "Claim/" + claimA, claim(claimA, a, null, "claim-a-" + run));
    put(client, admin, "Claim/" + claimB, claim(claimB, b, null, identifierB));
    put(client, admin, "Claim/" + claimBPayeeA, claim(claimBPayeeA, b, a, "claim-bpa-" + run));
    put(client, admin, "Procedure/" + procedureA, procedure(procedureA, a, null));
    put(client, admin, "Procedure/" + procedureB, procedure(procedureB, b, null));
  }

  private static void put(AttackClient client, String token, String path, String body) {
    AttackClient.Answer answer = client.send("PUT", "/fhir/" + path, token, body);
    if (answer.status() >= 300) {
      throw new IllegalStateException("setting up " + path + ": " + answer.status());
    }
  }

  /** The secrets of patient B. */
  String[] secretsOfB() {
    return new String[] {familyB, claimB, claimBPayeeA, identifierB, procedureB, "1961-02-03"};
  }

  static String patient(String id, String family, String birthDate) {
    return """
        {"resourceType":"Patient","id":"%s","name":[{"family":"%s"}],"birthDate":"%s"}"""
        .formatted(id, family, birthDate);
  }

  /** A Claim of {@code patient}; {@code payee} names a patient as payee party when not null. */
  static String claim(String id, String patient, String payee, String identifier) {
    String idPart = id == null ? "" : "\"id\":\"" + id + "\",";
    String payeePart =
        payee == null
            ? ""
            : ",\"payee\":{\"type\":{\"text\":\"subscriber\"},\"party\":{\"reference\":\"Patient/"
                + payee
                + "\"}}";
    return ("{\"resourceType\":\"Claim\","
            + idPart
            + "\"status\":\"active\",\"use\":\"claim\",\"created\":\"2026-01-05\","
            + "\"identifier\":[{\"system\":\"urn:stomacds:attack\",\"value\":\"%s\"}],"
            + "\"patient\":{\"reference\":\"Patient/%s\"}%s}")
        .formatted(identifier, patient, payeePart);
  }

  /** A Procedure of {@code subject}; {@code performer} names a patient as performer actor. */
  static String procedure(String id, String subject, String performer) {
    String idPart = id == null ? "" : "\"id\":\"" + id + "\",";
    String performerPart =
        performer == null
            ? ""
            : ",\"performer\":[{\"actor\":{\"reference\":\"Patient/" + performer + "\"}}]";
    return ("{\"resourceType\":\"Procedure\","
            + idPart
            + "\"status\":\"completed\",\"code\":{\"text\":\"attack\"},"
            + "\"subject\":{\"reference\":\"Patient/%s\"}%s}")
        .formatted(subject, performerPart);
  }

  static String coverage(String beneficiary, String subscriber) {
    return """
        {"resourceType":"Coverage","status":"active",
         "beneficiary":{"reference":"Patient/%s"},"subscriber":{"reference":"Patient/%s"},
         "payor":[{"display":"payer"}]}"""
        .formatted(beneficiary, subscriber);
  }

  /** A transaction or batch Bundle of the given entries (JSON objects). */
  static String bundle(String type, String... entries) {
    return "{\"resourceType\":\"Bundle\",\"type\":\""
        + type
        + "\",\"entry\":["
        + String.join(",", entries)
        + "]}";
  }

  static String get(String url) {
    return "{\"request\":{\"method\":\"GET\",\"url\":\"" + url + "\"}}";
  }

  static String write(String method, String url, String resource) {
    return "{\"resource\":"
        + resource
        + ",\"request\":{\"method\":\""
        + method
        + "\",\"url\":\""
        + url
        + "\"}}";
  }

  static String conditionalCreate(String url, String ifNoneExist, String resource) {
    return "{\"resource\":"
        + resource
        + ",\"request\":{\"method\":\"POST\",\"url\":\""
        + url
        + "\",\"ifNoneExist\":\""
        + ifNoneExist
        + "\"}}";
  }

  static String delete(String url) {
    return "{\"request\":{\"method\":\"DELETE\",\"url\":\"" + url + "\"}}";
  }
}
