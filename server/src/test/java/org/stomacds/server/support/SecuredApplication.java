package org.stomacds.server.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@link SharedApplication} (the same context) with raw HTTP for the security tests: requests go
 * out exactly as built, with the token a test chose or none.
 */
public abstract class SecuredApplication extends SharedApplication {

  private static final HttpClient RAW =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  protected static String url(String path) {
    return baseUrl() + path;
  }

  /** The aud of a CDS Hooks JWT for this endpoint: the public base URL + path. */
  protected static String audience(String path) {
    return baseUrl() + path;
  }

  protected static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(60));
  }

  /** Sends the request as it is: no token added. */
  protected static HttpResponse<String> exchange(HttpRequest request) {
    try {
      return RAW.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
