//! Which dependencies go into a plugin's `lib/`: test and provided scopes are left out (the official
//! goal resolves compile and runtime only), `excludes` (`groupId:artifactId[:classifier]`, `*` for
//! any part) and the exact `excludeGroupIds`/`excludeArtifactIds` remove jars, `shades` unpack them
//! at the root instead. A jar whose artifactId another one (or the plugin itself) shares gets its
//! groupId prefixed, as the official plugin does.

use std::collections::BTreeMap;

use crate::biz::libraries::{classify, Placed};
use crate::jar::read;
use crate::model::{Diagnostic, Library, LibraryDecision, LibraryKind, PluginRequest, Scope};
use crate::{Error, Progress, Result};

/// `*` or equal.
fn part(pattern: &str, value: &str) -> bool {
    pattern == "*" || pattern == value
}

fn exclude_rule_matches(rule: &str, lib: &Library) -> bool {
    let c = &lib.coordinates;
    let p: Vec<&str> = rule.split(':').collect();
    part(p[0], &c.group_id) && part(p[1], &c.artifact_id) && p.get(2).is_none_or(|k| part(k, c.classifier.as_deref().unwrap_or("")))
}

fn excluded(r: &PluginRequest, lib: &Library) -> bool {
    let c = &lib.coordinates;
    r.exclude_group_ids.contains(&c.group_id) || r.exclude_artifact_ids.contains(&c.artifact_id) || r.excludes.iter().any(|rule| exclude_rule_matches(rule, lib))
}

fn shade_matches(item: &str, lib: &Library) -> bool {
    let c = &lib.coordinates;
    let p: Vec<&str> = item.split(':').collect();
    p[0] == c.group_id && p[1] == c.artifact_id && p[2] == c.version && p.get(3).is_none_or(|k| Some(*k) == c.classifier.as_deref())
}

pub fn place<'a>(r: &'a PluginRequest, progress: &mut dyn Progress, diagnostics: &mut Vec<Diagnostic>) -> Result<Vec<Placed<'a>>> {
    for item in &r.shades {
        let p: Vec<&str> = item.split(':').collect();
        if p[0] == r.project.group_id && p[1] == r.project.artifact_id {
            return Err(Error::field("shades", format!("{item} is the plugin itself; its classes are already at the root")));
        }
        if !r.libraries.iter().any(|l| shade_matches(item, l)) {
            return Err(Error::field("shades", format!("{item} is not a dependency of the plugin; add it as a dependency or remove it from <shades>")));
        }
    }
    let mut placed = Vec::with_capacity(r.libraries.len());
    for (index, library) in (0u32..).zip(&r.libraries) {
        progress.report("library", &library.origin);
        let (kind, _) = classify(library, None)?;
        let decision = match (library.scope, kind) {
            (Scope::Test, _) => LibraryDecision::Test,
            (Scope::Provided, _) => LibraryDecision::Provided,
            (_, LibraryKind::NotAJar) => LibraryDecision::NotAJar,
            _ if r.shades.iter().any(|s| shade_matches(s, library)) => LibraryDecision::Shaded,
            _ if excluded(r, library) => LibraryDecision::Excluded,
            _ => LibraryDecision::Packaged,
        };
        placed.push(Placed { library, index, kind, decision, entry: None, file_name: library.coordinates.file_name() });
    }
    for (field, rules, matches) in [
        ("excludes", &r.excludes, &(|rule: &str, l: &Library| exclude_rule_matches(rule, l)) as &dyn Fn(&str, &Library) -> bool),
        ("exclude-group-ids", &r.exclude_group_ids, &|rule: &str, l: &Library| l.coordinates.group_id == rule),
        ("exclude-artifact-ids", &r.exclude_artifact_ids, &|rule: &str, l: &Library| l.coordinates.artifact_id == rule),
    ] {
        for rule in rules.iter().filter(|rule| !r.libraries.iter().any(|l| matches(rule, l))) {
            diagnostics.push(Diagnostic::warning("exclude-unused", format!("the exclude rule {rule} matches no dependency"), Some(field.to_string())));
        }
    }
    let mut artifact_ids: BTreeMap<&str, usize> = BTreeMap::new();
    *artifact_ids.entry(r.project.artifact_id.as_str()).or_default() += 1;
    for p in placed.iter().filter(|p| p.decision == LibraryDecision::Packaged) {
        *artifact_ids.entry(p.library.coordinates.artifact_id.as_str()).or_default() += 1;
    }
    let mut taken: BTreeMap<String, &str> = BTreeMap::new();
    for p in placed.iter_mut().filter(|p| p.decision == LibraryDecision::Packaged) {
        let c = &p.library.coordinates;
        let name = if artifact_ids[c.artifact_id.as_str()] > 1 { format!("{}-{}", c.group_id, c.file_name()) } else { c.file_name() };
        let entry = format!("lib/{name}");
        read::check_entry_name(&p.library.origin, &entry)?;
        if let Some(other) = taken.insert(entry.clone(), &p.library.origin) {
            return Err(Error::Duplicate { entry, reason: format!("both {other} and {} would be packaged under this name", p.library.origin) });
        }
        p.entry = Some(entry);
    }
    Ok(placed)
}
