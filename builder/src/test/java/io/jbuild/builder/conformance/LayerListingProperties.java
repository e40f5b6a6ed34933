package io.jbuild.builder.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Whatever order a tar's entries come in, the listing is sorted by path and each file's line carries
 * its mode, owner, size and content digest; directories carry neither size nor digest.
 */
class LayerListingProperties {
  @Property(tries = 60)
  void listingIsSortedAndCarriesEachFilesFacts(
      @ForAll @Size(min = 1, max = 12) List<@AlphaChars @StringLength(min = 1, max = 40) String> names,
      @ForAll @IntRange(min = 0, max = 07777) int mode, @ForAll @IntRange(min = 0, max = 70000) int uid,
      @ForAll long seed) throws Exception {
    Map<String, byte[]> files = new TreeMap<>();
    Random random = new Random(seed);
    for (String n : names) {
      byte[] content = new byte[random.nextInt(3000)];
      random.nextBytes(content);
      files.put("dir/" + n, content);
    }
    List<String> order = new ArrayList<>(files.keySet());
    Collections.shuffle(order, random);
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    try (TarArchiveOutputStream out = new TarArchiveOutputStream(tar)) {
      out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      TarArchiveEntry dir = new TarArchiveEntry("./dir/");
      dir.setMode(040755);
      out.putArchiveEntry(dir);
      out.closeArchiveEntry();
      for (String name : order) {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setMode(0100000 | mode);
        e.setUserId(uid);
        e.setGroupId(uid + 1);
        e.setSize(files.get(name).length);
        out.putArchiveEntry(e);
        out.write(files.get(name));
        out.closeArchiveEntry();
      }
    }
    List<String> expected = new ArrayList<>();
    expected.add("dir\td\t755\t0\t0\t-\t-\t-");
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      expected.add(String.join("\t", f.getKey(), "f", Integer.toOctalString(mode), Integer.toString(uid),
          Integer.toString(uid + 1), Integer.toString(f.getValue().length), "-", sha256(f.getValue())));
    }
    assertEquals(expected, LayerListing.of(new ByteArrayInputStream(tar.toByteArray())));
  }

  private static String sha256(byte[] data) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
  }
}
