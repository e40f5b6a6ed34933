package io.jbuild.registry.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Credentials for one registry: a user name with a password, or an identity (refresh) token as Docker
 * stores after an OAuth login ({@code identitytoken}). {@link #toString} never shows secrets.
 *
 * @param username user name (may be empty with an identity token)
 * @param password password or personal access token, or {@code null}
 * @param identityToken OAuth2 refresh token, or {@code null}
 */
public record Credentials(String username, String password, String identityToken) {
  public Credentials {
    username = username == null ? "" : username;
  }

  /** User name and password. */
  public static Credentials basic(String username, String password) {
    return new Credentials(username, password, null);
  }

  /** Decodes Docker's {@code auth} field: base64 of {@code user:password}. */
  public static Credentials fromAuthField(String auth) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(auth.trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid auth field: not base64", null);
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("invalid auth field: no user:password");
    }
    return basic(decoded.substring(0, colon), decoded.substring(colon + 1));
  }

  /** Docker's {@code auth} field for these credentials. */
  public String authField() {
    return Base64.getEncoder().encodeToString(
        (username + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
  }

  /** The value of an HTTP {@code Authorization: Basic ...} header. */
  public String basicHeader() {
    return "Basic " + authField();
  }

  /** True when a refresh token is present. */
  public boolean hasIdentityToken() {
    return identityToken != null && !identityToken.isEmpty();
  }

  @Override
  public String toString() {
    return "Credentials[username=" + username + ", secret=" + (password != null || hasIdentityToken()
        ? "<redacted>" : "<none>") + "]";
  }
}
