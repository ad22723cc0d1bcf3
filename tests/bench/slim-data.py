#!/usr/bin/env python3
"""Builds the slimming benchmark's inputs from real jars of the local Maven repository (standard
library only): a module request with N dependency jars and a Spring Boot style base jar with M
nested jars (STORED under BOOT-INF/lib/, as spring-boot-maven-plugin stores them).

    slim-data.py --repo ~/.m2/repository --module-jars 100 --base-jars 300 --out DIR --arkpack BIN

Jars are taken in sorted path order (one version per artifact, sources/javadoc left out), so the
same repository gives the same data. Half of the module's jars are also in the base (so base-aware
slimming leaves them to it); an exclude rule takes some more. The module's classes are the
example module's (examples/demo-module). Writes DIR/request.json and DIR/base.jar.
"""

import argparse
import json
import os
import pathlib
import zipfile


def artifacts(repo):
    seen = {}
    for path in sorted(pathlib.Path(repo).rglob("*.jar")):
        name = path.name
        if any(s in name for s in ("-sources", "-javadoc", "-tests", "-shaded", "-all.jar")):
            continue
        parts = path.relative_to(repo).parts
        if len(parts) < 4:
            continue
        version, artifact = parts[-2], parts[-3]
        group = ".".join(parts[:-3])
        if name != f"{artifact}-{version}.jar" or path.stat().st_size < 2048:
            continue
        try:
            with zipfile.ZipFile(path) as z:
                if not any(n.endswith(".class") for n in z.namelist()):
                    continue
        except (zipfile.BadZipFile, OSError):
            continue
        seen.setdefault((group, artifact, version), str(path))
    return [(g, a, v, p) for (g, a, v), p in sorted(seen.items())]


def distinct(jars, n, taken=()):
    """The first n jars (spread over the list) with a groupId:artifactId not in `taken`, then any."""
    used = set(taken)
    step = max(1, len(jars) // max(n, 1))
    order = jars[::step] + [j for i, j in enumerate(jars) if i % step]
    out = []
    for j in order:
        if len(out) < n and (j[0], j[1]) not in used:
            used.add((j[0], j[1]))
            out.append(j)
    for j in order:
        if len(out) < n and j not in out and (j[0], j[1]) not in set(taken):
            out.append(j)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", default=os.path.expanduser("~/.m2/repository"))
    ap.add_argument("--module-jars", type=int, default=100)
    ap.add_argument("--base-jars", type=int, default=300)
    ap.add_argument("--out", required=True)
    ap.add_argument("--classes", required=True, help="the module's classes directory")
    args = ap.parse_args()
    found = artifacts(args.repo)
    need = args.module_jars + args.base_jars - args.module_jars // 2
    if len(found) < need:
        raise SystemExit(f"slim-data: the repository has {len(found)} usable jars, {need} are needed")
    module = distinct(found, args.module_jars)
    shared = module[: args.module_jars // 2]
    rest = [j for j in found if j not in module]
    # The base's other jars share no groupId:artifactId with the module's (other versions would
    # take those from the module too).
    base = shared + distinct(rest, args.base_jars - len(shared), taken=[(g, a) for g, a, _, _ in module])
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out / "base.jar.tmp", "w") as z:
        z.writestr("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nMain-Class: org.springframework.boot.loader.JarLauncher\n")
        z.writestr("BOOT-INF/classes/com/example/base/BaseApplication.class", b"\xca\xfe\xba\xbe")
        for g, a, v, p in base:
            z.write(p, f"BOOT-INF/lib/{a}-{v}.jar", compress_type=zipfile.ZIP_STORED)
    os.replace(out / "base.jar.tmp", out / "base.jar")
    libraries = [{"groupId": g, "artifactId": a, "version": v, "file": p} for g, a, v, p in module]
    request = {
        "project": {"groupId": "com.example", "artifactId": "bench-module", "version": "1.0.0"},
        "module": {"classes": str(pathlib.Path(args.classes).resolve())},
        "libraries": libraries,
        "excludeGroupIds": ["org.apache.maven*"],
        "base": {"jar": str((out / "base.jar").resolve())},
        "classChecks": "warn",
        "output": str((out / "bench-module-ark-biz.jar").resolve()),
        "slimReport": str((out / "arkpack-slim-report.json").resolve()),
        "slimResults": str((out / "module-slim-results.json").resolve()),
    }
    (out / "request.json").write_text(json.dumps(request, indent=1))
    size = sum(os.path.getsize(p) for _, _, _, p in module)
    print(f"slim-data: module {len(module)} jars ({size / 1e6:.1f} MB), base {len(base)} jars ({os.path.getsize(out / 'base.jar') / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
