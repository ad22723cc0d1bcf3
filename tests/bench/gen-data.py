#!/usr/bin/env python3
"""Generates the input of the `arkpack biz` benchmark, deterministically from a seed.

Writes into OUT:
  module/classes/   the demo module's classes (one class with `main`), plus several hundred small,
                    structurally valid class files and a few resources (the core parses every module
                    class while looking for the start class, so they must parse)
  lib/              N dependency jars `artifactId-version.jar`, about TOTAL_MB MB together: each a
                    valid zip with directory entries, a manifest, pom.properties, many class-like
                    entries (DEFLATED) and some incompressible content (random bytes: images,
                    native libraries, already-compressed data), like real jars
  request.json      an `arkpack biz` request listing them all (paths relative to it)
  inputs.txt        every input file, one a line (for the plain-copy baseline)

Same arguments, same bytes: entry times are fixed, and every random choice comes from one seeded
generator. Standard library only.
"""

import argparse
import json
import os
import random
import shutil
import struct
import zipfile

FIXED_TIME = (1980, 2, 1, 0, 0, 2)

WORDS = (
    "abstract account action adapter address admin agent alert alias allocator analyzer annotation "
    "api app appender archive array assert async attribute audit auth backend balancer base batch bean "
    "binder binding block body boot bound broker buffer builder bundle bus byte cache call callback "
    "channel char checker chunk cipher class client clock closeable codec collection column command "
    "comparator compiler component composite config connection consumer container content context "
    "converter cookie core counter credential cursor data datasource date decoder default delegate "
    "deploy descriptor dispatcher document domain driver element encoder endpoint engine entity entry "
    "enum env error event exception executor exporter expression extension factory feature fetcher "
    "field file filter flow format frame function future gateway generator graph group guard handler "
    "hash header health helper holder host http id identity index info init input instance interceptor "
    "invoker item iterator job json kernel key label launcher layout lease level library lifecycle "
    "limit line link list listener loader local lock log logger lookup manager mapper mapping marker "
    "matcher member memory message meta method metric module monitor mutable name node notifier object "
    "observer operation option order output package page parameter parser partition path pattern "
    "payload peer pipeline plugin policy pool port predicate primitive principal printer probe "
    "processor producer profile property protocol provider proxy publisher query queue range reader "
    "record reference reflection registry relation remote renderer replica reporter repository request "
    "resolver resource response result retry role route router rule runner runtime scanner schema "
    "scheduler scope security selector sequence serializer server service session setting shard "
    "signal sink slot socket source span spec splitter state statement storage store stream strategy "
    "string subscriber supplier support switch symbol sync table tag task template tenant thread "
    "throttle timer token topic trace tracker transaction transformer transport tree trigger tuple "
    "type unit update upload util validator value version view visitor watcher window worker wrapper "
    "writer"
).split()

FIELD_DESCRIPTORS = [
    "I", "J", "Z", "[B", "Ljava/lang/String;", "Ljava/util/List;", "Ljava/util/Map;",
    "Ljava/lang/Object;", "Ljava/util/concurrent/atomic/AtomicLong;", "Ljava/util/Optional;",
]
METHOD_DESCRIPTORS = [
    "()V", "()I", "()Z", "()Ljava/lang/String;", "(I)I", "(J)V", "(Ljava/lang/String;)V",
    "(Ljava/lang/String;)Ljava/lang/String;", "(Ljava/lang/Object;)Z", "(Ljava/util/List;)Ljava/util/Map;",
    "(Ljava/lang/String;I)Ljava/util/Optional;", "([B)[B", "(Ljava/util/Map;Ljava/lang/String;)Ljava/lang/Object;",
]
# Opcodes seen most in real bytecode; the core never parses code (only names and descriptors).
OPCODES = bytes([0x2A, 0x2B, 0x2C, 0xB4, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9, 0xBB, 0x59, 0x12, 0x03, 0x04,
                 0xAC, 0xB0, 0xB1, 0x99, 0x9A, 0xA7, 0x3A, 0x19, 0x1B, 0x60, 0xC0, 0xC6, 0xC7, 0x57])


def camel(rng, n, upper):
    parts = [rng.choice(WORDS) for _ in range(n)]
    s = "".join(p.capitalize() for p in parts)
    return s if upper else s[0].lower() + s[1:]


class Pool:
    """A constant pool being built; indexes start at 1."""

    def __init__(self):
        self.items, self.index = [], {}

    def add(self, key, blob):
        if key not in self.index:
            self.items.append(blob)
            self.index[key] = len(self.items)
        return self.index[key]

    def utf8(self, s):
        b = s.encode()
        return self.add(("u", s), b"\x01" + struct.pack(">H", len(b)) + b)

    def klass(self, name):
        return self.add(("c", name), b"\x07" + struct.pack(">H", self.utf8(name)))

    def string(self, s):
        return self.add(("s", s), b"\x08" + struct.pack(">H", self.utf8(s)))

    def name_and_type(self, name, desc):
        n, d = self.utf8(name), self.utf8(desc)
        return self.add(("nt", name, desc), b"\x0C" + struct.pack(">HH", n, d))

    def ref(self, tag, owner, name, desc):
        c, nt = self.klass(owner), self.name_and_type(name, desc)
        return self.add(("r", tag, owner, name, desc), bytes([tag]) + struct.pack(">HH", c, nt))

    def bytes(self):
        return struct.pack(">H", len(self.items) + 1) + b"".join(self.items)


def class_file(rng, name, package_names, with_main=False):
    """A structurally valid class file (Java 8) with fields, methods and Code attributes."""
    pool = Pool()
    this = pool.klass(name)
    super_ = pool.klass("java/lang/Object")
    code = pool.utf8("Code")
    init = pool.ref(10, "java/lang/Object", "<init>", "()V")
    # References to neighbouring classes, strings and members, as a compiler would emit.
    for _ in range(rng.randint(4, 30)):
        other = rng.choice(package_names)
        kind = rng.random()
        if kind < 0.4:
            pool.ref(10, other, camel(rng, rng.randint(1, 3), False), rng.choice(METHOD_DESCRIPTORS))
        elif kind < 0.6:
            pool.ref(9, other, camel(rng, rng.randint(1, 2), False), rng.choice(FIELD_DESCRIPTORS))
        elif kind < 0.8:
            pool.string(" ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 8))))
        else:
            pool.klass(other)
    # Member names are unique per class (a class naming a field or method twice does not parse).
    members = set()

    def member_name():
        while True:
            n = camel(rng, rng.randint(1, 3), False)
            if n not in members and n != "main":
                members.add(n)
                return n

    fields = []
    for _ in range(rng.randint(0, 8)):
        fields.append((rng.choice([0x0002, 0x0012, 0x001A, 0x0001]),
                       pool.utf8(member_name()), pool.utf8(rng.choice(FIELD_DESCRIPTORS))))
    methods = [(0x0001, pool.utf8("<init>"), pool.utf8("()V"),
                bytes([0x2A, 0xB7]) + struct.pack(">H", init) + b"\xB1")]
    for _ in range(rng.randint(1, 12)):
        body = bytes(rng.choice(OPCODES) for _ in range(rng.randint(8, 160))) + b"\xB1"
        methods.append((rng.choice([0x0001, 0x0002, 0x0009]), pool.utf8(member_name()),
                        pool.utf8(rng.choice(METHOD_DESCRIPTORS)), body))
    if with_main:
        methods.append((0x0009, pool.utf8("main"), pool.utf8("([Ljava/lang/String;)V"), b"\xB1"))
    out = [b"\xCA\xFE\xBA\xBE", struct.pack(">HH", 0, 52)]
    # The pool is complete only after fields and methods named their constants.
    source = pool.utf8("SourceFile")
    source_name = pool.utf8(name.rsplit("/", 1)[-1] + ".java")
    out.append(pool.bytes())
    out.append(struct.pack(">HHHH", 0x0021, this, super_, 0))
    out.append(struct.pack(">H", len(fields)))
    for access, n, d in fields:
        out.append(struct.pack(">HHHH", access, n, d, 0))
    out.append(struct.pack(">H", len(methods)))
    for access, n, d, body in methods:
        attr = struct.pack(">HHI", 4, 4, len(body)) + body + struct.pack(">HH", 0, 0)
        out.append(struct.pack(">HHHH", access, n, d, 1) + struct.pack(">HI", code, len(attr)) + attr)
    out.append(struct.pack(">HHIH", 1, source, 2, source_name))
    return b"".join(out)


def properties(rng, lines):
    return "".join(f"{rng.choice(WORDS)}.{rng.choice(WORDS)}.{rng.choice(WORDS)}={camel(rng, 2, False)}\n"
                   for _ in range(lines)).encode()


def zinfo(name, method):
    info = zipfile.ZipInfo(name, FIXED_TIME)
    info.compress_type = method
    info.create_system = 3
    info.external_attr = (0o40755 << 16 | 0x10) if name.endswith("/") else (0o100644 << 16)
    return info


def write_jar(path, rng, group, artifact, version, target_bytes, blob_share):
    """Writes one jar of about `target_bytes`, `blob_share` of it incompressible."""
    pkg_root = group.replace(".", "/") + "/" + artifact.replace("-", "")
    packages = [f"{pkg_root}/{rng.choice(WORDS)}{i}" for i in range(rng.randint(3, 12))]
    names = [f"{rng.choice(packages)}/{camel(rng, rng.randint(1, 3), True)}{i}" for i in range(64)]
    dirs_done = set()
    central = [22]  # bytes the central directory will take, so the whole file meets the target

    with zipfile.ZipFile(path, "w") as z:
        def add(name, data, method):
            parts = name.split("/")[:-1]
            for i in range(1, len(parts) + 1):
                d = "/".join(parts[:i]) + "/"
                if d not in dirs_done:
                    dirs_done.add(d)
                    z.writestr(zinfo(d, zipfile.ZIP_STORED), b"")
                    central[0] += 46 + len(d)
            z.writestr(zinfo(name, method), data, compresslevel=6)
            central[0] += 46 + len(name.encode())

        add("META-INF/MANIFEST.MF", (f"Manifest-Version: 1.0\r\nCreated-By: bench\r\n"
                                     f"Implementation-Title: {artifact}\r\nImplementation-Version: {version}\r\n\r\n").encode(),
            zipfile.ZIP_DEFLATED)
        add(f"META-INF/maven/{group}/{artifact}/pom.properties",
            f"artifactId={artifact}\ngroupId={group}\nversion={version}\n".encode(), zipfile.ZIP_DEFLATED)
        # Incompressible part first (images, native libraries, nested archives), in a few entries.
        blob_left = int(target_bytes * blob_share)
        n = 0
        while blob_left > 4096:
            size = min(blob_left, rng.randint(16 << 10, 2 << 20))
            kind = rng.choice(["native/linux-x86_64/lib{}.so", "static/img/{}.png", "data/{}.bin.gz"])
            add(f"{pkg_root}/{kind.format(rng.choice(WORDS) + str(n))}", rng.randbytes(size),
                zipfile.ZIP_DEFLATED if rng.random() < 0.7 else zipfile.ZIP_STORED)
            blob_left -= size + 60
            n += 1
        # Then classes and a few resources until the jar reaches its size.
        i = 0
        while z.fp.tell() + central[0] < target_bytes:
            pkg = rng.choice(packages)
            if i % 40 == 39:
                add(f"{pkg}/{rng.choice(WORDS)}{i}.properties", properties(rng, rng.randint(5, 60)), zipfile.ZIP_DEFLATED)
            else:
                name = f"{pkg}/{camel(rng, rng.randint(1, 3), True)}{i}"
                add(name + ".class", class_file(rng, name, names), zipfile.ZIP_DEFLATED)
            i += 1


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--jars", type=int, default=80)
    ap.add_argument("--total-mb", type=float, default=60.0, help="jar bytes in all, in MB (10^6 bytes)")
    ap.add_argument("--module-classes", type=int, default=300)
    ap.add_argument("--blob-share", type=float, default=0.2, help="share of jar bytes that is incompressible")
    ap.add_argument("--demo-classes", required=True, help="the demo module's classes dir (has the main class)")
    args = ap.parse_args()

    rng = random.Random(args.seed)
    out = args.out
    if os.path.exists(out):
        shutil.rmtree(out)
    classes = os.path.join(out, "module", "classes")
    lib = os.path.join(out, "lib")
    os.makedirs(lib)
    shutil.copytree(args.demo_classes, classes)

    # The module: small classes in a few packages (none with main), and some resources.
    packages = [f"com/example/demo/{w}" for w in rng.sample(WORDS, 12)]
    names = [f"{rng.choice(packages)}/{camel(rng, rng.randint(1, 3), True)}{i}" for i in range(args.module_classes)]
    for name in names:
        path = os.path.join(classes, name + ".class")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(class_file(rng, name, names))
    for i in range(20):
        path = os.path.join(classes, rng.choice(packages), f"{rng.choice(WORDS)}-{i}.properties")
        with open(path, "wb") as f:
            f.write(properties(rng, rng.randint(3, 40)))

    # Jar sizes: a long tail, as in real dependency sets (a few big jars, many small).
    weights = [rng.lognormvariate(0, 1.0) for _ in range(args.jars)]
    total = args.total_mb * 1e6
    sizes = [max(8 << 10, int(total * w / sum(weights))) for w in weights]
    libraries, seen = [], set()
    for i, size in enumerate(sizes):
        while True:
            artifact = f"{rng.choice(WORDS)}-{rng.choice(WORDS)}"
            if artifact not in seen:
                seen.add(artifact)
                break
        group = f"org.bench.{rng.choice(WORDS)}"
        version = f"{rng.randint(1, 6)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}"
        file = f"lib/{artifact}-{version}.jar"
        share = args.blob_share * rng.uniform(0.0, 2.0)
        write_jar(os.path.join(out, file), rng, group, artifact, version, size, min(share, 0.8))
        libraries.append({"groupId": group, "artifactId": artifact, "version": version,
                          "scope": "runtime" if i % 7 == 3 else "compile", "file": file})

    request = {
        "project": {"groupId": "com.example", "artifactId": "bench-module", "version": "1.0.0"},
        "module": {"classes": "module/classes"},
        "libraries": libraries,
        "bizName": "bench-module",
        "bizVersion": "1.0.0",
        "webContextPath": "bench",
        "outputTimestamp": "2024-01-01T00:00:00Z",
        "output": "out/bench-module-1.0.0-ark-biz.jar",
    }
    with open(os.path.join(out, "request.json"), "w") as f:
        json.dump(request, f, indent=1)
        f.write("\n")
    inputs = [os.path.join(root, f) for root, _, files in sorted(os.walk(classes)) for f in sorted(files)]
    inputs += [os.path.join(out, lib_["file"]) for lib_ in libraries]
    with open(os.path.join(out, "inputs.txt"), "w") as f:
        f.write("".join(os.path.abspath(p) + "\n" for p in inputs))


if __name__ == "__main__":
    main()
