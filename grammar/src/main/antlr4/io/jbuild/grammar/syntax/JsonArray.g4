/*
 * Strict JSON (RFC 8259, as Go's encoding/json accepts it) for the exec form of RUN, CMD,
 * ENTRYPOINT, SHELL, HEALTHCHECK CMD and the JSON form of ADD/COPY/VOLUME. A text that does not
 * match `document` is not JSON, and BuildKit then falls back to the shell form.
 */
grammar JsonArray;

document : array EOF ;
array : '[' ( value ( ',' value )* )? ']' ;
object : '{' ( member ( ',' member )* )? '}' ;
member : STRING ':' value ;
value : STRING | NUMBER | 'true' | 'false' | 'null' | array | object ;

STRING : '"' ( ESC | ~["\\\u0000-\u001F] )* '"' ;
NUMBER : '-'? ( '0' | [1-9] [0-9]* ) ( '.' [0-9]+ )? ( [eE] [+\-]? [0-9]+ )? ;
WS : [ \t\n\r]+ -> skip ;
fragment ESC : '\\' ( ["\\/bfnrt] | 'u' HEX HEX HEX HEX ) ;
fragment HEX : [0-9a-fA-F] ;
