package io.jbuild.builder.copy;

import io.jbuild.oci.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fetches an ADD {@code http(s)://} source into a scratch file, hashing while writing.
 *
 * <p>The file name is the last segment of the URL path (trailing slashes ignored, like Go's
 * {@code path.Base}), as BuildKit's Dockerfile front end does; when the path has none, the
 * {@code Content-Disposition} filename (BuildKit ignores it), else {@code __unnamed__}. The mtime
 * comes from {@code Last-Modified}, else it is the Unix epoch, as BuildKit's HTTP source does
 * (both verified against BuildKit 0.8).
 */
final class UrlFetcher {
  /** A downloaded source. */
  record Fetched(Path file, String name, long size, Optional<Instant> lastModified, String sha256) {}

  private static final Pattern DISPOSITION = Pattern.compile("filename\\s*=\\s*\"?([^\";]+)\"?");

  private final Supplier<HttpClient> client;
  private HttpClient made;

  UrlFetcher(HttpClient client) {
    this(() -> client);
  }

  private UrlFetcher(Supplier<HttpClient> client) {
    this.client = client;
  }

  /**
   * A fetcher whose HTTP client is made on the first fetch: building one initialises the default
   * TLS context (the system trust store, ~0.3 s), which most builds, having no ADD URL, never need.
   */
  static UrlFetcher withDefaultClient() {
    return new UrlFetcher(() -> io.jbuild.registry.HttpClients.build(HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(30))));
  }

  private synchronized HttpClient client() {
    if (made == null) {
      made = client.get();
    }
    return made;
  }

  static boolean isUrl(String s) {
    return s.startsWith("http://") || s.startsWith("https://");
  }

  static boolean isGit(String s) {
    return s.startsWith("git://") || s.startsWith("git@") || (isUrl(s) && (s.endsWith(".git") || s.contains(".git#")));
  }

  /**
   * @throws IOException {@code fetching URL: HTTP 404} and the like
   */
  Fetched fetch(String url, Path scratch) throws IOException {
    URI uri = URI.create(url);
    HttpRequest req = HttpRequest.newBuilder(uri).GET().header("User-Agent", "jbuild").build();
    HttpResponse<InputStream> resp;
    try {
      resp = client().send(req, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("fetching " + url + ": interrupted", e);
    } catch (IOException | IllegalArgumentException e) {
      throw new IOException("fetching " + url + ": " + e.getMessage(), e);
    }
    Files.createDirectories(scratch);
    Path file = Files.createTempFile(scratch, "url", ".download");
    MessageDigest md = Digest.newSha256();
    long size;
    try (InputStream in = resp.body()) {
      if (resp.statusCode() != 200) {
        throw new IOException("fetching " + url + ": HTTP " + resp.statusCode());
      }
      try (OutputStream os = new DigestOutputStream(Files.newOutputStream(file), md)) {
        size = in.transferTo(os);
      }
    }
    String name = nameOf(uri, resp.headers().firstValue("Content-Disposition").orElse(null));
    Optional<Instant> mtime = resp.headers().firstValue("Last-Modified").flatMap(UrlFetcher::parseHttpDate);
    return new Fetched(file, name, size, mtime, java.util.HexFormat.of().formatHex(md.digest()));
  }

  static String nameOf(URI uri, String disposition) {
    String path = uri.getPath();
    if (path != null) {
      while (path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      String trimmed = path.substring(path.lastIndexOf('/') + 1);
      if (!trimmed.isEmpty() && !trimmed.equals(".") && !trimmed.equals("..")) {
        return trimmed;
      }
    }
    if (disposition != null) {
      Matcher m = DISPOSITION.matcher(disposition);
      if (m.find()) {
        String f = m.group(1).trim();
        f = f.substring(f.lastIndexOf('/') + 1);
        if (!f.isEmpty() && !f.equals(".") && !f.equals("..")) {
          return f;
        }
      }
    }
    return "__unnamed__";
  }

  private static Optional<Instant> parseHttpDate(String s) {
    try {
      return Optional.of(ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
