"""What the runners share: reading a fixture, copying its sources, running a command with a log."""

import json
import os
import shutil
import subprocess
import time

HERE = os.path.dirname(os.path.abspath(__file__))
CONFORMANCE = os.path.dirname(HERE)
REPO = os.path.dirname(os.path.dirname(CONFORMANCE))
PLUGIN_VERSION = "0.1.0-SNAPSHOT"


class RunnerError(Exception):
    pass


def load_fixture(fixture_dir):
    with open(os.path.join(fixture_dir, "fixture.json"), encoding="utf-8") as f:
        fx = json.load(f)
    fx["name"] = os.path.basename(fixture_dir.rstrip("/"))
    fx["dir"] = fixture_dir
    return fx


def copy_sources(fixture_dir, work):
    """The fixture's folders (src/, conf/) into a fresh work folder; fixture.json stays behind."""
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    for name in sorted(os.listdir(fixture_dir)):
        src = os.path.join(fixture_dir, name)
        if os.path.isdir(src):
            shutil.copytree(src, os.path.join(work, name))


def run(cmd, cwd, log_path, env=None):
    """Runs cmd; the output goes to log_path. Returns (exit code, output, seconds)."""
    started = time.time()
    res = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                         env=dict(os.environ, **(env or {})))
    with open(log_path, "w", encoding="utf-8") as f:
        f.write("$ " + " ".join(cmd) + "\n" + res.stdout)
    return res.returncode, res.stdout, time.time() - started
