//! `META-INF/MANIFEST.MF`: parsing the module jar's own manifest and writing ours the way JDK 11+'s
//! `java.util.jar.Manifest` does (CRLF, lines of at most 72 bytes with `' '` continuations, the main
//! section first and ended by an empty line), so `JarFile` and SOFAArk read back exactly what we put.

use crate::{Error, Result};

/// A manifest: the main section's attributes in order, then any per-entry sections.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Manifest {
    main: Vec<(String, String)>,
    sections: Vec<Vec<(String, String)>>,
}

impl Default for Manifest {
    fn default() -> Self {
        Manifest { main: vec![("Manifest-Version".into(), "1.0".into())], sections: Vec::new() }
    }
}

impl Manifest {
    /// Parses manifest bytes; `input` names the jar in errors. Accepts CRLF, LF or CR line ends.
    pub fn parse(input: &str, bytes: &[u8]) -> Result<Manifest> {
        let text = std::str::from_utf8(bytes)
            .map_err(|_| Error::entry(input, "META-INF/MANIFEST.MF", "is not valid UTF-8"))?;
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let mut sections: Vec<Vec<(String, String)>> = vec![Vec::new()];
        let mut last: Option<(usize, usize)> = None;
        for line in text.split('\n') {
            if line.is_empty() {
                if !sections.last().is_some_and(Vec::is_empty) {
                    sections.push(Vec::new());
                }
                last = None;
            } else if let Some(rest) = line.strip_prefix(' ') {
                let (s, a) = last.ok_or_else(|| {
                    Error::entry(input, "META-INF/MANIFEST.MF", "has a continuation line that continues nothing")
                })?;
                sections[s][a].1.push_str(rest);
            } else {
                let (name, value) = line.split_once(": ").or_else(|| line.strip_suffix(':').map(|n| (n, ""))).ok_or_else(|| {
                    Error::entry(input, "META-INF/MANIFEST.MF", format!("has a line without `Name: value`: {line:?}"))
                })?;
                check_name(input, name)?;
                let s = sections.len() - 1;
                sections[s].push((name.to_string(), value.to_string()));
                last = Some((s, sections[s].len() - 1));
            }
        }
        sections.retain(|s| !s.is_empty());
        let mut manifest = Manifest { main: Vec::new(), sections: Vec::new() };
        let mut iter = sections.into_iter();
        if let Some(main) = iter.next() {
            // A manifest that starts with `Name:` has no main section.
            if main.first().is_some_and(|(n, _)| n.eq_ignore_ascii_case("Name")) {
                manifest.sections.push(main);
            } else {
                manifest.main = main;
            }
        }
        manifest.sections.extend(iter);
        if manifest.get("Manifest-Version").is_none() {
            manifest.main.insert(0, ("Manifest-Version".into(), "1.0".into()));
        }
        Ok(manifest)
    }

    /// The value of a main attribute; names compare case-insensitively, as in `Attributes.Name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.main.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// Sets a main attribute: replaced in place when present, appended otherwise (`Attributes.putValue`).
    pub fn put(&mut self, name: &str, value: impl Into<String>) {
        let value = value.into();
        match self.main.iter_mut().find(|(n, _)| n.eq_ignore_ascii_case(name)) {
            Some(slot) => slot.1 = value,
            None => self.main.push((name.to_string(), value)),
        }
    }

    /// The main attributes in write order.
    pub fn attributes(&self) -> impl Iterator<Item = (&str, &str)> {
        let version = self.main.iter().filter(|(n, _)| n.eq_ignore_ascii_case("Manifest-Version"));
        let rest = self.main.iter().filter(|(n, _)| !n.eq_ignore_ascii_case("Manifest-Version"));
        version.chain(rest).map(|(n, v)| (n.as_str(), v.as_str()))
    }

    /// The bytes as JDK 11+ writes them.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        for (name, value) in self.attributes() {
            write_line(&mut out, name, value);
        }
        out.extend_from_slice(b"\r\n");
        for section in &self.sections {
            for (name, value) in section {
                write_line(&mut out, name, value);
            }
            out.extend_from_slice(b"\r\n");
        }
        out
    }
}

/// Writes `name: value` split into 72-byte lines (the first holds 72 bytes, each continuation a
/// space and 71), splitting on bytes as `Manifest.println72` does.
fn write_line(out: &mut Vec<u8>, name: &str, value: &str) {
    let line = format!("{name}: {value}");
    let bytes = line.as_bytes();
    let mut pos = bytes.len().min(72);
    out.extend_from_slice(&bytes[..pos]);
    while pos < bytes.len() {
        let end = (pos + 71).min(bytes.len());
        out.extend_from_slice(b"\r\n ");
        out.extend_from_slice(&bytes[pos..end]);
        pos = end;
    }
    out.extend_from_slice(b"\r\n");
}

/// Attribute names are `[A-Za-z0-9_-]{1,70}` (`java.util.jar.Attributes.Name`).
fn check_name(input: &str, name: &str) -> Result<()> {
    let ok = !name.is_empty() && name.len() <= 70 && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if ok {
        Ok(())
    } else {
        Err(Error::entry(input, "META-INF/MANIFEST.MF", format!("has an invalid attribute name {name:?}")))
    }
}

/// Checks a value that will go into the manifest: a line break or NUL would end the attribute early
/// and corrupt the manifest, so it is refused with the request field named.
pub fn check_value(field: &str, value: &str) -> Result<()> {
    if let Some(c) = value.chars().find(|c| matches!(c, '\r' | '\n' | '\0')) {
        return Err(Error::field(field, format!("{value:?} contains {}; manifest values must be on one line", match c {
            '\r' => "a carriage return",
            '\n' => "a line break",
            _ => "a NUL character",
        })));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_values_wrap_at_72_bytes_like_the_jdk() {
        let mut m = Manifest::default();
        let value = "a".repeat(200);
        m.put("declared-libraries", value.clone());
        let text = String::from_utf8(m.to_bytes()).unwrap();
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(lines[0], "Manifest-Version: 1.0");
        assert_eq!(lines[1].len(), 72);
        assert!(lines[2].starts_with(' ') && lines[2].len() == 72);
        assert!(lines.iter().all(|l| l.len() <= 72));
        // Reading back joins the continuations into the same value.
        let back = Manifest::parse("t", text.as_bytes()).unwrap();
        assert_eq!(back.get("declared-libraries"), Some(value.as_str()));
    }

    #[test]
    fn a_line_of_exactly_72_bytes_is_not_continued() {
        let mut m = Manifest { main: Vec::new(), sections: Vec::new() };
        m.put("Manifest-Version", "1.0");
        m.put("X", "b".repeat(69)); // "X: " + 69 = 72 bytes
        assert_eq!(m.to_bytes(), format!("Manifest-Version: 1.0\r\nX: {}\r\n\r\n", "b".repeat(69)).into_bytes());
    }

    #[test]
    fn put_replaces_in_place_and_keeps_order() {
        let mut m = Manifest::parse("t", b"Manifest-Version: 1.0\nMain-Class: a.B\nCreated-By: Maven\n\nName: x\nY: z\n").unwrap();
        m.put("main-class", "c.D");
        m.put("Start-Class", "c.D");
        assert_eq!(
            String::from_utf8(m.to_bytes()).unwrap(),
            "Manifest-Version: 1.0\r\nMain-Class: c.D\r\nCreated-By: Maven\r\nStart-Class: c.D\r\n\r\nName: x\r\nY: z\r\n\r\n"
        );
    }

    #[test]
    fn bad_values_and_names_are_refused() {
        assert_eq!(
            check_value("biz-name", "a\nb").unwrap_err().to_string(),
            "invalid `biz-name`: \"a\\nb\" contains a line break; manifest values must be on one line"
        );
        assert!(Manifest::parse("m.jar", b"Manifest-Version: 1.0\nBad Name: x\n").is_err());
        assert!(Manifest::parse("m.jar", b" continues nothing\n").is_err());
    }
}
