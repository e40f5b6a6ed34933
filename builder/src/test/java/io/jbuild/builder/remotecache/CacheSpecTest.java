package io.jbuild.builder.remotecache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbuild.builder.BuildException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CacheSpecTest {

  @Test
  void registryWithAllAttributes() throws BuildException {
    CacheSpec s = CacheSpec.parse("type=registry,ref=localhost:5000/app:cache,mode=min,compression=zstd");
    assertEquals(CacheSpec.Type.REGISTRY, s.type());
    assertEquals("localhost:5000/app:cache", s.ref());
    assertEquals(CacheMode.MIN, s.mode());
    assertEquals("zstd", s.compression());
    assertFalse(s.ignoreError());
  }

  @Test
  void defaultsAreMaxModeAndNoRecompression() throws BuildException {
    CacheSpec s = CacheSpec.parse("type=registry,ref=r/app:c");
    assertEquals(CacheMode.MAX, s.mode());
    assertNull(s.compression());
  }

  @Test
  void bareReferenceIsRegistryShorthand() throws BuildException {
    assertEquals(CacheSpec.registry("user/app:cache"), CacheSpec.parse("user/app:cache"));
  }

  @Test
  void localDirections() throws BuildException {
    CacheSpec to = CacheSpec.parseTo("type=local,dest=/tmp/c");
    assertEquals(Path.of("/tmp/c"), to.dest());
    assertEquals("latest", to.tag());
    CacheSpec from = CacheSpec.parseFrom("type=local,src=/tmp/c,tag=v1");
    assertEquals(Path.of("/tmp/c"), from.src());
    assertEquals("v1", from.tag());
    BuildException e = assertThrows(BuildException.class, () -> CacheSpec.parseFrom("type=local,dest=/tmp/c"));
    assertTrue(e.getMessage().contains("src="), e.getMessage());
    e = assertThrows(BuildException.class, () -> CacheSpec.parseTo("type=local,src=/tmp/c"));
    assertTrue(e.getMessage().contains("dest="), e.getMessage());
  }

  @Test
  void ignoredBuildkitAttributesAreAccepted() throws BuildException {
    CacheSpec s = CacheSpec.parse("type=registry,ref=r/a:c,oci-mediatypes=true,image-manifest=true,ignore-error=true");
    assertTrue(s.ignoreError());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "type=gha|not supported",
      "type=inline|not supported",
      "type=s4,ref=x|unknown cache type",
      "ref=x/y:z,mode=max|missing type=",
      "type=registry|needs ref=",
      "type=registry,ref=a/b:c,mode=all|mode \"all\"",
      "type=registry,ref=a/b:c,compression=xz|compression \"xz\"",
      "type=registry,ref=a/b:c,dest=/x|unknown attribute \"dest\"",
      "type=local,dest=/x,ref=a|unknown attribute \"ref\"",
      "type=local|needs src=",
      "type=registry,ref=a/b:c,colour=blue|unknown attribute \"colour\"",
      "type=registry,ref=a/b:c,ref=d/e:f|ref given twice",
      "type=registry,ref|expected key=value",
      "type=registry,ref=a/b:c,ignore-error=maybe|ignore-error \"maybe\"",
      "type=registry,ref=Bad/UPPER:x|ref: ",
      "UPPER/Case|ref: ",
  })
  void errorsSayWhatIsWrong(String text, String expected) {
    BuildException e = assertThrows(BuildException.class, () -> CacheSpec.parse(text));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertTrue(e.getMessage().startsWith("invalid cache spec \"" + text + "\""), e.getMessage());
  }

  @Test
  void emptyIsAnError() {
    assertThrows(BuildException.class, () -> CacheSpec.parse(" "));
  }
}
