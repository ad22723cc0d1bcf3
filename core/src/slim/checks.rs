//! Bytecode checks of a slimmed module (new: no official tool does this):
//! - every class the module's classes and its kept jars refer to must be found in the module, a
//!   kept jar, the base or the JDK; a reference only a removed jar could satisfy is `class-missing`
//!   (ClassNotFound / NoClassDefFoundError at runtime), naming the referencing class and that jar;
//! - a class both the module (its classes or a kept jar) and the base carry with other bytes is
//!   `class-clash` (LinkageError / ClassCastException risk).
//!
//! Class lists come from central directories (name, CRC-32, size), so removed jars and the base are
//! never inflated; only the module's and kept jars' classes are scanned, kept jars read through the
//! host one at a time. Without facts about the base, removed jars are assumed to be in it, and the
//! summary says so.

use std::collections::BTreeMap;

use super::{Removal, Slimmed};
use crate::classfile::scan;
use crate::jar::read;
use crate::model::{BizRequest, CheckLevel, Diagnostic, JarContent, Severity};
use crate::module::ModuleFile;
use crate::{Error, Progress, Result};

/// Figures for the report.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    pub run: bool,
    /// False when no removed class could be missing, so the kept jars needed no scan.
    pub libraries_scanned: bool,
    pub classes_scanned: usize,
    pub unreadable_classes: usize,
    pub missing: usize,
    pub clashes: usize,
    /// References from kept jars that nothing provides (optional dependencies of libraries).
    pub unresolved_in_libraries: usize,
    /// Why the base was assumed to hold the removed jars, when it was.
    pub assumption: Option<String>,
}

/// Who provides a class.
#[derive(Debug, Clone, Copy, Default)]
struct Providers {
    /// The module (`usize::MAX`) or a kept library (request index), with CRC and size.
    own: Option<(usize, u32, u64)>,
    /// A base jar (index into `Base::jars`).
    base: Option<usize>,
    /// A removed library (request index) the base is not known to hold.
    removed: Option<usize>,
    /// Provided by a jar assumed to be in the base.
    assumed: bool,
}

const MODULE: usize = usize::MAX;

/// Packages every module and base can use without packaging them: the JDK's and the SOFAArk
/// container's, as internal-name prefixes.
fn provided_prefixes() -> Vec<String> {
    let mut out: Vec<String> = crate::plugin::analysis::JDK_PREFIXES
        .iter()
        .map(|p| if p.ends_with('.') { p.replace('.', "/") } else { format!("{}/", p.replace('.', "/")) })
        .collect();
    out.push("com/alipay/sofa/ark/".into());
    out
}

/// Runs the checks; `packaged[i]` says whether request library `i` ends up in the biz jar.
pub fn run(request: &BizRequest, files: &[ModuleFile<'_>], packaged: &[bool], slimmed: &Slimmed, progress: &mut dyn Progress) -> Result<(Vec<Diagnostic>, Summary)> {
    let level = request.slimming.class_checks;
    let mut summary = Summary::default();
    let libs = &request.libraries;
    // Nothing left the module and nothing is known of the base: there is no slimming to check.
    let left_out = (0..libs.len()).any(|i| libs[i].scope != crate::model::Scope::Test && !packaged[i]);
    if level == CheckLevel::Off || (!left_out && slimmed.base.is_none()) {
        return Ok((Vec::new(), summary));
    }
    summary.run = true;
    // Without any base facts, whatever left the module is assumed to be in the base.
    let assume = |i: usize| match (&slimmed.base, &slimmed.removed[i]) {
        (Some(_), _) => false,
        (None, Some(Removal::BaseParent(_) | Removal::BaseBom(_))) => true,
        (None, _) => !slimmed.base_known,
    };
    let mut providers: BTreeMap<String, Providers> = BTreeMap::new();
    for f in files.iter().filter(|f| is_class(&f.path)) {
        providers.entry(f.path.clone()).or_default().own = Some((MODULE, crate::jar::write::crc32(&f.content), f.content.len() as u64));
    }
    let zip_library = |i: usize| libs[i].scope != crate::model::Scope::Test && libs[i].content.looks_like_zip();
    for i in (0..libs.len()).filter(|&i| zip_library(i)) {
        progress.report("check", &libs[i].origin);
        let classes = super::base::class_list(&libs[i].origin, &libs[i].content)?;
        for (name, (crc, size)) in classes.into_iter().filter(|(n, _)| is_class(n)) {
            let p = providers.entry(name).or_default();
            if packaged[i] {
                p.own.get_or_insert((i, crc, size));
            } else if assume(i) {
                p.assumed = true;
            } else {
                p.removed.get_or_insert(i);
            }
        }
    }
    if slimmed.base.is_none() && (0..libs.len()).any(|i| zip_library(i) && !packaged[i] && assume(i)) {
        summary.assumption = Some("no facts about the base were given (`base`, `baseDependencyParentIdentity`): the libraries left out are assumed to be in it".into());
    }
    if let Some(base) = &slimmed.base {
        for (j, jar) in base.jars.iter().enumerate() {
            for name in jar.classes.keys().filter(|n| is_class(n)) {
                providers.entry(name.clone()).or_default().base.get_or_insert(j);
            }
        }
    }

    let prefixes = provided_prefixes();
    // Missing class → (referencing classes, first referencing origin).
    let mut missing: BTreeMap<String, (usize, String)> = BTreeMap::new();
    let mut unresolved: BTreeMap<String, String> = BTreeMap::new();
    let mut check = |from: &str, refs: std::collections::BTreeSet<String>, in_module: bool, summary: &mut Summary| {
        for r in refs {
            if prefixes.iter().any(|p| r.starts_with(p.as_str())) {
                continue;
            }
            let p = providers.get(&format!("{r}.class")).copied().unwrap_or_default();
            if p.own.is_some() || p.base.is_some() || p.assumed {
                continue;
            }
            if p.removed.is_some() {
                let e = missing.entry(r).or_insert((0, from.to_string()));
                e.0 += 1;
            } else if in_module {
                unresolved.entry(r).or_insert_with(|| from.to_string());
            } else {
                summary.unresolved_in_libraries += 1;
            }
        }
    };
    for f in files.iter().filter(|f| is_class(&f.path)) {
        summary.classes_scanned += 1;
        match scan::scan(&f.content) {
            Ok(s) => check(&format!("{} ({})", s.name.replace('/', "."), request.module_origin), s.refs, true, &mut summary),
            Err(_) => summary.unreadable_classes += 1,
        }
    }
    // Kept jars are scanned only when some class could be missing: one that a removed jar had and
    // nothing else provides. Without such a class no reference from them can fail, and scanning
    // every class of every kept jar costs more than the rest of packaging together.
    let could_miss = providers.values().any(|p| p.removed.is_some() && p.own.is_none() && p.base.is_none() && !p.assumed);
    summary.libraries_scanned = could_miss;
    let mut whole = Vec::new();
    for i in (0..libs.len()).filter(|&i| packaged[i] && could_miss) {
        let lib = &libs[i];
        progress.report("check", &lib.origin);
        let bytes: &[u8] = match &lib.content {
            JarContent::Bytes(b) => b,
            JarContent::Summary(s) => {
                whole = progress.read(&lib.origin, 0, s.size).map_err(|reason| Error::field("libraries", format!("cannot read {} for the class checks: {reason}", lib.origin)))?;
                &whole
            }
        };
        let mut archive = read::open(&lib.origin, bytes)?;
        for k in 0..archive.len() {
            if !archive.name_for_index(k).is_some_and(|n| n.is_ok_and(|n| is_class(&n))) {
                continue;
            }
            summary.classes_scanned += 1;
            let Ok(buffer) = read::entry_data(&mut archive, bytes, k) else {
                summary.unreadable_classes += 1;
                continue;
            };
            match scan::scan(&buffer) {
                Ok(s) => check(&format!("{} ({})", s.name.replace('/', "."), lib.coordinates.file_name()), s.refs, false, &mut summary),
                Err(_) => summary.unreadable_classes += 1,
            }
        }
    }
    drop(whole);

    let mut diagnostics = Vec::new();
    let severity = if level == CheckLevel::Fail { Severity::Error } else { Severity::Warning };
    for (class, (count, from)) in &missing {
        let i = providers.get(&format!("{class}.class")).and_then(|p| p.removed).unwrap_or_default();
        let more = if *count > 1 { format!(" and {} more class{}", count - 1, if *count > 2 { "es" } else { "" }) } else { String::new() };
        diagnostics.push(Diagnostic {
            severity,
            code: "class-missing".into(),
            message: format!(
                "{from}{more} refers to {}, which only the removed {} has; neither the module, its kept jars, the base nor the JDK provides it (NoClassDefFoundError at runtime): keep {} or make sure the base has it",
                class.replace('/', "."),
                libs[i].coordinates.file_name(),
                libs[i].coordinates.gav()
            ),
            location: Some(libs[i].origin.clone()),
        });
    }
    summary.missing = missing.len();
    for (class, from) in &unresolved {
        diagnostics.push(Diagnostic::warning(
            "class-unresolved",
            format!("{from} refers to {}, which no jar of the module, its dependencies or the base provides", class.replace('/', ".")),
            Some(request.module_origin.clone()),
        ));
    }
    if let Some(base) = &slimmed.base {
        // Clashes, one finding per (module side, base jar) pair with its first class.
        let mut clashes: BTreeMap<(usize, usize), (usize, String)> = BTreeMap::new();
        for (name, p) in &providers {
            let (Some((owner, crc, size)), Some(j)) = (p.own, p.base) else { continue };
            if base.jars[j].classes.get(name) != Some(&(crc, size)) {
                let e = clashes.entry((owner, j)).or_insert((0, name.clone()));
                e.0 += 1;
            }
        }
        for ((owner, j), (count, first)) in &clashes {
            let side = if *owner == MODULE { format!("the module's own classes ({})", request.module_origin) } else { libs[*owner].coordinates.file_name() };
            let class = first.trim_end_matches(".class").replace('/', ".");
            let what = if *count == 1 { format!("{class} is") } else { format!("{count} classes (first {class}) are") };
            diagnostics.push(Diagnostic {
                severity,
                code: "class-clash".into(),
                message: format!("{what} in {side} and in the base's {} with other bytes: the module and the base would each load their own copy (LinkageError / ClassCastException risk)", base.jars[*j].origin),
                location: Some(if *owner == MODULE { request.module_origin.clone() } else { libs[*owner].origin.clone() }),
            });
        }
        summary.clashes = clashes.len();
    }
    if level == CheckLevel::Fail && (summary.missing > 0 || summary.clashes > 0) {
        let first: Vec<String> = diagnostics.iter().filter(|d| d.severity == Severity::Error).take(3).map(|d| d.message.clone()).collect();
        return Err(Error::Slimming {
            reason: format!("classChecks is fail and the checks found {} missing class(es) and {} clash(es): {}", summary.missing, summary.clashes, first.join(" | ")),
        });
    }
    Ok((diagnostics, summary))
}

fn is_class(name: &str) -> bool {
    name.ends_with(".class") && !name.starts_with("META-INF/") && !name.ends_with("module-info.class")
}
