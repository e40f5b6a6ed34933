package io.jbuild.cli;

import io.jbuild.registry.RegistryClient;
import io.jbuild.registry.RegistryClients;
import io.jbuild.registry.RegistryException;
import io.jbuild.registry.RegistryLogin;
import io.jbuild.registry.auth.CredentialStores;
import io.jbuild.registry.auth.Credentials;
import io.jbuild.registry.auth.DockerConfig;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jbuild login [-u USER] [-p PASS | --password-stdin] [REGISTRY]}, as {@code docker login}
 * does it: the credentials are verified against the registry first and only then stored in Docker's
 * config ({@code $DOCKER_CONFIG/config.json}, default {@code ~/.docker/config.json}; through the
 * configured credential helper, else base64 in {@code auths} with file mode 0600). Without
 * {@code REGISTRY} it logs in to Docker Hub. Without user and password it first tries the stored
 * credentials, then prompts on the terminal (never echoing the password). Prints
 * {@code Login Succeeded}; a refused login exits 3 with the registry's error code. Secrets never appear
 * in any output.
 */
@Command(name = "login", mixinStandardHelpOptions = true,
    description = "Log in to a registry and store the credentials in Docker's config.json.",
    footer = {"", "Examples:", "  echo \"$TOKEN\" | jbuild login -u ci --password-stdin registry.example.com",
        "  jbuild login --registry-ca ca.pem -u me registry.internal:5000"})
public final class LoginCommand implements Callable<Integer> {
  /** The longest password or token read from standard input. */
  static final int MAX_STDIN_PASSWORD = 64 * 1024;

  @Spec
  CommandSpec spec;

  @Mixin
  RegistryConnectionFlags connection = new RegistryConnectionFlags();

  @Option(names = {"-u", "--username"}, paramLabel = "USER", description = "User name")
  String username;

  @Option(names = {"-p", "--password"}, paramLabel = "PASS",
      description = "Password or token (insecure: visible in the process list; prefer --password-stdin)")
  String password;

  @Option(names = "--password-stdin", description = "Read the password or token from standard input")
  boolean passwordStdin;

  @Parameters(index = "0", arity = "0..1", paramLabel = "REGISTRY",
      description = "host[:port] of the registry (default: Docker Hub)")
  String registry;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (password != null && passwordStdin) {
      throw usage("--password and --password-stdin are mutually exclusive");
    }
    if (passwordStdin && username == null) {
      throw usage("--password-stdin needs --username");
    }
    String host;
    try {
      host = RegistryLogin.normalise(registry);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    if (password != null) {
      err.println("WARNING! Using --password via the CLI is insecure. Use --password-stdin.");
      err.flush();
    }
    DockerConfig config = DockerConfig.fromEnvironment(System.getenv());
    RegistryClient client = RegistryClients.create(
        connection.options().withCredentials(CredentialStores.anonymous()));
    if (username == null && password == null && !passwordStdin && loggedInWithStored(client, config, host, err)) {
      out.println("Login Succeeded");
      out.flush();
      return ExitCodes.OK;
    }
    Credentials credentials = credentials(host);
    client.checkLogin(host, credentials);
    try {
      config.store(host, credentials);
    } catch (IOException e) {
      throw new IOException("storing credentials for " + host + " in " + config.path() + ": " + e.getMessage(), e);
    }
    if (storedInPlainText(config, credentials)) {
      err.println("WARNING! Your password is stored unencrypted in " + config.path()
          + " (configure a credential helper to avoid this).");
      err.flush();
    }
    out.println("Login Succeeded");
    out.flush();
    return ExitCodes.OK;
  }

  /** Docker's shortcut: a bare {@code login} with valid stored credentials succeeds without a prompt. */
  private boolean loggedInWithStored(RegistryClient client, DockerConfig config, String host, PrintWriter err)
      throws IOException, RegistryException {
    Optional<Credentials> stored = config.find(host);
    if (stored.isEmpty()) {
      return false;
    }
    err.println("Authenticating with existing credentials...");
    err.flush();
    try {
      client.checkLogin(host, stored.get());
      return true;
    } catch (RegistryException e) {
      if (System.console() == null) {
        throw e.withContext("the stored credentials were refused");
      }
      err.println("Stored credentials were refused: " + e.getMessage());
      err.flush();
      return false;
    }
  }

  private Credentials credentials(String host) throws IOException {
    String user = username;
    String secret = password;
    if (passwordStdin) {
      secret = readPassword(System.in);
    }
    Console console = System.console();
    if (user == null || user.isBlank() || secret == null) {
      if (console == null) {
        throw usage("cannot perform an interactive login without a terminal: use --username with "
            + "--password-stdin");
      }
      if (user == null || user.isBlank()) {
        user = console.readLine("Username for %s: ", host);
      }
      if (secret == null) {
        char[] typed = console.readPassword("Password: ");
        secret = typed == null ? null : new String(typed);
      }
    }
    if (user == null || user.trim().isEmpty()) {
      throw usage("a user name is required");
    }
    if (secret == null || secret.isEmpty()) {
      throw usage("a password is required");
    }
    return Credentials.basic(user.trim(), secret);
  }

  /** Standard input without its final line break, as {@code docker login --password-stdin} reads it. */
  private String readPassword(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_STDIN_PASSWORD + 1);
    if (bytes.length > MAX_STDIN_PASSWORD) {
      throw usage("--password-stdin: input longer than " + MAX_STDIN_PASSWORD + " bytes");
    }
    String s = new String(bytes, StandardCharsets.UTF_8);
    if (s.endsWith("\n")) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.endsWith("\r")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  /** True when the config file itself holds the secret (no credential helper took it). */
  private static boolean storedInPlainText(DockerConfig config, Credentials credentials) {
    try {
      return Files.isRegularFile(config.path())
          && Files.readString(config.path()).contains("\"" + credentials.authField() + "\"");
    } catch (IOException e) {
      return false;
    }
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
