//! The on-disk cache of the compiled component. Compiling costs about 0.3 s; loading the compiled
//! code costs about 0.1 ms, so a warm `arkpack` starts in milliseconds.
//!
//! The file name carries the component's sha256 and wasmtime's compatibility hash, so a new arkpack never
//! loads old code. Files are written to a temporary name and renamed into place, so two builds
//! running at once each see either no file or a whole one.

use std::path::{Path, PathBuf};

use anyhow::Result;
use wasmtime::component::Component;
use wasmtime::Engine;

/// `ARKPACK_CACHE_DIR`, else `$XDG_CACHE_HOME/arkpack`, else `~/.cache/arkpack`.
pub fn dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("ARKPACK_CACHE_DIR") {
        return Some(PathBuf::from(d));
    }
    if let Some(d) = std::env::var_os("XDG_CACHE_HOME").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(d).join("arkpack"));
    }
    std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache").join("arkpack"))
}

/// Bound to the component's hash and to wasmtime's own compatibility hash (its version and every
/// setting that changes compiled code).
pub fn file_name(engine: &Engine, sha256: &str) -> String {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    engine.precompile_compatibility_hash().hash(&mut hasher);
    format!("core-{}-{:016x}.cwasm", &sha256[..16], hasher.finish())
}

pub fn load_or_compile(engine: &Engine, wasm: &[u8], sha256: &str) -> Result<Component> {
    let Some(dir) = dir() else {
        return compile(engine, wasm);
    };
    let path = dir.join(file_name(engine, sha256));
    if path.is_file() {
        if let Ok(component) = deserialize(engine, &path) {
            return Ok(component);
        }
        // Unreadable or from an incompatible build: compile again and replace it.
    }
    let compiled = engine.precompile_component(wasm).map_err(anyhow::Error::from)?;
    if let Err(e) = store(&dir, &path, &compiled) {
        eprintln!("arkpack: warning: cannot cache the compiled core in {}: {e}", dir.display());
    }
    deserialize_bytes(engine, &compiled)
}

fn compile(engine: &Engine, wasm: &[u8]) -> Result<Component> {
    Component::new(engine, wasm).map_err(anyhow::Error::from)
}

/// Writes `bytes` to `path` in `dir` through a temporary file and a rename.
pub fn store(dir: &Path, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    std::io::Write::write_all(&mut tmp, bytes)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

// Loading precompiled code is `unsafe` because wasmtime trusts it as machine code. These files are
// only ever written by this program, under a name bound to the component's hash and wasmtime's
// version, and wasmtime checks its own header and configuration before use.
#[allow(unsafe_code)]
fn deserialize(engine: &Engine, path: &Path) -> Result<Component> {
    unsafe { Component::deserialize_file(engine, path) }.map_err(anyhow::Error::from)
}

#[allow(unsafe_code)]
fn deserialize_bytes(engine: &Engine, bytes: &[u8]) -> Result<Component> {
    unsafe { Component::deserialize(engine, bytes) }.map_err(anyhow::Error::from)
}
