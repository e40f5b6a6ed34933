package io.jbuild.builder.output;

import io.jbuild.builder.BuildException;
import java.io.IOException;

/** Writes a built image somewhere ({@code --output}). Create with {@link Exporters#of}. */
public interface Exporter {
  void export(ExportSubject subject) throws IOException, BuildException;
}
