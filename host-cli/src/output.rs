//! Writing outputs atomically: bytes go to a temporary file beside the target, then a rename puts
//! it in place, so a failed or interrupted build leaves the previous jar untouched. Like Maven's and
//! Gradle's own archivers we do not fsync: the rename already keeps readers from a partial file.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};

pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
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
    tmp.write_all(bytes).with_context(|| format!("cannot write {}", path.display()))?;
    // Temporary files are created private (0600); a build output is readable like any other file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))
            .with_context(|| format!("cannot set the permissions of {}", path.display()))?;
    }
    tmp.persist(path).map_err(|e| e.error).with_context(|| format!("cannot move the new jar into place at {}", path.display()))?;
    Ok(())
}
