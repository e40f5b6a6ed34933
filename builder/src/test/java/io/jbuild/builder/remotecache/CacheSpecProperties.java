package io.jbuild.builder.remotecache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jbuild.builder.BuildException;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Printing a spec and parsing the text gives the same spec back. */
class CacheSpecProperties {

  @Property
  void printThenParseIsIdentity(@ForAll("specs") CacheSpec spec) throws BuildException {
    assertEquals(spec, CacheSpec.parse(spec.toString()));
  }

  @Provide
  Arbitrary<CacheSpec> specs() {
    Arbitrary<String> word = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8);
    Arbitrary<CacheMode> mode = Arbitraries.of(CacheMode.class);
    Arbitrary<String> compression = Arbitraries.of("gzip", "zstd").injectNull(0.4);
    Arbitrary<Boolean> ignore = Arbitraries.of(true, false);
    Arbitrary<CacheSpec> registry = Combinators.combine(word, word, mode, compression, ignore)
        .as((repo, tag, m, c, i) -> new CacheSpec(CacheSpec.Type.REGISTRY, "127.0.0.1:5000/" + repo + ":" + tag,
            null, null, null, m, c, i));
    Arbitrary<CacheSpec> local = Combinators.combine(word, word, Arbitraries.of(true, false), mode, compression)
        .as((dir, tag, export, m, c) -> new CacheSpec(CacheSpec.Type.LOCAL, null,
            export ? null : Path.of("/tmp", dir), export ? Path.of("/tmp", dir) : null, tag, m, c, false));
    return Arbitraries.oneOf(registry, local);
  }
}
