package io.jbuild.grammar.instruction;

import io.jbuild.grammar.syntax.LineError;

/** BuildKit's instruction-level error texts. */
final class Errors {
  private Errors() {}

  static LineError atLeastOne(String keyword) {
    return new LineError(keyword + " requires at least one argument");
  }

  static LineError exactlyOne(String keyword) {
    return new LineError(keyword + " requires exactly one argument");
  }

  static LineError noDestination(String keyword) {
    return new LineError(keyword + " requires at least two arguments, but only one was provided. Destination could not be determined");
  }

  static LineError blankNames(String keyword) {
    return new LineError(keyword + " names can not be blank");
  }

  static LineError tooMany(String keyword) {
    return new LineError("Bad input to " + keyword + ", too many arguments");
  }
}
