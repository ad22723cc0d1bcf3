//! Per-class references: every class a class file names (constant pool, member descriptors, its
//! supertypes, its fields' and methods' types, generic signatures, thrown exceptions, annotations on
//! the class, its members and parameters, class literals in annotation values), as internal names,
//! plus the classes whose methods it names (the `call` edges of the split graph). This is the layer
//! slimming checks, plugin import/export checks and the split graph are built on.

use std::borrow::Cow;
use std::collections::BTreeSet;


/// One class and the classes it refers to (without itself), as internal names (`a/b/C`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassRefs {
    pub name: String,
    pub refs: BTreeSet<String>,
    /// The classes one of whose methods it names (a method or interface-method constant: every
    /// `invoke*` instruction and method handle goes through one), without itself. A subset of `refs`.
    pub calls: BTreeSet<String>,
    /// It names a method called `registerBean` or `registerBeanDefinition` (programmatic beans).
    pub registers_beans: bool,
}

/// Reads one class's references (see [`super::reader`]).
pub fn refs(bytes: &[u8]) -> Result<ClassRefs, String> {
    super::reader::refs(bytes)
}

/// The object types of a field or method descriptor or a generic signature: every `L<name>;`.
/// Skipping to the `;` after each `L` means letters inside class names are never mistaken for type
/// tags. In a signature a type's arguments (`<...>`) and inner parts (`.Inner`) end the outer name;
/// type variables (`TK;`) are skipped whole, and the arguments are read as types of their own.
pub fn descriptor_classes(descriptor: &str, out: &mut BTreeSet<String>) {
    descriptor_spans(descriptor, |name| {
        if !out.contains(name) {
            out.insert(name.to_string());
        }
    });
}

/// [`descriptor_classes`] into a list of slices of the descriptor (sorted and made unique later).
pub fn descriptor_classes_into<'a>(descriptor: Cow<'a, str>, out: &mut Vec<Cow<'a, str>>) {
    match descriptor {
        Cow::Borrowed(d) => descriptor_spans(d, |name| out.push(Cow::Borrowed(name))),
        Cow::Owned(d) => descriptor_spans(&d, |name| out.push(Cow::Owned(name.to_string()))),
    }
}

fn descriptor_spans<'a>(descriptor: &'a str, mut found: impl FnMut(&'a str)) {
    let bytes = descriptor.as_bytes();
    // Only generic signatures with formal type parameters (`<K:Ljava/lang/Object;>`) hold a `:`;
    // there an identifier is a run ending at `:`, and it is skipped whatever letter it starts with.
    let formal = bytes.contains(&b':');
    let mut i = 0;
    while i < bytes.len() {
        if formal && (bytes[i].is_ascii_alphabetic() || bytes[i] == b'_' || bytes[i] == b'$') {
            let run = bytes[i..].iter().position(|b| matches!(b, b':' | b';' | b'<' | b'>'));
            if let Some(r) = run.filter(|&r| bytes[i + r] == b':') {
                i += r + 1;
                continue;
            }
        }
        match bytes[i] {
            b'L' => {
                let start = i + 1;
                let mut end = start;
                while end < bytes.len() && !matches!(bytes[end], b';' | b'<' | b'.') {
                    end += 1;
                }
                if end >= bytes.len() {
                    return;
                }
                if end > start {
                    found(&descriptor[start..end]);
                }
                // An inner part of a generic type (`Lx/Outer<TT;>.Inner;`) is not a class name by itself.
                if bytes[end] == b'.' {
                    while end < bytes.len() && !matches!(bytes[end], b';' | b'<') {
                        end += 1;
                    }
                }
                i = end + 1;
            }
            b'T' => {
                // A type variable: `T<name>;`.
                match descriptor[i..].find(';') {
                    Some(e) => i += e + 1,
                    None => return,
                }
            }
            _ => i += 1,
        }
    }
}

/// The dotted package of an internal class name (`a/b/C` → `a.b`; the default package is "").
pub fn package_of(internal: &str) -> String {
    internal.rsplit_once('/').map(|(p, _)| p.replace('/', ".")).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptors_yield_their_object_types() {
        let mut out = BTreeSet::new();
        descriptor_classes("(ILjava/lang/String;[Lcom/Lx/Y;J)Lorg/L;", &mut out);
        assert_eq!(out.into_iter().collect::<Vec<_>>(), ["com/Lx/Y", "java/lang/String", "org/L"]);
        assert_eq!(package_of("a/b/C"), "a.b");
        let mut generic = BTreeSet::new();
        descriptor_classes("<T:Ljava/lang/Object;>Lorg/Base<TT;>;Lorg/I<Ljava/util/List<Lcom/Item;>;>;", &mut generic);
        assert_eq!(generic.into_iter().collect::<Vec<_>>(), ["com/Item", "java/lang/Object", "java/util/List", "org/Base", "org/I"]);
        assert_eq!(package_of("C"), "");
    }
}
