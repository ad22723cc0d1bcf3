//! arkpack's packaging core: turns a [`BizRequest`] into a plan and then into ark-biz jar bytes.
//!
//! The core is pure: it never opens a file, reads a clock or the environment, or touches the
//! network. Hosts read every input and hand over bytes; they write what comes back. The same code
//! runs natively (tests, `arkpack --engine native`) and as the WASI-p2 component every host loads.
//!
//! Principal pieces, in the order a request travels:
//! - [`model`]: the request, plan, report and diagnostic types, mirrored 1:1 in `wit/packager.wit`;
//! - [`biz`]: `request → plan → write` for the ark-biz jar and the optional executable ark jar;
//! - [`plugin`]: the same for ark-plugin jars, with bytecode checks of imports and exports;
//! - [`module`]: the project's own classes and resources, shared by both;
//! - [`manifest`]: `MANIFEST.MF` reading and writing (72-byte lines, stable attribute order);
//! - [`jar`]: safe zip reading from bytes and the deterministic jar writer;
//! - [`classfile`]: the class-file layer (guarded parsing, main-class detection);
//! - [`inspect`]: what any jar is, with its normalized listing;
//! - [`split`]: the class and bean graph of an app, and the plan to carve a module out of it.
//!
//! ```
//! use arkpack_core::model::{BizRequest, Coordinates, FileEntry, ModuleContent};
//! let project = Coordinates { group_id: "com.example".into(), artifact_id: "demo".into(),
//!     version: "1.0.0".into(), classifier: None, extension: "jar".into() };
//! let module = ModuleContent::Files(vec![FileEntry { path: "app.properties".into(), content: b"a=1\n".to_vec() }]);
//! let mut request = BizRequest::new(project, module, "target/classes");
//! request.main_class = Some("com.example.Main".into());
//! let out = arkpack_core::package_biz(&request, &mut arkpack_core::NoProgress).unwrap();
//! assert!(out.plan.biz.entries.iter().any(|e| e.path == "com/alipay/sofa/ark/biz/mark"));
//! ```

pub mod biz;
pub mod classfile;
mod error;
pub mod inspect;
pub mod jar;
pub mod manifest;
pub mod model;
pub mod module;
pub mod plugin;
pub mod slim;
pub mod split;

// The canonical-ABI glue wit-bindgen generates is `unsafe` by nature; nothing else in the core is.
#[cfg(target_arch = "wasm32")]
#[allow(unsafe_code)]
mod component;

pub use error::{Error, Result};
use model::{BizOutput, BizPlan, BizRequest, Inspection, PluginOutput, PluginPlan, PluginRequest};

/// Told which stage and input the core is working on: hosts show it as progress, and after a trap
/// the last input reported is the one that caused it.
///
/// It also serves reads of inputs the request sent summarized (by their origin), which the class
/// checks need; a host that serves none keeps the default and those checks say what they skipped.
pub trait Progress {
    fn report(&mut self, stage: &str, input: &str);

    /// `length` bytes at `offset` of the input named `origin`.
    fn read(&mut self, origin: &str, _offset: u64, _length: u64) -> std::result::Result<Vec<u8>, String> {
        Err(format!("this host does not serve reads of {origin}"))
    }
}

/// A [`Progress`] that listens to nothing.
pub struct NoProgress;

impl Progress for NoProgress {
    fn report(&mut self, _stage: &str, _input: &str) {}
}

/// Plans the ark-biz jar (and the executable jar, when asked) without writing bytes.
pub fn plan_biz(request: &BizRequest, progress: &mut dyn Progress) -> Result<BizPlan> {
    Ok(biz::plan(request, progress)?.into_model())
}

/// Plans and writes the ark-biz jar (and the executable jar, when asked).
pub fn package_biz(request: &BizRequest, progress: &mut dyn Progress) -> Result<BizOutput> {
    biz::package(request, progress)
}

/// Plans the ark-plugin jar without writing bytes.
pub fn plan_plugin(request: &PluginRequest, progress: &mut dyn Progress) -> Result<PluginPlan> {
    Ok(plugin::plan(request, progress)?.into_model())
}

/// Plans and writes the ark-plugin jar.
pub fn package_plugin(request: &PluginRequest, progress: &mut dyn Progress) -> Result<PluginOutput> {
    plugin::package(request, progress)
}

/// Says what any jar is, with its normalized listing and its manifest.
pub fn inspect(name: &str, content: &[u8]) -> Result<Inspection> {
    inspect::inspect(name, content)
}
