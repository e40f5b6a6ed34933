package io.jbuild.builder.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import org.junit.jupiter.api.Test;

class GoFormatTest {
  @Test
  void durationsPrintLikeGo() {
    assertEquals("0s", GoFormat.duration(Duration.ZERO));
    assertEquals("30s", GoFormat.duration(Duration.ofSeconds(30)));
    assertEquals("1m30s", GoFormat.duration(Duration.ofSeconds(90)));
    assertEquals("1h0m0s", GoFormat.duration(Duration.ofHours(1)));
    assertEquals("1.5s", GoFormat.duration(Duration.ofMillis(1500)));
    assertEquals("300ms", GoFormat.duration(Duration.ofMillis(300)));
    assertEquals("2µs", GoFormat.duration(Duration.ofNanos(2000)));
  }

  @Test
  void listsPrintLikeGo() {
    assertEquals("[\"a\" \"b c\"]", GoFormat.quotedList(List.of("a", "b c")));
    assertEquals("[a b c]", GoFormat.plainList(List.of("a", "b c")));
    assertEquals("\"tab\\there\\n\"", GoFormat.quote("tab\there\n"));
  }

  @Property
  void plainWordsQuoteToThemselvesInQuotes(@ForAll @AlphaChars String word) {
    assertEquals("\"" + word + "\"", GoFormat.quote(word));
  }
}
