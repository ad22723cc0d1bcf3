//! Remembered CRC-32s of dependency jars, so a warm build reads only each jar's central directory
//! instead of its whole bytes (the CRC is needed before a jar is copied: it goes in the entry's
//! local header). This is what Gradle's file-hash cache and git's index do: a file is known by its
//! device, inode, size and modification and change times, all of which a rewrite moves (the change
//! time cannot be set back by anyone).
//!
//! A file changed within the clock's granularity of being remembered could keep its key, so a file
//! whose change time is less than [`SETTLE`] old is not remembered (git's "racy" rule). The cache is
//! one text file in the code cache's folder, rewritten whole (temporary file, then rename); a line
//! that does not parse is ignored, a missing or unreadable file is an empty cache.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

const FILE: &str = "crc-v1.txt";
/// Files changed more recently than this are not remembered.
pub const SETTLE: Duration = Duration::from_secs(1);
/// At most this many files are remembered: those of the current build first, then the newest.
const LIMIT: usize = 20_000;

/// What is remembered of a jar: its CRC-32 and where its summary's tail starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Known {
    pub crc: u32,
    pub tail_offset: u64,
}

pub struct CrcCache {
    path: Option<PathBuf>,
    /// Key → what is known, in the file's order (the last build's files first).
    known: Vec<(String, Known)>,
    index: BTreeMap<String, usize>,
    used: BTreeMap<String, Known>,
    changed: bool,
}

impl CrcCache {
    /// The cache of this user (`ARKPACK_CACHE_DIR`, else the XDG cache); empty when there is none.
    pub fn load() -> Self {
        let path = crate::cache::dir().map(|d| d.join(FILE));
        let text = path.as_deref().and_then(|p| std::fs::read_to_string(p).ok()).unwrap_or_default();
        let mut known = Vec::new();
        let mut index = BTreeMap::new();
        for line in text.lines() {
            let mut parts = line.split('\t');
            let (Some(key), Some(crc), Some(tail), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else { continue };
            let (Ok(crc), Ok(tail_offset)) = (u32::from_str_radix(crc, 16), tail.parse::<u64>()) else { continue };
            if key.is_empty() || index.contains_key(key) {
                continue;
            }
            index.insert(key.to_string(), known.len());
            known.push((key.to_string(), Known { crc, tail_offset }));
        }
        CrcCache { path, known, index, used: BTreeMap::new(), changed: false }
    }

    /// The key of a file as it is now, or `None` when it cannot be told apart from a rewrite (not a
    /// Unix system, no change time, or changed less than [`SETTLE`] ago).
    pub fn key(meta: &std::fs::Metadata) -> Option<String> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let changed = SystemTime::UNIX_EPOCH + Duration::new(u64::try_from(meta.ctime()).ok()?, u32::try_from(meta.ctime_nsec()).ok()?);
            if SystemTime::now().duration_since(changed).map_or(true, |age| age < SETTLE) {
                return None;
            }
            Some(format!("{}:{}:{}:{}.{}:{}.{}", meta.dev(), meta.ino(), meta.size(), meta.mtime(), meta.mtime_nsec(), meta.ctime(), meta.ctime_nsec()))
        }
        #[cfg(not(unix))]
        {
            let _ = meta;
            None
        }
    }

    pub fn get(&mut self, key: &str) -> Option<Known> {
        let known = self.index.get(key).map(|&i| self.known[i].1)?;
        self.used.insert(key.to_string(), known);
        Some(known)
    }

    pub fn put(&mut self, key: String, known: Known) {
        self.changed |= self.index.get(&key).map(|&i| self.known[i].1) != Some(known);
        self.used.insert(key, known);
    }

    /// Writes the cache back when something new was learnt. Failing to is not an error: the next
    /// build reads the jars whole again.
    pub fn save(&self) {
        let Some(path) = self.path.as_deref().filter(|_| self.changed) else { return };
        let mut text = String::new();
        let older = self.known.iter().filter(|(k, _)| !self.used.contains_key(k));
        for (key, known) in self.used.iter().chain(older.map(|(k, v)| (k, v))).take(LIMIT) {
            text.push_str(&format!("{key}\t{:08x}\t{}\n", known.crc, known.tail_offset));
        }
        let _ = crate::cache::store(path.parent().unwrap_or(Path::new(".")), path, text.as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_just_written_is_not_remembered_and_a_settled_one_is() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.jar");
        std::fs::write(&file, b"PK").unwrap();
        assert_eq!(CrcCache::key(&std::fs::metadata(&file).unwrap()), None, "changed less than SETTLE ago");
        std::thread::sleep(SETTLE + Duration::from_millis(50));
        let key = CrcCache::key(&std::fs::metadata(&file).unwrap()).expect("settled");
        // Rewriting it moves the change time, so the key changes even with the same size.
        std::thread::sleep(Duration::from_millis(20));
        std::fs::write(&file, b"PL").unwrap();
        std::thread::sleep(SETTLE + Duration::from_millis(50));
        assert_ne!(CrcCache::key(&std::fs::metadata(&file).unwrap()).unwrap(), key);
    }
}
