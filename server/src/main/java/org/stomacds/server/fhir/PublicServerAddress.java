package org.stomacds.server.fhir;

import ca.uhn.fhir.rest.server.IServerAddressStrategy;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The FHIR base URL HAPI puts in links ({@code self}, {@code next}, {@code fullUrl}, {@code
 * Location}): the configured public address, else the address of the socket the request came in on.
 * Never the request's {@code Host} or {@code X-Forwarded-*} headers: HAPI 8.8.0's default ({@code
 * IncomingRequestAddressStrategy}) builds it from {@code getRequestURL()}, that is from the {@code
 * Host} header, so any caller could make our answers point elsewhere.
 */
final class PublicServerAddress implements IServerAddressStrategy {

  private final String configured;

  /**
   * @param configured the public FHIR base ({@code https://cds.example.org/fhir}), or null
   */
  PublicServerAddress(String configured) {
    this.configured =
        configured == null || configured.isBlank() ? null : configured.replaceAll("/+$", "");
  }

  /** From {@code stomacds.fhir.server-address}, else {@code stomacds.public-base-url} + /fhir. */
  static PublicServerAddress of(String serverAddress, String publicBaseUrl) {
    if (serverAddress != null && !serverAddress.isBlank()) {
      return new PublicServerAddress(serverAddress);
    }
    if (publicBaseUrl != null && !publicBaseUrl.isBlank()) {
      return new PublicServerAddress(publicBaseUrl.replaceAll("/+$", "") + "/fhir");
    }
    return new PublicServerAddress(null);
  }

  @Override
  public String determineServerBase(ServletContext context, HttpServletRequest request) {
    if (configured != null) {
      return configured;
    }
    String host = request.getLocalAddr();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return request.getScheme()
        + "://"
        + host
        + ":"
        + request.getLocalPort()
        + request.getContextPath()
        + request.getServletPath();
  }
}
