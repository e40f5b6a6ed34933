package io.jbuild.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Man pages rendered by the real groff, with warnings turned into failures. */
class ManPagesTest {
  @TempDir Path tmp;

  private static String[] groff(Path page) throws Exception {
    Process p = new ProcessBuilder("groff", "-man", "-Tascii", "-ww", "-rLL=100n", page.toString())
        .redirectError(ProcessBuilder.Redirect.PIPE).start();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    // -Tascii overstrikes bold and underlined text; strip it to compare words
    String text = new String(out, StandardCharsets.US_ASCII).replaceAll(".\b", "");
    return new String[] {String.valueOf(p.exitValue()), text, new String(err, StandardCharsets.UTF_8)};
  }

  @Test
  void everyCommandGetsAPageThatGroffRendersWithoutWarnings() throws Exception {
    List<Path> pages = ManPages.write(tmp);
    List<String> names = pages.stream().map(p -> p.getFileName().toString()).toList();
    assertTrue(names.containsAll(List.of("jbuild.1", "jbuild-build.1", "jbuild-version.1", "jbuild-completion.1")),
        names.toString());
    assertTrue(!names.contains("jbuild-help.1"), "picocli's help command has no page");
    for (Path page : pages) {
      String[] r = groff(page);
      assertEquals("0", r[0], page + ": " + r[2]);
      assertEquals("", r[2], page + " has groff warnings");
      assertTrue(r[1].contains("NAME") && r[1].contains("SYNOPSIS"), page + ":\n" + r[1]);
    }
  }

  @Test
  void theBuildPageDocumentsOptionsArgumentsAndExamples() throws Exception {
    ManPages.write(tmp);
    String text = groff(tmp.resolve("jbuild-build.1"))[1];
    assertTrue(text.contains("jbuild-build - Build an image from a Dockerfile."), text);
    assertTrue(text.contains("-t, --tag=NAME"), text);
    assertTrue(text.contains("--progress=MODE"), text);
    assertTrue(text.contains("CONTEXT"), text);
    assertTrue(text.contains("EXAMPLES") && text.contains("jbuild -t demo:1 ."), text);
    assertTrue(text.contains("jbuild(1)"), "see also the parent page");
  }

  @Test
  void theTopPageListsCommandsEnvironmentAndExitStatus() throws Exception {
    ManPages.write(tmp);
    String text = groff(tmp.resolve("jbuild.1"))[1];
    assertTrue(text.contains("COMMANDS") && text.contains("jbuild-build(1)"), text);
    assertTrue(text.contains("JBUILD_PROGRESS") && text.contains("NO_COLOR"), text);
    assertTrue(text.contains("EXIT STATUS"), text);
  }

  @Test
  void pagesAreReproducible() throws Exception {
    List<Path> first = ManPages.write(tmp.resolve("a"));
    List<Path> second = ManPages.write(tmp.resolve("b"));
    assertEquals(first.size(), second.size());
    for (int i = 0; i < first.size(); i++) {
      assertArrayEquals(Files.readAllBytes(first.get(i)), Files.readAllBytes(second.get(i)), first.get(i).toString());
    }
  }

  @Test
  void troffControlCharactersAreEscaped() {
    assertEquals("\\&.hidden", ManPageWriter.esc(".hidden"));
    assertEquals("\\&'quoted", ManPageWriter.esc("'quoted"));
    assertEquals("a\\eb \\-\\-x", ManPageWriter.esc("a\\b --x"));
    assertEquals(List.of("one\ntwo", "three"), ManPageWriter.paragraphs(new String[] {"", "one%ntwo", "", "three"}));
  }
}
