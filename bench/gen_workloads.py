#!/usr/bin/env python3
"""Generates the benchmark workloads deterministically (fixed seed): same bytes on every machine.

RUN steps write no redirections to /dev/null: Buildah's chroot isolation mounts /dev read-only
and the busybox test image has no /dev/null of its own.

usage: gen_workloads.py OUT_DIR
Writes OUT_DIR/{context,many-files,multistage}/ each with a Dockerfile taking ARG BASE.
"""
import os
import random
import sys

def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)

def text_file(rng, n):
    words = ["alpha", "beta", "gamma", "delta", "image", "layer", "cache", "build", "stage", "copy"]
    return (" ".join(rng.choice(words) for _ in range(n)) + "\n").encode()

def context(out, rng):
    for d in range(100):
        for f in range(50):
            write(f"{out}/src/dir{d:03d}/file{f:04d}.txt", text_file(rng, rng.randint(5, 120)))
    for i in range(4):
        if i % 2 == 0:
            data = rng.randbytes(8 << 20)
        else:
            data = (b"jbuild-bench-repetitive-" * ((8 << 20) // 24 + 1))[: 8 << 20]
        write(f"{out}/blobs/blob{i}.bin", data)
    write(f"{out}/Dockerfile", b"""ARG BASE=busybox
FROM ${BASE}
WORKDIR /app
COPY src/ /app/src/
COPY blobs/ /app/blobs/
RUN mkdir -p /app/gen && for i in $(seq 1 500); do echo "generated $i" > /app/gen/f$i.txt; done
RUN rm -f /app/gen/f1*.txt && dd if=/dev/zero of=/app/zeros bs=1M count=32
CMD ["sh"]
""")

def many_files(out, rng):
    for d in range(1000):
        for f in range(100):
            write(f"{out}/files/d{d:04d}/f{f:03d}.txt", b"file %d/%d %d\n" % (d, f, rng.randint(0, 1 << 30)))
    write(f"{out}/Dockerfile", b"""ARG BASE=busybox
FROM ${BASE}
COPY files/ /data/
RUN find /data -type f | wc -l > /count
""")

def multistage(out, rng):
    for part in ("a", "b", "c"):
        for f in range(300):
            write(f"{out}/{part}/f{f:03d}.txt", text_file(rng, rng.randint(10, 200)))
        write(f"{out}/{part}/blob.bin", rng.randbytes(4 << 20))
    write(f"{out}/Dockerfile", b"""ARG BASE=busybox
FROM ${BASE} AS build-a
COPY a/ /src/
RUN cat /src/*.txt > /out.txt && dd if=/dev/zero of=/pad bs=1M count=8

FROM ${BASE} AS build-b
COPY b/ /src/
RUN cat /src/*.txt | sort > /out.txt && dd if=/dev/zero of=/pad bs=1M count=8

FROM ${BASE} AS build-c
COPY c/ /src/
RUN cat /src/*.txt | wc -c > /out.txt && dd if=/dev/zero of=/pad bs=1M count=8

FROM ${BASE}
COPY --from=build-a /out.txt /a.txt
COPY --from=build-b /out.txt /b.txt
COPY --from=build-c /out.txt /c.txt
CMD ["cat", "/a.txt"]
""")

def main():
    out = sys.argv[1]
    context(f"{out}/context", random.Random(1))
    many_files(f"{out}/many-files", random.Random(2))
    multistage(f"{out}/multistage", random.Random(3))

if __name__ == "__main__":
    main()
