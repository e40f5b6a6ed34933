package io.jbuild.builder.maintenance;

import io.jbuild.builder.store.JbuildHome;
import java.nio.file.Path;

/** A child process for lock tests: takes the store lock of args[0] (shared), says so, waits for stdin to close. */
public final class LockHolder {
  private LockHolder() {}

  public static void main(String[] args) throws Exception {
    try (StoreLock.Held held = StoreLock.of(new JbuildHome(Path.of(args[0]))).shared()) {
      System.out.println("locked");
      System.out.flush();
      while (System.in.read() != -1) {
        // hold until the parent closes our stdin or kills us
      }
    }
  }
}
