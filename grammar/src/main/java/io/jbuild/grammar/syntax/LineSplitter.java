package io.jbuild.grammar.syntax;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;

/**
 * Splits a logical instruction line into keyword, flags and the rest with the ANTLR grammar {@code
 * InstructionLexer}/{@code InstructionParser}, as BuildKit's {@code splitCommand} and {@code
 * extractBuilderFlags} do: flag words have their quotes and backslash escapes removed, a flag word
 * that reads {@code --} ends the flags and is dropped, and the rest is returned trimmed.
 */
final class LineSplitter {
  /** The three parts of a line. */
  record Parts(String keyword, List<String> flags, String rest) {}

  private LineSplitter() {}

  static Parts split(String line) {
    String trimmed = GoText.trim(line);
    InstructionLexer lexer = new InstructionLexer(CharStreams.fromString(trimmed));
    InstructionParser parser = AntlrErrors.aborting(lexer, new InstructionParser(new CommonTokenStream(lexer)));
    InstructionParser.LineContext tree;
    try {
      tree = parser.line();
    } catch (AntlrErrors.Abort e) {
      throw new LineError("cannot split instruction line: " + e.getMessage());
    }
    return new Visitor(trimmed).visitLine(tree);
  }

  private static final class Visitor extends InstructionParserBaseVisitor<Parts> {
    private final String line;

    Visitor(String line) {
      this.line = line;
    }

    @Override
    public Parts visitLine(InstructionParser.LineContext ctx) {
      String keyword = ctx.keyword().getText();
      List<String> flags = new ArrayList<>();
      String rest = "";
      InstructionParser.BodyContext body = ctx.body();
      if (body != null) {
        for (int i = 0; i < body.getChildCount(); i++) {
          if (!(body.getChild(i) instanceof ParserRuleContext child)) {
            continue; // FLAG_SPACE
          }
          if (child instanceof InstructionParser.FlagContext flag) {
            String word = new FlagDecoder().visitFlag(flag);
            if (word.equals("--")) {
              rest = GoText.trim(line.substring(line.offsetByCodePoints(0, flag.getStop().getStopIndex() + 1)));
              break;
            }
            flags.add(word);
          } else {
            rest = GoText.trim(child.getText());
          }
        }
      }
      return new Parts(keyword, flags, rest);
    }
  }

  /** A flag word with its quotes and backslash escapes removed ({@code --a="b c"} reads {@code --a=b c}). */
  private static final class FlagDecoder extends InstructionParserBaseVisitor<String> {
    @Override
    public String visitFlag(InstructionParser.FlagContext ctx) {
      StringBuilder b = new StringBuilder("--");
      for (InstructionParser.FlagPartContext part : ctx.flagPart()) {
        b.append(visit(part));
      }
      return b.toString();
    }

    @Override
    public String visitPlainPart(InstructionParser.PlainPartContext ctx) {
      return ctx.getText();
    }

    @Override
    public String visitEscapedPart(InstructionParser.EscapedPartContext ctx) {
      return ctx.getText().substring(1);
    }

    @Override
    public String visitDoubleQuotedPart(InstructionParser.DoubleQuotedPartContext ctx) {
      return quoted(ctx.DQ_TEXT(), ctx.DQ_ESCAPE(), ctx);
    }

    @Override
    public String visitSingleQuotedPart(InstructionParser.SingleQuotedPartContext ctx) {
      return quoted(ctx.SQ_TEXT(), ctx.SQ_ESCAPE(), ctx);
    }

    private static String quoted(java.util.List<org.antlr.v4.runtime.tree.TerminalNode> text,
        java.util.List<org.antlr.v4.runtime.tree.TerminalNode> escapes, ParserRuleContext ctx) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < ctx.getChildCount(); i++) {
        if (ctx.getChild(i) instanceof org.antlr.v4.runtime.tree.TerminalNode t) {
          if (text.contains(t)) {
            b.append(t.getText());
          } else if (escapes.contains(t)) {
            b.append(t.getText().substring(1));
          }
        }
      }
      return b.toString();
    }
  }
}
