package io.jbuild.builder.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

class CacheKeyProperties {
  private static CacheKey key(String parent, String op, Map<String, String> env, String source) {
    return CacheKey.builder(parent, "linux/amd64").op(op).env(env).flag("chown", "1:1").source(source).build();
  }

  @Property
  void sameInputsSameKeyWhateverTheEnvOrder(@ForAll @StringLength(max = 20) String op,
      @ForAll @Size(max = 6) Map<@StringLength(min = 1, max = 5) String, @StringLength(max = 5) String> env,
      @ForAll long seed) {
    List<Map.Entry<String, String>> entries = new ArrayList<>(env.entrySet());
    Collections.shuffle(entries, new java.util.Random(seed));
    Map<String, String> shuffled = new LinkedHashMap<>();
    entries.forEach(e -> shuffled.put(e.getKey(), e.getValue()));
    assertEquals(key("scratch", op, env, "s"), key("scratch", op, shuffled, "s"));
  }

  @Property
  void everyFieldChangesTheKey(@ForAll @StringLength(max = 10) String op, @ForAll @StringLength(max = 10) String v) {
    CacheKey base = key("scratch", op, Map.of("A", v), "src");
    assertNotEquals(base, key("sha256:" + "0".repeat(64), op, Map.of("A", v), "src"));
    assertNotEquals(base, key("scratch", op + "x", Map.of("A", v), "src"));
    assertNotEquals(base, key("scratch", op, Map.of("A", v + "x"), "src"));
    assertNotEquals(base, key("scratch", op, Map.of("A", v), "src2"));
    assertNotEquals(base, key("scratch", op, Map.of("A", v), null));
  }

  @Property
  void fieldBoundariesCannotBeForged(@ForAll @StringLength(max = 8) String a, @ForAll @StringLength(max = 8) String b) {
    // moving text between the op and an env value never gives the same key
    CacheKey one = key("p", a + b, Map.of("K", ""), null);
    CacheKey two = key("p", a, Map.of("K", b), null);
    if (!b.isEmpty()) {
      assertNotEquals(one, two);
    }
  }
}
