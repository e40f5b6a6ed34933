package io.jbuild.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistryLoginTest {
  @ParameterizedTest
  @CsvSource({
      "docker.io, docker.io",
      "index.docker.io, docker.io",
      "https://index.docker.io/v1/, docker.io",
      "registry-1.docker.io, docker.io",
      "'', docker.io",
      "https://Registry.Example.com:5000/, registry.example.com:5000",
      "localhost:5000, localhost:5000",
      "ghcr.io/owner, ghcr.io",
  })
  void normalisesRegistryNames(String input, String expected) {
    assertEquals(expected, RegistryLogin.normalise(input));
  }
}
