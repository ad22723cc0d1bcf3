//! Deciding where each library goes: classified by the marker entry inside it (plugin, biz,
//! container or plain), filtered by scope, named `artifactId-version[-classifier].ext` with the
//! groupId prefixed when two libraries would share a name, and sent to `lib/` or `lib/export/`.

use std::collections::BTreeMap;

use crate::jar::read::{self, Marker};
use crate::model::{BizRequest, Library, LibraryDecision, LibraryKind, LibraryOutcome, Scope};
use crate::slim::Slimmed;
use crate::{Error, Progress, Result};

/// A library with its kind and decision; `entry` is set for those going into the jar's `lib/`.
/// Biz and plugin jars both place their libraries with it.
#[derive(Debug)]
pub struct Placed<'a> {
    pub library: &'a Library,
    /// Its position in the request's libraries (what a spliced piece names).
    pub index: u32,
    pub kind: LibraryKind,
    pub decision: LibraryDecision,
    /// `lib/...` entry in the biz jar, or the file name for the executable's `SOFA-ARK/...` folders.
    pub entry: Option<String>,
    /// The file name used in the executable jar.
    pub file_name: String,
}

impl Placed<'_> {
    pub fn outcome(&self) -> LibraryOutcome {
        LibraryOutcome {
            coordinates: self.library.coordinates.clone(),
            origin: self.library.origin.clone(),
            kind: self.kind,
            decision: self.decision,
            entry: self.entry.clone(),
        }
    }
}

/// Classifies a library by its bytes. Jars of type `jar` that are not zips are an error; other
/// types (a `pom`) are simply not jars.
pub fn classify(library: &Library, main_class_entry: Option<&str>) -> Result<(LibraryKind, bool)> {
    let is_zip_type = matches!(library.coordinates.extension.as_str(), "jar" | "war" | "zip" | "ark-plugin");
    if !library.content.looks_like_zip() && !is_zip_type {
        return Ok((LibraryKind::NotAJar, false));
    }
    let archive = read::open_content(&library.origin, &library.content)?;
    let kind = match read::marker(&archive) {
        Some(Marker::Container) => LibraryKind::Container,
        Some(Marker::Biz) => LibraryKind::Biz,
        Some(Marker::Plugin) => LibraryKind::Plugin,
        None => LibraryKind::Standard,
    };
    let has_main = main_class_entry.is_some_and(|e| read::has_file(&archive, e));
    Ok((kind, has_main))
}

/// Places every library of the request after slimming. Returns them in request order, plus whether
/// any packaged standard library holds `main_class_entry`.
pub fn place<'a>(request: &'a BizRequest, main_class_entry: Option<&str>, slimmed: &Slimmed, progress: &mut dyn Progress) -> Result<(Vec<Placed<'a>>, bool)> {
    let mut placed = Vec::with_capacity(request.libraries.len());
    let mut main_found = false;
    for (index, library) in (0u32..).zip(&request.libraries) {
        progress.report("library", &library.origin);
        let (kind, has_main) = classify(library, main_class_entry)?;
        let i = index as usize;
        let in_scope = match library.scope {
            Scope::Test => Err(LibraryDecision::Test),
            _ if slimmed.removed[i].is_some() => Err(LibraryDecision::Excluded),
            // An include turns a provided library into a packaged one, as the official plugin does.
            Scope::Provided if !request.package_provided && !slimmed.forced[i] => Err(LibraryDecision::Provided),
            _ => Ok(()),
        };
        let decision = match (kind, in_scope) {
            (LibraryKind::NotAJar, _) => LibraryDecision::NotAJar,
            (_, Err(skipped)) => skipped,
            (LibraryKind::Standard, Ok(())) => LibraryDecision::Packaged,
            (LibraryKind::Plugin | LibraryKind::Biz, Ok(())) => LibraryDecision::ExecutableOnly,
            (LibraryKind::Container, Ok(())) => LibraryDecision::Container,
        };
        main_found |= has_main && decision == LibraryDecision::Packaged;
        placed.push(Placed { library, index, kind, decision, entry: None, file_name: library.coordinates.file_name() });
    }
    if placed.iter().filter(|p| p.decision == LibraryDecision::Container).count() > 1 {
        let names: Vec<_> = placed.iter().filter(|p| p.decision == LibraryDecision::Container).map(|p| p.library.origin.as_str()).collect();
        return Err(Error::Duplicate {
            entry: "SOFA-ARK/container/".into(),
            reason: format!("more than one SOFAArk container among the dependencies ({}); keep one sofa-ark-all", names.join(", ")),
        });
    }
    name_libraries(request, &mut placed)?;
    Ok((placed, main_found))
}

/// Gives each packaged library its entry: the groupId is prefixed to every name two libraries
/// share, then `inject-plugin-dependencies` moves matching ones to `lib/export/`.
fn name_libraries(request: &BizRequest, placed: &mut [Placed<'_>]) -> Result<()> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for p in placed.iter().filter(|p| p.decision != LibraryDecision::NotAJar) {
        *counts.entry(p.file_name.clone()).or_default() += 1;
    }
    let exported: Vec<String> = request.inject_plugin_dependencies.iter().map(|i| format!("{}.jar", i.replacen(':', "-", 1))).collect();
    let mut taken: BTreeMap<String, &str> = BTreeMap::new();
    for p in placed.iter_mut() {
        if counts.get(&p.file_name).copied().unwrap_or(0) > 1 {
            p.file_name = format!("{}-{}", p.library.coordinates.group_id, p.file_name);
        }
        if p.decision != LibraryDecision::Packaged {
            continue;
        }
        let entry = if exported.contains(&p.library.coordinates.file_name()) {
            p.decision = LibraryDecision::Exported;
            format!("lib/export/{}", p.file_name)
        } else {
            format!("lib/{}", p.file_name)
        };
        read::check_entry_name(&p.library.origin, &entry)?;
        if let Some(other) = taken.insert(entry.clone(), &p.library.origin) {
            return Err(Error::Duplicate {
                entry,
                reason: format!("both {other} and {} would be packaged under this name; remove one of the two dependencies", p.library.origin),
            });
        }
        p.entry = Some(entry);
    }
    Ok(())
}

/// The `UNPACK:<sha1>` comment SOFAArk uses to extract a nested jar before loading it.
pub fn unpack_comment(request: &BizRequest, library: &Library) -> Result<Option<String>> {
    let ga = format!("{}:{}", library.coordinates.group_id, library.coordinates.artifact_id);
    if !request.requires_unpack.contains(&ga) {
        return Ok(None);
    }
    Ok(Some(format!("UNPACK:{}", library.content.sha1(&library.origin)?)))
}
