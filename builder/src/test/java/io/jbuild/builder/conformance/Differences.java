package io.jbuild.builder.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Describes how jbuild's {@link ImageSummary} differs from BuildKit's golden one, one line per
 * difference (a config field, a history entry, a layer entry missing or extra), empty when they match.
 */
final class Differences {
  private Differences() {}

  static List<String> between(JsonNode expectedImage, String expectedLayers, ImageSummary actual) {
    List<String> out = new ArrayList<>();
    JsonNode got = actual.image();
    for (String key : List.of("architecture", "os", "layers", "base_layers")) {
      if (!expectedImage.path(key).equals(got.path(key))) {
        out.add(key + ": BuildKit " + expectedImage.path(key) + ", jbuild " + got.path(key));
      }
    }
    Set<String> fields = new LinkedHashSet<>();
    expectedImage.path("config").fieldNames().forEachRemaining(fields::add);
    got.path("config").fieldNames().forEachRemaining(fields::add);
    for (String f : fields) {
      JsonNode e = expectedImage.path("config").get(f);
      JsonNode a = got.path("config").get(f);
      if (e == null || !e.equals(a)) {
        out.add("config." + f + ": BuildKit " + e + ", jbuild " + a);
      }
    }
    JsonNode eh = expectedImage.path("history");
    JsonNode ah = got.path("history");
    for (int i = 0; i < Math.max(eh.size(), ah.size()); i++) {
      if (!eh.path(i).equals(ah.path(i))) {
        out.add("history[" + i + "]: BuildKit " + history(eh.get(i)) + ", jbuild " + history(ah.get(i)));
      }
    }
    Map<String, List<String>> el = layers(expectedLayers);
    Map<String, List<String>> al = layers(actual.layers());
    Set<String> names = new LinkedHashSet<>(el.keySet());
    names.addAll(al.keySet());
    for (String layer : names) {
      List<String> e = el.getOrDefault(layer, List.of());
      List<String> a = al.getOrDefault(layer, List.of());
      for (String line : e) {
        if (!a.contains(line)) {
          out.add(layer + ": only BuildKit has " + line.replace('\t', ' '));
        }
      }
      for (String line : a) {
        if (!e.contains(line)) {
          out.add(layer + ": only jbuild has " + line.replace('\t', ' '));
        }
      }
    }
    return out;
  }

  private static String history(JsonNode h) {
    if (h == null) {
      return "(none)";
    }
    return "\"" + h.path("created_by").asText() + "\"" + (h.path("empty_layer").asBoolean() ? " (empty)" : "");
  }

  private static Map<String, List<String>> layers(String text) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    List<String> current = null;
    for (Iterator<String> it = text.lines().iterator(); it.hasNext();) {
      String line = it.next();
      if (line.startsWith("# ")) {
        current = new ArrayList<>();
        out.put(line.substring(2), current);
      } else if (!line.isEmpty() && current != null) {
        current.add(line);
      }
    }
    return out;
  }
}
