//! Just enough XML for Spring bean files and MyBatis mapper files: start tags with their attributes,
//! end tags and their nesting depth. Comments, processing instructions, DOCTYPE and CDATA are
//! skipped. Written by hand because the split reads only element names and attribute values, and a
//! full XML crate would be the core's largest dependency for a 100-line need; entity references
//! other than the five predefined ones are kept as written.

/// One start tag (`<bean id="a" class="x.Y">`), with the depth it opens at (the root is 0).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    /// The local name (`bean` for `<beans:bean>`).
    pub name: String,
    pub attributes: Vec<(String, String)>,
    pub depth: usize,
}

impl Tag {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attributes.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// Every start tag in document order; `Err` names the first malformed spot.
pub fn tags(text: &str) -> Result<Vec<Tag>, String> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(off) = text[i..].find('<') {
        i += off;
        let rest = &text[i..];
        if rest.starts_with("<!--") {
            i += rest.find("-->").ok_or("unterminated comment")? + 3;
        } else if rest.starts_with("<![CDATA[") {
            i += rest.find("]]>").ok_or("unterminated CDATA section")? + 3;
        } else if rest.starts_with("<?") {
            i += rest.find("?>").ok_or("unterminated processing instruction")? + 2;
        } else if rest.starts_with("<!") {
            i += skip_declaration(rest).ok_or("unterminated declaration")?;
        } else if rest.starts_with("</") {
            i += rest.find('>').ok_or("unterminated end tag")? + 1;
            depth = depth.checked_sub(1).ok_or_else(|| format!("unexpected end tag at byte {i}"))?;
        } else {
            let (tag, len, empty) = start_tag(rest).ok_or_else(|| format!("malformed tag at byte {i}"))?;
            out.push(Tag { depth, ..tag });
            if !empty {
                depth += 1;
            }
            i += len;
        }
        if i > b.len() {
            break;
        }
    }
    if depth != 0 {
        return Err("unclosed element at the end of the document".into());
    }
    Ok(out)
}

/// A `<!DOCTYPE ...>` may hold an internal subset in `[...]`.
fn skip_declaration(rest: &str) -> Option<usize> {
    let mut bracket = 0i32;
    for (i, c) in rest.char_indices() {
        match c {
            '[' => bracket += 1,
            ']' => bracket -= 1,
            '>' if bracket <= 0 => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// Parses `<name a="v" ...>` or `.../>`; returns the tag, its length and whether it is empty.
fn start_tag(rest: &str) -> Option<(Tag, usize, bool)> {
    let b = rest.as_bytes();
    let mut i = 1;
    let name_end = i + rest[i..].find(|c: char| c.is_whitespace() || c == '>' || c == '/')?;
    let qname = &rest[i..name_end];
    if qname.is_empty() {
        return None;
    }
    let name = qname.rsplit(':').next().unwrap_or(qname).to_string();
    i = name_end;
    let mut attributes = Vec::new();
    loop {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        match b.get(i)? {
            b'>' => return Some((Tag { name, attributes, depth: 0 }, i + 1, false)),
            b'/' if b.get(i + 1) == Some(&b'>') => return Some((Tag { name, attributes, depth: 0 }, i + 2, true)),
            _ => {}
        }
        let eq = i + rest[i..].find('=')?;
        let attr = rest[i..eq].trim().to_string();
        i = eq + 1;
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let quote = *b.get(i)?;
        if quote != b'"' && quote != b'\'' {
            return None;
        }
        let end = i + 1 + rest[i + 1..].find(quote as char)?;
        attributes.push((attr, unescape(&rest[i + 1..end])));
        i = end + 1;
    }
}

fn unescape(v: &str) -> String {
    if !v.contains('&') {
        return v.to_string();
    }
    v.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_start_tags_with_depth() {
        let text = r#"<?xml version="1.0"?>
<!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "x.dtd">
<!-- a comment with <bean> inside -->
<beans xmlns:p="x"><bean id="a" class='com.A'><property name="b" ref="b"/></bean>
<beans:bean id="b" class="com.B&amp;C"></beans:bean><![CDATA[ <bean> ]]></beans>"#;
        let t = tags(text).unwrap();
        let names: Vec<_> = t.iter().map(|t| (t.name.as_str(), t.depth)).collect();
        assert_eq!(names, [("beans", 0), ("bean", 1), ("property", 2), ("bean", 1)]);
        assert_eq!(t[2].attr("ref"), Some("b"));
        assert_eq!(t[3].attr("class"), Some("com.B&C"));
        assert!(tags("<a><b></a>").is_err());
        assert!(tags("<a x=1>").is_err());
    }
}
