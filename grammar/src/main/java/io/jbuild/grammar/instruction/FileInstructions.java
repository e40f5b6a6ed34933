package io.jbuild.grammar.instruction;

import io.jbuild.grammar.syntax.HeredocParser;
import io.jbuild.grammar.syntax.LineError;
import java.util.ArrayList;
import java.util.List;

/** The instructions about files and paths: ADD, COPY, VOLUME, WORKDIR. */
final class FileInstructions {
  private FileInstructions() {}

  static Add add(Request r) {
    if (r.args().size() < 2) {
      throw Errors.noDestination("ADD");
    }
    Flags f = r.flags().string("chown").string("chmod").bool("link").bool("keep-git-dir").string("checksum")
        .strings("exclude").bool("unpack").parse();
    String dest = destination(r, "ADD");
    return new Add(r.range(), sources(r), dest, f.value("chown"), f.value("chmod"), f.isTrue("link"),
        f.isTrue("keep-git-dir"), f.value("checksum"), f.values("exclude"), f.optionalBool("unpack"), r.heredocs());
  }

  static Copy copy(Request r) {
    if (r.args().size() < 2) {
      throw Errors.noDestination("COPY");
    }
    Flags f = r.flags().string("chown").string("from").string("chmod").bool("link").bool("parents")
        .strings("exclude").parse();
    String dest = destination(r, "COPY");
    return new Copy(r.range(), sources(r), dest, f.value("from"), f.value("chown"), f.value("chmod"),
        f.isTrue("link"), f.isTrue("parents"), f.values("exclude"), r.heredocs());
  }

  private static String destination(Request r, String keyword) {
    String dest = r.args().get(r.args().size() - 1);
    if (isHeredoc(dest)) {
      throw new LineError(keyword + " cannot accept a heredoc as a destination");
    }
    return dest;
  }

  private static List<String> sources(Request r) {
    return new ArrayList<>(r.args().subList(0, r.args().size() - 1));
  }

  private static boolean isHeredoc(String word) {
    try {
      return HeredocParser.parseWord(word) != null;
    } catch (LineError e) {
      return false;
    }
  }

  static Volume volume(Request r) {
    if (r.args().isEmpty()) {
      throw Errors.atLeastOne("VOLUME");
    }
    r.flags().parse();
    List<String> paths = new ArrayList<>();
    for (String v : r.args()) {
      String t = io.jbuild.grammar.syntax.GoText.trim(v);
      if (t.isEmpty()) {
        throw new LineError("VOLUME specified can not be an empty string");
      }
      paths.add(t);
    }
    return new Volume(r.range(), paths);
  }

  static Workdir workdir(Request r) {
    if (r.args().size() != 1) {
      throw Errors.exactlyOne("WORKDIR");
    }
    r.flags().parse();
    return new Workdir(r.range(), r.args().get(0));
  }
}
