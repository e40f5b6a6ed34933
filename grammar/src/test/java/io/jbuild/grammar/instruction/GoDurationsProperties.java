package io.jbuild.grammar.instruction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jbuild.grammar.DockerfilePrinter;
import io.jbuild.grammar.syntax.LineError;
import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class GoDurationsProperties {
  @Property(tries = 300)
  void formattedDurationsParseBack(@ForAll @LongRange(min = 0, max = 9_000_000_000_000_000L) long nanos) {
    Duration d = Duration.ofNanos(nanos);
    assertEquals(d, GoDurations.parse(DockerfilePrinter.formatDuration(d)));
  }

  @Test
  void goSyntax() {
    assertEquals(Duration.ofMillis(1500), GoDurations.parse("1.5s"));
    assertEquals(Duration.ofMinutes(90), GoDurations.parse("1h30m"));
    assertEquals(Duration.ofNanos(1500), GoDurations.parse("1us500ns"));
    assertEquals(Duration.ofNanos(2000), GoDurations.parse("2\u00b5s"));
    assertEquals(Duration.ofMillis(-500), GoDurations.parse("-.5s"));
    assertEquals(Duration.ZERO, GoDurations.parse("0"));
    assertEquals("time: invalid duration \"\"", assertThrows(LineError.class, () -> GoDurations.parse("")).getMessage());
    assertEquals("time: unknown unit \"d\" in duration \"1d\"", assertThrows(LineError.class, () -> GoDurations.parse("1d")).getMessage());
    assertEquals("time: invalid duration \".s\"", assertThrows(LineError.class, () -> GoDurations.parse(".s")).getMessage());
  }
}
