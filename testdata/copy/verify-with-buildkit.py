#!/usr/bin/env python3
"""Builds a testdata/copy case with a real BuildKit and prints the last layer as CopyCasesTest.render does.

Usage: start a private dockerd (Debian's docker.io 20.10 embeds BuildKit 0.8):
  dockerd --iptables=false --ip6tables=false --bridge=none --data-root /tmp/dockerd-F2 \\
    --exec-root /tmp/dockerd-F2-exec --pidfile /tmp/dockerd-F2.pid --host unix:///tmp/dockerd-F2.sock &
then: python3 verify-with-buildkit.py testdata/copy/<case>/case.txt
and compare with the case's expect/error lines. The destination root and --from trees are loaded as
images built from tars (ADD r.tar /), so owners and modes are exact.
"""
import sys, os, io, json, tarfile, shutil, subprocess, random, urllib.parse, time
FIXED = 1577836800  # 2020-01-01
env = dict(os.environ, DOCKER_HOST='unix:///tmp/dockerd-F2.sock', DOCKER_BUILDKIT='1')
DOCKER = '/usr/bin/docker'

def dec(s): return urllib.parse.unquote(s.replace('+', '%2B'))

def add_tar_entry(tf, line, pax=None):
    kind, path = line[0], dec(line[1])
    ti = tarfile.TarInfo(path); ti.mtime = FIXED
    if pax: ti.pax_headers = pax
    if kind == 'file':
        mode = int(line[2], 8); i = 3; owner = None
        if len(line) > 3 and line[3].startswith('owner='): owner = line[3][6:]; i = 4
        data = ' '.join(line[i:]).replace('\\n', '\n').encode()
        ti.mode = mode; ti.size = len(data)
        if owner: ti.uid, ti.gid = map(int, owner.split(':'))
        tf.addfile(ti, io.BytesIO(data))
    elif kind == 'dir':
        ti.type = tarfile.DIRTYPE; ti.mode = int(line[2], 8)
        if len(line) > 3: ti.uid, ti.gid = map(int, line[3][6:].split(':'))
        tf.addfile(ti)
    elif kind == 'symlink':
        ti.type = tarfile.SYMTYPE; ti.linkname = dec(line[2]); ti.mode = 0o777; tf.addfile(ti)
    elif kind == 'hardlink':
        ti.type = tarfile.LNKTYPE; ti.linkname = dec(line[2]); tf.addfile(ti)
    elif kind == 'fifo':
        ti.type = tarfile.FIFOTYPE; ti.mode = 0o644; tf.addfile(ti)
    else:
        raise SystemExit('unsupported ' + kind)

def build_tree(root, line):
    kind, p = line[0], os.path.join(root, dec(line[1]))
    os.makedirs(os.path.dirname(p), exist_ok=True)
    if kind == 'file':
        i = 3; owner = None
        if len(line) > 3 and line[3].startswith('owner='): owner = line[3][6:]; i = 4
        open(p, 'w').write(' '.join(line[i:]).replace('\\n', '\n'))
        if owner: os.chown(p, *map(int, owner.split(':')))
        os.chmod(p, int(line[2], 8)); os.utime(p, (FIXED, FIXED))
    elif kind == 'dir':
        os.makedirs(p, exist_ok=True); os.chmod(p, int(line[2], 8))
    elif kind == 'symlink': os.symlink(dec(line[2]), p)
    elif kind == 'hardlink': os.link(os.path.join(root, dec(line[2])), p)
    elif kind == 'big':
        size = int(line[2]); open(p, 'wb').write(os.urandom(size)); os.chmod(p, 0o644); os.utime(p, (FIXED, FIXED))
    elif kind == 'fifo': os.mkfifo(p)

def image_from_tar(name, entries, work):
    d = os.path.join(work, name + '-ctx'); os.makedirs(d)
    xattrs = {}
    for e in entries:
        if e[0] == 'xattr':
            v = e[3]
            raw = bytes.fromhex(v[2:]) if v.startswith('0x') else v.encode()
            xattrs.setdefault(dec(e[1]), {})['SCHILY.xattr.' + e[2]] = raw.decode('latin-1')
    with tarfile.open(os.path.join(d, 'r.tar'), 'w', format=tarfile.PAX_FORMAT, encoding='latin-1') as tf:
        for e in entries:
            if e[0] == 'xattr': continue
            add_tar_entry(tf, e, xattrs.get(dec(e[1])))
    open(os.path.join(d, 'Dockerfile'), 'w').write('FROM scratch\nADD r.tar /\n')
    subprocess.run([DOCKER, 'build', '-q', '-t', 'f2' + name + ':t', d], env=env, check=True, capture_output=True)

def main(case):
    lines = [l.strip() for l in open(case, encoding='utf-8') if l.strip() and not l.startswith('#')]
    work = '/tmp/f2bk/work'; shutil.rmtree(work, ignore_errors=True); os.makedirs(work)
    ctx = os.path.join(work, 'ctx'); os.makedirs(ctx)
    rootfs, stage, ignore, run, workdir, heredocs = [], [], [], None, None, []
    for l in lines:
        f = l.split(' '); k = f.pop(0)
        if k == 'context': build_tree(ctx, f)
        elif k == 'rootfs': rootfs.append(f)
        elif k == 'stage': stage.append(f)
        elif k == 'ignore': ignore.append(' '.join(f))
        elif k == 'run': run = f
        elif k == 'workdir': workdir = f[0]
        elif k == 'heredoc': heredocs.append(f)
    for dp, dn, fn in os.walk(ctx):
        if dp != ctx: os.utime(dp, (FIXED, FIXED))
    if ignore: open(os.path.join(ctx, '.dockerignore'), 'w').write('\n'.join(ignore) + '\n')
    df = ''
    if rootfs:
        image_from_tar('base', rootfs, work); df += 'FROM f2base:t\n'
    else:
        df += 'FROM scratch\n'
    if stage:
        image_from_tar('stage', stage, work)
        run = [('--from=f2stage:t' if t.startswith('--from') else t) for t in run]
    # WORKDIR would create the directory in its own layer, so workdir cases cannot be compared
    flags = [t for t in run[1:] if t.startswith('--')]; args = [dec(t) for t in run[1:] if not t.startswith('--')]
    instr = ' '.join([run[0]] + flags + [json.dumps(args)]) if any(' ' in a for a in args) else ' '.join([run[0]] + flags + args)
    df += instr + '\n'
    open(os.path.join(work, 'Dockerfile'), 'w').write(df)
    r = subprocess.run([DOCKER, 'build', '--no-cache', '-t', 'f2out:t', '-f', os.path.join(work, 'Dockerfile'), ctx],
                       env=env, capture_output=True, text=True)
    if r.returncode != 0:
        err = [l for l in r.stdout.splitlines() + r.stderr.splitlines() if 'error' in l.lower() or 'failed' in l.lower()]
        print('ERROR', '\n'.join(err[-3:])); return
    save = os.path.join(work, 'save.tar')
    subprocess.run([DOCKER, 'save', '-o', save, 'f2out:t'], env=env, check=True)
    with tarfile.open(save) as st:
        manifest = json.load(st.extractfile('manifest.json'))
        last = manifest[0]['Layers'][-1]
        with tarfile.open(fileobj=st.extractfile(last), encoding='latin-1') as lt:
            now = time.time()
            for m in lt.getmembers():
                xa = {k[13:]: v.encode('latin-1').hex() for k, v in m.pax_headers.items() if k.startswith('SCHILY.xattr.')}
                if xa: print('XATTRS', m.name, ','.join('%s=%s' % kv for kv in sorted(xa.items())))
                t = {tarfile.DIRTYPE: 'DIRECTORY', tarfile.SYMTYPE: 'SYMLINK', tarfile.LNKTYPE: 'HARDLINK',
                     tarfile.FIFOTYPE: 'FIFO'}.get(m.type, 'FILE')
                s = '%s %s %04o %d:%d' % (t, m.name.rstrip('/').replace(' ', '%20'), m.mode & 0o7777, m.uid, m.gid)
                if t == 'FILE': s += ' size=%d' % m.size
                if m.linkname: s += ' -> ' + m.linkname
                if t != 'SYMLINK': s += ' t=' + ('fix' if int(m.mtime) == FIXED else 'now' if abs(m.mtime - now) < 120 else 'other(%d)' % m.mtime)
                print(s)

main(sys.argv[1])
