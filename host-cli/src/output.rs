//! Writing outputs safely: bytes go to a temporary file beside the target, then a rename puts it in
//! place, so a failed build leaves the previous jar untouched. Like Maven's and
//! Gradle's own archivers we do not fsync: the rename already keeps readers from a partial file.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use arkpack_core::model::Piece;

/// Writes a jar the core returned as pieces: its own bytes as they are, and each library piece
/// copied from the library's file (the kernel copies file to file where it can). Returns the size.
pub fn write_pieces(path: &Path, pieces: &[Piece], library_files: &[PathBuf]) -> Result<u64> {
    let mut size = 0;
    write_atomic(path, |out| {
        for piece in pieces {
            match piece {
                Piece::Bytes(b) => {
                    out.write_all(b)?;
                    size += b.len() as u64;
                }
                Piece::Library(lib) => {
                    let file = library_files.get(lib.index as usize).with_context(|| format!("the core named library {} of {}", lib.index, library_files.len()))?;
                    let mut input = std::fs::File::open(file).with_context(|| format!("cannot read {}", file.display()))?;
                    let copied = std::io::copy(&mut input, out).with_context(|| format!("cannot copy {}", file.display()))?;
                    if copied != lib.size {
                        bail!("{} changed while packaging ({copied} bytes, {} when it was read); build again", file.display(), lib.size);
                    }
                    size += copied;
                }
            }
        }
        Ok(())
    })?;
    Ok(size)
}

/// Writes a small file (a report) the same atomic way.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic(path, |out| Ok(out.write_all(bytes)?))
}

/// Runs `write` on a temporary file beside `path`, then renames it into place.
fn write_atomic(path: &Path, write: impl FnOnce(&mut std::fs::File) -> Result<()>) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create the output folder {}", dir.display()))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".arkpack-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
    write(tmp.as_file_mut()).with_context(|| format!("cannot write {}", path.display()))?;
    // Temporary files are created private (0600); a build output is readable like any other file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))
            .with_context(|| format!("cannot set the permissions of {}", path.display()))?;
    }
    // The old file goes first, then the new one is renamed into a free name. Renaming over it would
    // make ext4 (auto_da_alloc) start writing the whole new file out inside the rename: 15-40 ms for
    // a 60 MB jar, a third of a build. Only an interruption between these two calls can leave no
    // file, and the complete new one then still sits beside it.
    match std::fs::remove_file(path) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(e).with_context(|| format!("cannot replace {}", path.display())),
    }
    tmp.persist_noclobber(path).map_err(|e| e.error).with_context(|| format!("cannot move the new file into place at {}", path.display()))?;
    Ok(())
}
