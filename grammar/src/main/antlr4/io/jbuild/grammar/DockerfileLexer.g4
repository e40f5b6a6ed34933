lexer grammar DockerfileLexer;
// placeholder: replaced by the real grammar
ANY : . ;
