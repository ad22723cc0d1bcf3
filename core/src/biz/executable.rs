//! The executable ark jar (reference `ark-format.md` §2.5): the biz manifest with the launcher as
//! start class, `conf/**`, SOFAArk's loader classes taken from the container's nested jars, then the
//! container, plugins and bizs under `SOFA-ARK/`, all nested jars STORED.

use std::borrow::Cow;

use super::libraries::Placed;
use super::manifest;
use crate::jar::read;
use crate::jar::write::{Data, EntryList, Written};
use crate::manifest::Manifest;
use crate::model::{ArtifactPlan, BizRequest, EntryMethod, EntrySource, ExecutableOptions, FileEntry, LibraryKind, PlanEntry};
use crate::{Error, Progress, Result};

/// Nested jars of `sofa-ark-all` that hold the launcher's classes.
const LOADER_JARS: [&str; 4] = ["sofa-ark-archive", "sofa-ark-spi", "sofa-ark-common", "sofa-ark-exception"];
/// Class paths copied from them to the jar root: the official plugin's six, then five more.
///
/// Deliberately more than the official plugin copies: with only its six, `ArkLauncher` fails at
/// start with `NoClassDefFoundError: com/alipay/sofa/ark/common/util/FileUtils` on SOFAArk 2.3.0 and
/// 3.1.11 alike (verified by tests/jvm). The launcher also needs these to open the jar.
const LOADER_CLASSES: [&str; 11] = [
    "com/alipay/sofa/ark/spi/archive",
    "com/alipay/sofa/ark/loader",
    "com/alipay/sofa/ark/bootstrap",
    "com/alipay/sofa/ark/common/util/StringUtils",
    "com/alipay/sofa/ark/common/util/AssertUtils",
    "com/alipay/sofa/ark/spi/constant",
    "com/alipay/sofa/ark/common/util/FileUtils",
    "com/alipay/sofa/ark/common/util/ClassLoaderUtils",
    "com/alipay/sofa/ark/common/util/ClassUtils",
    "com/alipay/sofa/ark/exception/ArkRuntimeException",
    "com/alipay/sofa/ark/exception/ArkLoaderException",
];

pub struct Planned<'a> {
    entries: EntryList<'a>,
    manifest: Manifest,
    /// Where the biz jar goes once written.
    biz_entry: String,
}

impl<'a> Planned<'a> {
    pub fn to_model(&self) -> ArtifactPlan {
        let mut entries = self.entries.to_plan();
        entries.push(PlanEntry {
            path: self.biz_entry.clone(),
            method: EntryMethod::Stored,
            size: 0,
            source: EntrySource::Artifact("biz jar".into()),
        });
        ArtifactPlan { entries, manifest: super::manifest_text(&self.manifest) }
    }

    pub fn write(&self, biz: &Written, time: zip::DateTime) -> Result<Written> {
        let mut entries = EntryList::new();
        for e in self.entries.entries() {
            let data = match &e.data {
                Data::Directory => Data::Directory,
                Data::Deflated(b) => Data::Deflated(Cow::Borrowed(b)),
                Data::Stored(b) => Data::Stored(Cow::Borrowed(b)),
                Data::Spliced { pieces, size, crc } => Data::Spliced { pieces: pieces.clone(), size: *size, crc: *crc },
            };
            let _ = entries.add(&e.path, data, e.comment.clone(), e.source.clone());
        }
        entries
            .add(&self.biz_entry, Data::Spliced { pieces: biz.pieces.clone(), size: biz.size, crc: biz.crc }, None, EntrySource::Artifact("biz jar".into()))
            .map_err(|_| Error::Internal(format!("`{}` planned twice", self.biz_entry)))?;
        entries.write(time)
    }
}

pub fn plan<'a>(
    request: &'a BizRequest,
    options: &'a ExecutableOptions,
    biz_manifest: &Manifest,
    conf: &[&'a FileEntry],
    placed: &[Placed<'a>],
    progress: &mut dyn Progress,
) -> Result<Planned<'a>> {
    let container = &options.container;
    progress.report("container", &container.origin);
    let bytes = container.content.bytes().ok_or_else(|| {
        Error::field("executable.container", format!("{} was sent summarized; the container must be sent whole (its loader classes are copied out)", container.origin))
    })?;
    let archive = read::open(&container.origin, bytes)?;
    if !read::has_file(&archive, crate::jar::CONTAINER_MARK) {
        return Err(Error::field(
            "executable.container",
            format!("{} is not the SOFAArk container (it has no {}); pass com.alipay.sofa:sofa-ark-all", container.origin, crate::jar::CONTAINER_MARK),
        ));
    }
    let manifest = manifest::executable(request, biz_manifest, &options.ark_version);
    let mut entries = EntryList::new();
    let clash = |path: &str| Error::Duplicate { entry: path.to_string(), reason: "planned twice in the executable jar".into() };
    entries
        .add("META-INF/MANIFEST.MF", Data::Deflated(Cow::Owned(manifest.to_bytes())), None, EntrySource::Generated("manifest".into()))
        .map_err(|_| clash("META-INF/MANIFEST.MF"))?;
    for file in conf {
        entries
            .add(&file.path, Data::Deflated(Cow::Borrowed(&file.content)), None, EntrySource::Conf(file.path.clone()))
            .map_err(|_| clash(&file.path))?;
    }
    for (path, content, source) in loader_classes(&container.origin, bytes)? {
        // The first nested jar to provide a class wins, as in the official writer.
        let _ = entries.add(&path, Data::Deflated(Cow::Owned(content)), None, EntrySource::Container(source));
    }
    let nested = |entries: &mut EntryList<'a>, folder: &str, name: &str, data: Data<'a>, origin: &str| {
        let path = format!("SOFA-ARK/{folder}/{name}");
        read::check_entry_name(origin, &path)?;
        entries.add(&path, data, None, EntrySource::Library(origin.to_string())).map_err(|_| Error::Duplicate {
            entry: path.clone(),
            reason: format!("{origin} would be the second jar of this name in the executable jar"),
        })
    };
    nested(&mut entries, "container", &container.coordinates.file_name(), Data::Stored(Cow::Borrowed(bytes)), &container.origin)?;
    for (kind, folder) in [(LibraryKind::Plugin, "plugin"), (LibraryKind::Biz, "biz")] {
        let mut libs: Vec<_> = super::executable_only(placed, kind).collect();
        libs.sort_by(|a, b| a.file_name.cmp(&b.file_name));
        for p in libs {
            nested(&mut entries, folder, &p.file_name, p.library.content.stored(p.index), &p.library.origin)?;
        }
    }
    let biz_entry = format!("SOFA-ARK/biz/{}-{}-ark-biz.jar", request.project.artifact_id, request.project.version);
    Ok(Planned { entries, manifest, biz_entry })
}

/// The loader classes inside the container's nested jars, sorted by path.
fn loader_classes(origin: &str, container: &[u8]) -> Result<Vec<(String, Vec<u8>, String)>> {
    let mut out = Vec::new();
    for nested in read::read_files(origin, container)? {
        let is_loader_jar = nested.name.ends_with(".jar") && LOADER_JARS.iter().any(|j| nested.name.contains(j));
        if !is_loader_jar {
            continue;
        }
        let nested_origin = format!("{origin}!/{}", nested.name);
        for class in read::read_files(&nested_origin, &nested.content)? {
            if class.name.ends_with(".class") && LOADER_CLASSES.iter().any(|p| class.name.contains(p)) {
                let source = format!("{}!/{}", nested.name, class.name);
                out.push((class.name, class.content, source));
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(out)
}
