package org.stomacds.server.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.mock.env.MockEnvironment;

class DemoProfileGuardTest {

  private static ServerProperties bound(String address) throws Exception {
    ServerProperties server = new ServerProperties();
    server.setAddress(address == null ? null : InetAddress.getByName(address));
    server.setPort(8080);
    return server;
  }

  private static MockEnvironment settings(String... keyValues) {
    MockEnvironment environment = new MockEnvironment();
    for (int i = 0; i < keyValues.length; i += 2) {
      environment.setProperty(keyValues[i], keyValues[i + 1]);
    }
    return environment;
  }

  @Test
  void refusesToServeTheDemoOnAnythingButLoopback() throws Exception {
    assertThatThrownBy(() -> DemoProfileGuard.check(bound("0.0.0.0"), settings(), true))
        .hasMessageContaining("loopback")
        .hasMessageContaining("0.0.0.0");
    assertThatThrownBy(() -> DemoProfileGuard.check(bound(null), settings(), true))
        .hasMessageContaining("unset");
    assertThatThrownBy(() -> DemoProfileGuard.check(bound("10.1.2.3"), settings(), true))
        .hasMessageContaining("10.1.2.3");
  }

  @Test
  void servesTheDemoOnLoopback() throws Exception {
    assertThatCode(() -> DemoProfileGuard.check(bound("127.0.0.1"), settings(), true))
        .doesNotThrowAnyException();
    assertThatCode(() -> DemoProfileGuard.check(bound("::1"), settings(), true))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesAManagementPortOnEveryInterfaceOrOffLoopback() throws Exception {
    assertThatThrownBy(
            () ->
                DemoProfileGuard.check(
                    bound("127.0.0.1"),
                    settings(
                        "management.server.port", "9090", "management.server.address", "0.0.0.0"),
                    true))
        .hasMessageContaining("management.server.address")
        .hasMessageContaining("0.0.0.0")
        .hasMessageContaining("9090");
    assertThatThrownBy(
            () ->
                DemoProfileGuard.check(
                    bound("127.0.0.1"), settings("management.server.port", "9090"), true))
        .hasMessageContaining("management.server.address is unset (all interfaces)");
    assertThatThrownBy(
            () ->
                DemoProfileGuard.check(
                    bound("127.0.0.1"),
                    settings(
                        "management.server.port", "0", "management.server.address", "10.0.0.7"),
                    true))
        .hasMessageContaining("10.0.0.7");
    ServerProperties randomPort = bound("127.0.0.1");
    randomPort.setPort(0);
    assertThatThrownBy(
            () ->
                DemoProfileGuard.check(
                    randomPort,
                    settings("management.server.port", "0", "management.server.address", "0.0.0.0"),
                    true))
        .hasMessageContaining("management.server.address is 0.0.0.0");
  }

  @Test
  void acceptsAManagementPortOnLoopbackOrTheApplicationsOwnListener() throws Exception {
    assertThatCode(
            () ->
                DemoProfileGuard.check(
                    bound("127.0.0.1"),
                    settings(
                        "management.server.port", "9090", "management.server.address", "127.0.0.1"),
                    true))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                DemoProfileGuard.check(
                    bound("127.0.0.1"), settings("management.server.port", "8080"), true))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                DemoProfileGuard.check(
                    bound("127.0.0.1"), settings("management.server.port", "-1"), true))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesARemoteJmxPortOffLoopback() throws Exception {
    assertThatThrownBy(
            () ->
                DemoProfileGuard.check(
                    bound("127.0.0.1"),
                    settings("com.sun.management.jmxremote.port", "9010"),
                    true))
        .hasMessageContaining("com.sun.management.jmxremote.host");
    assertThatCode(
            () ->
                DemoProfileGuard.check(
                    bound("127.0.0.1"),
                    settings(
                        "com.sun.management.jmxremote.port",
                        "9010",
                        "com.sun.management.jmxremote.host",
                        "127.0.0.1"),
                    true))
        .doesNotThrowAnyException();
  }
}
