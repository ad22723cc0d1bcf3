//! The deterministic jar writer. Output depends only on the entry list: one fixed time for every
//! entry, fixed Unix modes (0644 files, 0755 directories), `System::Unix` whatever the host OS,
//! deflate level 6 through the same zlib-rs code natively and in the component, and no Zip64 (the
//! SOFAArk loader refuses it).

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::{Cursor, Write};

use zip::write::{FullFileOptions, ZipWriter};
use zip::{CompressionMethod, System};

use crate::model::{EntryMethod, EntrySource, PlanEntry};
use crate::{Error, Result};

/// The most entries a zip can hold without Zip64.
pub const MAX_ENTRIES: usize = 0xFFFF - 1;

/// An entry's bytes and how to store them.
#[derive(Debug, Clone)]
pub enum Data<'a> {
    /// A directory entry (its path ends with `/`).
    Directory,
    /// Compressed with deflate level 6.
    Deflated(Cow<'a, [u8]>),
    /// Stored as is, with its CRC; nested jars must be stored.
    Stored(Cow<'a, [u8]>),
}

impl Data<'_> {
    fn len(&self) -> usize {
        match self {
            Data::Directory => 0,
            Data::Deflated(b) | Data::Stored(b) => b.len(),
        }
    }
}

/// One entry to write.
#[derive(Debug, Clone)]
pub struct OutEntry<'a> {
    pub path: String,
    pub data: Data<'a>,
    pub comment: Option<String>,
    pub source: EntrySource,
}

impl OutEntry<'_> {
    /// The entry as the plan shows it.
    pub fn to_plan(&self) -> PlanEntry {
        let method = match self.data {
            Data::Directory | Data::Stored(_) => EntryMethod::Stored,
            Data::Deflated(_) => EntryMethod::Deflated,
        };
        PlanEntry { path: self.path.clone(), method, size: self.data.len() as u64, source: self.source.clone() }
    }
}

/// The ordered entries of one output jar. Adding a file first adds its missing parent directories,
/// so directories always precede their content, as `JarOutputStream` users expect.
#[derive(Debug, Default)]
pub struct EntryList<'a> {
    entries: Vec<OutEntry<'a>>,
    index: BTreeMap<String, usize>,
}

impl<'a> EntryList<'a> {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a file after its parent directories. A path already present is not replaced: the
    /// existing entry's source is returned so the caller can fail or report, never last-wins.
    pub fn add(&mut self, path: &str, data: Data<'a>, comment: Option<String>, source: EntrySource) -> Result<(), EntrySource> {
        if let Some(&i) = self.index.get(path) {
            return Err(self.entries[i].source.clone());
        }
        self.add_parents(path);
        self.push(path.to_string(), data, comment, source);
        Ok(())
    }

    /// Adds every missing parent directory of `path`.
    pub fn add_parents(&mut self, path: &str) {
        let trimmed = path.trim_end_matches('/');
        for (i, _) in trimmed.match_indices('/') {
            let dir = &trimmed[..=i];
            if !self.index.contains_key(dir) {
                self.push(dir.to_string(), Data::Directory, None, EntrySource::Generated("directory".into()));
            }
        }
    }

    fn push(&mut self, path: String, data: Data<'a>, comment: Option<String>, source: EntrySource) {
        self.index.insert(path.clone(), self.entries.len());
        self.entries.push(OutEntry { path, data, comment, source });
    }

    pub fn contains(&self, path: &str) -> bool {
        self.index.contains_key(path)
    }

    pub fn entries(&self) -> &[OutEntry<'a>] {
        &self.entries
    }

    pub fn to_plan(&self) -> Vec<PlanEntry> {
        self.entries.iter().map(OutEntry::to_plan).collect()
    }

    /// Writes the entries, in order, as jar bytes.
    pub fn write(&self, time: zip::DateTime) -> Result<Vec<u8>> {
        if self.entries.len() > MAX_ENTRIES {
            return Err(Error::Internal(format!(
                "the jar would hold {} entries; SOFAArk cannot read Zip64 archives, so at most {MAX_ENTRIES} are possible",
                self.entries.len()
            )));
        }
        let capacity: usize = self.entries.iter().map(|e| e.data.len() + 2 * e.path.len() + 100).sum();
        let mut zip = ZipWriter::new(Cursor::new(Vec::with_capacity(capacity + 22)));
        let fail = |path: &str, e: &dyn std::fmt::Display| Error::Internal(format!("writing `{path}`: {e}"));
        for (i, entry) in self.entries.iter().enumerate() {
            let mut options = FullFileOptions::default()
                .system(System::Unix)
                .last_modified_time(time)
                .large_file(false);
            if i == 0 {
                // The JAR magic JarOutputStream puts on the first entry, so `file` says "Java archive".
                options.add_extra_field(0xCAFE, [], false).map_err(|e| fail(&entry.path, &e))?;
            }
            if let Some(comment) = &entry.comment {
                options = options.with_file_comment(comment.as_str());
            }
            match &entry.data {
                Data::Directory => {
                    let options = options.compression_method(CompressionMethod::Stored).unix_permissions(0o755);
                    zip.add_directory(entry.path.trim_end_matches('/'), options).map_err(|e| fail(&entry.path, &e))?;
                }
                Data::Deflated(bytes) | Data::Stored(bytes) => {
                    let method = if matches!(entry.data, Data::Stored(_)) { CompressionMethod::Stored } else { CompressionMethod::Deflated };
                    let level = (method == CompressionMethod::Deflated).then_some(6);
                    let options = options.compression_method(method).compression_level(level).unix_permissions(0o644);
                    zip.start_file(entry.path.as_str(), options).map_err(|e| fail(&entry.path, &e))?;
                    zip.write_all(bytes).map_err(|e| fail(&entry.path, &e))?;
                }
            }
        }
        Ok(zip.finish().map_err(|e| fail("central directory", &e))?.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jar::read;

    fn src(s: &str) -> EntrySource {
        EntrySource::Generated(s.into())
    }

    #[test]
    fn parents_come_first_and_duplicates_are_returned_not_replaced() {
        let mut list = EntryList::new();
        list.add("a/b/c.txt", Data::Deflated(Cow::Borrowed(b"x")), None, src("one")).unwrap();
        list.add("a/d.txt", Data::Stored(Cow::Borrowed(b"y")), None, src("two")).unwrap();
        let paths: Vec<_> = list.entries().iter().map(|e| e.path.as_str()).collect();
        assert_eq!(paths, ["a/", "a/b/", "a/b/c.txt", "a/d.txt"]);
        assert_eq!(list.add("a/d.txt", Data::Directory, None, src("three")), Err(src("two")));
    }

    #[test]
    fn same_entries_give_same_bytes_and_read_back() {
        let build = || {
            let mut list = EntryList::new();
            list.add("META-INF/MANIFEST.MF", Data::Deflated(Cow::Borrowed(b"Manifest-Version: 1.0\r\n\r\n")), None, src("m")).unwrap();
            list.add("lib/x.jar", Data::Stored(Cow::Borrowed(b"PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0")), Some("UNPACK:abc".into()), src("l")).unwrap();
            list.write(crate::jar::time::entry_time(None).unwrap()).unwrap()
        };
        let bytes = build();
        assert_eq!(bytes, build());
        let mut archive = read::open("out.jar", &bytes).unwrap();
        let names: Vec<_> = archive.file_names().map(|n| n.unwrap().into_owned()).collect();
        assert_eq!(names, ["META-INF/", "META-INF/MANIFEST.MF", "lib/", "lib/x.jar"]);
        let lib = archive.by_name("lib/x.jar").unwrap();
        assert_eq!(lib.compression(), CompressionMethod::Stored);
        assert_eq!(lib.comment(), "UNPACK:abc");
        assert_eq!(lib.last_modified().unwrap().year(), 1980);
    }
}
