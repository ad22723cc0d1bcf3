//! `arkpack`, the native host: reads the inputs a request names, runs the packaging core (the
//! embedded WASI-p2 component, or the same code natively with `--engine native`), writes the
//! outputs atomically and explains what it did. It decides nothing about packaging itself.
//!
//! Exit codes: 0 done; 2 bad command line; 3 an input could not be read or the request file is
//! invalid; 4 the core refused the request (the message names the field or input); 5 the core
//! crashed on an input; 6 an output could not be written; 1 anything else.

mod cache;
mod crc_cache;
mod engine;
mod output;
mod render;
mod request;
mod split;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{anyhow, bail, Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget};

use engine::{Answer, Engine};
use request::{Gav, LibrarySpec, ModuleSpec, RequestFile};

#[derive(Parser)]
#[command(name = "arkpack", version, about = "Builds Koupleless / SOFAArk ark-biz jars, reproducibly, and explains them")]
struct Cli {
    /// Print results as JSON on stdout (for machines and the build-tool plugins).
    #[arg(long, global = true)]
    json: bool,
    /// No progress display.
    #[arg(long, short, global = true)]
    quiet: bool,
    /// Run the core as the sandboxed component (default) or natively (for comparison).
    #[arg(long, global = true, value_enum, default_value_t = EngineKind::Component)]
    engine: EngineKind,
    /// Cap the core component's memory, in MiB (default: no cap beyond wasm32's 4 GiB).
    #[arg(long, global = true, value_name = "MIB")]
    memory_limit: Option<usize>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum EngineKind {
    Component,
    Native,
}

#[derive(Subcommand)]
enum Command {
    /// Make an ark-biz jar (and optionally the executable ark jar).
    Biz(Box<BizArgs>),
    /// Make an ark-plugin jar from a request file (the form the Maven plugin's `ark-plugin` goal sends).
    Plugin {
        /// A JSON request (docs/request.md, "The `arkpack plugin` request").
        #[arg(long)]
        request: PathBuf,
        /// Print the plan without writing anything.
        #[arg(long)]
        list: bool,
    },
    /// Say why a library was kept in the module or left to the base, from a slimming report.
    Why {
        /// `groupId:artifactId` (or `groupId:artifactId:version`, or only `artifactId`).
        artifact: String,
        /// The full slimming report a build wrote (`slimReport`; Maven: target/sofa-ark/arkpack-slim-report.json).
        #[arg(long, value_name = "FILE", conflicts_with = "request", required_unless_present = "request")]
        report: Option<PathBuf>,
        /// Or a biz request: plan it and answer from the plan.
        #[arg(long, value_name = "FILE")]
        request: Option<PathBuf>,
    },
    /// Say what a jar is, list its entries (path, method, size, crc, time) and print its manifest.
    Inspect {
        /// Any jar: an ark-biz, ark-plugin, executable ark jar or a plain jar.
        file: PathBuf,
    },
    /// Split an app into Koupleless modules: analyse, evaluate, suggest, plan, apply, serve (docs/split.md).
    Split {
        #[command(subcommand)]
        command: split::SplitCommand,
    },
}

#[derive(Args)]
struct BizArgs {
    /// A JSON request (the form the Maven and Gradle plugins send; see docs/request.md).
    #[arg(long, conflicts_with_all = ["classes", "jar", "libs", "name", "version", "group_id", "main_class", "priority", "web_context_path", "conf", "output_timestamp", "container", "executable_out", "out", "excludes", "base"])]
    request: Option<PathBuf>,
    /// The module's classes directory.
    #[arg(long, conflicts_with = "jar")]
    classes: Option<PathBuf>,
    /// The module's plain (thin) jar.
    #[arg(long)]
    jar: Option<PathBuf>,
    /// A dependency jar, named `artifactId-version.jar` (repeat for each).
    #[arg(long = "lib", value_name = "JAR")]
    libs: Vec<PathBuf>,
    /// `Ark-Biz-Name` (also the artifactId).
    #[arg(long)]
    name: Option<String>,
    /// `Ark-Biz-Version` (also the project version).
    #[arg(long)]
    version: Option<String>,
    /// The module's groupId.
    #[arg(long, default_value = "local")]
    group_id: String,
    /// The start class; found from the bytecode when absent.
    #[arg(long)]
    main_class: Option<String>,
    /// `priority` (an integer; lower starts earlier).
    #[arg(long)]
    priority: Option<String>,
    /// `web-context-path`.
    #[arg(long)]
    web_context_path: Option<String>,
    /// A `conf/` folder to package (rules.txt, bootstrap.properties, ...).
    #[arg(long, value_name = "DIR")]
    conf: Option<PathBuf>,
    /// Entry time and build-time: epoch seconds or ISO-8601 (default: SOURCE_DATE_EPOCH, else a fixed time).
    #[arg(long)]
    output_timestamp: Option<String>,
    /// The SOFAArk container jar (sofa-ark-all); asks for the executable ark jar too.
    #[arg(long, value_name = "JAR")]
    container: Option<PathBuf>,
    /// Where the executable ark jar goes (default: beside the biz jar, `-ark-executable.jar`).
    #[arg(long, value_name = "FILE", requires = "container")]
    executable_out: Option<PathBuf>,
    /// Where the biz jar goes (default: `<name>-<version>-ark-biz.jar`).
    #[arg(long, short, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Leave a dependency to the base: `groupId:artifactId[:version[:classifier]]`, `*` for any part
    /// (repeat for each; `local` is the groupId of `--lib` jars).
    #[arg(long = "exclude", value_name = "PATTERN")]
    excludes: Vec<String>,
    /// The base's executable jar: what it has is left to it, and the class checks look into it.
    #[arg(long, value_name = "JAR")]
    base: Option<PathBuf>,
    /// Print the plan (every entry and where it comes from) without writing anything.
    #[arg(long)]
    list: bool,
}

/// A failure with the exit code that says what failed.
struct Failure {
    code: u8,
    error: anyhow::Error,
    core: Option<arkpack_core::model::PackError>,
}

fn fail(code: u8) -> impl FnOnce(anyhow::Error) -> Failure {
    move |error| Failure { code, error, core: None }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let json = cli.json;
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            if json {
                let value = serde_json::json!({ "ok": false, "exitCode": f.code, "error": f.core, "message": format!("{:#}", f.error) });
                println!("{value}");
            } else {
                eprintln!("arkpack: error: {:#}", f.error);
                if let Some(core) = &f.core {
                    if let Some(input) = &core.input {
                        eprintln!("  input: {input}");
                    }
                    if let Some(field) = &core.field {
                        eprintln!("  field: {field}");
                    }
                }
            }
            ExitCode::from(f.code)
        }
    }
}

fn run(cli: Cli) -> Result<(), Failure> {
    // The engine starts only once the inputs are read, so a bad request fails without waiting for
    // the component to load (or, on a cold cache, to compile).
    let start = |kind: EngineKind| match kind {
        EngineKind::Component => Engine::component(cli.memory_limit.map(|mib| mib << 20)).context("cannot start the packaging core").map_err(fail(1)),
        EngineKind::Native => Ok(Engine::native()),
    };
    let bar = progress_bar(cli.quiet || cli.json);
    let result = match cli.command {
        Command::Biz(args) => biz(start, cli.engine, *args, cli.json, &bar),
        Command::Plugin { request, list } => plugin(start, cli.engine, &request, list, cli.json, &bar),
        Command::Inspect { file } => inspect(start, cli.engine, &file, cli.json),
        Command::Why { artifact, report, request } => why(start, cli.engine, &artifact, report.as_deref(), request.as_deref(), cli.json, &bar),
        Command::Split { command } => split::run(start, cli.engine, command, cli.quiet),
    };
    bar.finish_and_clear();
    result
}

fn progress_bar(hidden: bool) -> ProgressBar {
    if hidden {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    bar
}

/// The core's answer, with its typed error or crash turned into a failure.
fn answer<T>(a: Answer<T>) -> Result<T, Failure> {
    match a {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(Failure { code: 4, error: anyhow!(e.message.clone()), core: Some(e) }),
        Err(crash) => Err(Failure { code: 5, error: anyhow!(crash.to_string()), core: None }),
    }
}

fn biz(start: impl FnOnce(EngineKind) -> Result<Engine, Failure>, kind: EngineKind, args: BizArgs, json: bool, bar: &ProgressBar) -> Result<(), Failure> {
    let spec = match &args.request {
        Some(path) => request::parse_file(path).map_err(fail(3))?,
        None => from_flags(&args).map_err(fail(2))?,
    };
    let loaded = spec.load().map_err(fail(3))?;
    let engine = &start(kind)?;
    let progress_bar = bar.clone();
    let progress: engine::ProgressFn = Box::new(move |stage, input| progress_bar.set_message(format!("{stage} {input}")));
    if args.list {
        let plan = answer(engine.plan_biz(&loaded.request, progress, loaded.readable.clone()).map_err(fail(1))?)?;
        bar.finish_and_clear();
        render::plan(&plan, json);
        return Ok(());
    }
    let out = answer(engine.package_biz(&loaded.request, progress, loaded.readable.clone()).map_err(fail(1))?)?;
    bar.finish_and_clear();
    // The reports first: when the jar is written, its reasons are already there to read.
    let slim = &out.plan.report.slim;
    for (path, text) in [(&loaded.slim_results, &slim.results_json), (&loaded.slim_report, &slim.report_json)] {
        if let Some(path) = path {
            output::write_file(path, text.as_bytes()).map_err(fail(6))?;
        }
    }
    let size = output::write_pieces(&loaded.output, &out.biz_jar, &loaded.library_files).map_err(fail(6))?;
    let mut written = vec![(loaded.output.clone(), size)];
    if let (Some(pieces), Some(path)) = (&out.executable_jar, &loaded.executable_output) {
        let size = output::write_pieces(path, pieces, &loaded.library_files).map_err(fail(6))?;
        written.push((path.clone(), size));
    }
    render::packaged(&out.plan, &written, json);
    Ok(())
}

fn plugin(
    start: impl FnOnce(EngineKind) -> Result<Engine, Failure>,
    kind: EngineKind,
    path: &std::path::Path,
    list: bool,
    json: bool,
    bar: &ProgressBar,
) -> Result<(), Failure> {
    let (request, output, library_files) = request::PluginRequestFile::parse(path).and_then(|spec| spec.load()).map_err(fail(3))?;
    let engine = &start(kind)?;
    let progress_bar = bar.clone();
    let progress: engine::ProgressFn = Box::new(move |stage, input| progress_bar.set_message(format!("{stage} {input}")));
    if list {
        let plan = answer(engine.plan_plugin(&request, progress).map_err(fail(1))?)?;
        bar.finish_and_clear();
        render::plugin_plan(&plan, None, json);
        return Ok(());
    }
    let out = answer(engine.package_plugin(&request, progress).map_err(fail(1))?)?;
    bar.finish_and_clear();
    let size = output::write_pieces(&output, &out.plugin_jar, &library_files).map_err(fail(6))?;
    render::plugin_plan(&out.plan, Some((&output, size)), json);
    Ok(())
}

/// The flag form, turned into the same request a JSON file gives.
fn from_flags(args: &BizArgs) -> Result<RequestFile> {
    let name = args.name.clone().ok_or_else(|| anyhow!("give --request FILE, or --name and --version with --classes DIR or --jar FILE"))?;
    let version = args.version.clone().ok_or_else(|| anyhow!("--version is required with --name"))?;
    let module = match (&args.classes, &args.jar) {
        (Some(dir), None) => ModuleSpec { jar: None, classes: Some(dir.clone()) },
        (None, Some(jar)) => ModuleSpec { jar: Some(jar.clone()), classes: None },
        _ => bail!("give the module's classes with --classes DIR or its plain jar with --jar FILE"),
    };
    let project = Gav { group_id: args.group_id.clone(), artifact_id: name.clone(), version: version.clone(), classifier: None, extension: "jar".into() };
    let libraries = args.libs.iter().map(|path| lib_from_file_name(path)).collect::<Result<Vec<_>>>()?;
    let output = args.out.clone().unwrap_or_else(|| PathBuf::from(format!("{name}-{version}-ark-biz.jar")));
    let executable = match &args.container {
        Some(container) => Some(request::ExecutableSpec {
            container: lib_from_file_name(container)?,
            ark_version: None,
            output: args.executable_out.clone().unwrap_or_else(|| output.with_file_name(format!("{name}-{version}-ark-executable.jar"))),
        }),
        None => None,
    };
    Ok(RequestFile {
        project,
        module,
        libraries,
        conf_dir: args.conf.clone(),
        biz_name: Some(name),
        biz_version: Some(version),
        priority: args.priority.clone().map(request::Text::Str),
        main_class: args.main_class.clone(),
        web_context_path: args.web_context_path.clone(),
        deny_import_packages: Vec::new(),
        deny_import_classes: Vec::new(),
        deny_import_resources: Vec::new(),
        inject_plugin_dependencies: Vec::new(),
        inject_plugin_export_packages: Vec::new(),
        declared_mode: false,
        declared_whitelist: Vec::new(),
        package_provided: false,
        requires_unpack: Vec::new(),
        output_timestamp: args.output_timestamp.clone().map(request::Text::Str),
        build_info: None,
        output,
        executable,
        excludes: args.excludes.clone(),
        exclude_group_ids: Vec::new(),
        exclude_artifact_ids: Vec::new(),
        includes: Vec::new(),
        include_group_ids: Vec::new(),
        include_artifact_ids: Vec::new(),
        pack_excludes_config: None,
        pack_excludes_url: None,
        base_dependency_parent_identity: None,
        parents: Vec::new(),
        imported_boms: Vec::new(),
        base: args.base.clone().map(|jar| request::BaseSpec { jar: Some(jar), artifacts: None }),
        class_checks: Default::default(),
        slim_results: None,
        slim_report: None,
    })
}

/// `guava-33.0.0-jre.jar` → artifactId `guava`, version `33.0.0-jre`: split before the first
/// `-<digit>`, so the jar keeps its file name inside the biz.
fn lib_from_file_name(path: &std::path::Path) -> Result<LibrarySpec> {
    let file = path.file_name().and_then(|f| f.to_str()).ok_or_else(|| anyhow!("{} has no usable file name", path.display()))?;
    let (stem, extension) = file.rsplit_once('.').ok_or_else(|| anyhow!("--lib {}: expected a .jar file", path.display()))?;
    let split = stem.match_indices('-').find(|(i, _)| stem[i + 1..].starts_with(|c: char| c.is_ascii_digit())).map(|(i, _)| i);
    let Some(i) = split else {
        bail!("--lib {}: cannot tell artifactId and version from the name; rename it `artifactId-version.jar` or use --request", path.display());
    };
    Ok(LibrarySpec {
        gav: Gav { group_id: "local".into(), artifact_id: stem[..i].into(), version: stem[i + 1..].into(), classifier: None, extension: extension.into() },
        scope: "compile".into(),
        file: path.to_path_buf(),
        parent: None,
        depends_on: Vec::new(),
    })
}

/// `arkpack why`: the outcome of the libraries matching `artifact`, from a report or a fresh plan.
fn why(
    start: impl FnOnce(EngineKind) -> Result<Engine, Failure>,
    kind: EngineKind,
    artifact: &str,
    report: Option<&std::path::Path>,
    request: Option<&std::path::Path>,
    json: bool,
    bar: &ProgressBar,
) -> Result<(), Failure> {
    let value: serde_json::Value = match (report, request) {
        (Some(path), _) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read the slimming report {} (it is written by a build: mvn package, or `slimReport` in the request)", path.display()))
                .map_err(fail(3))?;
            serde_json::from_str(&text).with_context(|| format!("{} is not a slimming report", path.display())).map_err(fail(3))?
        }
        (None, Some(path)) => {
            let loaded = request::parse_file(path).and_then(|s| s.load()).map_err(fail(3))?;
            let engine = &start(kind)?;
            let progress_bar = bar.clone();
            let progress: engine::ProgressFn = Box::new(move |stage, input| progress_bar.set_message(format!("{stage} {input}")));
            let plan = answer(engine.plan_biz(&loaded.request, progress, loaded.readable.clone()).map_err(fail(1))?)?;
            bar.finish_and_clear();
            serde_json::from_str(&plan.report.slim.report_json).map_err(|e| fail(1)(anyhow!("the core's report is not JSON: {e}")))?
        }
        (None, None) => return Err(fail(2)(anyhow!("give --report FILE or --request FILE"))),
    };
    let found = render::why(&value, artifact, json);
    if found == 0 {
        let known = value.get("artifacts").and_then(|a| a.as_array()).map(Vec::len).unwrap_or(0);
        return Err(fail(2)(anyhow!("no library matches `{artifact}` among the {known} in the report; give groupId:artifactId")));
    }
    Ok(())
}

fn inspect(start: impl FnOnce(EngineKind) -> Result<Engine, Failure>, kind: EngineKind, file: &std::path::Path, json: bool) -> Result<(), Failure> {
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display())).map_err(fail(3))?;
    let engine = &start(kind)?;
    let name = file.display().to_string();
    let inspection = answer(engine.inspect(&name, &bytes).map_err(fail(1))?)?;
    render::inspection(&name, &inspection, json);
    Ok(())
}
