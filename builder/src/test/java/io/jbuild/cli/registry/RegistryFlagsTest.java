package io.jbuild.cli.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbuild.cli.RegistryFlags;
import io.jbuild.oci.Platform;
import io.jbuild.registry.RegistryOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@link RegistryFlags} parsed by picocli as a command mixes it in, and the options it builds. */
class RegistryFlagsTest {
  @TempDir Path tmp;

  @Command(name = "probe")
  static final class Probe implements Runnable {
    @Mixin RegistryFlags registry;

    @Override
    public void run() {}
  }

  private static RegistryFlags parse(String... args) {
    Probe probe = new Probe();
    new CommandLine(probe).parseArgs(args);
    return probe.registry;
  }

  @Test
  void defaultsAreDockersCertsDirAndTheHostPlatform() {
    RegistryFlags flags = parse();
    RegistryOptions o = flags.options();
    assertEquals(Path.of("/etc/docker/certs.d"), o.certsDir());
    assertEquals(List.of(), o.extraCas());
    assertEquals(Set.of(), o.insecureRegistries());
    assertEquals(Optional.empty(), flags.requestedPlatform());
    assertEquals(Platform.host(), flags.platform());
  }

  @Test
  void everyFlagReachesTheOptions() throws Exception {
    Path a = Files.writeString(tmp.resolve("a.pem"), "x");
    Path b = Files.writeString(tmp.resolve("b.pem"), "y");
    Path certs = Files.createDirectories(tmp.resolve("certs.d"));
    RegistryFlags flags = parse("--registry-ca", a.toString(), "--registry-ca=" + b,
        "--insecure-registry", "Reg.Example:5000", "--insecure-registry", "http://other.lan/",
        "--certs-dir", certs.toString(), "--platform", "linux/aarch64");
    RegistryOptions o = flags.options();
    assertEquals(List.of(a.toAbsolutePath(), b.toAbsolutePath()), o.extraCas());
    assertEquals(Set.of("reg.example:5000", "other.lan"), o.insecureRegistries());
    assertEquals(certs.toAbsolutePath(), o.certsDir());
    assertEquals(Platform.of("linux", "arm64", null), flags.platform());
  }

  @Test
  void invalidValuesAreUsageErrorsNamingTheFlag() {
    CommandLine.ParameterException ca = assertThrows(CommandLine.ParameterException.class,
        () -> parse("--registry-ca", tmp.resolve("missing.pem").toString()).options());
    assertEquals("invalid --registry-ca \"" + tmp.resolve("missing.pem") + "\": no such readable file",
        ca.getMessage());
    CommandLine.ParameterException dir = assertThrows(CommandLine.ParameterException.class,
        () -> parse("--certs-dir", tmp.resolve("nope").toString()).options());
    assertTrue(dir.getMessage().startsWith("invalid --certs-dir"), dir.getMessage());
    CommandLine.ParameterException host = assertThrows(CommandLine.ParameterException.class,
        () -> parse("--insecure-registry", "host:99999").options());
    assertEquals("invalid --insecure-registry \"host:99999\": port 99999 is out of range 1..65535",
        host.getMessage());
    CommandLine.ParameterException platform = assertThrows(CommandLine.ParameterException.class,
        () -> parse("--platform", "linux").platform());
    assertEquals("invalid --platform \"linux\": expected OS/ARCH[/VARIANT]", platform.getMessage());
  }
}
