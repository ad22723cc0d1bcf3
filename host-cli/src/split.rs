//! `arkpack split ...` (docs/split.md): reads the app's classes, jars and Maven layout, hands bytes
//! to the core's `split` interface, writes its JSON; `apply` carries out a split plan on disk, and
//! `serve` answers the web view's HTTP API on the loopback interface from one prepared session.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Context, Result};
use arkpack_core::model::{AnalyzeRequest, Coordinates, FileEntry, InjectionChange, MatrixLevel, ModuleContent, ResourceAction, SourceRewrite, SplitAnalysis, SplitBundle, SplitLibrary, SplitPlan};
use clap::Subcommand;
use serde::Deserialize;

use crate::engine::{Engine, SplitSession};
use crate::{answer, fail, EngineKind, Failure};

#[derive(Subcommand)]
pub enum SplitCommand {
    /// Build the class, package and bean graph of an app from its bytecode.
    Analyze {
        /// A classes directory or jar of the app's own code (one bundle each; repeat).
        #[arg(long = "app", value_name = "DIR_OR_JAR")]
        apps: Vec<PathBuf>,
        /// A dependency jar (repeat).
        #[arg(long = "lib", value_name = "JAR")]
        libs: Vec<PathBuf>,
        /// A Maven project: each module's target/classes is a bundle, its target/dependency/*.jar libraries.
        #[arg(long, value_name = "DIR")]
        maven_project: Option<PathBuf>,
        /// Where the analysis goes.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Colours, closure, metrics and checks of a candidate module.
    Evaluate {
        /// The analysis `split analyze` wrote.
        #[arg(long, value_name = "FILE")]
        analysis: PathBuf,
        /// A class (`c:`), package (`p:`) or bundle (`b:`) id (repeat).
        #[arg(long = "module", value_name = "ID", required = true)]
        module: Vec<String>,
        /// Write the JSON answer there instead of stdout.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Candidate modules: communities, or label propagation from seed classes.
    Suggest {
        /// The analysis `split analyze` wrote.
        #[arg(long, value_name = "FILE")]
        analysis: PathBuf,
        /// An entry-point class id to grow a module from (repeat); none: community detection.
        #[arg(long = "seed", value_name = "ID")]
        seeds: Vec<String>,
        /// Write the JSON answer there instead of stdout.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// The split plan for a candidate module.
    Plan {
        /// The analysis `split analyze` wrote.
        #[arg(long, value_name = "FILE")]
        analysis: PathBuf,
        /// A class (`c:`), package (`p:`) or bundle (`b:`) id of the candidate module (repeat).
        #[arg(long = "module", value_name = "ID", required = true)]
        module: Vec<String>,
        /// The module's name (artifactId, folder and bizName).
        #[arg(long)]
        name: String,
        /// Write the JSON answer there instead of stdout.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Carry out a split plan in a project (a dry run unless --write).
    Apply {
        #[arg(long, value_name = "FILE")]
        plan: PathBuf,
        #[arg(long, value_name = "DIR")]
        project: PathBuf,
        /// Really move, copy and write files.
        #[arg(long)]
        write: bool,
        /// Apply a plan that still has verify problems.
        #[arg(long)]
        force: bool,
    },
    /// Serve the split view and its JSON API on 127.0.0.1.
    Serve {
        /// The analysis `split analyze` wrote.
        #[arg(long, value_name = "FILE")]
        analysis: PathBuf,
        /// The port (0 picks a free one).
        #[arg(long, default_value_t = 7878)]
        port: u16,
        /// The web view's files.
        #[arg(long = "static", value_name = "DIR")]
        static_dir: Option<PathBuf>,
    },
}

pub fn run(start: impl FnOnce(EngineKind) -> Result<Engine, Failure>, kind: EngineKind, command: SplitCommand, quiet: bool) -> Result<(), Failure> {
    match command {
        SplitCommand::Analyze { apps, libs, maven_project, out } => {
            let request = collect(&apps, &libs, maven_project.as_deref()).map_err(fail(3))?;
            let engine = start(kind)?;
            let started = std::time::Instant::now();
            let analysis = answer(engine.split_analyze(&request, Box::new(|_, _| {})).map_err(fail(1))?)?;
            let classes = analysis.nodes.iter().filter(|n| n.kind == arkpack_core::model::NodeKind::Class).count();
            write_json(Some(&out), &analysis, false)?;
            if !quiet {
                eprintln!(
                    "analysed {classes} classes, {} libraries: {} edges, {} unknowns, {} diagnostics in {:.2} s → {}",
                    analysis.libraries.len(),
                    analysis.edges.len(),
                    analysis.unknowns.len(),
                    analysis.diagnostics.len(),
                    started.elapsed().as_secs_f64(),
                    out.display()
                );
                for d in &analysis.diagnostics {
                    eprintln!("  {:?} {}: {} ({})", d.severity, d.code, d.message, d.subject.as_deref().unwrap_or(""));
                }
            }
            // The process ends next: freeing a large analysis string by string (1.5 million strings
            // at 50k classes) would only delay the exit.
            std::mem::forget(analysis);
            Ok(())
        }
        SplitCommand::Evaluate { analysis, module, out } => {
            let prepared = std::time::Instant::now();
            let mut session = session(start, kind, &analysis)?;
            let prepared = prepared.elapsed();
            let started = std::time::Instant::now();
            let evaluation = answer(session.evaluate(&module).map_err(fail(1))?)?;
            let took = started.elapsed();
            // A second evaluation of the same session: what each click in the view costs.
            let again = std::time::Instant::now();
            answer(session.evaluate(&module).map_err(fail(1))?)?;
            let again = again.elapsed();
            if !quiet {
                eprintln!(
                    "read and prepared the session in {:.1} ms; evaluated {} nodes in {:.1} ms (again: {:.1} ms)",
                    prepared.as_secs_f64() * 1e3,
                    evaluation.status.len(),
                    took.as_secs_f64() * 1e3,
                    again.as_secs_f64() * 1e3
                );
            }
            write_json(out.as_deref(), &evaluation, true)
        }
        SplitCommand::Suggest { analysis, seeds, out } => {
            let mut session = session(start, kind, &analysis)?;
            let seeds = (!seeds.is_empty()).then_some(seeds);
            let candidates = answer(session.suggest(seeds.as_deref()).map_err(fail(1))?)?;
            write_json(out.as_deref(), &serde_json::json!({ "candidates": candidates }), true)
        }
        SplitCommand::Plan { analysis, module, name, out } => {
            let mut session = session(start, kind, &analysis)?;
            let plan = answer(session.plan(&module, &name).map_err(fail(1))?)?;
            write_json(out.as_deref(), &plan, true)
        }
        SplitCommand::Apply { plan, project, write, force } => {
            // The core rewrites the module's injections; its engine starts only when a file needs it.
            let (mut start, mut engine) = (Some(start), None::<Engine>);
            let mut rewrite = |source: &str, injections: &[InjectionChange]| -> Result<SourceRewrite> {
                if engine.is_none() {
                    let start = start.take().ok_or_else(|| anyhow!("the core did not start"))?;
                    engine = Some(start(kind).map_err(|f| f.error)?);
                }
                let engine = engine.as_ref().ok_or_else(|| anyhow!("the core did not start"))?;
                answer(engine.split_rewrite_injections(source, injections)?).map_err(|f| f.error)
            };
            apply(&plan, &project, write, force, &mut rewrite).map_err(fail(6))
        }
        SplitCommand::Serve { analysis, port, static_dir } => {
            let text = std::fs::read_to_string(&analysis).with_context(|| format!("cannot read {}", analysis.display())).map_err(fail(3))?;
            let parsed: SplitAnalysis = serde_json::from_str(&text).with_context(|| format!("{} is not an analysis", analysis.display())).map_err(fail(3))?;
            let engine = start(kind)?;
            let session = engine.split_session(&parsed).map_err(fail(5))?;
            serve(session, &parsed, port, static_dir.as_deref()).map_err(fail(1))
        }
    }
}

fn session(start: impl FnOnce(EngineKind) -> Result<Engine, Failure>, kind: EngineKind, path: &Path) -> Result<SplitSession, Failure> {
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display())).map_err(fail(3))?;
    let analysis: SplitAnalysis = serde_json::from_str(&text).with_context(|| format!("{} is not an analysis (arkpack split analyze --out)", path.display())).map_err(fail(3))?;
    let engine = start(kind)?;
    engine.split_session(&analysis).map_err(fail(5))
}

fn write_json<T: serde::Serialize>(out: Option<&Path>, value: &T, pretty: bool) -> Result<(), Failure> {
    if let (Some(path), false) = (out, pretty) {
        // Large analyses are streamed to the file rather than built as one string first, in 1 MiB
        // writes (the default 8 KiB made ten thousand system calls for a 77 MB analysis).
        let write = || -> Result<()> {
            let mut w = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(path)?);
            serde_json::to_writer(&mut w, value)?;
            std::io::Write::write_all(&mut w, b"\n")?;
            std::io::Write::flush(&mut w)?;
            Ok(())
        };
        return write().with_context(|| format!("cannot write {}", path.display())).map_err(fail(6));
    }
    let text = if pretty { serde_json::to_string_pretty(value) } else { serde_json::to_string(value) }.map_err(|e| fail(1)(e.into()))?;
    match out {
        Some(path) => std::fs::write(path, text + "\n").with_context(|| format!("cannot write {}", path.display())).map_err(fail(6)),
        None => {
            println!("{text}");
            Ok(())
        }
    }
}

// ---- reading the app

/// The request `analyze` sends: bundles from `--app` and the Maven project, libraries from `--lib`
/// and each module's `target/dependency/`.
pub fn collect(apps: &[PathBuf], libs: &[PathBuf], maven: Option<&Path>) -> Result<AnalyzeRequest> {
    let mut request = AnalyzeRequest::default();
    let mut names = BTreeSet::new();
    let mut lib_paths: Vec<PathBuf> = libs.to_vec();
    if let Some(root) = maven {
        for module in maven_modules(root, root)? {
            let classes = module.dir.join("target/classes");
            if classes.is_dir() {
                let rel = module.dir.strip_prefix(root).unwrap_or(&module.dir).to_string_lossy().replace('\\', "/");
                names.insert(module.coordinates.artifact_id.clone());
                request.bundles.push(SplitBundle {
                    name: module.coordinates.artifact_id.clone(),
                    origin: classes.display().to_string(),
                    content: ModuleContent::Files(read_dir_files(&classes)?),
                    project_dir: Some(if rel.is_empty() { ".".into() } else { rel }),
                    coordinates: Some(module.coordinates.clone()),
                });
            }
            if let Ok(entries) = std::fs::read_dir(module.dir.join("target/dependency")) {
                let mut jars: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "jar")).collect();
                jars.sort();
                lib_paths.extend(jars);
            }
        }
    }
    for app in apps {
        let mut name = bundle_name(app);
        let mut k = 2;
        while !names.insert(name.clone()) {
            name = format!("{}-{k}", bundle_name(app));
            k += 1;
        }
        let content = if app.is_dir() {
            ModuleContent::Files(read_dir_files(app)?)
        } else {
            ModuleContent::Jar(std::fs::read(app).with_context(|| format!("cannot read {}", app.display()))?)
        };
        request.bundles.push(SplitBundle { name, origin: app.display().to_string(), content, project_dir: None, coordinates: None });
    }
    let mut seen = BTreeSet::new();
    for lib in lib_paths {
        let name = lib.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        if !seen.insert(name.clone()) {
            continue;
        }
        let content = std::fs::read(&lib).with_context(|| format!("cannot read {}", lib.display()))?;
        request.libraries.push(SplitLibrary { name, origin: lib.display().to_string(), content });
    }
    if request.bundles.is_empty() {
        bail!("nothing to analyse: give --app DIR_OR_JAR, or --maven-project DIR whose modules have target/classes (run `mvn compile` first)");
    }
    Ok(request)
}

/// `.../orders/target/classes` → `orders`; `orders-1.0.jar` → `orders-1.0`.
fn bundle_name(path: &Path) -> String {
    let parts: Vec<String> = path.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    if parts.len() >= 3 && parts[parts.len() - 1] == "classes" && parts[parts.len() - 2] == "target" {
        return parts[parts.len() - 3].clone();
    }
    path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "app".into())
}

/// Class and XML files under a folder (other files are of no use to the split), sorted by path.
fn read_dir_files(root: &Path) -> Result<Vec<FileEntry>> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).with_context(|| format!("cannot read {}", dir.display()))? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|x| x == "class" || x == "xml") {
                let rel = path.strip_prefix(root).unwrap_or(&path).to_string_lossy().replace('\\', "/");
                let mut content = Vec::new();
                std::fs::File::open(&path).and_then(|mut f| f.read_to_end(&mut content)).with_context(|| format!("cannot read {}", path.display()))?;
                out.push(FileEntry { path: rel, content });
            }
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

struct MavenModule {
    dir: PathBuf,
    coordinates: Coordinates,
}

/// The project and its `<modules>`, recursively. Reads only the few POM elements it needs; the
/// parent's groupId and version stand in for missing ones, as Maven does.
fn maven_modules(root: &Path, dir: &Path) -> Result<Vec<MavenModule>> {
    let pom = std::fs::read_to_string(dir.join("pom.xml")).with_context(|| format!("cannot read {}", dir.join("pom.xml").display()))?;
    let without_parent = match (pom.find("<parent>"), pom.find("</parent>")) {
        (Some(a), Some(b)) if a < b => format!("{}{}", &pom[..a], &pom[b + 9..]),
        _ => pom.clone(),
    };
    let parent = match (pom.find("<parent>"), pom.find("</parent>")) {
        (Some(a), Some(b)) if a < b => pom[a..b].to_string(),
        _ => String::new(),
    };
    let own = strip_sections(&without_parent);
    let artifact_id = element(&own, "artifactId").ok_or_else(|| anyhow!("{}: no <artifactId>", dir.display()))?;
    let coordinates = Coordinates {
        group_id: element(&own, "groupId").or_else(|| element(&parent, "groupId")).unwrap_or_default(),
        artifact_id,
        version: element(&own, "version").or_else(|| element(&parent, "version")).unwrap_or_default(),
        classifier: None,
        extension: "jar".into(),
    };
    let mut out = vec![MavenModule { dir: dir.to_path_buf(), coordinates }];
    let mut rest = own.as_str();
    while let Some(i) = rest.find("<module>") {
        let after = &rest[i + 8..];
        let end = after.find("</module>").ok_or_else(|| anyhow!("{}: unclosed <module>", dir.display()))?;
        let sub = dir.join(after[..end].trim());
        if sub.starts_with(root) || sub.canonicalize().ok().zip(root.canonicalize().ok()).is_some_and(|(s, r)| s.starts_with(r)) {
            out.extend(maven_modules(root, &sub)?);
        }
        rest = &after[end..];
    }
    Ok(out)
}

/// The POM without the sections whose `groupId`/`artifactId`/`version` are not the project's own.
fn strip_sections(pom: &str) -> String {
    let mut s = pom.to_string();
    for tag in ["dependencyManagement", "dependencies", "build", "profiles", "reporting", "pluginRepositories", "repositories", "distributionManagement"] {
        while let (Some(a), Some(b)) = (s.find(&format!("<{tag}>")), s.find(&format!("</{tag}>"))) {
            if b < a {
                break;
            }
            s.replace_range(a..b + tag.len() + 3, "");
        }
    }
    s
}

fn element(xml: &str, name: &str) -> Option<String> {
    let open = format!("<{name}>");
    let a = xml.find(&open)? + open.len();
    let b = a + xml[a..].find(&format!("</{name}>"))?;
    Some(xml[a..b].trim().to_string())
}

// ---- apply

/// Carries out a plan: dry run by default; refuses files with uncommitted changes and targets
/// that exist. Moves are renames (copy + remove across devices); no shell is involved. `rewrite` is
/// the core's `rewrite-injections`: the module's copy of each source file with injections from the
/// base gets the text it returns.
pub fn apply(plan_path: &Path, project: &Path, write: bool, force: bool, rewrite: &mut dyn FnMut(&str, &[InjectionChange]) -> Result<SourceRewrite>) -> Result<()> {
    let text = std::fs::read_to_string(plan_path).with_context(|| format!("cannot read {}", plan_path.display()))?;
    let plan: SplitPlan = serde_json::from_str(&text).with_context(|| format!("{} is not a split plan", plan_path.display()))?;
    if !plan.problems.is_empty() && !force {
        bail!("the plan has {} verify problem(s), the first: {}; fix the selection or pass --force", plan.problems.len(), plan.problems[0]);
    }
    for p in plan.moves.iter().chain(&plan.copies).flat_map(|m| [&m.from, &m.to]).chain(plan.resources.iter().flat_map(|r| [&r.from, &r.to])).chain(plan.generated.iter().map(|g| &g.path)) {
        if p.starts_with('/') || p.contains('\\') || p.split('/').any(|s| s == "..") || p.as_bytes().get(1) == Some(&b':') {
            bail!("the plan names an unsafe path `{p}`; paths must be relative to the project and stay inside it");
        }
    }
    // Every existing file the plan reads or changes must be committed.
    let mut touched: BTreeSet<String> = BTreeSet::new();
    touched.extend(plan.moves.iter().map(|m| m.from.clone()));
    touched.extend(plan.resources.iter().filter(|r| r.action == ResourceAction::Move).map(|r| r.from.clone()));
    touched.extend(plan.copies.iter().map(|m| m.from.clone()));
    touched.extend(plan.resources.iter().map(|r| r.from.clone()));
    if let Some(root) = &plan.root_module {
        touched.insert(root.pom.clone());
    }
    let dirty = git_dirty(project, &touched)?;
    if !dirty.is_empty() {
        bail!("these files have uncommitted changes; commit or stash them first: {}", dirty.join(", "));
    }
    for m in plan.moves.iter().chain(&plan.copies) {
        if !project.join(&m.from).is_file() {
            bail!("{} does not exist in {}; was the plan made for this project?", m.from, project.display());
        }
    }
    let targets = plan.moves.iter().chain(&plan.copies).map(|m| &m.to).chain(plan.resources.iter().map(|r| &r.to)).chain(plan.generated.iter().map(|g| &g.path));
    for t in targets {
        if project.join(t).exists() {
            bail!("{t} already exists; remove it or choose another module name");
        }
    }
    // The module's copy of every source file whose injections take their bean from the base, rewritten
    // by the core before anything is touched (a file it cannot read as Java stops the apply here).
    let mut rewritten: BTreeMap<&str, SourceRewrite> = BTreeMap::new();
    let mut done: BTreeSet<(String, String)> = BTreeSet::new();
    for m in plan.moves.iter().chain(&plan.copies) {
        let wanted: Vec<InjectionChange> = plan.injections.iter().filter(|i| m.classes.contains(&i.node)).cloned().collect();
        if wanted.is_empty() {
            continue;
        }
        let path = project.join(&m.from);
        let source = std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
        let r = rewrite(&source, &wanted).with_context(|| format!("cannot change the injections in {}", m.from))?;
        done.extend(wanted.into_iter().map(|i| (i.node, i.member)));
        rewritten.insert(m.to.as_str(), r);
    }
    let verb = if write { "" } else { "would " };
    let changes = |to: &str| {
        for c in rewritten.get(to).map(|r| r.changed.as_slice()).unwrap_or_default() {
            println!("{verb}change {to}: {c}");
        }
    };
    for m in &plan.moves {
        println!("{verb}move {} -> {}", m.from, m.to);
        changes(&m.to);
        if write {
            match rewritten.get(m.to.as_str()).filter(|r| !r.changed.is_empty()) {
                Some(r) => {
                    write_file(&project.join(&m.to), &r.content)?;
                    std::fs::remove_file(project.join(&m.from)).with_context(|| format!("cannot remove {}", m.from))?;
                }
                None => move_file(&project.join(&m.from), &project.join(&m.to))?,
            }
        }
    }
    for m in &plan.copies {
        println!("{verb}copy {} -> {} ({})", m.from, m.to, m.reason.as_deref().unwrap_or(""));
        changes(&m.to);
        if write {
            match rewritten.get(m.to.as_str()).filter(|r| !r.changed.is_empty()) {
                Some(r) => write_file(&project.join(&m.to), &r.content)?,
                None => copy_file(&project.join(&m.from), &project.join(&m.to))?,
            }
        }
    }
    for r in &plan.resources {
        if !project.join(&r.from).is_file() {
            println!("skip {} (not found; it may be generated)", r.from);
            continue;
        }
        match r.action {
            ResourceAction::Move => {
                println!("{verb}move {} -> {}", r.from, r.to);
                if write {
                    move_file(&project.join(&r.from), &project.join(&r.to))?;
                }
            }
            ResourceAction::Copy => {
                println!("{verb}copy {} -> {}", r.from, r.to);
                if write {
                    copy_file(&project.join(&r.from), &project.join(&r.to))?;
                }
            }
        }
    }
    if write {
        let moved = plan.moves.iter().map(|m| &m.from).chain(plan.resources.iter().filter(|r| r.action == ResourceAction::Move).map(|r| &r.from));
        for from in moved {
            remove_emptied_folders(project, &project.join(from));
        }
    }
    for g in &plan.generated {
        println!("{verb}write {} ({} bytes)", g.path, g.content.len());
        if write {
            write_file(&project.join(&g.path), &g.content)?;
        }
    }
    if let Some(root) = &plan.root_module {
        let path = project.join(&root.pom);
        let text = std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
        let line = format!("<module>{}</module>", root.module);
        if text.contains(&line) {
            println!("{} already lists {}", root.pom, root.module);
        } else if let Some(i) = text.find("</modules>") {
            println!("{verb}add {line} to {}", root.pom);
            if write {
                let updated = format!("{}  {line}\n  {}", &text[..i], &text[i..]);
                std::fs::write(&path, updated).with_context(|| format!("cannot write {}", path.display()))?;
            }
        } else {
            println!("{} has no <modules>; add the module to your build by hand", root.pom);
        }
    }
    for (to, r) in &rewritten {
        for l in &r.left {
            println!("to do by hand: {to}: {l}");
        }
    }
    for inj in plan.injections.iter().filter(|i| !done.contains(&(i.node.clone(), i.member.clone()))) {
        println!("to do by hand: {} `{}` takes bean `{}` from the base ({}): {}", inj.node, inj.member, inj.bean, inj.provider, inj.change);
    }
    // Not refused like problems: the module loads, but these flows change; the user decides.
    for w in &plan.warnings {
        println!("warning: {w}");
    }
    if !write {
        println!("dry run: nothing changed; pass --write to apply");
    }
    Ok(())
}

/// The paths among `paths` that git reports as changed or untracked.
fn git_dirty(project: &Path, paths: &BTreeSet<String>) -> Result<Vec<String>> {
    if paths.is_empty() {
        return Ok(Vec::new());
    }
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(project)
        .args(["status", "--porcelain", "--untracked-files=all", "--"])
        .args(paths)
        .output()
        .context("cannot run git; `split apply` needs git to check for uncommitted changes")?;
    if !out.status.success() {
        bail!("{} is not a git work tree (git status: {}); apply refuses to change files it cannot check", project.display(), String::from_utf8_lossy(&out.stderr).trim());
    }
    Ok(String::from_utf8_lossy(&out.stdout).lines().map(|l| l.get(3..).unwrap_or(l).to_string()).collect())
}

fn move_file(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to.parent().unwrap_or(Path::new(".")))?;
    if std::fs::rename(from, to).is_err() {
        // Across file systems a rename fails: copy, then remove.
        std::fs::copy(from, to).with_context(|| format!("cannot copy {} to {}", from.display(), to.display()))?;
        std::fs::remove_file(from).with_context(|| format!("cannot remove {}", from.display()))?;
    }
    Ok(())
}

/// Removes the folders a move left empty, from the moved file's folder up to (not including) the
/// project root; `remove_dir` refuses a folder that still holds anything.
fn remove_emptied_folders(project: &Path, moved: &Path) {
    let mut dir = moved.parent();
    while let Some(d) = dir.filter(|d| d.starts_with(project) && *d != project) {
        if std::fs::remove_dir(d).is_err() {
            break;
        }
        println!("removed the emptied folder {}", d.strip_prefix(project).unwrap_or(d).display());
        dir = d.parent();
    }
}

fn write_file(path: &Path, text: &str) -> Result<()> {
    std::fs::create_dir_all(path.parent().unwrap_or(Path::new(".")))?;
    std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
}

fn copy_file(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to.parent().unwrap_or(Path::new(".")))?;
    std::fs::copy(from, to).with_context(|| format!("cannot copy {} to {}", from.display(), to.display()))?;
    Ok(())
}

// ---- serve

#[derive(Deserialize)]
struct ModuleBody {
    module: Vec<String>,
}

#[derive(Deserialize)]
struct SuggestBody {
    seeds: Option<Vec<String>>,
}

#[derive(Deserialize)]
struct PlanBody {
    module: Vec<String>,
    name: String,
}

fn serve(mut session: SplitSession, analysis: &SplitAnalysis, port: u16, static_dir: Option<&Path>) -> Result<()> {
    let server = tiny_http::Server::http(("127.0.0.1", port)).map_err(|e| anyhow!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    let addr = server.server_addr().to_ip().map(|a| a.to_string()).unwrap_or_default();
    println!("arkpack split: serving on http://{addr}/ (Ctrl-C stops)");
    let graph = serde_json::to_string(&serde_json::json!({
        "nodes": analysis.nodes, "edges": analysis.edges, "unknowns": analysis.unknowns, "diagnostics": analysis.diagnostics,
        "events": analysis.events,
    }))?;
    for mut request in server.incoming_requests() {
        let url = request.url().to_string();
        let (path, query) = url.split_once('?').unwrap_or((&url, ""));
        let method = request.method().clone();
        let mut body = String::new();
        // Only the declared body: for a request asking to upgrade (Java's HttpClient asks for h2c),
        // tiny_http hands over the whole connection, and reading to its end would wait forever.
        let length = request.body_length().unwrap_or(0) as u64;
        let _ = request.as_reader().take(length).read_to_string(&mut body);
        let (status, content_type, bytes) = match (method, path) {
            (tiny_http::Method::Get, "/api/graph") => (200, "application/json", graph.clone().into_bytes()),
            (tiny_http::Method::Post, "/api/evaluate") => api(serde_json::from_str::<ModuleBody>(&body).map_err(bad).and_then(|b| core(session.evaluate(&b.module)))),
            (tiny_http::Method::Post, "/api/suggest") => api(
                serde_json::from_str::<SuggestBody>(&body).map_err(bad).and_then(|b| core(session.suggest(b.seeds.as_deref())).map(|c| serde_json::json!({ "candidates": c }))),
            ),
            (tiny_http::Method::Post, "/api/plan") => api(serde_json::from_str::<PlanBody>(&body).map_err(bad).and_then(|b| core(session.plan(&b.module, &b.name)))),
            (tiny_http::Method::Get, "/api/matrix") => {
                let level = match query.split('&').find_map(|kv| kv.strip_prefix("level=")) {
                    Some("bundle") => Some(MatrixLevel::Bundle),
                    Some("package") | None => Some(MatrixLevel::Package),
                    Some(_) => None,
                };
                match level {
                    Some(level) => api(match session.matrix(level) {
                        Ok(Ok(m)) => Ok(m),
                        Ok(Err(crash)) => Err((500, crash.to_string())),
                        Err(e) => Err((500, format!("{e:#}"))),
                    }),
                    None => api::<()>(Err((400, "level must be `package` or `bundle`".into()))),
                }
            }
            (_, p) if p.starts_with("/api/") => api::<()>(Err((404, format!("no API at {p}")))),
            (tiny_http::Method::Get, p) => static_file(static_dir, p),
            _ => (405, "text/plain", b"method not allowed".to_vec()),
        };
        let header = tiny_http::Header::from_bytes(&b"Content-Type"[..], content_type.as_bytes()).map_err(|_| anyhow!("bad header"))?;
        let _ = request.respond(tiny_http::Response::from_data(bytes).with_status_code(status).with_header(header));
    }
    Ok(())
}

type ApiResult<T> = std::result::Result<T, (u16, String)>;

fn bad(e: serde_json::Error) -> (u16, String) {
    (400, format!("bad request body: {e}"))
}

fn core<T>(a: Result<crate::engine::Answer<T>>) -> ApiResult<T> {
    match a {
        Ok(Ok(Ok(v))) => Ok(v),
        Ok(Ok(Err(e))) => Err((400, e.message)),
        Ok(Err(crash)) => Err((500, crash.to_string())),
        Err(e) => Err((500, format!("{e:#}"))),
    }
}

fn api<T: serde::Serialize>(r: ApiResult<T>) -> (u16, &'static str, Vec<u8>) {
    match r.and_then(|v| serde_json::to_vec(&v).map_err(|e| (500, e.to_string()))) {
        Ok(bytes) => (200, "application/json", bytes),
        Err((status, message)) => (status, "application/json", serde_json::json!({ "error": message }).to_string().into_bytes()),
    }
}

fn static_file(dir: Option<&Path>, path: &str) -> (u16, &'static str, Vec<u8>) {
    let Some(dir) = dir else { return (404, "text/plain", b"no --static folder given".to_vec()) };
    let rel = path.trim_start_matches('/');
    let rel = if rel.is_empty() || rel.ends_with('/') { format!("{rel}index.html") } else { rel.to_string() };
    if rel.split('/').any(|s| s == ".." || s.starts_with('.') || s.contains('\\') || s.contains(':')) {
        return (404, "text/plain", b"not found".to_vec());
    }
    let file = dir.join(&rel);
    let kind = match file.extension().and_then(|x| x.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript",
        Some("css") => "text/css",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("wasm") => "application/wasm",
        _ => "application/octet-stream",
    };
    match std::fs::read(&file) {
        Ok(bytes) => (200, kind, bytes),
        Err(_) => (404, "text/plain", b"not found".to_vec()),
    }
}
