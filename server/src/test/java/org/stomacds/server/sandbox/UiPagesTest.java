package org.stomacds.server.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class UiPagesTest {

  @Test
  void pagesMayLoadOnlyTheApplicationsOwnScriptsStylesAndData() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();

    new UiPages.SecurityHeaders()
        .doFilter(new MockHttpServletRequest("GET", "/sandbox/"), response, new MockFilterChain());

    String policy = response.getHeader("Content-Security-Policy");
    assertThat(policy)
        .contains(
            "default-src 'self'", "script-src 'self'", "connect-src 'self'", "object-src 'none'")
        .doesNotContain("unsafe-inline", "unsafe-eval", "*");
    assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(response.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
  }
}
