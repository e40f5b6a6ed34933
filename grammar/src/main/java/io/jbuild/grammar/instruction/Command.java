package io.jbuild.grammar.instruction;

import java.util.List;

/**
 * The command of RUN, CMD, ENTRYPOINT, SHELL or HEALTHCHECK CMD: either the exec form (a JSON array,
 * run without a shell) or the shell form (one string, run by the stage's shell).
 *
 * @param execForm  true for the JSON exec form
 * @param arguments exec form: the argument vector; shell form: the command text as its only element
 *                  (empty when the instruction had no arguments)
 */
public record Command(boolean execForm, List<String> arguments) {
  /** Copies the list; a shell form holds at most one element. */
  public Command {
    arguments = List.copyOf(arguments);
    if (!execForm && arguments.size() > 1) {
      throw new IllegalArgumentException("a shell-form command is one string, got " + arguments.size());
    }
  }

  /** @return an exec-form command */
  public static Command exec(List<String> argv) {
    return new Command(true, argv);
  }

  /** @return a shell-form command */
  public static Command shell(String text) {
    return new Command(false, List.of(text));
  }

  /** @return the shell-form text ({@code ""} when empty) */
  public String shellText() {
    if (execForm) {
      throw new IllegalStateException("not a shell-form command");
    }
    return arguments.isEmpty() ? "" : arguments.get(0);
  }
}
