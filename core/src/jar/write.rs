//! The deterministic jar writer. Output depends only on the entry list: one fixed time for every
//! entry, fixed Unix modes (0644 files, 0755 directories), "made by Unix" whatever the host OS,
//! deflate level 6 through the same zlib-rs code natively and in the component, and no Zip64 (the
//! SOFAArk loader refuses it).
//!
//! Written by hand rather than with the zip crate because a jar here is returned as [`Piece`]s:
//! the bytes the core made, and "copy library *i* here" for dependency jars, which are stored byte
//! for byte. Their size and CRC come from the request, so the host splices them from disk and the
//! bytes never cross into the component. The zip crate always writes and hashes the data itself.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::Write;

use crate::model::{EntryMethod, EntrySource, LibraryPiece, Piece, PlanEntry};
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
    /// Stored, made of pieces the host splices (a library, or a whole jar made of pieces), whose
    /// size and CRC are already known.
    Spliced { pieces: Vec<Piece>, size: u64, crc: u32 },
}

impl Data<'_> {
    fn len(&self) -> u64 {
        match self {
            Data::Directory => 0,
            Data::Deflated(b) | Data::Stored(b) => b.len() as u64,
            Data::Spliced { size, .. } => *size,
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
            Data::Deflated(_) => EntryMethod::Deflated,
            Data::Directory | Data::Stored(_) | Data::Spliced { .. } => EntryMethod::Stored,
        };
        PlanEntry { path: self.path.clone(), method, size: self.data.len(), source: self.source.clone() }
    }
}

/// The ordered entries of one output jar. Adding a file first adds its missing parent directories,
/// so directories always precede their content, as `JarOutputStream` users expect.
#[derive(Debug, Default)]
pub struct EntryList<'a> {
    entries: Vec<OutEntry<'a>>,
    index: BTreeMap<String, usize>,
}

/// A jar as pieces, with the size and CRC-32 of the whole (so it can be nested in another jar).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub pieces: Vec<Piece>,
    pub size: u64,
    pub crc: u32,
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

    /// Writes the entries, in order, as a jar made of pieces.
    pub fn write(&self, time: zip::DateTime) -> Result<Written> {
        if self.entries.len() > MAX_ENTRIES {
            return Err(too_big(format!("it would hold {} entries", self.entries.len())));
        }
        let (dos_time, dos_date) = (time.timepart(), time.datepart());
        let mut out = Out::default();
        let mut central = Vec::new();
        let mut deflater = Deflater::new();
        for (i, entry) in self.entries.iter().enumerate() {
            let name = entry.path.as_bytes();
            let comment = entry.comment.as_deref().unwrap_or("").as_bytes();
            // The JAR magic JarOutputStream puts on the first entry, so `file` says "Java archive".
            let extra: &[u8] = if i == 0 { &[0xFE, 0xCA, 0, 0] } else { &[] };
            let compressed;
            let (method, crc, csize, usize_, body): (u16, u32, u64, u64, Body<'_>) = match &entry.data {
                Data::Directory => (0, 0, 0, 0, Body::Bytes(&[])),
                Data::Stored(b) => (0, crc32(b), b.len() as u64, b.len() as u64, Body::Bytes(b)),
                Data::Deflated(b) => {
                    compressed = deflater.deflate(b).map_err(|e| Error::Internal(format!("deflating `{}`: {e}", entry.path)))?;
                    (8, crc32(b), compressed.len() as u64, b.len() as u64, Body::Bytes(&compressed))
                }
                Data::Spliced { pieces, size, crc } => (0, *crc, *size, *size, Body::Pieces(pieces)),
            };
            let csize32 = u32::try_from(csize).map_err(|_| too_big(format!("`{}` is 4 GiB or more", entry.path)))?;
            let usize32 = u32::try_from(usize_).map_err(|_| too_big(format!("`{}` is 4 GiB or more", entry.path)))?;
            let offset = u32::try_from(out.offset).map_err(|_| too_big("it would be 4 GiB or more".into()))?;
            let needed: u16 = if method == 8 { 20 } else { 10 };
            let header = |sig: u32| {
                let mut h = Vec::with_capacity(46 + name.len() + extra.len() + comment.len());
                h.extend_from_slice(&sig.to_le_bytes());
                if sig == CENTRAL {
                    h.extend_from_slice(&VERSION_MADE_BY.to_le_bytes());
                }
                for v in [needed, UTF8_FLAG, method, dos_time, dos_date] {
                    h.extend_from_slice(&v.to_le_bytes());
                }
                for v in [crc, csize32, usize32] {
                    h.extend_from_slice(&v.to_le_bytes());
                }
                h.extend_from_slice(&(name.len() as u16).to_le_bytes());
                h.extend_from_slice(&(extra.len() as u16).to_le_bytes());
                h
            };
            let mut local = header(LOCAL);
            local.extend_from_slice(name);
            local.extend_from_slice(extra);
            out.bytes(&local);
            match body {
                Body::Bytes(b) => out.bytes(b),
                Body::Pieces(pieces) => out.splice(pieces),
            }
            let is_dir = matches!(entry.data, Data::Directory);
            let external: u32 = if is_dir { (0o040755 << 16) | 0x10 } else { 0o100644 << 16 };
            let mut cd = header(CENTRAL);
            cd.extend_from_slice(&(comment.len() as u16).to_le_bytes());
            cd.extend_from_slice(&[0, 0, 0, 0]); // disk number start, internal attributes
            cd.extend_from_slice(&external.to_le_bytes());
            cd.extend_from_slice(&offset.to_le_bytes());
            cd.extend_from_slice(name);
            cd.extend_from_slice(extra);
            cd.extend_from_slice(comment);
            central.push(cd);
        }
        let cd_offset = u32::try_from(out.offset).map_err(|_| too_big("it would be 4 GiB or more".into()))?;
        let cd_size: usize = central.iter().map(Vec::len).sum();
        for cd in &central {
            out.bytes(cd);
        }
        let count = self.entries.len() as u16;
        let mut end = Vec::with_capacity(22);
        end.extend_from_slice(&END.to_le_bytes());
        end.extend_from_slice(&[0, 0, 0, 0]); // this disk, the central directory's disk
        end.extend_from_slice(&count.to_le_bytes());
        end.extend_from_slice(&count.to_le_bytes());
        end.extend_from_slice(&(cd_size as u32).to_le_bytes());
        end.extend_from_slice(&cd_offset.to_le_bytes());
        end.extend_from_slice(&[0, 0]); // no archive comment
        out.bytes(&end);
        Ok(out.finish())
    }
}

const LOCAL: u32 = 0x0403_4b50;
const CENTRAL: u32 = 0x0201_4b50;
const END: u32 = 0x0605_4b50;
/// Unix (3) in the high byte, zip 2.0 in the low one.
const VERSION_MADE_BY: u16 = (3 << 8) | 20;
/// General purpose bit 11: names are UTF-8.
const UTF8_FLAG: u16 = 0x0800;

enum Body<'b> {
    Bytes(&'b [u8]),
    Pieces(&'b [Piece]),
}

fn too_big(what: String) -> Error {
    Error::Internal(format!("the jar cannot be written without Zip64, which SOFAArk cannot read: {what}"))
}

pub fn crc32(bytes: &[u8]) -> u32 {
    let mut h = crc32fast::Hasher::new();
    h.update(bytes);
    h.finalize()
}

/// Deflates entries with one encoder for the whole jar. zlib-rs sets up a window and hash tables of
/// about 380 KiB per encoder; one per entry made the native engine's heap grow to 85 MiB on some
/// runs (freed blocks not reused) instead of 17. A reset encoder fed the same way gives the same
/// bytes as a new one (fed differently it would not: zlib's block boundaries follow how input arrives).
struct Deflater(flate2::write::DeflateEncoder<Vec<u8>>);

impl Deflater {
    fn new() -> Self {
        Deflater(flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::new(6)))
    }

    fn deflate(&mut self, bytes: &[u8]) -> std::io::Result<Vec<u8>> {
        self.0.write_all(bytes)?;
        self.0.try_finish()?;
        self.0.reset(Vec::with_capacity(bytes.len() / 2 + 64))
    }
}

/// Accumulates pieces, merging adjacent bytes, and tracks the offset and the CRC of the whole.
#[derive(Default)]
struct Out {
    pieces: Vec<Piece>,
    buf: Vec<u8>,
    offset: u64,
    crc: Option<crc32fast::Hasher>,
}

impl Out {
    fn hasher(&mut self) -> &mut crc32fast::Hasher {
        self.crc.get_or_insert_with(crc32fast::Hasher::new)
    }

    fn bytes(&mut self, b: &[u8]) {
        self.buf.extend_from_slice(b);
        self.hasher().update(b);
        self.offset += b.len() as u64;
    }

    fn flush(&mut self) {
        if !self.buf.is_empty() {
            self.pieces.push(Piece::Bytes(std::mem::take(&mut self.buf)));
        }
    }

    /// Appends a nested stored body made of pieces; a library's CRC is combined, not recomputed.
    fn splice(&mut self, pieces: &[Piece]) {
        for p in pieces {
            match p {
                Piece::Bytes(b) => self.bytes(b),
                Piece::Library(lib) => {
                    self.flush();
                    self.pieces.push(Piece::Library(*lib));
                    let other = crc32fast::Hasher::new_with_initial_len(lib.crc, lib.size);
                    self.hasher().combine(&other);
                    self.offset += lib.size;
                }
            }
        }
    }

    fn finish(mut self) -> Written {
        self.flush();
        let crc = self.crc.take().unwrap_or_default().finalize();
        Written { pieces: self.pieces, size: self.offset, crc }
    }
}

/// The jar's bytes, with each library piece read through `library` (tests, and hosts that hold
/// every input in memory, such as a browser page).
pub fn assemble<'a>(pieces: &[Piece], mut library: impl FnMut(u32) -> Option<&'a [u8]>) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    for p in pieces {
        match p {
            Piece::Bytes(b) => out.extend_from_slice(b),
            Piece::Library(LibraryPiece { index, size, .. }) => {
                let bytes = library(*index).ok_or_else(|| Error::Internal(format!("library {index} is not in memory")))?;
                if bytes.len() as u64 != *size {
                    return Err(Error::Internal(format!("library {index} has {} bytes, not {size}", bytes.len())));
                }
                out.extend_from_slice(bytes);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reused_deflater_gives_the_bytes_of_a_new_encoder() {
        // Text-like data, large enough (600 KB) for several blocks: where feeding differently changes bytes.
        let big: Vec<u8> = (0..600_000u32).map(|i| b"abcdefghij {}\n"[((i * 7 + i / 13) % 14) as usize]).collect();
        let inputs: [&[u8]; 4] = [b"", b"class", &big, b"\xca\xfe\xba\xbe\0\0\0\x34"];
        let mut deflater = Deflater::new();
        for input in inputs {
            let mut fresh = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::new(6));
            fresh.write_all(input).unwrap();
            assert_eq!(deflater.deflate(input).unwrap(), fresh.finish().unwrap(), "{} bytes", input.len());
        }
    }
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
    fn spliced_libraries_read_back_and_the_whole_crc_is_right() {
        let lib: &[u8] = b"PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0 some library bytes";
        let build = || {
            let mut list = EntryList::new();
            list.add("META-INF/MANIFEST.MF", Data::Deflated(Cow::Borrowed(b"Manifest-Version: 1.0\r\n\r\n")), None, src("m")).unwrap();
            let piece = LibraryPiece { index: 0, size: lib.len() as u64, crc: crc32(lib) };
            let spliced = Data::Spliced { pieces: vec![Piece::Library(piece)], size: piece.size, crc: piece.crc };
            list.add("lib/x.jar", spliced, Some("UNPACK:abc".into()), src("l")).unwrap();
            list.write(crate::jar::time::entry_time(None).unwrap()).unwrap()
        };
        let written = build();
        assert_eq!(written, build());
        assert!(written.pieces.iter().any(|p| matches!(p, Piece::Library(LibraryPiece { index: 0, .. }))));
        let bytes = assemble(&written.pieces, |_| Some(lib)).unwrap();
        assert_eq!((bytes.len() as u64, crc32(&bytes)), (written.size, written.crc));
        let mut archive = read::open("out.jar", &bytes).unwrap();
        let names: Vec<_> = archive.file_names().map(|n| n.unwrap().into_owned()).collect();
        assert_eq!(names, ["META-INF/", "META-INF/MANIFEST.MF", "lib/", "lib/x.jar"]);
        let mut entry = archive.by_name("lib/x.jar").unwrap();
        assert_eq!(entry.compression(), zip::CompressionMethod::Stored);
        assert_eq!(entry.comment(), "UNPACK:abc");
        assert_eq!(entry.last_modified().unwrap().year(), 1980);
        let mut content = Vec::new();
        std::io::Read::read_to_end(&mut entry, &mut content).unwrap();
        assert_eq!(content, lib);
    }
}
