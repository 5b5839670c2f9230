package org.stomacds.cds.prefetch;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Resource;
import org.stomacds.casedata.FhirDataSource;
import org.stomacds.casedata.FhirDataUnavailableException;
import org.stomacds.cds.url.CanonicalUrl;
import org.stomacds.cds.url.PublicEndpoints;

/**
 * Our own FHIR server as a hook's {@code fhirServer}: read with the caller's authority only. The
 * reads go over HTTP to our own {@code /fhir} on this machine's loopback, carrying the hook's
 * {@code fhirAuthorization} token, so they pass the same door as any other {@code /fhir} access:
 * the token is verified by the API's resource server and its SMART scopes (and {@code patient}) are
 * enforced by HAPI. Without a valid token, nothing is read (the hook answers 412, saying why). The
 * service's own unrestricted access to the store ({@code LocalFhirStore}) is never used for a hook
 * call that names a {@code fhirServer}.
 */
public final class OwnFhirServer {

  private final RemoteFhirDataSourceFactory http;
  private final PublicEndpoints endpoints;
  private volatile URI dialBase;
  private volatile String notListening = "this service's own FHIR server is not listening yet";

  public OwnFhirServer(RemoteFhirDataSourceFactory http, PublicEndpoints endpoints) {
    this.http = http;
    this.endpoints = endpoints;
  }

  /**
   * Called once the web server listens: where our {@code /fhir} answers on this machine.
   *
   * @param host the address the server is bound to, or null (all addresses: loopback is used)
   * @param port its port
   * @param contextPath the servlet context path, possibly empty
   * @param tls whether the connector speaks TLS (then no loopback call is possible: refused)
   */
  public void listening(String host, int port, String contextPath, boolean tls) {
    if (tls) {
      notListening =
          "this service's own FHIR server speaks TLS on its own port; reading it back as a"
              + " fhirServer is not supported (terminate TLS in front of the application)";
      dialBase = null;
      return;
    }
    String h = host == null || host.isBlank() || host.equals("0.0.0.0") ? "127.0.0.1" : host;
    if (h.equals("::") || h.equals("[::]") || h.equals("0:0:0:0:0:0:0:0")) {
      h = "127.0.0.1";
    } else if (h.contains(":") && !h.startsWith("[")) {
      h = "[" + h + "]";
    }
    String path = contextPath == null ? "" : contextPath;
    dialBase = CanonicalUrl.of("http://" + h + ":" + port + path + "/fhir", false).toUri();
  }

  /** A source reading our own store over our own {@code /fhir}, with this token (or none). */
  public FhirDataSource asCaller(String accessToken) {
    URI base = dialBase;
    if (base == null) {
      return FhirDataSource.unavailable(notListening);
    }
    FhirDataSource source = http.ownServer(base, URI.create(endpoints.fhirBase()), accessToken);
    String hint =
        accessToken == null
            ? "fhirServer is this service's own FHIR server, which is read only with the hook's"
                + " fhirAuthorization access token, and none was sent"
            : "fhirServer is this service's own FHIR server, read with the hook's"
                + " fhirAuthorization access token";
    return new FhirDataSource() {
      @Override
      public Optional<Resource> read(String reference) {
        try {
          return source.read(reference);
        } catch (FhirDataUnavailableException e) {
          throw new FhirDataUnavailableException(hint + ": " + e.getMessage());
        }
      }

      @Override
      public Optional<String> relativeUrl(String absoluteUrl) {
        return source.relativeUrl(absoluteUrl);
      }

      @Override
      public List<Resource> search(String relativeQuery) {
        try {
          return source.search(relativeQuery);
        } catch (FhirDataUnavailableException e) {
          throw new FhirDataUnavailableException(hint + ": " + e.getMessage());
        }
      }
    };
  }
}
