/*
 * Lexer for one logical Dockerfile instruction line: the pre-pass (SyntaxParser) has already
 * detected parser directives, joined continuation lines, skipped comments and collected heredoc
 * bodies, and trimmed the line (Go strings.TrimSpace). What is left is
 *   KEYWORD  SEPARATOR  ( FLAG | FLAG_SPACE )*  REST?
 * exactly as BuildKit's splitCommand + extractBuilderFlags split it: the keyword ends at the first
 * run of [ \t\v\f\r]; a flag is a word starting with "--" in which quotes group and a backslash
 * escapes the next character (in both quote kinds); an unterminated quote runs to the end of the
 * line; the first word that does not start with "--" starts REST, which runs to the end of the line
 * unchanged. Flags are lexed in their own modes so that quoting is exact.
 */
lexer grammar InstructionLexer;

KEYWORD : ~[ \t\u000B\f\r]+ -> mode(AFTER_KEYWORD) ;

mode AFTER_KEYWORD;
SEPARATOR : [ \t\u000B\f\r]+ -> mode(FLAGS) ;

mode FLAGS;
FLAG_SPACE : FLAG_WS+ ;
FLAG_START : '--' -> pushMode(FLAG_WORD) ;
REST : ~[\- \t\n\u000B\f\r\u0085\u00A0] ANY* | '-' ( ~'-' ANY* )? ;

mode FLAG_WORD;
FLAG_END : FLAG_WS+ -> type(FLAG_SPACE), popMode ;
WORD_TEXT : ~[ \t\n\u000B\f\r\u0085\u00A0'"\\]+ ;
WORD_ESCAPE : '\\' .? ;
DQUOTE_OPEN : '"' -> pushMode(DOUBLE_QUOTED) ;
SQUOTE_OPEN : '\'' -> pushMode(SINGLE_QUOTED) ;

mode DOUBLE_QUOTED;
DQ_TEXT : ~["\\]+ ;
DQ_ESCAPE : '\\' .? ;
DQUOTE_CLOSE : '"' -> popMode ;

mode SINGLE_QUOTED;
SQ_TEXT : ~['\\]+ ;
SQ_ESCAPE : '\\' .? ;
SQUOTE_CLOSE : '\'' -> popMode ;

fragment FLAG_WS : [ \t\n\u000B\f\r\u0085\u00A0] ;
fragment ANY : . ;
