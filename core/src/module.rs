//! The project's own classes and resources, from its plain jar or its classes directory: names
//! checked, duplicates refused, sorted by path, and its own manifest set apart. Biz and plugin jars
//! both start here.

use std::borrow::Cow;
use std::collections::BTreeSet;

use crate::jar::read;
use crate::manifest::Manifest;
use crate::model::ModuleContent;
use crate::{Error, Result};

/// A module file: its checked path and bytes (owned when it was inflated from the module jar).
pub struct ModuleFile<'a> {
    pub path: String,
    pub content: Cow<'a, [u8]>,
}

/// Reads the module content: checked names, no duplicates, sorted; the manifest taken apart.
pub fn module_files<'a>(module: &'a ModuleContent, origin: &str) -> Result<(Vec<ModuleFile<'a>>, Option<Manifest>)> {
    let mut files: Vec<ModuleFile<'a>> = match module {
        ModuleContent::Jar(bytes) => read::read_files(origin, bytes)?
            .into_iter()
            .map(|f| ModuleFile { path: f.name, content: Cow::Owned(f.content) })
            .collect(),
        ModuleContent::Files(entries) => {
            let mut seen = BTreeSet::new();
            let mut files = Vec::with_capacity(entries.len());
            for e in entries {
                read::check_entry_name(origin, &e.path)?;
                if !seen.insert(e.path.as_str()) {
                    return Err(Error::entry(origin, &e.path, "is given twice"));
                }
                if !e.path.ends_with('/') {
                    files.push(ModuleFile { path: e.path.clone(), content: Cow::Borrowed(&e.content) });
                }
            }
            files
        }
    };
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let manifest = match files.iter().position(|f| f.path == "META-INF/MANIFEST.MF") {
        Some(i) => Some(Manifest::parse(origin, &files.remove(i).content)?),
        None => None,
    };
    Ok((files, manifest))
}

