#!/usr/bin/env python3
"""Prints the markdown summary of biz-bench.sh from the JSON that measure.py wrote in RUN and the
figures the script passes in the environment."""

import datetime
import json
import os
import sys

run = sys.argv[1]
env = os.environ
load = lambda name: json.load(open(os.path.join(run, name)))
big, start, cold = load("big.json"), load("start.json"), load("cold.json")

cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
mem_kib = next((int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal")), 0)
c, r, s = big["commands"], big["ratios"], start["commands"]
cold_run = cold["commands"]["cold"]


def ms(x, digits=0):
    return f"{x['median'] * 1000:.{digits}f} ms ({x['min'] * 1000:.{digits}f}–{x['max'] * 1000:.{digits}f})"


def times(x):
    return f"{x['median']:.2f}x ({x['min']:.2f}–{x['max']:.2f})"


def cpu_ms(cmd, digits=0):
    return f"{cmd['cpu']['median'] * 1000:.{digits}f} ms"


def mib(kib):
    return f"{int(kib) / 1024:.0f} MiB"


def verdict(ok):
    return "met" if ok else "**missed**"


print(f"`arkpack biz` benchmark, {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d}: "
      f"{os.cpu_count()} CPUs ({cpu}), {mem_kib / 1048576:.0f} GiB, Linux {os.uname().release}; {env['ARKPACK_VERSION']}.")
print(f"Input: a classes dir of {env['MODULE_FILES']} files and 80 jars ({int(env['JAR_ENTRIES'])} entries, "
      f"{int(env['JAR_BYTES']) / 1e6:.1f} MB); output: a {int(env['OUTPUT_BYTES']) / 1e6:.1f} MB biz jar. "
      f"Wall time: median (min–max) of {big['rounds']} round-robin rounds, page cache warm; ratios taken round by round.")
print()
print("| what | wall time | CPU (user+sys) | peak RSS | target | |")
print("|---|---|---|---|---|---|")
print(f"| `arkpack biz` (component, warm code cache) | {ms(c['component']['wall'])} | {cpu_ms(c['component'])} | {mib(env['RSS_COMPONENT'])} | | |")
print(f"| `arkpack --engine native biz` | {ms(c['native']['wall'])} | {cpu_ms(c['native'])} | {mib(env['RSS_NATIVE'])} | | |")
print(f"| `arkpack biz` (component), CRCs not remembered: a first build | {ms(c['first']['wall'])} | {cpu_ms(c['first'])} | | | |")
print(f"| plain copy: `cat` of the {env['INPUT_FILES']} input files into one file | {ms(c['copy']['wall'])} | {cpu_ms(c['copy'])} | {mib(env['RSS_COPY'])} | | |")
print(f"| component / native | {times(r['component/native'])} | | | ≤ 1.3x | {verdict(r['component/native']['median'] <= 1.3)} |")
print(f"| component / plain copy | {times(r['component/copy'])} | | | ≤ 1.5x | {verdict(r['component/copy']['median'] <= 1.5)} |")
print(f"| native / plain copy | {times(r['native/copy'])} | | | | |")
print(f"| warm start, example request (component) | {ms(s['component']['wall'], 1)} | {cpu_ms(s['component'], 1)} | {mib(env['RSS_START_COMPONENT'])} | < 20 ms | {verdict(s['component']['wall']['median'] < 0.020)} |")
print(f"| warm start, example request (native) | {ms(s['native']['wall'], 1)} | {cpu_ms(s['native'], 1)} | {mib(env['RSS_START_NATIVE'])} | | |")
print(f"| cold start, example request (empty code cache, 1 run) | {cold_run['wall']['median'] * 1000:.0f} ms | {cpu_ms(cold_run)} | {mib(env['RSS_COLD'])} | | |")
print()
print("The plain copy is coreutils `cat`, which copies file to file with copy_file_range (the bytes never enter "
      "user space); arkpack reads each dependency's central directory (its CRC-32, which zip needs before the data, is remembered from an earlier build; a first build reads each jar whole), copies it into a temporary file with the same kernel call, then renames the file into place (the old jar unlinked first).")
print(f"Peak RSS: GNU `time -v`, median of 3 runs (cold: fresh cache each). Start-up: {start['rounds']} rounds. "
      f"Machine busy (other processes) just before/after: {env['BUSY_BEFORE']}% / {env['BUSY_AFTER']}% of CPU; "
      f"well above 0 means the wall times are inflated. Reproduce: `tests/bench/biz-bench.sh`.")
