package org.stomacds.cds.url;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * This application's public addresses: the FHIR base a client names as {@code fhirServer} when it
 * shares our store, the base of the links on cards and in FHIR answers, and of the {@code aud} a
 * CDS Hooks JWT must carry. From {@code stomacds.public-base-url} when it is set; otherwise the
 * address the server actually listens on, known once it does ({@link #listening}: the bound port,
 * also with {@code server.port=0}), and until then a provisional address.
 */
public final class PublicEndpoints {

  private final String configured;
  private volatile String base;
  private volatile boolean boundToLoopback;

  /**
   * @param baseUrl the configured public base, e.g. {@code https://cds.example.org} (a trailing
   *     slash is dropped); it wins over the address the server listens on
   */
  public PublicEndpoints(String baseUrl) {
    this.configured = validated(baseUrl);
    this.base = configured;
  }

  private PublicEndpoints(String configured, String provisional) {
    this.configured = configured;
    this.base = configured != null ? configured : validated(provisional);
  }

  /**
   * From configuration: {@code configured} when set (not blank), else the address the server will
   * report to {@link #listening}, {@code provisional} until it does.
   */
  public static PublicEndpoints of(String configured, String provisional) {
    boolean set = configured != null && !configured.isBlank();
    return new PublicEndpoints(set ? validated(configured.trim()) : null, provisional);
  }

  private static String validated(String baseUrl) {
    URI uri;
    try {
      uri = URI.create(baseUrl);
    } catch (IllegalArgumentException | NullPointerException e) {
      uri = null;
    }
    if (uri == null
        || !uri.isAbsolute()
        || uri.getHost() == null
        || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
      throw new IllegalArgumentException(
          "stomacds.public-base-url must be an absolute http(s) URL, not '" + baseUrl + "'");
    }
    return baseUrl.replaceAll("/+$", "");
  }

  /**
   * Called once the web server listens. Without a configured base URL, ours becomes {@code
   * scheme://host:port/contextPath}: the bound address ({@code localhost} when bound to every
   * address) and the real port.
   *
   * @param host the bound address ({@code server.address}), or null for every address
   * @param port the port the server actually listens on
   * @param contextPath the servlet context path, possibly empty
   * @param tls whether the connector speaks TLS
   */
  public void listening(String host, int port, String contextPath, boolean tls) {
    boolean wildcard =
        host == null
            || host.isBlank()
            || host.equals("0.0.0.0")
            || host.equals("::")
            || host.equals("[::]")
            || host.equals("0:0:0:0:0:0:0:0");
    boundToLoopback = !wildcard && Loopback.isLoopbackHost(host);
    if (configured != null) {
      return;
    }
    String h = wildcard ? "localhost" : host;
    if (h.contains(":") && !h.startsWith("[")) {
      h = "[" + h + "]";
    }
    base =
        validated(
            (tls ? "https" : "http")
                + "://"
                + h
                + ":"
                + port
                + (contextPath == null ? "" : contextPath));
  }

  /** Whether the base URL comes from {@code stomacds.public-base-url}. */
  public boolean isConfigured() {
    return configured != null;
  }

  /** The public base, e.g. {@code https://cds.example.org}, no trailing slash. */
  public String baseUrl() {
    return base;
  }

  /** Our FHIR base: {@code {base}/fhir}. */
  public String fhirBase() {
    return base + "/fhir";
  }

  /**
   * Whether a client's fhirServer is our own FHIR base, both in {@link CanonicalUrl canonical form}
   * (scheme and host case, default port, escapes, a trailing slash are not significant).
   */
  public boolean isOwnFhirBase(URI fhirServer) {
    if (fhirServer == null) {
      return false;
    }
    Optional<CanonicalUrl> own = CanonicalUrl.parse(fhirBase());
    return own.isPresent()
        && CanonicalUrl.parse(fhirServer.toString())
            .map(CanonicalUrl::withoutQueryAndTrailingSlash)
            .filter(own.get().withoutQueryAndTrailingSlash()::equals)
            .isPresent();
  }

  /** An absolute URL under our base, for links. */
  public String url(String path) {
    return base + (path.startsWith("/") ? path : "/" + path);
  }

  /**
   * The URLs a token's {@code aud} may name for this path: {@link #url(String)}, and, only when the
   * server listens on loopback alone and the base names a loopback host, the same URL with the
   * other spellings of loopback ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}). On such a
   * server these spellings, with the same port, can only reach this very listener, so a token for
   * one of them was meant for us; on any other server the base URL must match exactly.
   */
  public List<String> audiences(String path) {
    String url = url(path);
    return boundToLoopback ? Loopback.spellings(url) : List.of(url);
  }
}
