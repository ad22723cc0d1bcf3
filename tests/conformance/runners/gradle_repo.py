"""An offline Maven-layout repository for Gradle builds, made from ~/.m2/repository.

Only Debian's Gradle 4.4.1 runs here, always with --offline, so every POM, parent POM, imported BOM and jar
a build resolves must be in a local repository. `ensure(build_dir, gradle_args, repo)` runs the build; when
Gradle reports files it searched for in `repo` and did not find, each such version folder is copied from
~/.m2/repository (fetched first with `mvn dependency:get` when ~/.m2 lacks it), together with the parent
POMs and imported BOMs its POM names (Gradle parses them all, one failure at a time), and the build runs
again, until it resolves everything. What lands in the repository is exactly what the builds asked for."""

import os
import re
import shutil
import subprocess
import urllib.parse
import xml.etree.ElementTree as ET

M2 = os.path.expanduser(os.environ.get("M2_REPO", "~/.m2/repository"))
MAX_ROUNDS = 25
CLASSIFIED = re.compile(r"-[A-Za-z][\w.]*$")


def _missing(output, repo):
    """Version folders (relative to repo) Gradle searched in repo without finding a file."""
    prefix = "file:" + urllib.parse.quote(os.path.abspath(repo))
    found = set()
    for m in re.finditer(r"(file:[^\s'\"]+)", output):
        url = m.group(1).rstrip(".,;)")
        if not url.startswith(prefix) and not url.startswith("file:" + os.path.abspath(repo)):
            continue
        path = urllib.parse.unquote(url[len("file:"):])
        rel = os.path.relpath(path, os.path.abspath(repo))
        if rel.endswith((".pom", ".jar")) and not os.path.exists(path):
            found.add(os.path.dirname(rel))
    return sorted(found)


def _pom_file(rel, root):
    d = os.path.join(root, rel)
    names = [n for n in os.listdir(d) if n.endswith(".pom")] if os.path.isdir(d) else []
    return os.path.join(d, names[0]) if names else None


def _read_pom(path):
    """(parent gav or None, own gav, properties, import-BOM gavs uninterpolated) of one POM."""
    root = ET.parse(path).getroot()
    ns = root.tag[:root.tag.index("}") + 1] if root.tag.startswith("{") else ""

    def text(e, name):
        c = e.find(ns + name) if e is not None else None
        return c.text.strip() if c is not None and c.text else None

    parent = root.find(ns + "parent")
    pgav = (text(parent, "groupId"), text(parent, "artifactId"), text(parent, "version")) if parent is not None else None
    props = {}
    pe = root.find(ns + "properties")
    if pe is not None:
        for c in pe:
            props[c.tag[len(ns):]] = (c.text or "").strip()
    gav = (text(root, "groupId") or (pgav[0] if pgav else None), text(root, "artifactId"),
           text(root, "version") or (pgav[2] if pgav else None))
    imports = []
    for d in root.findall(f"{ns}dependencyManagement/{ns}dependencies/{ns}dependency"):
        if text(d, "scope") == "import":
            imports.append((text(d, "groupId"), text(d, "artifactId"), text(d, "version")))
    return pgav, gav, props, imports


def _interpolate(value, props):
    for _ in range(10):
        if not value or "${" not in value:
            break
        value = re.sub(r"\$\{([^}]+)\}", lambda m: props.get(m.group(1), m.group(0)), value)
    return value


def _closure(rel, repo, seen):
    """Copies the parent chain and the imported BOMs of the POM in <rel>, recursively (Gradle parses them all)."""
    if rel in seen:
        return
    seen.add(rel)
    pom = _pom_file(rel, repo)
    if pom is None:
        return
    chain_props = {}
    pgav, gav, props, imports = _read_pom(pom)
    if pgav and all(pgav):
        prel = os.path.join(*pgav[0].split("."), pgav[1], pgav[2])
        if copy_version(prel, repo, closure=False):
            _closure(prel, repo, seen)
        cur = pgav
        chain = []
        while cur and all(cur):
            ppom = _pom_file(os.path.join(*cur[0].split("."), cur[1], cur[2]), repo)
            if ppom is None:
                break
            cp, cg, cprops, _ = _read_pom(ppom)
            chain.append(cprops)
            cur = cp
        for cprops in reversed(chain):
            chain_props.update(cprops)
    chain_props.update(props)
    chain_props.update({"project.groupId": gav[0], "project.version": gav[2], "project.artifactId": gav[1]})
    if pgav:
        chain_props.update({"project.parent.version": pgav[2], "project.parent.groupId": pgav[0]})
    for g, a, v in imports:
        g, a, v = (_interpolate(x, chain_props) for x in (g, a, v))
        if not all((g, a, v)) or "${" in g + a + v:
            continue
        irel = os.path.join(*g.split("."), a, v)
        if copy_version(irel, repo, closure=False):
            _closure(irel, repo, seen)


def copy_version(rel, repo, overwrite=False, closure=True):
    """Copies ~/.m2/repository/<rel> (one groupId/artifactId/version folder) into repo; fetches it first if missing."""
    src = os.path.join(M2, rel)
    parts = rel.split(os.sep)
    group, artifact, version = ".".join(parts[:-2]), parts[-2], parts[-1]
    if not any(n.endswith(".pom") for n in (os.listdir(src) if os.path.isdir(src) else [])):
        for packaging in ("pom", "jar"):
            subprocess.run(["mvn", "-B", "-q", "dependency:get", f"-Dartifact={group}:{artifact}:{version}:{packaging}",
                            "-Dtransitive=false"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if not os.path.isdir(src):
        return False
    dst = os.path.join(repo, rel)
    os.makedirs(dst, exist_ok=True)
    for name in os.listdir(src):
        if name.endswith((".jar", ".pom")) and (overwrite or not os.path.exists(os.path.join(dst, name))):
            shutil.copy2(os.path.join(src, name), os.path.join(dst, name))
    if closure:
        try:
            _closure(rel, repo, set())
        except (ET.ParseError, OSError, ValueError):
            pass  # Gradle will name what is still missing
    return True


def seed(coordinates, repo):
    """Copies the given group:artifact:version folders, replacing what is there (the plugin itself, for one)."""
    for c in coordinates:
        g, a, v = c.split(":")[:3]
        if not copy_version(os.path.join(*g.split("."), a, v), repo, overwrite=True):
            raise RuntimeError(f"{c} is not in {M2}")


def ensure(run_build, repo, log=print):
    """run_build() -> (exit code, output). Repeats it, filling repo, until nothing is missing.
    Returns the last (exit code, output)."""
    os.makedirs(repo, exist_ok=True)
    for _ in range(MAX_ROUNDS):
        code, out = run_build()
        missing = _missing(out, repo)
        if not missing:
            return code, out
        copied = [m for m in missing if copy_version(m, repo)]
        log(f"  offline repo: copied {len(copied)} of {len(missing)} missing version folders from {M2}")
        if not copied:
            return code, out
    return code, out
