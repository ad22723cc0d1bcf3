//! A structural walk of a class file that checks what cafebabe 0.9.0 assumes without checking.
//!
//! Measured (`reference/wasm-facts.md`): out of 82k mutated class files cafebabe panicked on 117, all
//! through an `EnclosingMethod` attribute whose method index names a NameAndType entry pointing at
//! constants that are not valid (modified) UTF-8: cafebabe keeps those as raw bytes and then panics
//! when it reads them as text. The check decodes them with the same `cesu8` crate cafebabe uses. This walk is written by hand because no parser we can use reports that as an
//! error; it reads only lengths, tags and indexes, never allocates per entry, and rejects anything
//! out of bounds.

use super::reader::Reader;

/// Constant pool tags (JVMS §4.4).
const UTF8: u8 = 1;
const NAME_AND_TYPE: u8 = 12;

/// Checks the class structure; `Err` says what is malformed.
pub fn check(bytes: &[u8]) -> Result<(), String> {
    let mut r = Reader::new(bytes);
    if r.u32()? != 0xCAFE_BABE {
        return Err("not a class file (bad magic number)".into());
    }
    r.skip(4)?; // minor, major
    let count = r.u16()? as usize;
    let mut tags = vec![0u8; count];
    let mut i = 1;
    while i < count {
        let tag = r.u8()?;
        tags[i] = tag;
        match tag {
            UTF8 => {
                let len = r.u16()? as usize;
                r.skip(len)?;
            }
            3 | 4 => r.skip(4)?,
            5 | 6 => {
                r.skip(8)?;
                i += 1; // longs and doubles take two slots
            }
            7 | 8 | 16 | 19 | 20 => r.skip(2)?,
            9 | 10 | 11 | 12 | 17 | 18 => r.skip(4)?,
            15 => r.skip(3)?,
            other => return Err(format!("unknown constant pool tag {other} at index {i}")),
        }
        i += 1;
    }
    // A Utf8 constant cafebabe will decode to text: tagged Utf8 and valid Java modified UTF-8.
    let utf8_at = |index: usize| tags.get(index) == Some(&UTF8) && utf8(bytes, &tags, index).is_some_and(|b| cesu8::from_java_cesu8(b).is_ok());
    r.skip(6)?; // access flags, this, super
    let interfaces = r.u16()? as usize;
    r.skip(2 * interfaces)?;
    for _ in 0..2 {
        // fields, then methods
        let members = r.u16()? as usize;
        for _ in 0..members {
            r.skip(6)?;
            skip_attributes(&mut r)?;
        }
    }
    let attributes = r.u16()? as usize;
    for _ in 0..attributes {
        let name = r.u16()? as usize;
        let len = r.u32()? as usize;
        let start = r.pos;
        if tags.get(name) == Some(&UTF8) && utf8(bytes, &tags, name) == Some(b"EnclosingMethod".as_slice()) {
            if len != 4 {
                return Err("malformed EnclosingMethod attribute (length is not 4)".into());
            }
            r.skip(2)?;
            let method = r.u16()? as usize;
            if method != 0 {
                let ok = tags.get(method) == Some(&NAME_AND_TYPE) && {
                    let (n, d) = name_and_type(bytes, &tags, method).ok_or("truncated constant pool")?;
                    utf8_at(n) && utf8_at(d)
                };
                if !ok {
                    return Err("malformed EnclosingMethod attribute (its method index is not a NameAndType of valid UTF-8 constants)".into());
                }
            }
        }
        r.pos = start;
        r.skip(len)?;
    }
    Ok(())
}

fn skip_attributes(r: &mut Reader<'_>) -> Result<(), String> {
    let count = r.u16()? as usize;
    for _ in 0..count {
        r.skip(2)?;
        let len = r.u32()? as usize;
        r.skip(len)?;
    }
    Ok(())
}

/// Finds the bytes of constant `index` by walking the pool again (only on the rare EnclosingMethod path).
fn entry_offset(bytes: &[u8], tags: &[u8], index: usize) -> Option<usize> {
    let mut pos = 10;
    let mut i = 1;
    while i < index {
        let len = match tags[i] {
            UTF8 => 3 + u16::from_be_bytes([*bytes.get(pos + 1)?, *bytes.get(pos + 2)?]) as usize,
            3 | 4 | 9 | 10 | 11 | 12 | 17 | 18 => 5,
            5 | 6 => {
                i += 1;
                9
            }
            7 | 8 | 16 | 19 | 20 => 3,
            15 => 4,
            _ => return None,
        };
        pos += len;
        i += 1;
    }
    Some(pos)
}

fn utf8<'a>(bytes: &'a [u8], tags: &[u8], index: usize) -> Option<&'a [u8]> {
    let pos = entry_offset(bytes, tags, index)?;
    let len = u16::from_be_bytes([*bytes.get(pos + 1)?, *bytes.get(pos + 2)?]) as usize;
    bytes.get(pos + 3..pos + 3 + len)
}

fn name_and_type(bytes: &[u8], tags: &[u8], index: usize) -> Option<(usize, usize)> {
    let pos = entry_offset(bytes, tags, index)?;
    let b = bytes.get(pos + 1..pos + 5)?;
    Some((u16::from_be_bytes([b[0], b[1]]) as usize, u16::from_be_bytes([b[2], b[3]]) as usize))
}

