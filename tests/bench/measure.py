#!/usr/bin/env python3
"""Times whole commands, round-robin, and writes the figures as JSON (standard library only).

    measure.py --rounds 21 --warmup 2 --json OUT.json \\
        --cmd component 'arkpack -q biz --request req.json' \\
        --cmd native 'arkpack --engine native -q biz --request req.json' \\
        --ratio component/native

Each round runs every command once, in an order that rotates from round to round, so a machine
that drifts (another process, CPU frequency, writeback) touches every command alike; the ratio
of two commands is taken round by round and its median reported, which holds up better on a noisy
machine than the ratio of two medians. For every run: wall time (spawn to reap), user and system
CPU time from the kernel's accounting of the reaped child (wait4). Peak RSS is left to GNU time:
wait4's figure for a child spawned from Python starts at Python's own RSS, so small commands would
read high. Any run that exits non-zero (or by a signal) stops everything with exit status 1,
naming the command and its output. Commands are split like a shell splits words but not given a shell; stdout and stderr
are discarded, except that a failing run's stderr is shown.
"""

import argparse
import json
import os
import shlex
import statistics
import sys
import tempfile
import time


def run_once(argv, env):
    """Runs argv; returns (wall s, user s, sys s, status, stderr text)."""
    with tempfile.TemporaryFile() as err:
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            actions = [(os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, err.fileno(), 2),
                       (os.POSIX_SPAWN_CLOSE, devnull)]
            start = time.perf_counter()
            pid = os.posix_spawnp(argv[0], argv, env, file_actions=actions)
            _, status, usage = os.wait4(pid, 0)
            wall = time.perf_counter() - start
        finally:
            os.close(devnull)
        err.seek(0)
        text = err.read().decode(errors="replace")
    return wall, usage.ru_utime, usage.ru_stime, os.waitstatus_to_exitcode(status), text


def summary(values):
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=11)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--cmd", nargs=2, action="append", metavar=("LABEL", "COMMAND"), required=True)
    ap.add_argument("--env", action="append", default=[], metavar="LABEL:NAME=VALUE",
                    help="an environment variable for one command")
    ap.add_argument("--ratio", action="append", default=[], metavar="A/B")
    ap.add_argument("--json", required=True)
    args = ap.parse_args()

    labels = [label for label, _ in args.cmd]
    commands = {label: shlex.split(command) for label, command in args.cmd}
    envs = {label: dict(os.environ) for label in labels}
    for item in args.env:
        label, _, assignment = item.partition(":")
        name, _, value = assignment.partition("=")
        envs[label][name] = value
    runs = {label: [] for label in labels}
    for r in range(args.warmup + args.rounds):
        order = labels[r % len(labels):] + labels[:r % len(labels)]
        for label in order:
            wall, user, sys_, code, err = run_once(commands[label], envs[label])
            if code != 0:
                print(f"measure: `{label}` failed (exit {code}): {shlex.join(commands[label])[:300]}", file=sys.stderr)
                print(err[-3000:], file=sys.stderr)
                sys.exit(1)
            if r >= args.warmup:
                runs[label].append({"wall": wall, "user": user, "sys": sys_, "cpu": user + sys_})
    result = {"rounds": args.rounds, "warmup": args.warmup, "commands": {}, "ratios": {}}
    for label in labels:
        result["commands"][label] = {
            "argv": commands[label],
            **{k: summary([run[k] for run in runs[label]]) for k in ("wall", "user", "sys", "cpu")},
            "walls": [run["wall"] for run in runs[label]],
        }
    for ratio in args.ratio:
        a, b = ratio.split("/")
        result["ratios"][ratio] = summary([x["wall"] / y["wall"] for x, y in zip(runs[a], runs[b])])
    with open(args.json, "w") as f:
        json.dump(result, f, indent=1)
    for label in labels:
        c = result["commands"][label]
        print(f"  {label:<22} wall {c['wall']['median'] * 1000:9.1f} ms (min {c['wall']['min'] * 1000:.1f}, max {c['wall']['max'] * 1000:.1f})"
              f"  cpu (user+sys) {c['cpu']['median'] * 1000:7.1f} ms")
    for ratio, s in result["ratios"].items():
        print(f"  {ratio:<22} {s['median']:.2f}x (min {s['min']:.2f}, max {s['max']:.2f}), round by round")


if __name__ == "__main__":
    main()
