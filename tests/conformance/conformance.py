#!/usr/bin/env python3
"""Cross-host conformance: every fixture under fixtures/ is built by every runner under runners/ (one per
host: Maven, Gradle), and the jars arkpack wrote must be byte-identical across hosts: ark-biz jars,
executable ark jars and ark-plugin jars, whichever the fixture names in its `outputs`.

A fixture is a neutral description (fixture.json: kind, project coordinates, dependencies with Maven
scopes, options named as the plugins' parameters, outputTimestamp, outputs, optionally baseParent and
expectedLib, the exact lib/ every host's jar must hold) plus its sources (src/, conf/). Each runner generates its own build from it. On a difference the script prints the entries and
manifest lines that differ, and exits non-zero.

    python3 tests/conformance/conformance.py                  # every fixture, every runner
    python3 tests/conformance/conformance.py biz-web          # some fixtures
    RUNNERS=maven,gradle python3 tests/conformance/conformance.py
"""

import difflib
import filecmp
import os
import shutil
import sys
import time
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from runners import common, gradle, maven  # noqa: E402

RUNNERS = {"maven": maven, "gradle": gradle}


def log(msg):
    print(msg, flush=True)


def describe_difference(a, b):
    """Names the entries and manifest lines in which two jars differ."""
    lines = []
    with zipfile.ZipFile(a) as za, zipfile.ZipFile(b) as zb:
        ia = {i.filename: i for i in za.infolist()}
        ib = {i.filename: i for i in zb.infolist()}
        if set(ia) != set(ib):
            lines.append(f"entries only in the first: {sorted(set(ia) - set(ib))}")
            lines.append(f"entries only in the second: {sorted(set(ib) - set(ia))}")
        elif list(ia) != list(ib):
            lines.append("same entries, different order")
        for name in sorted(ia.keys() & ib.keys()):
            x, y = ia[name], ib[name]
            fields = [f for f in ("CRC", "file_size", "compress_type", "date_time", "external_attr", "comment", "extra")
                      if getattr(x, f) != getattr(y, f)]
            if fields:
                lines.append(f"{name}: " + "; ".join(f"{f} {getattr(x, f)!r} vs {getattr(y, f)!r}" for f in fields))
        if "META-INF/MANIFEST.MF" in ia and "META-INF/MANIFEST.MF" in ib:
            ma = za.read("META-INF/MANIFEST.MF").decode("utf-8", "replace").splitlines()
            mb = zb.read("META-INF/MANIFEST.MF").decode("utf-8", "replace").splitlines()
            lines += list(difflib.unified_diff(ma, mb, "first MANIFEST.MF", "second MANIFEST.MF", lineterm="", n=0))
    return lines or ["(the jars' entries agree; the bytes differ elsewhere, e.g. in the central directory)"]


def main(argv):
    fixtures_dir = os.path.join(HERE, "fixtures")
    names = argv or sorted(n for n in os.listdir(fixtures_dir) if os.path.isfile(os.path.join(fixtures_dir, n, "fixture.json")))
    runner_names = [r for r in os.environ.get("RUNNERS", ",".join(RUNNERS)).split(",") if r]
    target = os.path.join(HERE, "target")
    logs = os.path.join(target, "logs")
    os.makedirs(logs, exist_ok=True)
    started = time.time()
    results = []
    for name in names:
        fx = common.load_fixture(os.path.join(fixtures_dir, name))
        log(f"\n=== {name}: {fx.get('about', '')}")
        built = {}
        try:
            for r in runner_names:
                t = time.time()
                work = os.path.join(target, "work", name, r)
                built[r] = RUNNERS[r].build(fx, work, logs)
                log(f"  {r}: built in {time.time() - t:.1f} s")
        except common.RunnerError as e:
            log(f"  FAIL {e}")
            results.append((name, "build", False))
            continue
        first = runner_names[0]
        if fx.get("expectedLib"):
            for r in runner_names:
                with zipfile.ZipFile(built[r][fx["outputs"][0]]) as z:
                    got = sorted(n for n in z.namelist() if n.startswith("lib/") and n.endswith(".jar"))
                ok = got == fx["expectedLib"]
                log(f"  {'ok  ' if ok else 'FAIL'} {r}: lib/ is {got}" + ("" if ok else f", expected {fx['expectedLib']}"))
                results.append((name, f"{r} lib/", ok))
        for kind in fx["outputs"]:
            ref = built[first][kind]
            for r in runner_names[1:]:
                other = built[r][kind]
                missing = [p for p in (ref, other) if not os.path.isfile(p)]
                if missing:
                    log(f"  FAIL {kind}: missing {missing}")
                    results.append((name, kind, False))
                    continue
                same = filecmp.cmp(ref, other, shallow=False)
                if same:
                    log(f"  ok   {kind}: {first} and {r} wrote identical bytes ({os.path.getsize(ref)} bytes)")
                else:
                    log(f"  FAIL {kind}: {first} and {r} differ ({ref} vs {other})")
                    if os.path.isfile(built[first].get("module", "")) and os.path.isfile(built[r].get("module", "")) \
                            and not filecmp.cmp(built[first]["module"], built[r]["module"], shallow=False):
                        log("       (their module jars differ too:)")
                        for line in describe_difference(built[first]["module"], built[r]["module"]):
                            log("         " + line)
                    for line in describe_difference(ref, other):
                        log("       " + line)
                    keep = os.path.join(target, "differences", name)
                    os.makedirs(keep, exist_ok=True)
                    shutil.copy2(ref, os.path.join(keep, f"{first}-{os.path.basename(ref)}"))
                    shutil.copy2(other, os.path.join(keep, f"{r}-{os.path.basename(other)}"))
                results.append((name, kind, same))
    passed = sum(1 for _, _, ok in results if ok)
    failed = len(results) - passed
    log(f"\nconformance: {passed} passed, {failed} failed ({', '.join(runner_names)}; {time.time() - started:.0f} s)")
    return 0 if failed == 0 and results else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
