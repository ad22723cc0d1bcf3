#!/usr/bin/env python3
"""Prints the markdown summary of maven-bench.sh from what it left in BENCH: measure.py's builds.json
(whole commands) and the event spy's timing-<variant>.txt (per mojo execution, one line per build, the
warm-up builds first), plus the figures the script passes in the environment."""

import datetime
import json
import os
import statistics
import sys
import zipfile

bench = sys.argv[1]
env = os.environ
warmup = int(env["WARMUP"])
builds = json.load(open(os.path.join(bench, "builds.json")))
rounds = builds["rounds"]
cmds = builds["commands"]

OURS = "dev.arkpack:arkpack-maven-plugin:repackage"
OFFICIAL = "com.alipay.sofa:sofa-ark-maven-plugin:repackage"
JAR = "org.apache.maven.plugins:maven-jar-plugin:jar"


def mojo_times(variant):
    """[{mojo key without @execution: ms}] per measured build, in round order."""
    out = []
    with open(os.path.join(bench, f"timing-{variant}.txt"), encoding="utf-8") as f:
        for line in f:
            build = {}
            for item in filter(None, line.rstrip("\n").split("\t")):
                key, _, ms = item.rpartition("=")
                key = key.split("@")[0]
                build[key] = build.get(key, 0.0) + float(ms)
            out.append(build)
    if len(out) != warmup + rounds:
        sys.exit(f"maven-summary: {variant}: {len(out)} builds in the timing file, expected {warmup + rounds}")
    return out[warmup:]


def stats(values):
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def ms(s, digits=0):
    return f"{s['median']:.{digits}f} ms ({s['min']:.{digits}f}–{s['max']:.{digits}f})"


def times(s):
    return f"{s['median']:.2f}x ({s['min']:.2f}–{s['max']:.2f})"


ours_b, official_b, none_b = mojo_times("arkpack"), mojo_times("official"), mojo_times("none")
ours = [b[OURS] for b in ours_b]
official = [b[OFFICIAL] for b in official_b]
exe = [b[OURS] for b in mojo_times("arkpack-exe")]
goal_ratio = stats([a / b for a, b in zip(ours, official)])
exe_ratio = stats([a / b for a, b in zip(exe, official)])
jar_times = [b[JAR] for b in none_b + ours_b + official_b]
walls = {v: [w * 1000 for w in cmds[v]["walls"]] for v in ("none", "arkpack", "official", "cli")}
added = {v: stats([a - b for a, b in zip(walls[v], walls["none"])]) for v in ("arkpack", "official")}
added_share = {v: stats([(a - b) / b * 100 for a, b in zip(walls[v], walls["none"])]) for v in ("arkpack", "official")}

jar = os.path.join(bench, "arkpack", "target", "bench-module-ark-biz.jar")
with zipfile.ZipFile(jar) as z:
    libs = [i for i in z.infolist() if i.filename.startswith("lib/") and i.filename.endswith(".jar")]
lib_mb = sum(i.file_size for i in libs) / 1e6

cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
mem_kib = next((int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal")), 0)


def wall(v):
    c = cmds[v]
    return f"{ms(stats(walls[v]))} | {c['cpu']['median'] * 1000:.0f} ms"


print(f"Maven host benchmark, {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d}: {os.cpu_count()} CPUs ({cpu}), "
      f"{mem_kib / 1048576:.0f} GiB, Linux {os.uname().release}; {env['JAVA_VERSION']}; {env['MAVEN_VERSION']}.")
print(f"Module: `tests/bench/maven-fixture` (Spring Boot 2.7 web + actuator, Guava, commons-lang3; "
      f"{len(libs)} jars, {lib_mb:.1f} MB in `lib/`). Plugins: `dev.arkpack:arkpack-maven-plugin:{env['ARKPACK_VERSION']}` "
      f"(running the {env['ARKPACK_BINARY']}) and `com.alipay.sofa:sofa-ark-maven-plugin:{env['OFFICIAL_VERSION']}`, "
      f"both `repackage` with `skipArkExecutable`, `disableGitInfo`, `declaredMode`. Offline (`-o`), warm local repository, "
      f"median (min–max) of {rounds} round-robin rounds after {warmup} warm-up; ratios and differences taken round by round.")
print()
print("| what | wall time | CPU (user+sys) | target | |")
print("|---|---|---|---|---|")
print(f"| goal's own time, `arkpack-maven-plugin:repackage` | {ms(stats(ours))} | | | |")
print(f"| goal's own time, `sofa-ark-maven-plugin:repackage` | {ms(stats(official))} | | | |")
print(f"| ours / official (goal's own time) | {times(goal_ratio)} | | ≤ 0.25x | "
      f"{'met' if goal_ratio['median'] <= 0.25 else '**missed**'} |")
print(f"| goal's own time, `arkpack-maven-plugin:repackage` with `-Darkpack.executable` (no lookup of the embedded binary) | {ms(stats(exe))} | | | |")
print(f"| the same / official | {times(exe_ratio)} | | | |")
print(f"| `arkpack --json -q biz` alone on the plugin's request (what the goal runs) | {wall('cli')} | | |")
print(f"| for scale: `maven-jar-plugin:jar` (the module's plain jar, all builds) | {ms(stats(jar_times))} | | | |")
print(f"| `mvn -o clean package`, no repackage goal | {wall('none')} | | |")
print(f"| `mvn -o clean package` with `arkpack-maven-plugin:repackage` | {wall('arkpack')} | | |")
print(f"| `mvn -o clean package` with `sofa-ark-maven-plugin:repackage` | {wall('official')} | | |")
def added_cpu(v):
    return f"{(cmds[v]['cpu']['median'] - cmds['none']['cpu']['median']) * 1000:+.0f} ms"


print(f"| added to the build by arkpack | {ms(added['arkpack'])}, {added_share['arkpack']['median']:+.0f}% | {added_cpu('arkpack')} | | |")
print(f"| added to the build by the official plugin | {ms(added['official'])}, {added_share['official']['median']:+.0f}% | {added_cpu('official')} | | |")
print()
print("Goal's own time: from Maven's MojoStarted to MojoSucceeded event for the execution, recorded by an event spy "
      "(`tests/bench/maven-timing/MojoTimer.java`, loaded with `-Dmaven.ext.class.path`): loading the plugin's class realm "
      "in a fresh Maven JVM, configuring the mojo and `execute()`; the project's dependency resolution precedes it. "
      "The embedded binary's lookup checks the unpacked binary's size (its SHA-256 is verified when it is unpacked); "
      "`-Darkpack.executable` skips that lookup. "
      "Added to the build: wall time of the whole `mvn` command minus the baseline's, round by round (CPU: difference of "
      "the medians); it also holds the plugin's resolution and loading outside the goal. "
      f"Machine busy (other processes) just before/after: {env['BUSY_BEFORE']}% / {env['BUSY_AFTER']}% of CPU; well "
      "above 0 means the times are inflated. Reproduce: `tests/bench/maven-bench.sh`.")
