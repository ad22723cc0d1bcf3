//! Injections the module takes from the base, carried out in its Java sources. In a Koupleless module
//! the base's beans are not in the module's Spring context, so a field injected with `@Autowired`,
//! `@Inject` or `@Resource` (and its `@Qualifier`/`@Named`) whose bean stays in the base becomes
//! `@AutowiredFromBase` (koupleless-common): by name when the source named the bean, else by type, as
//! before. `@AutowiredFromBase` takes fields only, so constructor, setter and `@Bean` method parameters
//! are left and listed with the reason.
//!
//! Text in, text out: a small Java lexer skips comments and literals, the class is found by its
//! (nested) name and the field among its direct members; only the annotations of that declaration, one
//! import and imports left unused are touched, so the rest of the file keeps its bytes. The lexer is
//! hand-written because the Java parsers at hand (tree-sitter-java: C) do not build for the component,
//! and the rewrite needs tokens only, not a syntax tree.

use crate::model::{InjectionChange, SourceRewrite};
use crate::{Error, Result};

/// The annotation a field takes its bean from the base with.
pub const AUTOWIRED_FROM_BASE: &str = "com.alipay.sofa.koupleless.common.api.AutowiredFromBase";

/// Injection annotations, by simple name.
const INJECT: &[&str] = &["Autowired", "Inject", "Resource"];
/// Qualifiers by name, by simple name.
const QUALIFY: &[&str] = &["Qualifier", "Named"];
/// The imports of those annotations, removed when nothing uses them any more.
const IMPORTS: &[&str] = &[
    "org.springframework.beans.factory.annotation.Autowired",
    "org.springframework.beans.factory.annotation.Qualifier",
    "javax.inject.Inject",
    "javax.inject.Named",
    "jakarta.inject.Inject",
    "jakarta.inject.Named",
    "javax.annotation.Resource",
    "jakarta.annotation.Resource",
];

/// A replacement of the bytes `start..end` of the source.
type Edit = (usize, usize, String);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Ident,
    Punct,
    Literal,
}

#[derive(Debug, Clone, Copy)]
struct Token {
    kind: Kind,
    start: usize,
    end: usize,
}

/// Rewrites the field injections of `injections` (those of classes declared in `source`) to
/// `@AutowiredFromBase`. Injections it cannot carry out are listed in `left` with the reason.
pub fn rewrite_injections(source: &str, injections: &[InjectionChange]) -> Result<SourceRewrite> {
    let tokens = lex(source)?;
    let java = Java { src: source, tokens: &tokens };
    let mut edits: Vec<Edit> = Vec::new();
    let (mut changed, mut left) = (Vec::new(), Vec::new());
    for inj in injections {
        let class = inj.node.strip_prefix("c:").unwrap_or(&inj.node);
        let simple = class.rsplit('.').next().unwrap_or(class);
        let label = format!("{}.{}", simple.replace('$', "."), inj.member);
        match java.field_edit(class, inj) {
            Ok(Some((mut e, sentence))) => {
                edits.append(&mut e);
                changed.push(format!("{label}: {sentence}"));
            }
            Ok(None) => {}
            Err(why) => left.push(format!("{label}: {why}")),
        }
    }
    if edits.is_empty() {
        return Ok(SourceRewrite { content: source.to_string(), changed, left });
    }
    if let Some(e) = java.import_edit(AUTOWIRED_FROM_BASE) {
        edits.push(e);
    }
    let text = apply(source, edits)?;
    let text = remove_unused_imports(&text)?;
    Ok(SourceRewrite { content: text, changed, left })
}

/// Applies non-overlapping byte-range replacements.
fn apply(source: &str, mut edits: Vec<Edit>) -> Result<String> {
    edits.sort_by_key(|e| (e.0, e.1));
    let mut out = String::with_capacity(source.len() + 64);
    let mut at = 0;
    for (start, end, text) in edits {
        if start < at {
            return Err(Error::Internal(format!("overlapping source edits at byte {start}")));
        }
        out.push_str(&source[at..start]);
        out.push_str(&text);
        at = end;
    }
    out.push_str(&source[at..]);
    Ok(out)
}

struct Java<'a> {
    src: &'a str,
    tokens: &'a [Token],
}

/// An annotation on a declaration: simple name, byte span, token span of its arguments.
struct Annotation {
    simple: String,
    start: usize,
    end: usize,
    args: Option<(usize, usize)>,
}

impl Java<'_> {
    fn text(&self, i: usize) -> &str {
        self.tokens.get(i).map(|t| &self.src[t.start..t.end]).unwrap_or("")
    }

    fn is_ident(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == Kind::Ident)
    }

    /// The token index of the bracket closing the one at `open`.
    fn closing(&self, open: usize) -> Option<usize> {
        let (o, c) = match self.text(open) {
            "{" => ("{", "}"),
            "(" => ("(", ")"),
            _ => return None,
        };
        let mut depth = 0usize;
        for i in open..self.tokens.len() {
            let t = self.text(i);
            if t == o {
                depth += 1;
            } else if t == c {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
        }
        None
    }

    /// The token indexes of the braces of the body of class `binary` (`a.b.Outer$Inner`).
    fn class_body(&self, binary: &str) -> Option<(usize, usize)> {
        let simple = binary.rsplit('.').next().unwrap_or(binary);
        let (mut from, mut to) = (0, self.tokens.len());
        let mut found = None;
        for name in simple.split('$') {
            found = None;
            let mut depth = 0i32;
            for k in from..to {
                match self.text(k) {
                    "{" => depth += 1,
                    "}" => depth -= 1,
                    "class" | "interface" | "enum" | "record" if depth == 0 && self.text(k.wrapping_sub(1)) != "." && self.text(k + 1) == name && self.is_ident(k + 1) => {
                        let open = (k + 2..to).find(|&j| self.text(j) == "{")?;
                        found = Some((open, self.closing(open)?));
                        break;
                    }
                    _ => {}
                }
            }
            let (open, close) = found?;
            (from, to) = (open + 1, close);
        }
        found
    }

    /// The edits that make field `inj.member` of class `binary` take its bean from the base, with a
    /// sentence saying what changed; `None` when it already does; `Err` with the reason it is left.
    fn field_edit(&self, binary: &str, inj: &InjectionChange) -> std::result::Result<Option<(Vec<Edit>, String)>, String> {
        if inj.member.contains('(') {
            return Err("a constructor, setter or @Bean method parameter; @AutowiredFromBase takes fields only: take this bean from the base by hand (an @AutowiredFromBase field, or SpringBeanFinder.getBaseBean)".into());
        }
        let Some((open, close)) = self.class_body(binary) else {
            return Err(format!("class {} is not declared in this file", binary.replace('$', ".")));
        };
        let member = self.find_field(open, close, &inj.member)?;
        // Back to the start of the declaration: the previous `;`, `{` or `}` outside parentheses.
        let mut paren = 0i32;
        let mut start = open + 1;
        for j in (open + 1..member).rev() {
            match self.text(j) {
                ")" => paren += 1,
                "(" => paren -= 1,
                ";" | "{" | "}" if paren == 0 => {
                    start = j + 1;
                    break;
                }
                _ => {}
            }
        }
        let annotations = self.annotations(start, member);
        if annotations.iter().any(|a| a.simple == "AutowiredFromBase") {
            return Ok(None);
        }
        let inject: Vec<&Annotation> = annotations.iter().filter(|a| INJECT.contains(&a.simple.as_str())).collect();
        let qualify: Vec<&Annotation> = annotations.iter().filter(|a| QUALIFY.contains(&a.simple.as_str())).collect();
        if inject.is_empty() {
            return Err("no @Autowired, @Inject or @Resource on the field".into());
        }
        let by_name = !qualify.is_empty() || inject.iter().any(|a| a.simple == "Resource");
        let mut args = Vec::new();
        if by_name {
            let name = if inj.bean.is_empty() { qualify.iter().chain(&inject).find_map(|a| self.string_arg(a)) } else { Some(inj.bean.clone()) };
            let Some(name) = name else {
                return Err("the bean's name is not known; write @AutowiredFromBase(name = \"...\") by hand".into());
            };
            args.push(format!("name = {}", java_string(&name)));
        }
        if inject.iter().any(|a| a.simple == "Autowired" && self.required_false(a)) {
            args.push("required = false".into());
        }
        let new = if args.is_empty() { "@AutowiredFromBase".to_string() } else { format!("@AutowiredFromBase({})", args.join(", ")) };
        let mut removed: Vec<&Annotation> = inject.into_iter().chain(qualify).collect();
        removed.sort_by_key(|a| a.start);
        let old: Vec<String> = removed.iter().map(|a| self.src[a.start..a.end].split_whitespace().collect::<Vec<_>>().join(" ")).collect();
        let mut edits = vec![(removed[0].start, removed[0].end, new.clone())];
        for a in &removed[1..] {
            let (s, e) = self.whole_line(a.start, a.end);
            edits.push((s, e, String::new()));
        }
        Ok(Some((edits, format!("{} → {new}", old.join(" ")))))
    }

    /// The token index of field `member` among the direct members of the body `open..close`.
    fn find_field(&self, open: usize, close: usize, member: &str) -> std::result::Result<usize, String> {
        let (mut depth, mut paren) = (0i32, 0i32);
        for k in open + 1..close {
            match self.text(k) {
                "{" => depth += 1,
                "}" => depth -= 1,
                "(" => paren += 1,
                ")" => paren -= 1,
                t if depth == 0 && paren == 0 && t == member && self.is_ident(k) => {
                    let (prev, next) = (self.text(k - 1), self.text(k + 1));
                    if !matches!(next, "=" | ";" | ",") {
                        continue;
                    }
                    if prev == "," {
                        return Err("declared together with other fields in one statement; split the declaration, then apply again".into());
                    }
                    if !(self.is_ident(k - 1) || prev == ">" || prev == "]") || self.text(k.wrapping_sub(2)) == "." {
                        continue;
                    }
                    // Another declarator after this one (`A a = x, b;`) shares the annotations.
                    let mut d = 0i32;
                    for j in k + 1..close {
                        match self.text(j) {
                            "(" | "{" | "[" => d += 1,
                            ")" | "}" | "]" => d -= 1,
                            ";" if d == 0 => break,
                            "," if d == 0 => return Err("declared together with other fields in one statement; split the declaration, then apply again".into()),
                            _ => {}
                        }
                    }
                    return Ok(k);
                }
                _ => {}
            }
        }
        Err("no field of that name among the class's members".into())
    }

    /// The annotations among tokens `from..to`.
    fn annotations(&self, from: usize, to: usize) -> Vec<Annotation> {
        let mut out = Vec::new();
        let mut j = from;
        while j < to {
            if self.text(j) == "@" && self.is_ident(j + 1) && self.text(j + 1) != "interface" {
                let mut n = j + 1;
                while self.text(n + 1) == "." && self.is_ident(n + 2) {
                    n += 2;
                }
                let simple = self.text(n).to_string();
                let mut end = n;
                let mut args = None;
                if self.text(n + 1) == "(" {
                    if let Some(c) = self.closing(n + 1) {
                        args = Some((n + 2, c));
                        end = c;
                    }
                }
                out.push(Annotation { simple, start: self.tokens[j].start, end: self.tokens[end].end, args });
                j = end + 1;
            } else {
                j += 1;
            }
        }
        out
    }

    /// The first string literal among an annotation's arguments, unquoted.
    fn string_arg(&self, a: &Annotation) -> Option<String> {
        let (from, to) = a.args?;
        (from..to).map(|i| self.text(i)).find(|t| t.starts_with('"') && !t.starts_with("\"\"\"")).map(|t| t[1..t.len() - 1].to_string())
    }

    /// `@Autowired(required = false)`.
    fn required_false(&self, a: &Annotation) -> bool {
        a.args.is_some_and(|(from, to)| (from..to).any(|i| self.text(i) == "required" && self.text(i + 1) == "=" && self.text(i + 2) == "false"))
    }

    /// The byte span `start..end` widened to its whole line when nothing else is on it, else to the
    /// blanks after it.
    fn whole_line(&self, start: usize, end: usize) -> (usize, usize) {
        let b = self.src.as_bytes();
        let line_start = self.src[..start].rfind('\n').map(|i| i + 1).unwrap_or(0);
        let mut e = end;
        while e < b.len() && (b[e] == b' ' || b[e] == b'\t') {
            e += 1;
        }
        let alone = self.src[line_start..start].trim().is_empty() && (e == b.len() || b[e] == b'\n' || b[e] == b'\r');
        if alone {
            if self.src[e..].starts_with("\r\n") {
                e += 2;
            } else if e < b.len() {
                e += 1;
            }
            (line_start, e)
        } else {
            (start, e)
        }
    }

    /// The import statements: (qualified name, `static` ones prefixed `static `, byte span from
    /// `import` to `;`).
    fn imports(&self) -> Vec<(String, usize, usize)> {
        let mut out = Vec::new();
        let mut depth = 0;
        let mut k = 0;
        while k < self.tokens.len() {
            match self.text(k) {
                "{" => depth += 1,
                "}" => depth -= 1,
                "import" if depth == 0 => {
                    let is_static = self.text(k + 1) == "static";
                    let mut name = String::from(if is_static { "static " } else { "" });
                    let mut j = if is_static { k + 2 } else { k + 1 };
                    while j < self.tokens.len() && self.text(j) != ";" {
                        name.push_str(self.text(j));
                        j += 1;
                    }
                    if j < self.tokens.len() {
                        out.push((name, self.tokens[k].start, self.tokens[j].end));
                    }
                    k = j;
                }
                _ => {}
            }
            k += 1;
        }
        out
    }

    /// The edit that imports `qualified`, in name order among the single-type imports; `None` when
    /// the file already imports it (or its package with `*`).
    fn import_edit(&self, qualified: &str) -> Option<Edit> {
        let imports = self.imports();
        let package = &qualified[..qualified.rfind('.').unwrap_or(0)];
        if imports.iter().any(|(n, _, _)| n == qualified || *n == format!("{package}.*")) {
            return None;
        }
        let line = format!("import {qualified};");
        let plain: Vec<&(String, usize, usize)> = imports.iter().filter(|(n, _, _)| !n.starts_with("static ")).collect();
        if let Some((_, start, _)) = plain.iter().find(|(n, _, _)| n.as_str() > qualified) {
            let line_start = self.src[..*start].rfind('\n').map(|i| i + 1).unwrap_or(0);
            return Some((line_start, line_start, format!("{line}\n")));
        }
        if let Some((_, _, end)) = plain.last().copied().or(imports.last()) {
            return Some((*end, *end, format!("\n{line}")));
        }
        // No imports: after the package statement, else at the top.
        match (0..self.tokens.len()).find(|&k| self.text(k) == "package").and_then(|k| (k..self.tokens.len()).find(|&j| self.text(j) == ";")) {
            Some(semi) => Some((self.tokens[semi].end, self.tokens[semi].end, format!("\n\n{line}"))),
            None => Some((0, 0, format!("{line}\n\n"))),
        }
    }
}

/// Removes the imports of injection annotations that nothing in the file names any more.
fn remove_unused_imports(source: &str) -> Result<String> {
    let tokens = lex(source)?;
    let java = Java { src: source, tokens: &tokens };
    let imports = java.imports();
    let mut in_import = vec![false; tokens.len()];
    for (_, start, end) in &imports {
        for (i, t) in tokens.iter().enumerate() {
            if t.start >= *start && t.end <= *end {
                in_import[i] = true;
            }
        }
    }
    let mut edits = Vec::new();
    for (name, start, end) in &imports {
        if !IMPORTS.contains(&name.as_str()) {
            continue;
        }
        let simple = name.rsplit('.').next().unwrap_or(name);
        let used = tokens.iter().enumerate().any(|(i, t)| !in_import[i] && t.kind == Kind::Ident && &source[t.start..t.end] == simple);
        if !used {
            let (s, e) = java.whole_line(*start, *end);
            edits.push((s, e, String::new()));
        }
    }
    apply(source, edits)
}

/// A Java string literal for `s`.
pub(crate) fn java_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Splits Java source into identifiers (and numbers), punctuation and literals; comments and blanks
/// are dropped. An unterminated comment or literal is an error naming its line.
fn lex(src: &str) -> Result<Vec<Token>> {
    let b = src.as_bytes();
    let line = |at: usize| src[..at].matches('\n').count() + 1;
    let unterminated = |what: &str, at: usize| Error::field("source", format!("unterminated {what} at line {}", line(at)));
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
        } else if src[i..].starts_with("//") {
            i = src[i..].find('\n').map(|n| i + n + 1).unwrap_or(b.len());
        } else if src[i..].starts_with("/*") {
            i = src[i + 2..].find("*/").map(|n| i + 2 + n + 2).ok_or_else(|| unterminated("comment", i))?;
        } else if src[i..].starts_with("\"\"\"") {
            let mut j = i + 3;
            loop {
                if j >= b.len() {
                    return Err(unterminated("text block", i));
                }
                if b[j] == b'\\' {
                    j += 2;
                } else if b[j..].starts_with(b"\"\"\"") {
                    j += 3;
                    break;
                } else {
                    j += 1;
                }
            }
            out.push(Token { kind: Kind::Literal, start: i, end: j });
            i = j;
        } else if c == b'"' || c == b'\'' {
            let mut j = i + 1;
            loop {
                match b.get(j) {
                    None | Some(b'\n') => return Err(unterminated(if c == b'"' { "string" } else { "character literal" }, i)),
                    Some(b'\\') => j += 2,
                    Some(&x) if x == c => break,
                    Some(_) => j += 1,
                }
            }
            out.push(Token { kind: Kind::Literal, start: i, end: j + 1 });
            i = j + 1;
        } else {
            let ch = src[i..].chars().next().unwrap_or(' ');
            if ch.is_alphanumeric() || ch == '_' || ch == '$' {
                let len: usize = src[i..].chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$').map(char::len_utf8).sum();
                out.push(Token { kind: if ch.is_ascii_digit() { Kind::Literal } else { Kind::Ident }, start: i, end: i + len });
                i += len;
            } else {
                out.push(Token { kind: Kind::Punct, start: i, end: i + ch.len_utf8() });
                i += ch.len_utf8();
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inj(node: &str, member: &str, bean: &str) -> InjectionChange {
        InjectionChange { node: node.into(), member: member.into(), bean: bean.into(), provider: "c:com.acme.Base".into(), change: String::new() }
    }

    const ORDER_SERVICE: &str = r#"package com.acme.orders;

import com.acme.common.IdGenerator;
import com.acme.payments.PaymentService;
import com.acme.users.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

@Service
public class OrderService {
    @Autowired
    private UserService userService;

    @Autowired
    @Qualifier("paymentService")
    private PaymentService payments;

    @Autowired
    private OrderMapper orderMapper;

    // @Autowired private UserService userService; (a comment: left alone)
    private final String note = "@Autowired private UserService userService;";

    public long place() {
        return userService == null ? 0 : 1;
    }
}
"#;

    #[test]
    fn fields_become_autowired_from_base_by_type_or_by_name() {
        let r = rewrite_injections(ORDER_SERVICE, &[inj("c:com.acme.orders.OrderService", "userService", "userServiceImpl"), inj("c:com.acme.orders.OrderService", "payments", "paymentService")]).unwrap();
        let expected = ORDER_SERVICE
            .replace("    @Autowired\n    private UserService", "    @AutowiredFromBase\n    private UserService")
            .replace("    @Autowired\n    @Qualifier(\"paymentService\")\n", "    @AutowiredFromBase(name = \"paymentService\")\n")
            .replace("import org.springframework.beans.factory.annotation.Autowired;", "import com.alipay.sofa.koupleless.common.api.AutowiredFromBase;\nimport org.springframework.beans.factory.annotation.Autowired;")
            .replace("import org.springframework.beans.factory.annotation.Qualifier;\n", "");
        assert_eq!(r.content, expected);
        assert_eq!(r.changed, ["OrderService.userService: @Autowired → @AutowiredFromBase", "OrderService.payments: @Autowired @Qualifier(\"paymentService\") → @AutowiredFromBase(name = \"paymentService\")"]);
        assert_eq!(r.left, Vec::<String>::new());
        // The module's own bean keeps @Autowired, so its import stays; Qualifier's went with its last use.
        assert!(r.content.contains("    @Autowired\n    private OrderMapper orderMapper;"));
        // Applying again changes nothing.
        let again = rewrite_injections(&r.content, &[inj("c:com.acme.orders.OrderService", "userService", "userServiceImpl")]).unwrap();
        assert_eq!((again.content.as_str(), again.changed.len(), again.left.len()), (r.content.as_str(), 0, 0));
    }

    #[test]
    fn resource_inject_inline_annotations_and_required_false() {
        let src = "package p;\n\nimport javax.annotation.Resource;\nimport javax.inject.Inject;\nimport javax.inject.Named;\n\nclass A {\n    @Resource(name = \"stripe\") private Gateway gateway;\n    @Inject @Named(\"fast\") Clock clock;\n    @org.springframework.beans.factory.annotation.Autowired(required = false) transient java.util.Map<String, Long> cache = new java.util.HashMap<>();\n}\n";
        let r = rewrite_injections(src, &[inj("c:p.A", "gateway", "stripe"), inj("c:p.A", "clock", "fast"), inj("c:p.A", "cache", "")]).unwrap();
        assert_eq!(
            r.content,
            "package p;\n\nimport com.alipay.sofa.koupleless.common.api.AutowiredFromBase;\n\nclass A {\n    @AutowiredFromBase(name = \"stripe\") private Gateway gateway;\n    @AutowiredFromBase(name = \"fast\") Clock clock;\n    @AutowiredFromBase(required = false) transient java.util.Map<String, Long> cache = new java.util.HashMap<>();\n}\n"
        );
        assert_eq!(r.changed[1], "A.clock: @Inject @Named(\"fast\") → @AutowiredFromBase(name = \"fast\")");
    }

    #[test]
    fn static_imports_stay_after_the_plain_ones() {
        let src = "package p;\n\nimport aaa.Y;\nimport static org.x.Z.a;\n\nclass A {\n    @javax.inject.Inject Y y;\n}\n";
        let r = rewrite_injections(src, &[inj("c:p.A", "y", "")]).unwrap();
        assert_eq!(r.content, "package p;\n\nimport aaa.Y;\nimport com.alipay.sofa.koupleless.common.api.AutowiredFromBase;\nimport static org.x.Z.a;\n\nclass A {\n    @AutowiredFromBase Y y;\n}\n");
    }

    #[test]
    fn nested_classes_and_same_names_elsewhere() {
        let src = "package p;\nimport org.springframework.beans.factory.annotation.Autowired;\npublic class Outer {\n    @Autowired Service service;\n    void m() { Service service = null; }\n    static class Inner {\n        @Autowired\n        Service service;\n    }\n}\n";
        let r = rewrite_injections(src, &[inj("c:p.Outer$Inner", "service", "")]).unwrap();
        assert_eq!(r.changed, ["Outer.Inner.service: @Autowired → @AutowiredFromBase"]);
        assert!(r.content.contains("    @Autowired Service service;\n"), "the outer field is not the inner one:\n{}", r.content);
        assert!(r.content.contains("        @AutowiredFromBase\n        Service service;\n"), "{}", r.content);
        assert!(r.content.contains("import com.alipay.sofa.koupleless.common.api.AutowiredFromBase;\nimport org.springframework"), "{}", r.content);
    }

    #[test]
    fn what_cannot_be_changed_is_left_with_the_reason() {
        let src = "package p;\nclass A {\n    @Autowired B b1, b2;\n    B plain;\n    A(B b) {}\n}\n";
        let r = rewrite_injections(src, &[inj("c:p.A", "b2", ""), inj("c:p.A", "<init>(0)", ""), inj("c:p.A", "plain", ""), inj("c:p.A", "missing", ""), inj("c:p.Other", "x", "")]).unwrap();
        assert_eq!(r.content, src);
        assert_eq!(r.changed, Vec::<String>::new());
        assert_eq!(r.left.len(), 5);
        assert!(r.left[0].starts_with("A.b2: declared together with other fields"), "{:?}", r.left);
        assert!(r.left[1].starts_with("A.<init>(0): a constructor, setter or @Bean method parameter"));
        assert_eq!(r.left[2], "A.plain: no @Autowired, @Inject or @Resource on the field");
        assert_eq!(r.left[3], "A.missing: no field of that name among the class's members");
        assert_eq!(r.left[4], "Other.x: class p.Other is not declared in this file");
    }

    #[test]
    fn a_file_without_imports_or_package_and_bad_text() {
        let r = rewrite_injections("class A {\n  @Autowired X x;\n}\n", &[inj("c:A", "x", "")]).unwrap();
        assert_eq!(r.content, "import com.alipay.sofa.koupleless.common.api.AutowiredFromBase;\n\nclass A {\n  @AutowiredFromBase X x;\n}\n");
        let r = rewrite_injections("package q;\nclass A {\n  @Autowired X x;\n}\n", &[inj("c:q.A", "x", "")]).unwrap();
        assert_eq!(r.content, "package q;\n\nimport com.alipay.sofa.koupleless.common.api.AutowiredFromBase;\nclass A {\n  @AutowiredFromBase X x;\n}\n");
        let e = rewrite_injections("class A {\n /* never closed\n}", &[inj("c:A", "x", "")]).unwrap_err();
        assert_eq!(e.to_string(), "invalid `source`: unterminated comment at line 2");
        let e = rewrite_injections("class A { String s = \"open\n; }", &[]).unwrap_err();
        assert_eq!(e.to_string(), "invalid `source`: unterminated string at line 1");
    }

    #[test]
    fn any_prefix_or_damage_gives_an_answer_or_an_error_never_a_panic() {
        let wanted = [inj("c:com.acme.orders.OrderService", "userService", "u"), inj("c:com.acme.orders.OrderService", "payments", "p")];
        let text = format!("{ORDER_SERVICE}{}", r#"/** """ é \u00e9 */ class B { String t = """
  é \""" """; char c = '\''; }
"#);
        for (i, _) in text.char_indices() {
            let _ = rewrite_injections(&text[..i], &wanted);
            let damaged: String = text[..i].chars().chain("\"@{(".chars()).chain(text[i..].chars()).collect();
            let _ = rewrite_injections(&damaged, &wanted);
        }
        let full = rewrite_injections(&text, &wanted).unwrap();
        assert_eq!(full.changed.len(), 2);
    }
}
