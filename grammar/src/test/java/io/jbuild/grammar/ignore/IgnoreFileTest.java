package io.jbuild.grammar.ignore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ReadAll rules the corpus input does not show: BOM, CRLF, comment placement. */
class IgnoreFileTest {

  @Test
  void stripsBomOnTheFirstLineOnly() {
    assertEquals(List.of("a", "\uFEFFb"), IgnoreFile.read("\uFEFFa\n\uFEFFb"));
    assertEquals(List.of(), IgnoreFile.read("\uFEFF# comment"));
  }

  @Test
  void handlesCrLfAndFinalNewline() {
    assertEquals(List.of("a", "b/c"), IgnoreFile.read("a\r\n./b//c/\r\n"));
    assertEquals(List.of(), IgnoreFile.read(""));
    assertEquals(List.of(), IgnoreFile.read("\n\n  \t\n"));
  }

  @Test
  void commentsOnlyAtColumnZero() {
    assertEquals(List.of("# not a comment", "!x"), IgnoreFile.read(" # not a comment\n#c\n! x"));
  }

  @Test
  void cleansAndStripsOneLeadingSlash() {
    assertEquals(List.of("a", "/", "!b", "..", "!"),
        IgnoreFile.read("/a/\n/\n!  /b/.\n../a/..\n!  "));
  }

  @Test
  void readsUtf8Streams() throws IOException {
    byte[] bytes = "\uFEFFé/*\n".getBytes(StandardCharsets.UTF_8);
    assertEquals(List.of("é/*"), IgnoreFile.read(new ByteArrayInputStream(bytes)));
  }
}
