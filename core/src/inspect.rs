//! `inspect`: what any jar is (biz, plugin, executable, container or plain), its normalized listing
//! (path, method, size, crc, time, comment; the form golden tests compare) and its manifest, with
//! diagnostics for what SOFAArk would refuse, such as a compressed nested jar.

use std::io::Read;

use zip::CompressionMethod;

use crate::jar::read::{self, Marker};
use crate::jar::time;
use crate::model::{ArchiveKind, Diagnostic, EntryMethod, Inspection, ListedEntry, Severity};
use crate::{Error, Result};

pub fn inspect(name: &str, content: &[u8]) -> Result<Inspection> {
    let mut archive = read::open(name, content)?;
    let mut entries = Vec::with_capacity(archive.len());
    let mut diagnostics = Vec::new();
    for i in 0..archive.len() {
        let file = archive.by_index_raw(i).map_err(|e| Error::not_a_zip(name, e))?;
        let path = file.name().map_err(|e| Error::not_a_zip(name, e))?.into_owned();
        let method = match file.compression() {
            CompressionMethod::Stored => EntryMethod::Stored,
            CompressionMethod::Deflated => EntryMethod::Deflated,
            other => {
                diagnostics.push(Diagnostic {
                    severity: Severity::Error,
                    code: "unsupported-method".into(),
                    message: format!("compression method {other:?} cannot be read by the JDK"),
                    location: Some(path.clone()),
                });
                EntryMethod::Deflated
            }
        };
        let nested = (path.starts_with("lib/") || path.starts_with("SOFA-ARK/")) && !file.is_dir();
        if nested && method != EntryMethod::Stored {
            diagnostics.push(Diagnostic {
                severity: Severity::Error,
                code: "nested-jar-compressed".into(),
                message: "SOFAArk can only open nested jars that are STORED; this one is compressed".into(),
                location: Some(path.clone()),
            });
        }
        entries.push(ListedEntry {
            method,
            size: file.size(),
            compressed_size: file.compressed_size(),
            crc: file.crc32(),
            time: time::format_zip_time(file.last_modified()),
            comment: file.comment().to_string(),
            path,
        });
    }
    let manifest = match archive.by_name("META-INF/MANIFEST.MF") {
        Ok(mut file) => {
            let mut text = Vec::new();
            file.read_to_end(&mut text).map_err(|e| Error::entry(name, "META-INF/MANIFEST.MF", format!("cannot be read: {e}")))?;
            Some(String::from_utf8_lossy(&text).into_owned())
        }
        Err(_) => None,
    };
    let kind = if entries.iter().any(|e| e.path.starts_with("SOFA-ARK/container/")) {
        ArchiveKind::Executable
    } else {
        match read::marker(&archive) {
            Some(Marker::Container) => ArchiveKind::Container,
            Some(Marker::Biz) => ArchiveKind::Biz,
            Some(Marker::Plugin) => ArchiveKind::Plugin,
            None => ArchiveKind::Plain,
        }
    };
    Ok(Inspection { kind, entries, manifest, diagnostics })
}

/// The normalized listing as text, one line per entry: `path method size crc time [comment]`.
pub fn listing(inspection: &Inspection) -> String {
    let mut out = String::new();
    for e in &inspection.entries {
        let method = match e.method {
            EntryMethod::Stored => "stored",
            EntryMethod::Deflated => "deflated",
        };
        out.push_str(&format!("{} {method} {} {:08x} {}", e.path, e.size, e.crc, e.time));
        if !e.comment.is_empty() {
            out.push_str(&format!(" {}", e.comment));
        }
        out.push('\n');
    }
    out
}
