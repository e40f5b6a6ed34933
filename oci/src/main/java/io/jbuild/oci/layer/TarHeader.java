package io.jbuild.oci.layer;

import java.time.Instant;
import java.util.Map;

/**
 * One tar header as read from a stream, after PAX and GNU long-name records were merged in. The name is raw (not
 * cleaned, possibly absolute or with {@code ..}): whoever uses it decides how to confine it.
 *
 * @param name the entry name as stored
 * @param typeFlag the tar type flag ({@code '0'} regular, {@code '1'} hardlink, {@code '2'} symlink, ...)
 * @param mode the mode field (permission bits; higher bits as stored)
 * @param xattrs {@code SCHILY.xattr.*} records, by attribute name, raw values
 * @param sparse true if the entry is a GNU sparse file (its data cannot be taken as the file contents)
 */
record TarHeader(
    String name,
    char typeFlag,
    long mode,
    long uid,
    long gid,
    String uname,
    String gname,
    Instant mtime,
    long size,
    String linkName,
    long devMajor,
    long devMinor,
    Map<String, byte[]> xattrs,
    boolean sparse) {

  boolean isRegular() {
    return typeFlag == '0' || typeFlag == '\0' || typeFlag == '7';
  }

  boolean isDirectory() {
    return typeFlag == '5' || (typeFlag == '\0' && name.endsWith("/"));
  }
}
