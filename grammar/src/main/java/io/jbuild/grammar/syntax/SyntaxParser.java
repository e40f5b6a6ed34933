package io.jbuild.grammar.syntax;

import io.jbuild.grammar.DockerfileSyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses Dockerfile text into {@link Node}s exactly as BuildKit's {@code parser.Parse} does: parser
 * directives at the top, comment lines skipped, lines ending in the escape character joined with the
 * next (comments and blank lines inside a continuation skipped, leading white space of continuation
 * lines kept), heredoc bodies read after RUN/COPY/ADD lines, lines longer than 65535 bytes rejected.
 */
public final class SyntaxParser {
  /** BuildKit's (bufio.Scanner's) limit for one physical line, newline excluded. */
  public static final int MAX_LINE_BYTES = 65535;

  private final String file;
  private final List<String> lines;
  private final DirectiveParser directives = new DirectiveParser();
  private final List<String> warnings = new ArrayList<>();
  private int consumed;

  private SyntaxParser(String file, List<String> lines) {
    this.file = file;
    this.lines = lines;
  }

  /**
   * Parses Dockerfile text. A leading byte-order mark is ignored.
   *
   * @param file    the file name used in messages
   * @param content the whole Dockerfile
   * @return the syntax tree
   * @throws DockerfileSyntaxException when BuildKit's parser would reject the text
   */
  public static SyntaxTree parse(String file, String content) throws DockerfileSyntaxException {
    String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
    return new SyntaxParser(file, physicalLines(text)).run();
  }

  private static List<String> physicalLines(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? text.length() : nl + 1;
      out.add(text.substring(start, end));
      start = end;
    }
    return out;
  }

  private SyntaxTree run() throws DockerfileSyntaxException {
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      int len = l.endsWith("\n") ? l.length() - 1 : l.length();
      if (len > MAX_LINE_BYTES / 3 && l.substring(0, len).getBytes(StandardCharsets.UTF_8).length > MAX_LINE_BYTES) {
        throw new DockerfileSyntaxException(file, i + 1, 1, "dockerfile line greater than max allowed size of " + MAX_LINE_BYTES);
      }
    }
    List<Node> nodes = new ArrayList<>();
    while (consumed < lines.size()) {
      Node node = nextNode();
      if (node != null) {
        nodes.add(node);
      }
    }
    if (nodes.isEmpty()) {
      throw new DockerfileSyntaxException(file, Math.max(consumed, 1), 1, "file with no instructions");
    }
    return new SyntaxTree(file, directives.escape(), directives.directives(), nodes, warnings);
  }

  /** Reads one instruction (or skips one blank/comment line, returning null). */
  private Node nextNode() throws DockerfileSyntaxException {
    int startLine = consumed + 1;
    String untrimmed = GoText.trimNewline(lines.get(consumed));
    String first = GoText.trimLeft(untrimmed);
    int column = untrimmed.codePointCount(0, untrimmed.length() - first.length()) + 1;
    consumed++;
    directive(first, startLine);
    if (GoText.isComment(first)) {
      first = "";
    }
    char escape = directives.escape();
    StringBuilder buf = new StringBuilder();
    boolean endOfLine = appendContinued(buf, first, escape);
    if (endOfLine && buf.length() == 0) {
      return null;
    }
    boolean emptyContinuation = false;
    while (!endOfLine && consumed < lines.size()) {
      String raw = lines.get(consumed);
      String line = GoText.trimNewline(raw);
      consumed++;
      directive(line, consumed);
      if (GoText.isComment(raw)) {
        continue;
      }
      if (GoText.trimLeft(line).isEmpty()) {
        emptyContinuation = true;
        continue;
      }
      endOfLine = appendContinued(buf, line, escape);
    }
    if (emptyContinuation) {
      warnings.add("line " + startLine + ": empty continuation line found in: " + buf);
    }
    String logical = buf.toString();
    Node node;
    try {
      node = NodeFactory.fromLine(logical, escape, startLine, consumed, column);
    } catch (LineError e) {
      throw new DockerfileSyntaxException(file, startLine, column, e.getMessage());
    }
    if (NodeFactory.canContainHeredoc(node) && logical.contains("<<")) {
      node = readHeredocs(node, startLine);
    }
    return node;
  }

  private Node readHeredocs(Node node, int startLine) throws DockerfileSyntaxException {
    List<Heredoc> docs;
    try {
      docs = HeredocParser.fromLine(node.original());
    } catch (LineError e) {
      throw new DockerfileSyntaxException(file, startLine, node.column(), e.getMessage());
    }
    if (docs.isEmpty()) {
      return node;
    }
    List<Heredoc> filled = new ArrayList<>();
    for (Heredoc doc : docs) {
      StringBuilder body = new StringBuilder();
      boolean terminated = false;
      while (consumed < lines.size()) {
        String raw = lines.get(consumed++);
        String candidate = GoText.trimNewline(raw);
        if (doc.chomp()) {
          int t = 0;
          while (t < candidate.length() && candidate.charAt(t) == '\t') {
            t++;
          }
          candidate = candidate.substring(t);
        }
        if (candidate.equals(doc.name())) {
          terminated = true;
          break;
        }
        body.append(raw);
      }
      if (!terminated) {
        throw new DockerfileSyntaxException(file, startLine, node.column(), "unterminated heredoc");
      }
      filled.add(doc.withContent(body.toString()));
    }
    Node child = node.child() == null ? null : node.child().atLines(startLine, consumed);
    Node withDocs = node.withHeredocs(filled, consumed);
    return child == null ? withDocs
        : new Node(withDocs.keyword(), withDocs.flags(), withDocs.args(), child, withDocs.json(), withDocs.original(),
            withDocs.startLine(), withDocs.endLine(), withDocs.column(), withDocs.heredocs());
  }

  private void directive(String line, int lineNumber) throws DockerfileSyntaxException {
    try {
      directives.accept(line, lineNumber);
    } catch (LineError e) {
      throw new DockerfileSyntaxException(file, lineNumber, 1, e.getMessage());
    }
  }

  /**
   * Appends a line without its trailing escape character (and the spaces/tabs after it). As in
   * BuildKit ({@code ([^\\]|^)\\[ \t]*$}), a doubled escape character at the end does not continue.
   *
   * @return true when the line did not end with the escape character (the instruction ends here)
   */
  private static boolean appendContinued(StringBuilder buf, String line, char escape) {
    int end = line.length();
    while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
      end--;
    }
    if (end > 0 && line.charAt(end - 1) == escape && (end == 1 || line.charAt(end - 2) != escape)) {
      buf.append(line, 0, end - 1);
      return false;
    }
    buf.append(line);
    return true;
  }
}
