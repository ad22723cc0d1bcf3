//! Builds the core as a WASI-p2 component and embeds it in `arkpack`, so one file carries both.
//!
//! The component gets its own target dir (the outer build holds the lock on `target/`), the
//! `component` profile (LTO, panic = abort) and a clean environment (flags meant for the host must
//! not reach the wasm build). `ARKPACK_COMPONENT=path.wasm` embeds a prebuilt component instead.

use std::path::{Path, PathBuf};
use std::process::Command;

use sha2::Digest;

fn main() {
    let manifest_dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let root = manifest_dir.parent().expect("host-cli sits in the workspace").to_path_buf();
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo"));
    println!("cargo:rerun-if-env-changed=ARKPACK_COMPONENT");
    let wasm = match std::env::var_os("ARKPACK_COMPONENT") {
        Some(path) => PathBuf::from(path),
        None => build_component(&root),
    };
    let bytes = std::fs::read(&wasm).unwrap_or_else(|e| panic!("cannot read the core component {}: {e}", wasm.display()));
    std::fs::write(out_dir.join("arkpack_core.wasm"), &bytes).expect("write OUT_DIR");
    let digest = sha2::Sha256::digest(&bytes);
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    println!("cargo:rustc-env=ARKPACK_COMPONENT_SHA256={hex}");
}

fn build_component(root: &Path) -> PathBuf {
    for watched in ["core/src", "core/Cargo.toml", "wit", "Cargo.lock", "Cargo.toml"] {
        println!("cargo:rerun-if-changed={}", root.join(watched).display());
    }
    let target_dir = root.join("target").join("component");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.current_dir(root)
        .args(["build", "--locked", "-p", "arkpack-core", "--lib", "--target", "wasm32-wasip2", "--profile", "component"])
        .arg("--target-dir")
        .arg(&target_dir);
    for var in ["RUSTFLAGS", "CARGO_ENCODED_RUSTFLAGS", "CARGO_BUILD_RUSTFLAGS", "CARGO_TARGET_DIR", "CARGO_BUILD_TARGET", "RUSTC_WRAPPER", "RUSTC_WORKSPACE_WRAPPER", "CARGO_MAKEFLAGS", "MAKEFLAGS", "MFLAGS"] {
        cmd.env_remove(var);
    }
    let status = cmd.status().expect("run cargo to build the core component");
    if !status.success() {
        panic!("building the core component failed; is the target installed? run `rustup target add wasm32-wasip2`");
    }
    target_dir.join("wasm32-wasip2").join("component").join("arkpack_core.wasm")
}
