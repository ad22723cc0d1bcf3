//! Runs the core: as the embedded WASI-p2 component under wasmtime (the default, what every host
//! gets) or natively (for benchmarks and the native-versus-component test). A fresh component
//! instance serves each request, so a trap cannot leak into the next one.

use crate::request::Readable;
use std::sync::{Arc, Mutex};

use anyhow::{Context, Result};
use arkpack_core::model::{
    AnalyzeRequest, BizOutput, BizPlan, BizRequest, Candidate, Evaluation, ExpandedJar, InjectionChange, Inspection, Matrix, MatrixLevel, ModuleContent, PackError, PluginOutput,
    PluginPlan, PluginRequest, SourceRewrite, SplitAnalysis, SplitBundle, SplitDiagnostic, SplitLibrary, SplitPlan,
};
use wasmtime::component::{Component, Instance, Linker, ResourceAny, ResourceTable};
use wasmtime::{Config, Engine as WasmEngine, Store};
use wasmtime_wasi::p2::pipe::MemoryOutputPipe;
use wasmtime_wasi::{WasiCtx, WasiCtxView, WasiView};

use crate::cache;

/// The component, embedded at build time (see build.rs).
pub const COMPONENT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/arkpack_core.wasm"));
pub const COMPONENT_SHA256: &str = env!("ARKPACK_COMPONENT_SHA256");

/// The core crashed (trapped) instead of answering: a bug, or an input it could not survive.
#[derive(Debug)]
pub struct Crash {
    /// The last stage and input the core reported before it crashed.
    pub at: Option<(String, String)>,
    pub detail: String,
}

impl std::fmt::Display for Crash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.at {
            Some((stage, input)) => write!(f, "the packaging core crashed while reading {stage} {input}; that input is malformed or hit a bug in arkpack"),
            None => write!(f, "the packaging core crashed before reading any input; this is a bug in arkpack"),
        }?;
        write!(f, "\n  detail: {}", self.detail)
    }
}

impl std::error::Error for Crash {}

/// What a call returns: the core's answer (success or its typed error), or a crash.
pub type Answer<T> = std::result::Result<std::result::Result<T, PackError>, Crash>;

/// Receives the core's progress reports.
pub type ProgressFn = Box<dyn FnMut(&str, &str) + Send>;

pub enum Engine {
    Component(ComponentEngine),
    Native,
}

impl Engine {
    pub fn native() -> Self {
        Engine::Native
    }

    /// The embedded component; `memory_limit` caps its linear memory (bytes), so a request that
    /// needs more fails as a crash naming the input instead of exhausting the machine.
    pub fn component(memory_limit: Option<usize>) -> Result<Self> {
        Ok(Engine::Component(ComponentEngine::load(memory_limit)?))
    }

    pub fn plan_biz(&self, request: &BizRequest, progress: ProgressFn, files: Readable) -> Result<Answer<BizPlan>> {
        match self {
            Engine::Native => Ok(Ok(arkpack_core::plan_biz(request, &mut Native(progress, files)).map_err(|e| e.to_model()))),
            Engine::Component(c) => c.call("plan-biz", (request,), progress, files),
        }
    }

    pub fn package_biz(&self, request: &BizRequest, progress: ProgressFn, files: Readable) -> Result<Answer<BizOutput>> {
        match self {
            Engine::Native => Ok(Ok(arkpack_core::package_biz(request, &mut Native(progress, files)).map_err(|e| e.to_model()))),
            Engine::Component(c) => c.call("package-biz", (request,), progress, files),
        }
    }

    pub fn plan_plugin(&self, request: &PluginRequest, progress: ProgressFn) -> Result<Answer<PluginPlan>> {
        match self {
            Engine::Native => Ok(Ok(arkpack_core::plan_plugin(request, &mut Native(progress, Readable::default())).map_err(|e| e.to_model()))),
            Engine::Component(c) => c.call("plan-plugin", (request,), progress, Readable::default()),
        }
    }

    pub fn package_plugin(&self, request: &PluginRequest, progress: ProgressFn) -> Result<Answer<PluginOutput>> {
        match self {
            Engine::Native => Ok(Ok(arkpack_core::package_plugin(request, &mut Native(progress, Readable::default())).map_err(|e| e.to_model()))),
            Engine::Component(c) => c.call("package-plugin", (request,), progress, Readable::default()),
        }
    }

    pub fn inspect(&self, name: &str, content: &[u8]) -> Result<Answer<Inspection>> {
        match self {
            Engine::Native => Ok(Ok(arkpack_core::inspect(name, content).map_err(|e| e.to_model()))),
            Engine::Component(c) => c.call("inspect", (name, content), Box::new(|_, _| {}), Readable::default()),
        }
    }
}

struct Native(ProgressFn, Readable);

impl arkpack_core::Progress for Native {
    fn report(&mut self, stage: &str, input: &str) {
        (self.0)(stage, input)
    }

    fn read(&mut self, origin: &str, offset: u64, length: u64) -> std::result::Result<Vec<u8>, String> {
        self.1.read(origin, offset, length)
    }
}

/// The last stage and input the core reported, shared with the progress import.
type LastInput = Arc<Mutex<Option<(String, String)>>>;

/// Per-call state: WASI (granted nothing) and the progress sink.
struct State {
    limits: wasmtime::StoreLimits,
    wasi: WasiCtx,
    table: ResourceTable,
    progress: ProgressFn,
    files: Readable,
    last: Arc<Mutex<Option<(String, String)>>>,
}

impl WasiView for State {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView { ctx: &mut self.wasi, table: &mut self.table }
    }
}

pub struct ComponentEngine {
    engine: WasmEngine,
    pre: wasmtime::component::InstancePre<State>,
    memory_limit: Option<usize>,
}

impl ComponentEngine {
    fn load(memory_limit: Option<usize>) -> Result<Self> {
        let engine = WasmEngine::new(&Config::new()).map_err(anyhow::Error::from)?;
        let component: Component = cache::load_or_compile(&engine, COMPONENT, COMPONENT_SHA256)?;
        let mut linker: Linker<State> = Linker::new(&engine);
        wasmtime_wasi::p2::add_to_linker_sync(&mut linker).map_err(anyhow::Error::from)?;
        linker
            .root()
            .func_wrap("progress", |mut store: wasmtime::StoreContextMut<'_, State>, (stage, input): (String, String)| {
                let state = store.data_mut();
                (state.progress)(&stage, &input);
                *state.last.lock().unwrap_or_else(|p| p.into_inner()) = Some((stage, input));
                Ok(())
            })
            .map_err(anyhow::Error::from)?;
        linker
            .root()
            .func_wrap("read", |store: wasmtime::StoreContextMut<'_, State>, (origin, offset, length): (String, u64, u64)| {
                Ok((store.data().files.read(&origin, offset, length),))
            })
            .map_err(anyhow::Error::from)?;
        let pre = linker.instantiate_pre(&component).map_err(anyhow::Error::from).context("linking the core component")?;
        Ok(ComponentEngine { engine, pre, memory_limit })
    }

    /// A store for one instance: WASI granting nothing, the memory cap, the progress sink and the
    /// files the core may read.
    fn store(&self, progress: ProgressFn, files: Readable) -> (Store<State>, MemoryOutputPipe, LastInput) {
        let stderr = MemoryOutputPipe::new(64 * 1024);
        // The core gets no directories, environment, network or arguments; its random numbers are
        // fixed so that nothing inside it can vary between runs.
        let wasi = WasiCtx::builder()
            .stderr(stderr.clone())
            .secure_random(wasmtime_wasi::Deterministic::new(vec![42; 32]))
            .insecure_random(wasmtime_wasi::Deterministic::new(vec![7; 32]))
            .insecure_random_seed(0)
            .build();
        let last = Arc::new(Mutex::new(None));
        let mut limits = wasmtime::StoreLimitsBuilder::new();
        if let Some(bytes) = self.memory_limit {
            limits = limits.memory_size(bytes);
        }
        let state = State { limits: limits.build(), wasi, table: ResourceTable::new(), progress, files, last: last.clone() };
        let mut store = Store::new(&self.engine, state);
        store.limiter(|state| &mut state.limits);
        (store, stderr, last)
    }

    /// A call of one of the world's exports on a fresh instance.
    fn call<P, R>(&self, name: &str, params: P, progress: ProgressFn, files: Readable) -> Result<Answer<R>>
    where
        P: wasmtime::component::ComponentNamedList + wasmtime::component::Lower,
        R: wasmtime::component::ComponentType + wasmtime::component::Lift + Send + Sync + 'static,
    {
        let lookup = |instance: &Instance, store: &mut Store<State>| {
            instance
                .get_typed_func::<P, (std::result::Result<R, PackError>,)>(store, name)
                .map_err(anyhow::Error::from)
                .with_context(|| format!("the core component has no export `{name}` of the expected type"))
        };
        self.call_with(lookup, params, progress, files)
    }

    /// A call of a function of the `split` interface on a fresh instance.
    fn call_split<P, R>(&self, name: &str, params: P, progress: ProgressFn) -> Result<Answer<R>>
    where
        P: wasmtime::component::ComponentNamedList + wasmtime::component::Lower,
        R: wasmtime::component::ComponentType + wasmtime::component::Lift + Send + Sync + 'static,
    {
        self.call_with(|instance, store| split_func(instance, store, name), params, progress, Readable::default())
    }

    fn call_with<P, R>(
        &self,
        lookup: impl FnOnce(&Instance, &mut Store<State>) -> Result<wasmtime::component::TypedFunc<P, (std::result::Result<R, PackError>,)>>,
        params: P,
        progress: ProgressFn,
        files: Readable,
    ) -> Result<Answer<R>>
    where
        P: wasmtime::component::ComponentNamedList + wasmtime::component::Lower,
        R: wasmtime::component::ComponentType + wasmtime::component::Lift + Send + Sync + 'static,
    {
        let (mut store, stderr, last) = self.store(progress, files);
        let instance = self.pre.instantiate(&mut store).map_err(anyhow::Error::from)?;
        let func = lookup(&instance, &mut store)?;
        match func.call(&mut store, params) {
            Ok((answer,)) => Ok(Ok(answer)),
            Err(trap) => Ok(Err(crash(&stderr, &last, trap))),
        }
    }
}

fn crash(stderr: &MemoryOutputPipe, last: &LastInput, trap: wasmtime::Error) -> Crash {
    let output = String::from_utf8_lossy(&stderr.contents()).trim().to_string();
    let detail = if output.is_empty() { format!("{trap:#}") } else { output };
    let at = last.lock().unwrap_or_else(|p| p.into_inner()).clone();
    Crash { at, detail }
}

// ---- splitting: `analyze` on a fresh instance; a session keeps one instance (and its prepared
// graph, a WIT resource) alive for all its evaluations.

const SPLIT_INTERFACE: &str = "arkpack:packager/split@0.1.0";

impl Engine {
    /// Analyses the app. With two or more bundles, one of them a jar, and a second core, jars are
    /// expanded (inflated and checked, in the core: `expand-jar`) one ahead in another thread (and
    /// component instance) while the analyzer reads the classes of the last: inflating was a third of
    /// the analysis. The analysis is the same either way.
    pub fn split_analyze(&self, request: &AnalyzeRequest, progress: ProgressFn) -> Result<Answer<SplitAnalysis>> {
        let has_jar = request.bundles.iter().any(|b| matches!(b.content, ModuleContent::Jar(_)));
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        if !has_jar || request.bundles.len() < 2 || cores < 2 {
            return self.split_analyze_at_once(request, progress);
        }
        std::thread::scope(|scope| {
            // One expanded jar waits while the next is expanded: enough to keep both cores busy.
            let (sender, expanded) = std::sync::mpsc::sync_channel(1);
            scope.spawn(move || {
                let mut expander = match self.expander() {
                    Ok(e) => e,
                    Err(e) => return drop(sender.send(Err(e))),
                };
                for bundle in &request.bundles {
                    if let ModuleContent::Jar(bytes) = &bundle.content {
                        let answer = expander.expand(&bundle.origin, bytes);
                        let failed = !matches!(answer, Ok(Ok(_)));
                        if sender.send(answer).is_err() || failed {
                            return;
                        }
                    }
                }
            });
            let mut analyzer = self.analyzer(progress)?;
            for bundle in &request.bundles {
                let added = match &bundle.content {
                    ModuleContent::Jar(_) => {
                        let answer = expanded.recv().context("the jar expander stopped without an answer")?;
                        let ExpandedJar { files, diagnostics } = match answer? {
                            Ok(e) => e,
                            Err(crash) => return Ok(Err(crash)),
                        };
                        let expanded = SplitBundle {
                            name: bundle.name.clone(),
                            origin: bundle.origin.clone(),
                            content: ModuleContent::Files(files),
                            project_dir: bundle.project_dir.clone(),
                            coordinates: bundle.coordinates.clone(),
                        };
                        analyzer.add(&expanded, &diagnostics)?
                    }
                    ModuleContent::Files(_) => analyzer.add(bundle, &[])?,
                };
                if let Err(crash) = added {
                    return Ok(Err(crash));
                }
            }
            analyzer.finish(&request.libraries)
        })
    }

    /// `analyze` in one call.
    fn split_analyze_at_once(&self, request: &AnalyzeRequest, progress: ProgressFn) -> Result<Answer<SplitAnalysis>> {
        match self {
            Engine::Native => Ok(Ok(arkpack_core::split::analyze(request, &mut Native(progress, Readable::default())).map_err(|e| e.to_model()))),
            Engine::Component(c) => c.call_split("analyze", (request,), progress),
        }
    }

    fn expander(&self) -> Result<Expander> {
        Ok(match self {
            Engine::Native => Expander::Native,
            Engine::Component(c) => {
                let (mut store, stderr, _) = c.store(Box::new(|_, _| {}), Readable::default());
                let instance = c.pre.instantiate(&mut store).map_err(anyhow::Error::from)?;
                Expander::Component { store, instance, stderr }
            }
        })
    }

    fn analyzer(&self, progress: ProgressFn) -> Result<Analyzer> {
        Ok(match self {
            Engine::Native => Analyzer::Native(arkpack_core::split::Analyzer::default(), Native(progress, Readable::default())),
            Engine::Component(c) => {
                let (mut store, stderr, last) = c.store(progress, Readable::default());
                let instance = c.pre.instantiate(&mut store).map_err(anyhow::Error::from)?;
                let new = split_func::<(), (ResourceAny,)>(&instance, &mut store, "[constructor]analyzer")?;
                let (analyzer,) = new.call(&mut store, ()).map_err(|trap| anyhow::Error::new(crash(&stderr, &last, trap)))?;
                Analyzer::Component(Box::new(ComponentAnalyzer { store, instance, analyzer, stderr, last }))
            }
        })
    }

    /// One Java source file of the module with its field injections from the base rewritten (`split apply`).
    pub fn split_rewrite_injections(&self, source: &str, injections: &[InjectionChange]) -> Result<Answer<SourceRewrite>> {
        match self {
            Engine::Native => Ok(Ok(arkpack_core::split::rewrite_injections(source, injections).map_err(|e| e.to_model()))),
            Engine::Component(c) => c.call_split("rewrite-injections", (source, injections), Box::new(|_, _| {})),
        }
    }

    /// Sends the analysis once and keeps the prepared graph for the calls that follow.
    pub fn split_session(&self, analysis: &SplitAnalysis) -> Result<SplitSession> {
        match self {
            Engine::Native => Ok(SplitSession::Native(Box::new(arkpack_core::split::Session::new(analysis.clone())))),
            Engine::Component(c) => {
                let (mut store, stderr, last) = c.store(Box::new(|_, _| {}), Readable::default());
                let instance = c.pre.instantiate(&mut store).map_err(anyhow::Error::from)?;
                let new = split_func::<(&SplitAnalysis,), (ResourceAny,)>(&instance, &mut store, "[constructor]session")?;
                let (session,) = new.call(&mut store, (analysis,)).map_err(|trap| anyhow::Error::new(crash(&stderr, &last, trap)))?;
                Ok(SplitSession::Component(Box::new(ComponentSession { store, instance, session, stderr, last })))
            }
        }
    }
}

/// Expands jar bundles for an [`Analyzer`]: the core natively, or one component instance for all of them.
enum Expander {
    Native,
    Component { store: Store<State>, instance: Instance, stderr: MemoryOutputPipe },
}

impl Expander {
    fn expand(&mut self, origin: &str, jar: &[u8]) -> Result<std::result::Result<ExpandedJar, Crash>> {
        match self {
            Expander::Native => Ok(Ok(arkpack_core::split::expand_jar(origin, jar))),
            Expander::Component { store, instance, stderr } => {
                let func = split_func::<(&str, &[u8]), (ExpandedJar,)>(instance, store, "expand-jar")?;
                Ok(match func.call(&mut *store, (origin, jar)) {
                    Ok((expanded,)) => Ok(expanded),
                    // The expander reports no progress of its own: the jar it was expanding is the input.
                    Err(trap) => Err(crash(stderr, &Arc::new(Mutex::new(Some(("split bundle".into(), origin.into())))), trap)),
                })
            }
        }
    }
}

/// `analyze` in steps: the core natively, or the `analyzer` resource in one component instance.
enum Analyzer {
    Native(arkpack_core::split::Analyzer, Native),
    Component(Box<ComponentAnalyzer>),
}

struct ComponentAnalyzer {
    store: Store<State>,
    instance: Instance,
    analyzer: ResourceAny,
    stderr: MemoryOutputPipe,
    last: LastInput,
}

impl Analyzer {
    fn add(&mut self, bundle: &SplitBundle, skipped: &[SplitDiagnostic]) -> Result<std::result::Result<(), Crash>> {
        match self {
            Analyzer::Native(a, progress) => {
                a.add_bundle(bundle, skipped.to_vec(), progress);
                Ok(Ok(()))
            }
            Analyzer::Component(c) => {
                let func = split_func::<(ResourceAny, &SplitBundle, &[SplitDiagnostic]), ()>(&c.instance, &mut c.store, "[method]analyzer.add-bundle")?;
                Ok(func.call(&mut c.store, (c.analyzer, bundle, skipped)).map_err(|trap| crash(&c.stderr, &c.last, trap)))
            }
        }
    }

    fn finish(self, libraries: &[SplitLibrary]) -> Result<Answer<SplitAnalysis>> {
        match self {
            Analyzer::Native(a, mut progress) => Ok(Ok(a.finish(libraries, &mut progress).map_err(|e| e.to_model()))),
            Analyzer::Component(mut c) => {
                let func = split_func::<(ResourceAny, &[SplitLibrary]), (std::result::Result<SplitAnalysis, PackError>,)>(&c.instance, &mut c.store, "[static]analyzer.finish")?;
                Ok(match func.call(&mut c.store, (c.analyzer, libraries)) {
                    Ok((answer,)) => Ok(answer),
                    Err(trap) => Err(crash(&c.stderr, &c.last, trap)),
                })
            }
        }
    }
}

fn split_func<P, R>(instance: &Instance, store: &mut Store<State>, name: &str) -> Result<wasmtime::component::TypedFunc<P, R>>
where
    P: wasmtime::component::ComponentNamedList + wasmtime::component::Lower,
    R: wasmtime::component::ComponentNamedList + wasmtime::component::Lift,
{
    let iface = instance.get_export_index(&mut *store, None, SPLIT_INTERFACE).with_context(|| format!("the core component does not export `{SPLIT_INTERFACE}`"))?;
    let func = instance.get_export_index(&mut *store, Some(&iface), name).with_context(|| format!("the core component has no `{name}` in `{SPLIT_INTERFACE}`"))?;
    instance.get_typed_func::<P, R>(&mut *store, &func).map_err(anyhow::Error::from).with_context(|| format!("`{name}` of the core component has an unexpected type"))
}

/// A prepared split graph: in the core natively, or a resource inside one live component instance.
pub enum SplitSession {
    Native(Box<arkpack_core::split::Session>),
    Component(Box<ComponentSession>),
}

pub struct ComponentSession {
    store: Store<State>,
    instance: Instance,
    session: ResourceAny,
    stderr: MemoryOutputPipe,
    last: LastInput,
}

impl ComponentSession {
    fn method<P, R>(&mut self, name: &str, params: P) -> Result<std::result::Result<R, Crash>>
    where
        P: wasmtime::component::ComponentNamedList + wasmtime::component::Lower,
        R: wasmtime::component::ComponentType + wasmtime::component::Lift + Send + Sync + 'static,
    {
        let func = split_func::<P, (R,)>(&self.instance, &mut self.store, &format!("[method]session.{name}"))?;
        Ok(match func.call(&mut self.store, params) {
            Ok((r,)) => Ok(r),
            Err(trap) => Err(crash(&self.stderr, &self.last, trap)),
        })
    }
}

impl SplitSession {
    pub fn evaluate(&mut self, module: &[String]) -> Result<Answer<Evaluation>> {
        match self {
            SplitSession::Native(s) => Ok(Ok(s.evaluate(module).map_err(|e| e.to_model()))),
            SplitSession::Component(c) => {
                let r = c.session;
                c.method("evaluate", (r, module))
            }
        }
    }

    pub fn suggest(&mut self, seeds: Option<&[String]>) -> Result<Answer<Vec<Candidate>>> {
        match self {
            SplitSession::Native(s) => Ok(Ok(s.suggest(seeds).map_err(|e| e.to_model()))),
            SplitSession::Component(c) => {
                let r = c.session;
                c.method("suggest", (r, seeds))
            }
        }
    }

    pub fn plan(&mut self, module: &[String], name: &str) -> Result<Answer<SplitPlan>> {
        match self {
            SplitSession::Native(s) => Ok(Ok(s.plan(module, name).map_err(|e| e.to_model()))),
            SplitSession::Component(c) => {
                let r = c.session;
                c.method("plan", (r, module, name))
            }
        }
    }

    pub fn matrix(&mut self, level: MatrixLevel) -> Result<std::result::Result<Matrix, Crash>> {
        match self {
            SplitSession::Native(s) => Ok(Ok(s.matrix(level == MatrixLevel::Bundle))),
            SplitSession::Component(c) => {
                let r = c.session;
                c.method("matrix", (r, level))
            }
        }
    }
}
