//! A dependency jar as the core sees it: whole bytes, or a [`JarSummary`] (size, CRC, central
//! directory) when the host keeps the file and splices it into outputs itself. Either way the core
//! can list its entries (markers, classes) through a [`Window`] onto the bytes it has: a summary
//! holds the file from its central directory (or the last 64 KiB, if that starts earlier) to its end.

use std::io::{Read, Seek, SeekFrom};

use crate::model::{JarContent, JarSummary, LibraryPiece, Piece};
use crate::{Error, Result};

/// Reads a file of `size` bytes of which only `tail`, starting at `start`, is present. The zip
/// crate reads only the central directory to list entries, so this is enough for that; reading an
/// entry's data from a summarized jar fails with a clear error instead.
#[derive(Debug)]
pub struct Window<'a> {
    size: u64,
    start: u64,
    tail: &'a [u8],
    pos: u64,
}

impl<'a> Window<'a> {
    pub fn whole(bytes: &'a [u8]) -> Self {
        Window { size: bytes.len() as u64, start: 0, tail: bytes, pos: 0 }
    }

    pub fn tail(size: u64, start: u64, tail: &'a [u8]) -> Self {
        Window { size, start, tail, pos: 0 }
    }
}

impl Read for Window<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.pos >= self.size || buf.is_empty() {
            return Ok(0);
        }
        if self.pos < self.start {
            return Err(std::io::Error::other("only the central directory of this jar was sent to the core"));
        }
        let offset = usize::try_from(self.pos - self.start).map_err(std::io::Error::other)?;
        let available = self.tail.get(offset..).unwrap_or_default();
        let n = available.len().min(buf.len());
        buf[..n].copy_from_slice(&available[..n]);
        self.pos += n as u64;
        Ok(n)
    }
}

impl Seek for Window<'_> {
    fn seek(&mut self, to: SeekFrom) -> std::io::Result<u64> {
        let target = match to {
            SeekFrom::Start(p) => Some(p),
            SeekFrom::End(d) => self.size.checked_add_signed(d),
            SeekFrom::Current(d) => self.pos.checked_add_signed(d),
        };
        self.pos = target.ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidInput, "seek before the start"))?;
        Ok(self.pos)
    }
}

impl JarContent {
    /// The whole bytes, when the host sent them.
    pub fn bytes(&self) -> Option<&[u8]> {
        match self {
            JarContent::Bytes(b) => Some(b),
            JarContent::Summary(_) => None,
        }
    }

    /// True when the content is (or claims to be) a zip: a summary only exists for zips.
    pub fn looks_like_zip(&self) -> bool {
        self.bytes().is_none_or(super::read::looks_like_zip)
    }

    /// A window onto what the core has of the file.
    pub fn window(&self) -> Window<'_> {
        match self {
            JarContent::Bytes(b) => Window::whole(b),
            JarContent::Summary(s) => Window::tail(s.size, s.tail_offset, &s.tail),
        }
    }

    /// The library stored byte for byte as entry data: spliced by the host from `index` in the request.
    pub fn stored(&self, index: u32) -> super::write::Data<'static> {
        let piece = self.piece(index);
        let Piece::Library(LibraryPiece { size, crc, .. }) = piece else { unreachable!("piece() returns a library piece") };
        super::write::Data::Spliced { pieces: vec![piece], size, crc }
    }

    /// The piece that copies this library, `index` in the request, into an output.
    pub fn piece(&self, index: u32) -> Piece {
        let (size, crc) = match self {
            JarContent::Bytes(b) => (b.len() as u64, super::write::crc32(b)),
            JarContent::Summary(s) => (s.size, s.crc),
        };
        Piece::Library(LibraryPiece { index, size, crc })
    }

    /// The file's SHA-1 in lowercase hex (for `UNPACK:` comments).
    pub fn sha1(&self, origin: &str) -> Result<String> {
        match self {
            JarContent::Bytes(b) => Ok(sha1_hex(b)),
            JarContent::Summary(s) => s.sha1.clone().ok_or_else(|| {
                Error::Internal(format!("{origin} is named in requires-unpack, but the host sent no SHA-1 for it"))
            }),
        }
    }
}

pub fn sha1_hex(bytes: &[u8]) -> String {
    use sha1::Digest;
    sha1::Sha1::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Summarizes a zip held in memory: size, CRC-32, and the bytes from its central directory on.
/// `None` for anything the core should see whole: not a zip, a Zip64 archive, a damaged end record.
/// Pure, so hosts call it natively before handing the summary to the component.
pub fn summarize(bytes: &[u8], with_sha1: bool) -> Option<JarSummary> {
    if !super::read::looks_like_zip(bytes) || bytes.len() < 22 {
        return None;
    }
    // The end record is the last 22 bytes plus a comment of up to 65535 bytes.
    let earliest = bytes.len().saturating_sub(22 + 0xFFFF);
    let end = (earliest..=bytes.len() - 22).rev().find(|&i| {
        bytes[i..i + 4] == *b"PK\x05\x06" && {
            let comment = u16::from_le_bytes([bytes[i + 20], bytes[i + 21]]) as usize;
            i + 22 + comment == bytes.len()
        }
    })?;
    let u32_at = |o: usize| u32::from_le_bytes([bytes[o], bytes[o + 1], bytes[o + 2], bytes[o + 3]]);
    let (entries, cd_size) = (u16::from_le_bytes([bytes[end + 10], bytes[end + 11]]), u32_at(end + 12));
    if entries == 0xFFFF || cd_size == u32::MAX || u32_at(end + 16) == u32::MAX {
        return None; // Zip64: let the core read it whole (and refuse it with a reason).
    }
    let cd_start = end.checked_sub(cd_size as usize)?;
    if cd_start as u64 != u64::from(u32_at(end + 16)) {
        return None; // Bytes before the archive (a launcher script): let the core read it whole.
    }
    // Readers look for the end record in the last 64 KiB, so the tail covers that much too.
    let start = cd_start.min(earliest);
    Some(JarSummary {
        size: bytes.len() as u64,
        crc: super::write::crc32(bytes),
        tail_offset: start as u64,
        tail: bytes[start..].to_vec(),
        sha1: with_sha1.then(|| sha1_hex(bytes)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_summary_lists_the_same_entries_as_the_whole_jar() {
        // A jar well over the 64 KiB end-record window, so the summary is really partial.
        let blob: Vec<u8> = (0..200_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8).collect();
        let mut list = crate::jar::write::EntryList::new();
        let src = || crate::model::EntrySource::Generated("test".into());
        list.add("data/blob.bin", crate::jar::write::Data::Stored(blob.into()), None, src()).unwrap();
        list.add("com/example/greeting/Greeter.class", crate::jar::write::Data::Deflated(b"\xca\xfe".to_vec().into()), None, src()).unwrap();
        let written = list.write(crate::jar::time::entry_time(None).unwrap()).unwrap();
        let jar = &crate::jar::write::assemble(&written.pieces, |_| None).unwrap();
        let summary = summarize(jar, true).unwrap();
        assert!(summary.tail.len() < jar.len());
        assert_eq!(summary.sha1.as_deref(), Some(sha1_hex(jar).as_str()));
        let whole = JarContent::Bytes(jar.to_vec());
        let summarized = JarContent::Summary(summary);
        assert_eq!(whole.piece(3), summarized.piece(3));
        let names = |c: &JarContent| {
            let archive = crate::jar::read::open_content("lib.jar", c).unwrap();
            archive.file_names().map(|n| n.unwrap().into_owned()).collect::<Vec<_>>()
        };
        assert_eq!(names(&whole), names(&summarized));
        assert!(names(&whole).contains(&"com/example/greeting/Greeter.class".to_string()));
        // Reading an entry's data from a summary is refused, not faked.
        let mut archive = crate::jar::read::open_content("lib.jar", &summarized).unwrap();
        let mut entry = archive.by_name("data/blob.bin");
        assert!(entry.as_mut().map(|e| std::io::Read::read_to_end(e, &mut Vec::new()).is_err()).unwrap_or(true));
    }

    #[test]
    fn non_zips_are_not_summarized() {
        assert_eq!(summarize(b"<project/>", false), None);
        assert_eq!(summarize(b"PK\x03\x04 but no end record", false), None);
    }
}
