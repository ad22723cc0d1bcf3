//! What the base has, from two kinds of facts:
//! - [`Managed`]: the `dependencyManagement` of the module's ancestor named by
//!   `baseDependencyParentIdentity`, and of BOMs the module imports whose parent is that ancestor
//!   (the official plugin's sources; versions are compared but do not decide);
//! - [`Base`]: the base itself, as its executable Spring Boot jar (its `BOOT-INF/lib/` jars and
//!   `BOOT-INF/classes/`) or as a list of artifacts. Its jars' class lists (name, CRC, size) feed
//!   the bytecode checks; nested jars are read through the host, a range at a time, so the base
//!   never crosses into the core whole.

use std::collections::BTreeMap;
use std::io::Read;

use super::Removal;
use crate::jar::read;
use crate::model::{BaseArtifact, BaseFacts, Coordinates, JarContent, ManagedPom, SlimRequest};
use crate::{Error, Progress, Result};

/// What the base dependency parent (and its BOMs) manage: id → version.
#[derive(Debug)]
pub struct Managed {
    parent: String,
    ids: BTreeMap<String, String>,
    /// id → (version, the BOM's coordinates).
    boms: BTreeMap<String, (String, String)>,
}

impl Managed {
    pub fn removal(&self, id: &str) -> Option<Removal> {
        if self.ids.contains_key(id) {
            return Some(Removal::BaseParent(self.parent.clone()));
        }
        self.boms.get(id).map(|(_, bom)| Removal::BaseBom(bom.clone()))
    }

    /// The managed version and where it is managed.
    pub fn version_of(&self, id: &str) -> Option<(String, String)> {
        if let Some(v) = self.ids.get(id) {
            return Some((v.clone(), format!("the base dependency parent {}", self.parent)));
        }
        self.boms.get(id).map(|(v, bom)| (v.clone(), format!("the base BOM {bom}")))
    }
}

fn matches_identity(identity: &[&str], c: &Coordinates) -> bool {
    identity[0] == c.group_id && identity[1] == c.artifact_id && identity.get(2).is_none_or(|v| *v == c.version)
}

fn managed_ids(pom: &ManagedPom) -> BTreeMap<String, String> {
    pom.managed.iter().map(|c| (super::id(c), c.version.clone())).collect()
}

/// The managed dependencies `baseDependencyParentIdentity` names, if it is set.
pub fn managed(slim: &SlimRequest) -> Result<Option<Managed>> {
    let Some(identity) = slim.base_dependency_parent_identity.as_deref().map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(None);
    };
    let field = "baseDependencyParentIdentity";
    let parts: Vec<&str> = identity.split(':').collect();
    if !(2..=3).contains(&parts.len()) || parts.iter().any(|p| p.is_empty()) {
        return Err(Error::field(field, format!("`{identity}` is not groupId:artifactId or groupId:artifactId:version")));
    }
    let Some(parent) = slim.parents.iter().find(|p| matches_identity(&parts, &p.coordinates)) else {
        let known: Vec<String> = slim.parents.iter().map(|p| p.coordinates.gav()).collect();
        let known = if known.is_empty() { "none".to_string() } else { known.join(", ") };
        return Err(Error::field(
            field,
            format!("can not find base dependency parent {identity} among the module's parents ({known}); make the base's dependency starter the module's parent or an ancestor of it"),
        ));
    };
    let mut boms = BTreeMap::new();
    for bom in slim.imported_boms.iter().filter(|b| b.parent.as_ref().is_some_and(|p| matches_identity(&parts, p))) {
        for (id, version) in managed_ids(bom) {
            boms.entry(id).or_insert((version, bom.coordinates.gav()));
        }
    }
    Ok(Some(Managed { parent: parent.coordinates.gav(), ids: managed_ids(parent), boms }))
}

/// One jar of the base (or its own classes) and the classes in it.
#[derive(Debug)]
pub struct BaseJar {
    /// Its coordinates, when known (from its `pom.properties`, the request, or its file name).
    pub coordinates: Option<Coordinates>,
    /// Where it is: `base.jar!/BOOT-INF/lib/x.jar`, or the artifact's file.
    pub origin: String,
    /// Class entry name (`a/b/C.class`) → (CRC-32, size).
    pub classes: BTreeMap<String, (u32, u64)>,
}

impl BaseJar {
    pub fn version(&self) -> &str {
        self.coordinates.as_ref().map(|c| c.version.as_str()).unwrap_or("?")
    }
}

/// The base's jars.
#[derive(Debug, Default)]
pub struct Base {
    pub jars: Vec<BaseJar>,
    /// `groupId:artifactId[:classifier]` → index; artifacts named only by file name are matched on
    /// artifactId alone (`?:artifactId`).
    by_key: BTreeMap<String, usize>,
}

fn key(group: &str, artifact: &str, classifier: Option<&str>) -> String {
    match classifier.filter(|c| !c.is_empty()) {
        Some(c) => format!("{group}:{artifact}:{c}"),
        None => format!("{group}:{artifact}"),
    }
}

impl Base {
    pub fn load(facts: &BaseFacts, progress: &mut dyn Progress) -> Result<Base> {
        let mut base = Base::default();
        match facts {
            BaseFacts::Jar(jar) => base.load_executable(jar, progress)?,
            BaseFacts::Artifacts(list) => {
                for a in list {
                    progress.report("base", &a.origin);
                    let classes = match &a.content {
                        Some(content) => class_list(&a.origin, content)?,
                        None => BTreeMap::new(),
                    };
                    base.jars.push(BaseJar { coordinates: Some(a.coordinates.clone()), origin: a.origin.clone(), classes });
                }
            }
        }
        for (i, jar) in base.jars.iter().enumerate() {
            if let Some(c) = &jar.coordinates {
                base.by_key.entry(key(&c.group_id, &c.artifact_id, c.classifier.as_deref())).or_insert(i);
            }
        }
        Ok(base)
    }

    /// The base's jar of the same groupId, artifactId and classifier (any version).
    pub fn find(&self, c: &Coordinates) -> Option<&BaseJar> {
        let exact = self.by_key.get(&key(&c.group_id, &c.artifact_id, c.classifier.as_deref()));
        exact.or_else(|| self.by_key.get(&key("?", &c.artifact_id, c.classifier.as_deref()))).map(|&i| &self.jars[i])
    }

    /// A Spring Boot executable jar: `BOOT-INF/lib/*.jar` (STORED, read through the host) and the
    /// application's own `BOOT-INF/classes/`.
    fn load_executable(&mut self, jar: &BaseArtifact, progress: &mut dyn Progress) -> Result<()> {
        let origin = &jar.origin;
        progress.report("base", origin);
        let content = jar.content.as_ref().ok_or_else(|| Error::field("base.jar", format!("no content was sent for {origin}")))?;
        let archive = read::open_content(origin, content)?;
        let mut own = BTreeMap::new();
        let mut nested = Vec::new();
        for i in 0..archive.len() {
            let entry = archive.by_index_data(i).map_err(|e| Error::not_a_zip(origin, e))?;
            let name = entry.name().map_err(|e| Error::not_a_zip(origin, e))?.into_owned();
            if let Some(class) = name.strip_prefix("BOOT-INF/classes/").filter(|n| n.ends_with(".class")) {
                own.insert(class.to_string(), (entry.crc32(), entry.size()));
            } else if (name.starts_with("BOOT-INF/lib/") || name.starts_with("WEB-INF/lib/")) && name.ends_with(".jar") {
                if entry.compression() != zip::CompressionMethod::Stored {
                    return Err(Error::entry(origin, &name, "is compressed; a Spring Boot executable jar stores its nested jars (rebuild the base with spring-boot-maven-plugin)"));
                }
                nested.push((name, entry.header_start(), entry.compressed_size()));
            }
        }
        if nested.is_empty() && own.is_empty() {
            return Err(Error::field("base.jar", format!("{origin} has neither BOOT-INF/lib/ jars nor BOOT-INF/classes/: give the base's executable (Spring Boot) jar")));
        }
        self.jars.push(BaseJar { coordinates: None, origin: format!("{origin}!/BOOT-INF/classes"), classes: own });
        for (name, header, size) in nested {
            let inner = format!("{origin}!/{name}");
            progress.report("base", &inner);
            let bytes = read_stored(progress, origin, content, header, size).map_err(|reason| Error::entry(origin, &name, reason))?;
            let file = name.rsplit('/').next().unwrap_or(&name);
            let coordinates = coordinates_of(&inner, &bytes, file)?;
            let classes = class_list(&inner, &JarContent::Bytes(bytes))?;
            self.jars.push(BaseJar { coordinates, origin: inner, classes });
        }
        Ok(())
    }
}

/// The class entries of a jar with their CRC and size, from its central directory alone.
pub fn class_list(origin: &str, content: &JarContent) -> Result<BTreeMap<String, (u32, u64)>> {
    let archive = read::open_content(origin, content)?;
    let mut out = BTreeMap::new();
    for i in 0..archive.len() {
        let entry = archive.by_index_data(i).map_err(|e| Error::not_a_zip(origin, e))?;
        let name = entry.name().map_err(|e| Error::not_a_zip(origin, e))?;
        if name.ends_with(".class") && !name.starts_with("META-INF/") {
            out.insert(name.into_owned(), (entry.crc32(), entry.size()));
        }
    }
    Ok(out)
}

/// The bytes of a STORED entry whose local header starts at `header`, from what the core has of the
/// file or through the host.
fn read_stored(progress: &mut dyn Progress, origin: &str, content: &JarContent, header: u64, size: u64) -> std::result::Result<Vec<u8>, String> {
    let mut fetch = |offset: u64, length: u64| -> std::result::Result<Vec<u8>, String> {
        match content {
            JarContent::Bytes(b) => {
                let start = usize::try_from(offset).map_err(|e| e.to_string())?;
                let end = start.checked_add(usize::try_from(length).map_err(|e| e.to_string())?).ok_or("entry out of range")?;
                b.get(start..end).map(<[u8]>::to_vec).ok_or_else(|| "the entry runs past the end of the file".into())
            }
            JarContent::Summary(_) => progress.read(origin, offset, length),
        }
    };
    let local = fetch(header, 30)?;
    if local.len() != 30 || local[..4] != *b"PK\x03\x04" {
        return Err("has no local file header where the central directory says".into());
    }
    let name_len = u64::from(u16::from_le_bytes([local[26], local[27]]));
    let extra_len = u64::from(u16::from_le_bytes([local[28], local[29]]));
    let data = fetch(header + 30 + name_len + extra_len, size)?;
    if data.len() as u64 != size {
        return Err(format!("the host returned {} of its {size} bytes", data.len()));
    }
    Ok(data)
}

/// A nested jar's coordinates: from its one `META-INF/maven/<g>/<a>/pom.properties`, else from the
/// file name (`artifactId-version.jar`, the version starting at the first `-<digit>`).
fn coordinates_of(origin: &str, bytes: &[u8], file: &str) -> Result<Option<Coordinates>> {
    let mut archive = read::open(origin, bytes)?;
    let stem = file.strip_suffix(".jar").unwrap_or(file);
    let poms: Vec<String> = archive
        .file_names()
        .filter_map(|n| n.ok())
        .filter(|n| n.starts_with("META-INF/maven/") && n.ends_with("/pom.properties"))
        .map(|n| n.into_owned())
        .collect();
    let mut found = Vec::new();
    for pom in &poms {
        let mut text = String::new();
        if let Ok(mut entry) = archive.by_name(pom) {
            if entry.read_to_string(&mut text).is_err() {
                continue;
            }
        }
        let value = |k: &str| text.lines().find_map(|l| l.strip_prefix(k).and_then(|r| r.strip_prefix('='))).map(|v| v.trim().to_string());
        if let (Some(g), Some(a), Some(v)) = (value("groupId"), value("artifactId"), value("version")) {
            found.push(Coordinates { group_id: g, artifact_id: a, version: v, classifier: None, extension: "jar".into() });
        }
    }
    // Shaded jars carry several pom.properties; the one the file is named after is the jar's own.
    let own = found.iter().find(|c| stem == format!("{}-{}", c.artifact_id, c.version)).or(if found.len() == 1 { found.first() } else { None });
    if let Some(c) = own {
        let mut c = c.clone();
        if let Some(classifier) = stem.strip_prefix(&format!("{}-{}-", c.artifact_id, c.version)) {
            c.classifier = Some(classifier.to_string());
        }
        return Ok(Some(c));
    }
    let split = stem.char_indices().find(|&(i, ch)| ch == '-' && stem[i + 1..].starts_with(|c: char| c.is_ascii_digit())).map(|(i, _)| i);
    Ok(split.map(|i| Coordinates { group_id: "?".into(), artifact_id: stem[..i].into(), version: stem[i + 1..].into(), classifier: None, extension: "jar".into() }))
}
