package io.jbuild.cli.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jbuild.cli.RegistryConnectionFlags;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** {@link RegistryConnectionFlags#normaliseHost}: what users type for {@code --insecure-registry}. */
class InsecureHostProperties {
  @Provide
  Arbitrary<String> hosts() {
    Arbitrary<String> label = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-")
        .ofMinLength(1).ofMaxLength(12);
    return label.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join(".", l));
  }

  @Property
  void schemeCaseAndTrailingSlashDoNotMatter(@ForAll("hosts") String host,
      @ForAll @IntRange(min = 1, max = 65535) int port, @ForAll boolean https, @ForAll boolean slash) {
    String typed = (https ? "https://" : "http://") + host.toUpperCase(Locale.ROOT) + ":" + port + (slash ? "/" : "");
    assertEquals(host + ":" + port, RegistryConnectionFlags.normaliseHost(typed));
  }

  @Property
  void normalisingIsIdempotent(@ForAll("hosts") String host, @ForAll @IntRange(min = 1, max = 65535) int port) {
    String once = RegistryConnectionFlags.normaliseHost(host + ":" + port);
    assertEquals(once, RegistryConnectionFlags.normaliseHost(once));
  }

  @Property
  void portsOutsideTheRangeAreRefused(@ForAll("hosts") String host, @ForAll @IntRange(min = 65536) int port) {
    assertThrows(IllegalArgumentException.class, () -> RegistryConnectionFlags.normaliseHost(host + ":" + port));
  }

  @Example
  void ipv6AndRejectedForms() {
    assertEquals("[::1]:5000", RegistryConnectionFlags.normaliseHost("[::1]:5000"));
    assertEquals("[fe80::1]", RegistryConnectionFlags.normaliseHost("[FE80::1]"));
    for (String bad : new String[] {"", "http://", "host/path", "::1", "host:", "host:x", "user@host", "[::1"}) {
      assertThrows(IllegalArgumentException.class, () -> RegistryConnectionFlags.normaliseHost(bad), bad);
    }
  }
}
