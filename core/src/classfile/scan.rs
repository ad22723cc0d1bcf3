//! A fast scan of what a class needs to link: its name, and every class its constant pool, its
//! supertypes and its member descriptors name. The slimming checks scan every class of a module
//! and its kept jars (tens of thousands), where a full parse costs too much; this walks the bytes
//! once. Annotations are left out on purpose: the JVM ignores annotation types it cannot load.
//!
//! Hand-written because cafebabe parses far more than this needs; every read is bounds-checked, so
//! a malformed class is an `Err`, never a panic.

use std::collections::BTreeSet;

/// A class's internal name and the internal names it refers to (without itself).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scanned {
    pub name: String,
    pub refs: BTreeSet<String>,
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len()).ok_or("the class file is truncated")?;
        let slice = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(slice)
    }
    fn u8(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?[0])
    }
    fn u16(&mut self) -> Result<u16, String> {
        let b = self.take(2)?;
        Ok(u16::from_be_bytes([b[0], b[1]]))
    }
    fn u32(&mut self) -> Result<u32, String> {
        let b = self.take(4)?;
        Ok(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }
}

#[derive(Clone, Copy)]
enum Entry<'a> {
    Empty,
    Utf8(&'a [u8]),
    Class(u16),
    /// NameAndType's descriptor index.
    NameAndType(u16),
    /// MethodType's descriptor index.
    MethodType(u16),
    Other,
}

/// Scans a class file.
pub fn scan(bytes: &[u8]) -> Result<Scanned, String> {
    let mut r = Reader { bytes, pos: 0 };
    if r.u32()? != 0xCAFE_BABE {
        return Err("not a class file (no CAFEBABE magic)".into());
    }
    r.take(4)?; // minor, major
    let count = r.u16()? as usize;
    let mut pool = vec![Entry::Empty; count.max(1)];
    let mut i = 1;
    while i < count {
        let tag = r.u8()?;
        // Longs and doubles take two slots.
        let width = if tag == 5 || tag == 6 { 2 } else { 1 };
        pool[i] = match tag {
            1 => {
                let len = r.u16()? as usize;
                Entry::Utf8(r.take(len)?)
            }
            7 => Entry::Class(r.u16()?),
            12 => {
                r.u16()?;
                Entry::NameAndType(r.u16()?)
            }
            16 => Entry::MethodType(r.u16()?),
            8 | 19 | 20 => {
                r.u16()?;
                Entry::Other
            }
            3 | 4 | 9 | 10 | 11 | 17 | 18 => {
                r.take(4)?;
                Entry::Other
            }
            15 => {
                r.take(3)?;
                Entry::Other
            }
            5 | 6 => {
                r.take(8)?;
                Entry::Other
            }
            t => return Err(format!("unknown constant pool tag {t} at entry {i}")),
        };
        i += width;
    }
    let utf8 = |index: u16| -> Result<String, String> {
        match pool.get(index as usize) {
            // Class names are ASCII in practice; other modified UTF-8 is decoded leniently, which
            // only matters for matching names, never for output.
            Some(Entry::Utf8(b)) => Ok(String::from_utf8_lossy(b).into_owned()),
            _ => Err(format!("constant pool entry {index} is not a UTF-8 string")),
        }
    };
    let mut refs = BTreeSet::new();
    for entry in &pool {
        match *entry {
            Entry::Class(n) => {
                let name = utf8(n)?;
                if name.starts_with('[') {
                    super::refs::descriptor_classes(&name, &mut refs);
                } else {
                    refs.insert(name);
                }
            }
            Entry::NameAndType(d) | Entry::MethodType(d) => super::refs::descriptor_classes(&utf8(d)?, &mut refs),
            _ => {}
        }
    }
    r.u16()?; // access flags
    let this = r.u16()?;
    let name = match pool.get(this as usize) {
        Some(Entry::Class(n)) => utf8(*n)?,
        _ => return Err("this_class is not a class constant".into()),
    };
    r.u16()?; // super class: already a class constant
    let interfaces = r.u16()? as usize;
    r.take(interfaces * 2)?;
    for _members in 0..2 {
        let n = r.u16()?;
        for _ in 0..n {
            r.u16()?;
            r.u16()?;
            let descriptor = r.u16()?;
            super::refs::descriptor_classes(&utf8(descriptor)?, &mut refs);
            let attributes = r.u16()?;
            for _ in 0..attributes {
                r.u16()?;
                let len = r.u32()? as usize;
                r.take(len)?;
            }
        }
    }
    refs.remove(&name);
    Ok(Scanned { name, refs })
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
