package io.jbuild.builder.exec;

import io.jbuild.builder.BuildException;

/** One instruction's work, as returned by the dispatching visitor (which cannot throw). */
@FunctionalInterface
interface Action {
  void run() throws BuildException;
}
