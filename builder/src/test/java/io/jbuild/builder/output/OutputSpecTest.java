package io.jbuild.builder.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jbuild.builder.BuildException;
import org.junit.jupiter.api.Test;

class OutputSpecTest {
  @Test
  void parsesBuildKitSyntax() throws BuildException {
    OutputSpec s = OutputSpec.parse("type=oci,dest=out,tar=false");
    assertEquals("oci", s.type());
    assertEquals("out", s.dest());
    assertFalse(s.flag("tar", true));
    assertEquals("local", OutputSpec.parse("outdir").type());
    assertEquals("registry", OutputSpec.parse("type=registry").type());
  }

  @Test
  void rejectsBadSpecs() {
    assertThrows(BuildException.class, () -> OutputSpec.parse("type=zip,dest=x"));
    assertThrows(BuildException.class, () -> OutputSpec.parse("type=oci"));
    assertThrows(BuildException.class, () -> OutputSpec.parse("dest=x"));
    assertThrows(BuildException.class, () -> OutputSpec.parse("type=oci,garbage"));
  }
}
