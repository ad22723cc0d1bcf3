//! What the plugin contains and what it needs, from bytecode: the packages of every class it
//! carries (its own, shaded and `lib/` jars), the packages its own and shaded classes reference but
//! nothing in it provides (outside the JDK), declared exports that match nothing, and referenced
//! packages that are neither contained nor imported. These are warnings; `strict` makes them fatal.

use std::collections::{BTreeMap, BTreeSet};

use crate::biz::libraries::Placed;
use crate::classfile::refs::{package_of, refs};
use crate::jar::read::{self, JarFile};
use crate::model::{Diagnostic, LibraryDecision, PluginRequest};
use crate::module::ModuleFile;
use crate::{Error, Progress, Result};

pub struct Found {
    contained_classes: BTreeSet<String>,
    pub contained_packages: BTreeSet<String>,
    pub referenced_packages: BTreeSet<String>,
}

impl Found {
    /// True when the plugin carries the class (dotted name).
    pub fn contains_class(&self, dotted: &str) -> bool {
        self.contained_classes.contains(&dotted.replace('.', "/"))
    }
}

/// Packages the JDK provides, by prefix (`java.*`, `jdk.*`, `sun.*`, the javax and org families of
/// the Java SE platform). Written out here because the core cannot ask a JDK; javax packages that
/// come from libraries (servlet, inject, persistence, ...) are deliberately not in the list.
pub(crate) const JDK_PREFIXES: [&str; 28] = [
    "java.", "jdk.", "sun.", "com.sun.", "javax.accessibility", "javax.annotation.processing", "javax.crypto", "javax.imageio",
    "javax.lang.model", "javax.management", "javax.naming", "javax.net", "javax.print", "javax.rmi", "javax.script",
    "javax.security", "javax.smartcardio", "javax.sound", "javax.sql", "javax.swing", "javax.tools", "javax.transaction.xa",
    "javax.xml", "org.ietf.jgss", "org.w3c.dom", "org.xml.sax", "org.omg", "javax.management.remote",
];

/// Packages the SOFAArk container gives every plugin class loader: its SPI (activators implement
/// `com.alipay.sofa.ark.spi.service.PluginActivator`) and its API.
const CONTAINER_PREFIXES: [&str; 2] = ["com.alipay.sofa.ark.spi", "com.alipay.sofa.ark.api"];

/// True for packages a plugin gets without importing them: the JDK's and the container's.
pub fn is_provided_package(package: &str) -> bool {
    is_jdk_package(package) || CONTAINER_PREFIXES.iter().any(|p| package == *p || package.starts_with(&format!("{p}.")))
}

pub fn is_jdk_package(package: &str) -> bool {
    let dotted = format!("{package}.");
    JDK_PREFIXES.iter().any(|p| if p.ends_with('.') { dotted.starts_with(p) } else { dotted.starts_with(&format!("{p}.")) })
}

/// SOFAArk's package patterns: `a.b.*` is `a.b` and its sub-packages, anything else is exact.
fn package_matches(pattern: &str, package: &str) -> bool {
    match pattern.strip_suffix(".*") {
        Some(stem) => package == stem || package.starts_with(&format!("{stem}.")),
        None => pattern == package,
    }
}

fn class_path(name: &str) -> Option<&str> {
    name.strip_suffix(".class").filter(|p| !p.ends_with("module-info") && !p.starts_with("META-INF/"))
}

pub fn analyse(
    r: &PluginRequest,
    files: &[ModuleFile<'_>],
    shaded: &[(&str, JarFile)],
    placed: &[Placed<'_>],
    progress: &mut dyn Progress,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Found> {
    let mut contained_classes = BTreeSet::new();
    // Classes whose references count: the project's and the shaded ones, with where they come from.
    let mut own: Vec<(String, &[u8])> = Vec::new();
    for f in files {
        if let Some(c) = class_path(&f.path) {
            contained_classes.insert(c.to_string());
            own.push((format!("{}!/{}", r.module_origin, f.path), &f.content));
        }
    }
    for (origin, f) in shaded {
        if let Some(c) = class_path(&f.name) {
            contained_classes.insert(c.to_string());
            own.push((format!("{origin}!/{}", f.name), &f.content));
        }
    }
    for p in placed.iter().filter(|p| p.decision == LibraryDecision::Packaged) {
        let archive = read::open_content(&p.library.origin, &p.library.content)?;
        for name in archive.file_names() {
            let name = name.map_err(|e| Error::not_a_zip(&p.library.origin, e))?;
            if let Some(c) = class_path(&name) {
                contained_classes.insert(c.to_string());
            }
        }
    }
    let contained_packages: BTreeSet<String> = contained_classes.iter().map(|c| package_of(c)).collect();

    // Referenced packages, each with the first class that references it.
    let mut referenced: BTreeMap<String, String> = BTreeMap::new();
    for (origin, bytes) in &own {
        progress.report("class", origin);
        match refs(bytes) {
            Ok(found) => {
                for class in found.refs {
                    let package = package_of(&class);
                    if !package.is_empty() && !contained_packages.contains(&package) && !is_provided_package(&package) {
                        referenced.entry(package).or_insert_with(|| found.name.replace('/', "."));
                    }
                }
            }
            Err(reason) => diagnostics.push(Diagnostic::warning("class-unreadable", format!("skipped by the import check: {reason}"), Some(origin.clone()))),
        }
    }

    for pattern in &r.exported.packages {
        if !contained_packages.iter().any(|p| package_matches(pattern, p)) {
            diagnostics.push(Diagnostic::warning("export-missing", format!("the exported package pattern {pattern} matches no package in the plugin"), Some("exported.packages".into())));
        }
    }
    for class in &r.exported.classes {
        if !contained_classes.contains(&class.replace('.', "/")) {
            diagnostics.push(Diagnostic::warning("export-missing", format!("the exported class {class} is not in the plugin"), Some("exported.classes".into())));
        }
    }
    for (package, by) in &referenced {
        let imported = r.imported.packages.iter().any(|p| package_matches(p, package))
            || r.imported.classes.iter().any(|c| c.rsplit_once('.').map(|(p, _)| p) == Some(package.as_str()));
        if !imported {
            diagnostics.push(Diagnostic::warning(
                "import-missing",
                format!("{by} references package {package}, which the plugin neither contains nor imports; package the library that has it or add it to imported packages"),
                Some("imported.packages".into()),
            ));
        }
    }
    Ok(Found { contained_classes, contained_packages, referenced_packages: referenced.into_keys().collect() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn package_patterns_and_the_jdk() {
        assert!(package_matches("a.b.*", "a.b") && package_matches("a.b.*", "a.b.c") && !package_matches("a.b.*", "a.bc"));
        assert!(package_matches("a.b", "a.b") && !package_matches("a.b", "a.b.c"));
        assert!(is_jdk_package("java.util") && is_jdk_package("javax.xml.parsers") && is_jdk_package("org.w3c.dom"));
        assert!(!is_jdk_package("javax.servlet") && !is_jdk_package("javax.inject") && !is_jdk_package("javaxx.y") && !is_jdk_package("org.slf4j"));
        assert!(is_provided_package("com.alipay.sofa.ark.spi.service") && is_provided_package("java.lang"));
        assert!(!is_provided_package("com.alipay.sofa.ark.container") && !is_provided_package("com.alipay.sofa.ark.spix"));
    }
}
