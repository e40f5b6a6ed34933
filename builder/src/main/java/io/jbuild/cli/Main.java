package io.jbuild.cli;

/** Entry point of the jbuild command line. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println("jbuild");
  }
}
