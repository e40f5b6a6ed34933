package io.jbuild.oci.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class Utf8OrderProperties {
  private static int bytes(String a, String b) {
    return Integer.signum(Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
  }

  @Property(tries = 3000)
  void ordersAsTheUtf8BytesDo(@ForAll("names") String a, @ForAll("names") String b) {
    assertEquals(bytes(a, b), Integer.signum(Utf8Order.compare(a, b)), a + " vs " + b);
  }

  @Property(tries = 1000)
  void regionsOrderAsTheirSubstrings(@ForAll("names") String a, @ForAll("names") String b) {
    String pa = "x/" + a + "/y";
    String pb = "zz" + b;
    assertEquals(bytes(a, b), Integer.signum(Utf8Order.compare(pa, 2, 2 + a.length(), pb, 2, 2 + b.length())));
  }

  /** ASCII, Latin-1, BMP above the surrogates (U+E000..U+FFFD) and supplementary code points mixed. */
  @Provide
  Arbitrary<String> names() {
    Arbitrary<String> cp = Arbitraries.oneOf(
        Arbitraries.integers().between(0x20, 0x7e),
        Arbitraries.integers().between(0xa0, 0xff),
        Arbitraries.integers().between(0xe000, 0xfffd),
        Arbitraries.integers().between(0x10000, 0x10ffff)).map(Character::toString);
    return cp.list().ofMaxSize(6).map(l -> String.join("", l));
  }
}
