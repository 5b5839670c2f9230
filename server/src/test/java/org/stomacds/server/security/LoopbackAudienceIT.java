package org.stomacds.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.stomacds.server.support.SecuredApplication;
import org.stomacds.server.support.TestTokens;

/**
 * The shared application listens on 127.0.0.1 only and its public base is {@code
 * http://127.0.0.1:PORT}: a CDS Hooks JWT may name the endpoint with any spelling of loopback
 * ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}) and that port, since on a loopback-only
 * server they all reach this one listener. Anything else still has to match exactly.
 */
class LoopbackAudienceIT extends SecuredApplication {

  private static final String PATH = "/cds-services";

  private static int status(String audience) {
    String jwt = TestTokens.ehr().sign(TestTokens.cdsHooksClaims(audience));
    HttpResponse<String> answer =
        exchange(request(PATH).header("Authorization", "Bearer " + jwt).GET().build());
    return answer.statusCode();
  }

  @Test
  void acceptsEverySpellingOfLoopbackWithOurPort() {
    int port = URI.create(baseUrl()).getPort();
    assertThat(status("http://127.0.0.1:" + port + PATH)).isEqualTo(200);
    assertThat(status("http://localhost:" + port + PATH)).isEqualTo(200);
    assertThat(status("http://[::1]:" + port + PATH)).isEqualTo(200);
  }

  @Test
  void refusesAnotherPortSchemeHostOrPath() {
    int port = URI.create(baseUrl()).getPort();
    assertThat(status("http://localhost:" + (port == 65535 ? port - 1 : port + 1) + PATH))
        .isEqualTo(401);
    assertThat(status("https://localhost:" + port + PATH)).isEqualTo(401);
    assertThat(status("http://cds.example.org:" + port + PATH)).isEqualTo(401);
    assertThat(status("http://localhost:" + port + PATH + "/cpt-44405-order-sign")).isEqualTo(401);
  }
}
