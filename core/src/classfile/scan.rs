//! A fast scan of what a class needs to link: its name, and every class its constant pool, its
//! supertypes and its member descriptors name. The slimming checks scan every class of a module
//! and its kept jars (tens of thousands). Annotations are left out on purpose: the JVM ignores
//! annotation types it cannot load. The bytes are walked by [`super::reader`].

use std::collections::BTreeSet;

/// A class's internal name and the internal names it refers to (without itself).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scanned {
    pub name: String,
    pub refs: BTreeSet<String>,
}

/// Scans a class file.
pub fn scan(bytes: &[u8]) -> Result<Scanned, String> {
    super::reader::link_refs(bytes).map(|r| Scanned { name: r.name, refs: r.refs })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncated_and_foreign_bytes_are_errors_not_panics() {
        assert!(scan(b"").is_err());
        assert!(scan(b"\xca\xfe\xba\xbe\0\0\0\x34\0\x05\x01\xff\xff").is_err());
        assert!(scan(b"PK\x03\x04").is_err());
    }
}
