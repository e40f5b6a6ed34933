#!/usr/bin/env python3
"""Writes sample.tar: one small tar with every entry kind the golden listings distinguish, to check that
the Python normaliser (scripts/buildkit-golden) and the Java one (io.jbuild.builder.conformance) agree.
Then: scripts/buildkit-golden --self-test --write (writes sample.expected.txt)."""
import io
import os
import tarfile

here = os.path.dirname(os.path.abspath(__file__))


def info(name, kind=tarfile.REGTYPE, mode=0o644, uid=0, gid=0, link=""):
    t = tarfile.TarInfo(name)
    t.type, t.mode, t.uid, t.gid, t.linkname, t.mtime = kind, mode, uid, gid, link, 1234567890
    return t


with tarfile.open(os.path.join(here, "sample.tar"), "w", format=tarfile.PAX_FORMAT) as tar:
    tar.addfile(info("./", tarfile.DIRTYPE, 0o755))
    tar.addfile(info("./zdir/", tarfile.DIRTYPE, 0o2750, 1, 2))
    data = b"hello golden\n"
    t = info("./zdir/file", mode=0o4755, uid=1000, gid=1000)
    t.size = len(data)
    tar.addfile(t, io.BytesIO(data))
    tar.addfile(info("./zdir/hard", tarfile.LNKTYPE, 0o4755, 1000, 1000, "./zdir/file"))
    tar.addfile(info("./zdir/sym", tarfile.SYMTYPE, 0o777, link="../etc/passwd"))
    tar.addfile(info("/abs/sym2", tarfile.SYMTYPE, 0o777, link="/absolute target"))
    tar.addfile(info("./zdir/.wh.gone", mode=0o600))
    tar.addfile(info("./opq/.wh..wh..opq", mode=0o755, uid=5))
    tar.addfile(info("./fifo", tarfile.FIFOTYPE, 0o640))
    d = info("./dev/null", tarfile.CHRTYPE, 0o666)
    d.devmajor, d.devminor = 1, 3
    tar.addfile(d)
    long = "./" + "l" * 120 + "/" + "ü" * 70 + ".txt"
    t = info(long, uid=70000, gid=70000)
    t.size = 0
    tar.addfile(t, io.BytesIO(b""))
    tar.addfile(info("./a b/", tarfile.DIRTYPE, 0o1777))
    t = info("./empty", mode=0o000)
    t.size = 0
    tar.addfile(t, io.BytesIO(b""))
