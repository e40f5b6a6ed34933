package io.jbuild.builder.maintenance;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** Thrown when maintenance cannot get the store to itself because builds keep running. */
public final class StoreBusyException extends IOException {
  private static final long serialVersionUID = 1L;

  public StoreBusyException(Path home, Duration waited) {
    super("store " + home + " is in use by running builds (waited " + waited.toSeconds()
        + "s for them to finish); try again later or pass a longer --wait");
  }
}
