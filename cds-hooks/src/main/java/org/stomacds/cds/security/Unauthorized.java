package org.stomacds.cds.security;

import java.nio.charset.StandardCharsets;

/**
 * The one answer to a call refused for its token: status 401, {@code WWW-Authenticate: Bearer} and
 * a generic body that says nothing of the reason. Given by the filter, and by the endpoints when a
 * replay is only found as the call's rows are written.
 */
public final class Unauthorized {

  public static final int STATUS = 401;
  public static final String CHALLENGE_HEADER = "WWW-Authenticate";
  public static final String CHALLENGE = "Bearer";

  private static final byte[] BODY =
      "{\"error\":\"unauthorized\",\"message\":\"a valid CDS Hooks JWT is required\"}"
          .getBytes(StandardCharsets.UTF_8);

  private Unauthorized() {}

  /** The JSON body (a copy). */
  public static byte[] body() {
    return BODY.clone();
  }
}
