package io.jbuild.runtime.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbuild.runtime.ContainerException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UserResolverTest {
  private static Path root;

  @BeforeAll
  static void rootfs() throws Exception {
    root = Files.createTempDirectory(Files.createDirectories(Path.of("target", "tmp").toAbsolutePath()), "users");
    Files.createDirectories(root.resolve("etc"));
    Files.writeString(
        root.resolve("etc/passwd"),
        "# comment\nroot:x:0:0:root:/root:/bin/sh\napp:x:1000:1001:app:/home/app:/bin/sh\nweird\n");
    Files.writeString(
        root.resolve("etc/group"), "root:x:0:\nwheel:x:10:root,app\naudio:x:29: app \napp:x:1001:\nstaff:x:50:\n");
  }

  private static ExecUser resolve(String spec) throws ContainerException {
    return UserResolver.forRootfs(root).resolve(spec);
  }

  @Test
  void emptyIsRoot() throws Exception {
    assertEquals(ExecUser.ROOT, resolve(""));
  }

  @Test
  void nameGivesPrimaryAndSupplementaryGroups() throws Exception {
    assertEquals(new ExecUser(1000, 1001, List.of(10L, 29L)), resolve("app"));
    assertEquals(new ExecUser(0, 0, List.of(10L)), resolve("root"));
  }

  @Test
  void numericUidMatchingAnEntryBehavesLikeTheName() throws Exception {
    assertEquals(new ExecUser(1000, 1001, List.of(10L, 29L)), resolve("1000"));
  }

  @Test
  void unknownNumericUidHasGidZero() throws Exception {
    assertEquals(new ExecUser(4242, 0, List.of()), resolve("4242"));
  }

  @Test
  void explicitGroupReplacesGidAndDropsSupplementaryGroups() throws Exception {
    assertEquals(new ExecUser(1000, 50, List.of()), resolve("app:staff"));
    assertEquals(new ExecUser(1000, 7, List.of()), resolve("app:7"));
    assertEquals(new ExecUser(4242, 10, List.of()), resolve("4242:wheel"));
  }

  @Test
  void unknownNamesAreErrorsWithContext() {
    ContainerException e = assertThrows(ContainerException.class, () -> resolve("ghost"));
    assertTrue(e.getMessage().startsWith("resolving user ghost: unable to find user ghost"), e.getMessage());
    ContainerException g = assertThrows(ContainerException.class, () -> resolve("app:ghosts"));
    assertTrue(g.getMessage().contains("unable to find group ghosts"), g.getMessage());
  }

  @Test
  void missingFilesMeanNumericOnly() throws Exception {
    Path empty = Files.createTempDirectory(Files.createDirectories(Path.of("target", "tmp").toAbsolutePath()), "nousers");
    assertEquals(new ExecUser(7, 8, List.of()), UserResolver.forRootfs(empty).resolve("7:8"));
    assertThrows(ContainerException.class, () -> UserResolver.forRootfs(empty).resolve("app"));
  }

  @Test
  void passwdSymlinkCannotEscapeTheRoot() throws Exception {
    Path r = Files.createTempDirectory(Files.createDirectories(Path.of("target", "tmp").toAbsolutePath()), "escape");
    Files.createDirectories(r.resolve("etc"));
    Files.createSymbolicLink(r.resolve("etc/passwd"), Path.of("../../../../../../../etc/group"));
    // resolves to <r>/etc/group (missing), never to the host's /etc/group
    assertThrows(ContainerException.class, () -> UserResolver.forRootfs(r).resolve("root"));
  }

  @Property(tries = 200)
  void numericUserAndGroupWithoutEntriesResolveToThemselves(
      @ForAll @IntRange(min = 2000, max = Integer.MAX_VALUE) int uid,
      @ForAll @IntRange(min = 2000, max = Integer.MAX_VALUE) int gid)
      throws Exception {
    assertEquals(new ExecUser(uid, gid, List.of()), resolve(uid + ":" + gid));
  }
}
