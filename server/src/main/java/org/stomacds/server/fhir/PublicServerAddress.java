package org.stomacds.server.fhir;

import ca.uhn.fhir.rest.server.IServerAddressStrategy;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;
import org.stomacds.cds.url.PublicEndpoints;

/**
 * The FHIR base URL HAPI puts in links ({@code self}, {@code next}, {@code fullUrl}, {@code
 * Location}): {@code stomacds.fhir.server-address} when set, else the application's public base
 * ({@link PublicEndpoints}: {@code stomacds.public-base-url}, else where the server listens) +
 * {@code /fhir}. Never the request's {@code Host} or {@code X-Forwarded-*} headers: HAPI 8.8.0's
 * default ({@code IncomingRequestAddressStrategy}) builds it from {@code getRequestURL()}, that is
 * from the {@code Host} header, so any caller could make our answers point elsewhere.
 */
final class PublicServerAddress implements IServerAddressStrategy {

  private final Supplier<String> base;

  private PublicServerAddress(Supplier<String> base) {
    this.base = base;
  }

  /** From {@code stomacds.fhir.server-address}, else the public base + /fhir. */
  static PublicServerAddress of(String serverAddress, PublicEndpoints endpoints) {
    if (serverAddress != null && !serverAddress.isBlank()) {
      String fixed = serverAddress.trim().replaceAll("/+$", "");
      return new PublicServerAddress(() -> fixed);
    }
    return new PublicServerAddress(endpoints::fhirBase);
  }

  /** The FHIR base links are built on. */
  String fhirBase() {
    return base.get();
  }

  @Override
  public String determineServerBase(ServletContext context, HttpServletRequest request) {
    return base.get();
  }
}
