package io.jbuild.builder.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go {@code filepath.Match} semantics (cases written from its documented grammar). */
class GoGlobTest {
  @ParameterizedTest(name = "{0} ~ {1} = {2}")
  @CsvSource(delimiter = '|', textBlock = """
      abc|abc|true
      *|abc|true
      *c|abc|true
      a*|a|true
      a*|abc|true
      a*|ab/c|false
      a*/b|abc/b|true
      a*/b|a/c/b|false
      a*b*c*d*e*/f|axbxcxdxe/f|true
      a*b*c*d*e*/f|axbxcxdxexxx/f|true
      a*b*c*d*e*/f|axbxcxdxe/xxx/f|false
      ab[c]|abc|true
      ab[b-d]|abc|true
      ab[e-g]|abc|false
      ab[^c]|abc|false
      ab[^b-d]|abc|false
      ab[^e-g]|abc|true
      a\\*b|a*b|true
      a\\*b|ab|false
      a?b|a☺b|true
      a[^a]b|a☺b|true
      a???b|a☺b|false
      [a-ζ]*|α|true
      *[a-ζ]|A|false
      a?b|a/b|false
      a*b|a/b|false
      [\\]a]|]|true
      [\\-]|-|true
      [x\\-]|x|true
      [x\\-]|-|true
      [x\\-]|z|false
      *x|xxx|true
      a[*]b|a*b|true
      a[*]b|aXb|false
      .*|.hidden|true
      """)
  void matches(String pattern, String name, boolean expected) {
    assertEquals(expected, GoGlob.match(pattern, name));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      []a]|]
      [-]|-
      [x-]|x
      [a-b-c]|a
      [|a
      [^|a
      a[|a
      *x\\|xxx
      """)
  void malformedPatternsAreErrors(String pattern, String name) {
    assertThrows(IllegalArgumentException.class, () -> GoGlob.match(pattern, name));
  }
}
