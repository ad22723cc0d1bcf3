//! Per-class references: every class a class file names (constant pool, member descriptors, its
//! supertypes, its fields' and methods' types, class-level annotations), as internal names. This is
//! the layer slimming checks, plugin import/export checks and the split graph are built on.

use std::collections::BTreeSet;

use cafebabe::attributes::AttributeData;
use cafebabe::constant_pool::ConstantPoolItem;

/// One class and the classes it refers to (without itself), as internal names (`a/b/C`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassRefs {
    pub name: String,
    pub refs: BTreeSet<String>,
}

pub fn refs(bytes: &[u8]) -> Result<ClassRefs, String> {
    let class = super::parse(bytes)?;
    let mut refs = BTreeSet::new();
    for item in class.constantpool_iter() {
        match item {
            ConstantPoolItem::ClassInfo(name) => class_or_array(&name, &mut refs),
            ConstantPoolItem::FieldRef(m) | ConstantPoolItem::MethodRef(m) | ConstantPoolItem::InterfaceMethodRef(m) => {
                class_or_array(&m.class_name, &mut refs);
                descriptor_classes(&m.name_and_type.descriptor, &mut refs);
            }
            ConstantPoolItem::NameAndType(nt) => descriptor_classes(&nt.descriptor, &mut refs),
            ConstantPoolItem::MethodType(d) => descriptor_classes(&d, &mut refs),
            _ => {}
        }
    }
    if let Some(s) = &class.super_class {
        refs.insert(s.to_string());
    }
    refs.extend(class.interfaces.iter().map(|i| i.to_string()));
    for f in &class.fields {
        descriptor_classes(&f.descriptor.to_string(), &mut refs);
    }
    for m in &class.methods {
        descriptor_classes(&m.descriptor.to_string(), &mut refs);
    }
    for a in &class.attributes {
        if let AttributeData::RuntimeVisibleAnnotations(list) | AttributeData::RuntimeInvisibleAnnotations(list) = &a.data {
            for an in list {
                descriptor_classes(&an.type_descriptor.to_string(), &mut refs);
            }
        }
    }
    let name = class.this_class.to_string();
    refs.remove(&name);
    Ok(ClassRefs { name, refs })
}

/// A class constant is a class name or, for arrays, a descriptor (`[Ljava/lang/String;`).
fn class_or_array(name: &str, out: &mut BTreeSet<String>) {
    if name.starts_with('[') {
        descriptor_classes(name, out);
    } else {
        out.insert(name.to_string());
    }
}

/// The object types of a field or method descriptor: every `L<name>;`. Skipping to the `;` after
/// each `L` means letters inside class names are never mistaken for type tags.
pub fn descriptor_classes(descriptor: &str, out: &mut BTreeSet<String>) {
    let mut rest = descriptor;
    while let Some(i) = rest.find('L') {
        let after = &rest[i + 1..];
        let Some(end) = after.find(';') else { return };
        out.insert(after[..end].to_string());
        rest = &after[end + 1..];
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
        assert_eq!(package_of("C"), "");
    }
}
