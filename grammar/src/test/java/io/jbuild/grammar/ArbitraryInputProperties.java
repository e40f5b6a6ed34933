package io.jbuild.grammar;

import io.jbuild.grammar.json.DockerfileJson;
import io.jbuild.grammar.json.DockerfileText;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Whatever the input, the parser either succeeds or throws {@link DockerfileSyntaxException}. */
class ArbitraryInputProperties {

  private static void parseAndRender(String name, byte[] bytes) {
    try {
      Dockerfile df = DockerfileParser.parse(name, bytes);
      DockerfileJson.write(df);
      DockerfileText.write(df);
      DockerfilePrinter.print(df);
    } catch (DockerfileSyntaxException expected) {
      // the only allowed failure
    }
  }

  @Property(tries = 500)
  void arbitraryBytes(@ForAll @Size(max = 400) byte[] bytes) {
    parseAndRender("Dockerfile", bytes);
  }

  @Provide
  Arbitrary<String> dockerfileLike() {
    Arbitrary<String> token = Arbitraries.of("FROM", "from", "RUN", "COPY", "ADD", "ENV", "LABEL", "ARG", "ONBUILD", "HEALTHCHECK",
        "CMD", "SHELL", "ENTRYPOINT", "EXPOSE", "VOLUME", "USER", "WORKDIR", "STOPSIGNAL", "MAINTAINER", "NONE", "AS", "a", "b=c",
        "=", "\"", "'", "\\", "`", "[", "]", "[\"x\"", ",", "1", "--", "--from=", "--mount=", "--chmod", "<<EOF", "<<-'E'", "3<<X",
        "EOF", "E", "X", "#", "# escape=`", "# syntax=x", "$", "${", "}", "${a:-b}", "\t", " ", "\n", "\r\n", "\\\n", "`\n",
        "\u00a0", "\u0085", "\ud83d\ude00", "\u0000", "{", ":", "null", "1e999", "CMD-SHELL");
    return token.list().ofMaxSize(60).map(l -> String.join(" ", l));
  }

  @Property(tries = 2000)
  void dockerfileLikeText(@ForAll("dockerfileLike") String text) {
    parseAndRender("Dockerfile", text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Property(tries = 300)
  void arbitraryUnicode(@ForAll @Size(max = 200) String text) {
    parseAndRender("Dockerfile", text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
