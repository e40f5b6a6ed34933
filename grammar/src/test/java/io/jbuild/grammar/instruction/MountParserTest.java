package io.jbuild.grammar.instruction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbuild.grammar.syntax.LineError;
import java.util.List;
import org.junit.jupiter.api.Test;

class MountParserTest {
  @Test
  void csvFieldsKeepOrderAndRawValues() {
    Mount m = MountParser.parse("type=secret,id=npmrc,TARGET=/root/.npmrc,required,\"mode=0400\",uid=$UID");
    assertEquals("secret", m.type());
    assertEquals("/root/.npmrc", m.target());
    assertEquals("$UID", m.option("uid"));
    assertEquals("0400", m.option("mode"));
    assertTrue(m.has("required"));
    assertNull(m.option("required"));
    assertFalse(m.has("ro"));
    assertEquals(List.of("type", "id", "target", "required", "mode", "uid"), m.options().stream().map(Mount.Option::key).toList());
    assertEquals("bind", MountParser.parse("target=/x").type());
    assertEquals("a,\"b", MountParser.parse("\"src=a,\"\"b\"").option("src"));
  }

  @Test
  void rejectsWhatBuildKitRejectsBeforeExpansion() {
    assertThrows(LineError.class, () -> MountParser.parse(""));
    assertThrows(LineError.class, () -> MountParser.parse("src=a\"b"));
    assertThrows(LineError.class, () -> MountParser.parse("src=\"ab"));
    assertEquals("'from' doesn't support variable expansion, define alias stage instead",
        assertThrows(LineError.class, () -> MountParser.parse("from=${STAGE},target=/x")).getMessage());
  }
}
