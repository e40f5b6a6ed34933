package io.jbuild.registry.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TransportHelpersTest {
  @Test
  void retryAfterSecondsAndHttpDates() {
    assertEquals(Duration.ofSeconds(7), ErrorResponses.retryAfter(Optional.of(" 7 ")));
    assertNull(ErrorResponses.retryAfter(Optional.empty()));
    assertNull(ErrorResponses.retryAfter(Optional.of("soon")));
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(30));
    Duration d = ErrorResponses.retryAfter(Optional.of(date));
    assertTrue(d.getSeconds() >= 28 && d.getSeconds() <= 30, d.toString());
    assertEquals(Duration.ZERO, ErrorResponses.retryAfter(Optional.of("Thu, 01 Jan 1970 00:00:00 GMT")));
  }

  @Test
  void loopbackDetection() {
    for (String h : new String[] {"localhost", "localhost:5000", "127.0.0.1", "127.1.2.3:443", "[::1]:5000", "[::1]"}) {
      assertTrue(Connections.isLoopback(h), h);
    }
    for (String h : new String[] {"example.com", "128.0.0.1", "127.0.0.256", "10.0.0.1:5000", "localhost.evil.com"}) {
      assertFalse(Connections.isLoopback(h), h);
    }
  }

  @Test
  void uploadLocationsKeepTheirQuery() {
    assertEquals("http://h/v2/r/blobs/uploads/u?_state=abc&digest=sha256:00",
        Locations.withParam(URI.create("http://h/v2/r/blobs/uploads/u?_state=abc"), "digest", "sha256:00").toString());
    assertEquals("https://h/u?digest=sha256:00",
        Locations.withParam(URI.create("https://h/u"), "digest", "sha256:00").toString());
  }
}
