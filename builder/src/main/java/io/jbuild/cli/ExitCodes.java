package io.jbuild.cli;

/** The documented exit codes of every jbuild command. */
public final class ExitCodes {
  private ExitCodes() {}

  /** Success. */
  public static final int OK = 0;
  /** A build or input error (bad Dockerfile, missing context, failed RUN, corrupt store). */
  public static final int BUILD_ERROR = 1;
  /** A usage error (unknown option, missing argument). */
  public static final int USAGE = 2;
  /** A registry or authentication error. */
  public static final int REGISTRY = 3;
}
