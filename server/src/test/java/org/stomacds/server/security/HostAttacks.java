package org.stomacds.server.security;

import static org.stomacds.server.security.AttackClient.system;

import org.stomacds.server.security.AttackClient.Answer;

/** Row 12: links, Location headers and redirects never come from Host or X-Forwarded-*. */
final class HostAttacks {

  private static final String EVIL = "evil.test";

  private final AttackClient client;

  HostAttacks(AttackClient client) {
    this.client = client;
  }

  void linksAndRedirectsIgnoreTheHostHeader() {
    String token = system("system/*.rs");
    String[][] headerSets = {
      {"Host", EVIL},
      {"Host", EVIL + ":443"},
      {"X-Forwarded-Host", EVIL, "X-Forwarded-Proto", "https", "X-Forwarded-Port", "443"},
      {"Forwarded", "host=" + EVIL + ";proto=https"},
      {"Host", EVIL, "X-Forwarded-Host", EVIL, "X-Forwarded-Prefix", "/evil"},
    };
    for (String[] headers : headerSets) {
      Answer search = client.raw("GET", "/fhir/Patient?_count=1", token, headers);
      client.allowed("search with " + headers[0], search);
      client.leaks("search links with " + headers[0], search, EVIL, "/evil");
      if (!search.body().contains("\"url\":\"" + client.baseUrl() + "/fhir/Patient")) {
        client.expectStatus("self link is our public base", search, -1);
      }
      Answer redirect = client.raw("GET", "/sandbox", token, headers);
      client.leaks("redirect with " + headers[0], redirect, EVIL, "/evil");
      Answer create = client.raw("GET", "/fhir/Patient?_count=1&_getpagesoffset=0", token, headers);
      client.leaks("paging with " + headers[0], create, EVIL);
    }
  }
}
