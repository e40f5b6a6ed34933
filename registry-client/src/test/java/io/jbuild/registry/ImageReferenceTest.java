package io.jbuild.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jbuild.oci.Digest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Docker's reference normalisation (distribution/reference ParseNormalizedNamed + TagNameOnly). */
class ImageReferenceTest {
  private static final String HEX = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "busybox                      | docker.io | library/busybox | latest | busybox              | registry-1.docker.io",
      "busybox:1.36                 | docker.io | library/busybox | 1.36   | busybox              | registry-1.docker.io",
      "library/busybox              | docker.io | library/busybox | latest | busybox              | registry-1.docker.io",
      "docker.io/busybox            | docker.io | library/busybox | latest | busybox              | registry-1.docker.io",
      "index.docker.io/busybox:x    | docker.io | library/busybox | x      | busybox              | registry-1.docker.io",
      "docker.io/library/a/b        | docker.io | library/a/b     | latest | library/a/b          | registry-1.docker.io",
      "user/app:v1.2_3-rc           | docker.io | user/app        | v1.2_3-rc | user/app          | registry-1.docker.io",
      "localhost/app                | localhost | app             | latest | localhost/app        | localhost",
      "localhost:5000/app:1         | localhost:5000 | app        | 1      | localhost:5000/app   | localhost:5000",
      "127.0.0.1:5000/a/b/c:v       | 127.0.0.1:5000 | a/b/c      | v      | 127.0.0.1:5000/a/b/c | 127.0.0.1:5000",
      "ghcr.io/owner/repo           | ghcr.io   | owner/repo      | latest | ghcr.io/owner/repo   | ghcr.io",
      "Foo/bar                      | Foo       | bar             | latest | Foo/bar              | Foo",
      "[::1]:5000/foo               | [::1]:5000 | foo            | latest | [::1]:5000/foo       | [::1]:5000",
      "localhost:5000               | docker.io | library/localhost | 5000 | localhost            | registry-1.docker.io",
      "a.b-c.example.com/x__y.z--w  | a.b-c.example.com | x__y.z--w | latest | a.b-c.example.com/x__y.z--w | a.b-c.example.com",
  })
  void normalises(String text, String domain, String repository, String tag, String familiar, String registry) {
    ImageReference ref = ImageReference.parse(text);
    assertEquals(domain, ref.domain());
    assertEquals(repository, ref.repository());
    assertEquals(tag, ref.tag());
    assertNull(ref.digest());
    assertEquals(familiar, ref.familiarName());
    assertEquals(registry, ref.registry());
    assertEquals(domain + "/" + repository + ":" + tag, ref.toString());
    assertEquals(ref, ImageReference.parse(ref.toString()));
    assertEquals(ref, ImageReference.parse(ref.familiarString()));
  }

  @Test
  void digests() {
    ImageReference pinned = ImageReference.parse("example.com/foo@sha256:" + HEX);
    assertNull(pinned.tag());
    assertEquals(Digest.parse("sha256:" + HEX), pinned.digest());
    assertEquals("sha256:" + HEX, pinned.manifestReference());
    assertEquals("example.com/foo@sha256:" + HEX, pinned.toString());

    ImageReference both = ImageReference.parse("busybox:1.36@sha256:" + HEX);
    assertEquals("1.36", both.tag());
    assertEquals("sha256:" + HEX, both.manifestReference());
    assertEquals("docker.io/library/busybox:1.36@sha256:" + HEX, both.toString());
    assertEquals("busybox:1.36@sha256:" + HEX, both.familiarString());
    assertEquals("latest", both.withTag("latest").tag());
    assertNull(both.withTag("latest").digest());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ":tag", "@sha256:" + HEX, "foo:", "foo/", "foo//bar", "-foo", "foo-", "foo___bar",
      "foo.-bar", "a:b:c", "foo@sha256:abc", "foo bar", "foo/bar:ta g", "foo/.bar", "/foo", "foo@", "foo:-tag",
      "http://example.com/foo"})
  void rejectsInvalid(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageReference.parse(text));
    assertEquals(true, e.getMessage().startsWith("invalid reference format"), e.getMessage());
  }

  @Test
  void explainsProblems() {
    assertEquals("invalid reference format: repository name (library/Busybox) must be lowercase",
        assertThrows(IllegalArgumentException.class, () -> ImageReference.parse("Busybox")).getMessage());
    assertEquals("invalid reference format: repository name (Owner/repo) must be lowercase",
        assertThrows(IllegalArgumentException.class, () -> ImageReference.parse("ghcr.io/Owner/repo:1")).getMessage());
    assertEquals("invalid repository name (" + HEX + "), cannot specify 64-byte hexadecimal strings",
        assertThrows(IllegalArgumentException.class, () -> ImageReference.parse(HEX)).getMessage());
    assertEquals("invalid reference format: unsupported digest (md5:0123456789abcdef0123456789abcdef)",
        assertThrows(IllegalArgumentException.class,
            () -> ImageReference.parse("foo@md5:0123456789abcdef0123456789abcdef")).getMessage());
    String longName = "a".repeat(256);
    assertEquals(true, assertThrows(IllegalArgumentException.class, () -> ImageReference.parse(longName))
        .getMessage().contains("must not be more than 255 characters"));
    ImageReference.parse("a".repeat(255));
    ImageReference.parse("foo:" + "t".repeat(128));
    assertThrows(IllegalArgumentException.class, () -> ImageReference.parse("foo:" + "t".repeat(129)));
  }

  @Property
  void printThenParseIsIdentity(@ForAll("references") ImageReference ref) {
    assertEquals(ref, ImageReference.parse(ref.toString()));
    assertEquals(ref, ImageReference.parse(ref.familiarString()));
  }

  @Provide
  Arbitrary<ImageReference> references() {
    Arbitrary<String> alnum = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789")
        .ofMinLength(1).ofMaxLength(6);
    Arbitrary<String> separator = Arbitraries.of(".", "_", "__", "-", "--");
    Arbitrary<String> component = Combinators.combine(alnum, separator, alnum, Arbitraries.of(true, false))
        .as((a, s, b, two) -> two ? a + s + b : a);
    Arbitrary<String> path = component.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join("/", l));
    Arbitrary<String> domain = Arbitraries.of("docker.io", "localhost", "localhost:5000", "127.0.0.1:5000",
        "ghcr.io", "registry.example.com:443", "[::1]:5000", "Foo");
    Arbitrary<String> tag = Arbitraries.strings().withChars("abcXYZ019_.-").ofMinLength(0).ofMaxLength(12)
        .filter(t -> t.isEmpty() || Character.isLetterOrDigit(t.charAt(0)) || t.charAt(0) == '_');
    Arbitrary<Digest> digest = Arbitraries.strings().withChars("0123456789abcdef").ofLength(64)
        .map(h -> new Digest("sha256", h)).injectNull(0.5);
    return Combinators.combine(domain, path, tag, digest).as((d, p, t, g) -> {
      String repository = d.equals("docker.io") && !p.contains("/") ? "library/" + p : p;
      return new ImageReference(d, repository, t.isEmpty() ? null : t, g);
    });
  }
}
