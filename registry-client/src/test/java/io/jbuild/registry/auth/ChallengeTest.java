package io.jbuild.registry.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class ChallengeTest {
  @Test
  void parsesDockerHubBearer() {
    List<Challenge> c = Challenge.parseAll("Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\","
        + "scope=\"repository:samalba/my-app:pull,push\"");
    assertEquals(1, c.size());
    assertEquals("bearer", c.get(0).scheme());
    assertEquals("https://auth.docker.io/token", c.get(0).param("realm"));
    assertEquals("registry.docker.io", c.get(0).param("service"));
    assertEquals("repository:samalba/my-app:pull,push", c.get(0).param("scope"));
  }

  @Test
  void parsesBasicUnquotedAndSeveralChallenges() {
    List<Challenge> c = Challenge.parseAll("Basic realm=jbuild-test, Bearer realm=\"https://x/t\", error=\"insufficient_scope\"");
    assertEquals(2, c.size());
    assertEquals(new Challenge("basic", Map.of("realm", "jbuild-test")), c.get(0));
    assertEquals("insufficient_scope", c.get(1).param("error"));
    assertEquals("a\"b", Challenge.parseAll("Bearer realm=\"a\\\"b\"").get(0).param("realm"));
    assertTrue(Challenge.parseAll(null).isEmpty());
    assertTrue(Challenge.parseAll("").isEmpty());
  }

  @Property
  void quotedValuesRoundTrip(@ForAll @StringLength(max = 30) String value, @ForAll @AlphaChars @StringLength(min = 1, max = 8) String name) {
    String quoted = value.replace("\\", "\\\\").replace("\"", "\\\"");
    List<Challenge> c = Challenge.parseAll("Bearer " + name + "=\"" + quoted + "\",service=\"s\"");
    assertEquals(1, c.size());
    if (!name.equalsIgnoreCase("service")) {
      assertEquals(value, c.get(0).param(name));
    }
    assertEquals("s", c.get(0).param("service"));
  }
}
