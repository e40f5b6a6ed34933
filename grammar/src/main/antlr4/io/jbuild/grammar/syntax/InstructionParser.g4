/*
 * Parser for one logical Dockerfile instruction line (see InstructionLexer). The visitor in
 * io.jbuild.grammar.syntax turns the tree into a Node; ANTLR types never leave the module.
 */
parser grammar InstructionParser;

options { tokenVocab = InstructionLexer; }

line : keyword ( SEPARATOR body )? EOF ;
keyword : KEYWORD ;
body : ( flag | FLAG_SPACE )* rest? ;
flag : FLAG_START flagPart* ;
flagPart
  : WORD_TEXT                                              # plainPart
  | WORD_ESCAPE                                            # escapedPart
  | DQUOTE_OPEN ( DQ_TEXT | DQ_ESCAPE )* DQUOTE_CLOSE?     # doubleQuotedPart
  | SQUOTE_OPEN ( SQ_TEXT | SQ_ESCAPE )* SQUOTE_CLOSE?     # singleQuotedPart
  ;
rest : REST ;
