package io.jbuild.registry.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Docker credential helper ({@code docker-credential-<name>} on the {@code PATH}) with the
 * protocol of docker/docker-credential-helpers: the command name as argument, the server URL or a JSON
 * object on stdin, JSON on stdout. Output of a failing helper is not echoed (it may hold secrets).
 */
final class CredentialHelper {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN_USER = "<token>";

  private final String program;
  private final String searchPath;

  /**
   * @param name helper name ({@code pass}, {@code ecr-login}, ...)
   * @param searchPath a {@code PATH}-style list of directories to find the program in
   */
  CredentialHelper(String name, String searchPath) {
    if (!name.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("invalid credential helper name: " + name);
    }
    this.program = "docker-credential-" + name;
    this.searchPath = searchPath == null ? "" : searchPath;
  }

  private String executable() throws IOException {
    for (String dir : searchPath.split(java.io.File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      java.nio.file.Path candidate = java.nio.file.Path.of(dir, program);
      if (java.nio.file.Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new IOException("credential helper " + program + " not found on PATH");
  }

  /** {@code get}: empty when the helper knows nothing for this server. */
  Optional<Credentials> get(String serverUrl) throws IOException {
    Result r = run("get", serverUrl);
    if (r.exit != 0) {
      if (r.out.toLowerCase(java.util.Locale.ROOT).contains("credentials not found")) {
        return Optional.empty();
      }
      throw new IOException(program + " get " + serverUrl + ": exited with status " + r.exit);
    }
    JsonNode node = JSON.readTree(r.out);
    String user = node.path("Username").asText("");
    String secret = node.path("Secret").asText("");
    if (secret.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(TOKEN_USER.equals(user) ? new Credentials("", null, secret)
        : Credentials.basic(user, secret));
  }

  /** {@code store}. */
  void store(String serverUrl, Credentials credentials) throws IOException {
    ObjectNode node = JSON.createObjectNode();
    node.put("ServerURL", serverUrl);
    node.put("Username", credentials.hasIdentityToken() ? TOKEN_USER : credentials.username());
    node.put("Secret", credentials.hasIdentityToken() ? credentials.identityToken() : credentials.password());
    Result r = run("store", JSON.writeValueAsString(node));
    if (r.exit != 0) {
      throw new IOException(program + " store " + serverUrl + ": exited with status " + r.exit);
    }
  }

  /** {@code erase}. */
  void erase(String serverUrl) throws IOException {
    Result r = run("erase", serverUrl);
    if (r.exit != 0 && !r.out.toLowerCase(java.util.Locale.ROOT).contains("not found")) {
      throw new IOException(program + " erase " + serverUrl + ": exited with status " + r.exit);
    }
  }

  private record Result(int exit, String out) {}

  private Result run(String command, String input) throws IOException {
    Process p;
    try {
      p = new ProcessBuilder(executable(), command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IOException("running credential helper " + program + ": " + e.getMessage(), e);
    }
    try (OutputStream stdin = p.getOutputStream()) {
      stdin.write(input.getBytes(StandardCharsets.UTF_8));
    }
    String out;
    try (InputStream stdout = p.getInputStream()) {
      out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
    }
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("credential helper " + program + " " + command + ": timed out");
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("credential helper " + program + " " + command + ": interrupted", e);
    }
    return new Result(p.exitValue(), out);
  }
}
