package org.stomacds.server.sandbox;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The web pages the application serves itself: the sandbox ({@code /sandbox/}), the dashboard
 * ({@code /dashboard/}) and their shared assets ({@code /ui/}), static files under {@code static/}.
 *
 * <p>Every answer under those paths carries a Content-Security-Policy that allows only this
 * application's own scripts, styles, images and connections. The pages render card Markdown that
 * quotes procedure notes; the renderer builds only allowlisted elements, and the policy is the
 * second wall: an inline script or an event handler that slipped through would still not run, and
 * nothing can be fetched from elsewhere.
 */
@Configuration
class UiPages implements WebMvcConfigurer {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none';"
          + " form-action 'self'; frame-ancestors 'none'";

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    for (String page : new String[] {"sandbox", "dashboard"}) {
      registry.addRedirectViewController("/" + page, "/" + page + "/");
      registry.addViewController("/" + page + "/").setViewName("forward:/" + page + "/index.html");
    }
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> uiSecurityHeaders() {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new SecurityHeaders());
    registration.addUrlPatterns("/sandbox/*", "/dashboard/*", "/ui/*", "/sandbox", "/dashboard");
    registration.setName("uiSecurityHeaders");
    return registration;
  }

  /** The policy and friends, on every answer of the pages and their assets. */
  static final class SecurityHeaders extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
      response.setHeader("X-Content-Type-Options", "nosniff");
      response.setHeader("Referrer-Policy", "no-referrer");
      // Revalidate each time (a cheap 304): a new version's scripts are never mixed with old ones.
      response.setHeader("Cache-Control", "no-cache");
      chain.doFilter(request, response);
    }
  }
}
