package io.jbuild.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class DigestTest {
  @Test
  void sha256OfEmptyIsTheWellKnownValue() {
    assertEquals("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        Digest.sha256(new byte[0]).toString());
  }

  @Test
  void rejectsPathLikeHex() {
    assertThrows(IllegalArgumentException.class, () -> Digest.parse("sha256:../../etc/passwd"));
    assertThrows(IllegalArgumentException.class, () -> Digest.parse("md5:abc"));
    assertThrows(IllegalArgumentException.class, () -> Digest.parse("nocolon"));
  }

  @Property
  void parseRoundTrips(@ForAll String s) {
    Digest d = Digest.sha256(s.getBytes(StandardCharsets.UTF_8));
    assertEquals(d, Digest.parse(d.toString()));
  }
}
