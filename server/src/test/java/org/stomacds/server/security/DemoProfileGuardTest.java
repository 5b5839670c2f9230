package org.stomacds.server.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.web.ServerProperties;

class DemoProfileGuardTest {

  private static ServerProperties bound(String address) throws Exception {
    ServerProperties server = new ServerProperties();
    server.setAddress(address == null ? null : InetAddress.getByName(address));
    return server;
  }

  @Test
  void refusesToServeTheDemoOnAnythingButLoopback() throws Exception {
    assertThatThrownBy(() -> DemoProfileGuard.check(bound("0.0.0.0"), true))
        .hasMessageContaining("loopback")
        .hasMessageContaining("0.0.0.0");
    assertThatThrownBy(() -> DemoProfileGuard.check(bound(null), true))
        .hasMessageContaining("unset");
    assertThatThrownBy(() -> DemoProfileGuard.check(bound("10.1.2.3"), true))
        .hasMessageContaining("10.1.2.3");
  }

  @Test
  void servesTheDemoOnLoopback() throws Exception {
    assertThatCode(() -> DemoProfileGuard.check(bound("127.0.0.1"), true))
        .doesNotThrowAnyException();
    assertThatCode(() -> DemoProfileGuard.check(bound("::1"), true)).doesNotThrowAnyException();
  }
}
