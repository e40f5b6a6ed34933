package io.jbuild.builder.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cases where jbuild is known to differ from BuildKit, read from {@code KNOWN-DIFFERENCES.md}: each
 * markdown list item {@code - `case-name`: reason} names one case; other lines are prose.
 */
record KnownDifferences(Map<String, String> reasons) {
  private static final Pattern ITEM = Pattern.compile("^- `([^`]+)`:?\\s*(.*)$");

  KnownDifferences {
    reasons = Map.copyOf(reasons);
  }

  static KnownDifferences read(Path file) throws IOException {
    Map<String, String> out = new TreeMap<>();
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        Matcher m = ITEM.matcher(line);
        if (m.matches()) {
          out.put(m.group(1), m.group(2));
        }
      }
    }
    return new KnownDifferences(out);
  }
}
