package org.stomacds.cds.prefetch;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.stomacds.casedata.FhirDataSource;
import org.stomacds.casedata.FhirDataUnavailableException;
import org.stomacds.cds.url.CanonicalUrl;

/**
 * Reads a client's FHIR server over HTTP for one hook call, with that call's bearer token. The
 * token lives in this object only, which lives as long as the request; it is never logged and never
 * appears in an exception message. Redirects are not followed.
 *
 * <p>Every URL fetched (a read, a search, each {@code next} page the server links to) is first put
 * in {@link CanonicalUrl canonical form} and must lie under the base the hook named; that canonical
 * URL is what is fetched. A link that is ambiguous or leads outside the base is not followed (so
 * the token never leaves the base): the search is reported as unavailable, with the reason, rather
 * than answered from a partial result.
 */
final class RemoteFhirDataSource implements FhirDataSource {

  private static final int MAX_PAGES = 5;

  /**
   * Results per page when searches are paged by offset: the largest page our server gives by
   * default ({@code stomacds.fhir.max-page-size}); a server set lower answers smaller pages and
   * links on by offset all the same.
   */
  static final int OFFSET_PAGE_SIZE = 200;

  private static final String FHIR_JSON = "application/fhir+json";

  private final HttpClient http;
  private final FhirContext fhir;
  private final CanonicalUrl base;
  private final CanonicalUrl advertisedBase;
  private final String bearerToken;
  private final Duration timeout;
  private final boolean pageByOffset;

  /**
   * @param fhirServer the base to call; must be in canonical form
   * @param advertisedBase the base the server writes into its own links when it differs from the
   *     one called (our own server, called on loopback, links to its public URL), or null; links
   *     under it are followed under {@code fhirServer} instead
   * @param pageByOffset whether to ask for searches paged by offset ({@code _offset}, {@code
   *     _count}, sorted by id so the pages do not overlap): our own HAPI JPA server answers those
   *     from the query alone, where a plain search is first stored for paging
   */
  RemoteFhirDataSource(
      HttpClient http,
      FhirContext fhir,
      URI fhirServer,
      URI advertisedBase,
      String bearerToken,
      Duration timeout,
      boolean pageByOffset) {
    this.http = http;
    this.fhir = fhir;
    this.base =
        CanonicalUrl.parse(fhirServer.toString())
            .map(CanonicalUrl::withoutQueryAndTrailingSlash)
            .orElseThrow(() -> new IllegalArgumentException("fhirServer is not a canonical URL"));
    this.advertisedBase =
        advertisedBase == null
            ? null
            : CanonicalUrl.parse(advertisedBase.toString())
                .map(CanonicalUrl::withoutQueryAndTrailingSlash)
                .orElse(null);
    this.bearerToken = bearerToken;
    this.timeout = timeout;
    this.pageByOffset = pageByOffset;
  }

  @Override
  public Optional<Resource> read(String reference) {
    HttpResponse<byte[]> response = get(base + "/" + reference, reference);
    if (response.statusCode() == 404 || response.statusCode() == 410) {
      return Optional.empty();
    }
    requireOk(response, reference);
    return Optional.of(parse(response.body(), reference));
  }

  @Override
  public List<Resource> search(String relativeQuery) {
    List<Resource> found = new ArrayList<>();
    String url = base + "/" + (pageByOffset ? pagedByOffset(relativeQuery) : relativeQuery);
    for (int page = 0; page < MAX_PAGES && url != null; page++) {
      HttpResponse<byte[]> response = get(url, relativeQuery);
      requireOk(response, relativeQuery);
      if (!(parse(response.body(), relativeQuery) instanceof Bundle bundle)) {
        throw new FhirDataUnavailableException(
            "fhirServer did not answer " + relativeQuery + " with a Bundle");
      }
      for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
        boolean outcome =
            entry.hasSearch() && entry.getSearch().getMode() == Bundle.SearchEntryMode.OUTCOME;
        if (entry.hasResource() && !outcome && !(entry.getResource() instanceof OperationOutcome)) {
          found.add(entry.getResource());
        }
      }
      Bundle.BundleLinkComponent next = bundle.getLink(Bundle.LINK_NEXT);
      url = next == null || next.getUrl() == null ? null : nextPage(next.getUrl(), relativeQuery);
    }
    return found;
  }

  /**
   * The query asking for its first page by offset, unless it names its own paging or order: HAPI's
   * JPA server loads an offset page synchronously (no search stored for later pages) and links the
   * next page by offset too.
   */
  static String pagedByOffset(String relativeQuery) {
    int question = relativeQuery.indexOf('?');
    String query = question < 0 ? "" : relativeQuery.substring(question + 1);
    for (String parameter : query.split("&")) {
      String name = parameter.split("=", 2)[0];
      if (name.equals("_offset") || name.equals("_count") || name.startsWith("_sort")) {
        return relativeQuery;
      }
    }
    String paging = "_sort=_id&_count=" + OFFSET_PAGE_SIZE + "&_offset=0";
    if (question < 0) {
      return relativeQuery + "?" + paging;
    }
    return relativeQuery + (query.isEmpty() ? "" : "&") + paging;
  }

  /**
   * An absolute URL under the base (or the advertised base), in {@link CanonicalUrl canonical
   * form}, as the relative reference it names: the Binary of a note attachment on this server.
   */
  @Override
  public Optional<String> relativeUrl(String absoluteUrl) {
    Optional<CanonicalUrl> url = CanonicalUrl.parse(absoluteUrl);
    if (url.isEmpty()) {
      return Optional.empty();
    }
    CanonicalUrl under =
        url.get().isUnder(base)
            ? base
            : advertisedBase != null && url.get().isUnder(advertisedBase) ? advertisedBase : null;
    if (under == null) {
      return Optional.empty();
    }
    return org.stomacds.casedata.References.relative(
        url.get().toString().substring(under.toString().length()));
  }

  /** The next page to fetch: under our base (or the advertised one, rebased), else refused. */
  private String nextPage(String link, String what) {
    Optional<CanonicalUrl> url = CanonicalUrl.parseWithQuery(link);
    if (url.isPresent() && url.get().isUnder(base)) {
      return url.get().toString();
    }
    if (url.isPresent() && advertisedBase != null && url.get().isUnder(advertisedBase)) {
      String rest = url.get().toString().substring(advertisedBase.toString().length());
      return base + rest;
    }
    throw new FhirDataUnavailableException(
        "fhirServer's next page of "
            + what
            + " links outside its base (or is not a plain URL): not followed, the search is"
            + " incomplete");
  }

  private HttpResponse<byte[]> get(String url, String what) {
    // What is fetched is the canonical URL, checked to lie under the base.
    CanonicalUrl target =
        CanonicalUrl.parseWithQuery(url)
            .filter(u -> u.isUnder(base))
            .orElseThrow(
                () ->
                    new FhirDataUnavailableException(
                        "the URL for " + what + " would leave fhirServer's base: not fetched"));
    HttpRequest.Builder request;
    try {
      request =
          HttpRequest.newBuilder(target.toUri()).timeout(timeout).header("Accept", FHIR_JSON).GET();
    } catch (IllegalArgumentException e) {
      throw new FhirDataUnavailableException("could not build a request for " + what);
    }
    if (bearerToken != null) {
      request.header("Authorization", "Bearer " + bearerToken);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      throw new FhirDataUnavailableException(
          "fhirServer did not answer " + what + " within " + timeout.toMillis() + " ms");
    } catch (IOException e) {
      throw new FhirDataUnavailableException(
          "fhirServer could not be reached for "
              + what
              + " ("
              + e.getClass().getSimpleName()
              + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FhirDataUnavailableException("interrupted while reading " + what);
    }
  }

  private static void requireOk(HttpResponse<byte[]> response, String what) {
    int status = response.statusCode();
    if (status < 200 || status > 299) {
      throw new FhirDataUnavailableException("fhirServer answered HTTP " + status + " to " + what);
    }
  }

  private Resource parse(byte[] body, String what) {
    try {
      IBaseResource parsed =
          fhir.newJsonParser()
              .parseResource(new String(body, java.nio.charset.StandardCharsets.UTF_8));
      if (parsed instanceof Resource r) {
        return r;
      }
    } catch (DataFormatException e) {
      // fall through: the message may quote the body
    }
    throw new FhirDataUnavailableException(
        "fhirServer's answer to " + what + " is not FHIR R4 JSON");
  }
}
