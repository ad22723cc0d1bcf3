//! Per-class references: every class a class file names (constant pool, member descriptors, its
//! supertypes, its fields' and methods' types, generic signatures, thrown exceptions, annotations on
//! the class, its members and parameters, class literals in annotation values), as internal names,
//! plus the classes whose methods it names (the `call` edges of the split graph). This is the layer
//! slimming checks, plugin import/export checks and the split graph are built on.

use std::collections::BTreeSet;

use cafebabe::attributes::{Annotation, AnnotationElementValue, AttributeData, AttributeInfo};
use cafebabe::constant_pool::ConstantPoolItem;
use cafebabe::ClassFile;

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

pub fn refs(bytes: &[u8]) -> Result<ClassRefs, String> {
    let class = super::parse(bytes)?;
    Ok(refs_of(&class))
}

/// The references of a parsed class.
pub fn refs_of<'a>(class: &'a ClassFile<'a>) -> ClassRefs {
    let mut refs = BTreeSet::new();
    let mut calls = BTreeSet::new();
    let mut registers_beans = false;
    for item in class.constantpool_iter() {
        match item {
            ConstantPoolItem::ClassInfo(name) => class_or_array(&name, &mut refs),
            // A member reference's class and name-and-type are constants of their own, which this
            // loop visits too (ClassInfo, NameAndType): only what they add is taken here.
            ConstantPoolItem::MethodRef(m) | ConstantPoolItem::InterfaceMethodRef(m) => {
                if !m.class_name.starts_with('[') && !calls.contains(m.class_name.as_ref()) {
                    calls.insert(m.class_name.to_string());
                }
                registers_beans |= m.name_and_type.name == "registerBean" || m.name_and_type.name == "registerBeanDefinition";
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
    // Descriptors are walked as parsed (no text is formatted): this runs for every member of every class.
    for f in &class.fields {
        field_type(&f.descriptor, &mut refs);
        attribute_refs(&f.attributes, &mut refs);
    }
    for m in &class.methods {
        m.descriptor.parameters.iter().for_each(|p| field_type(p, &mut refs));
        if let cafebabe::descriptors::ReturnDescriptor::Return(r) = &m.descriptor.return_type {
            field_type(r, &mut refs);
        }
        attribute_refs(&m.attributes, &mut refs);
    }
    attribute_refs(&class.attributes, &mut refs);
    let name = class.this_class.to_string();
    refs.remove(&name);
    calls.remove(&name);
    ClassRefs { name, refs, calls, registers_beans }
}

/// Classes named by attributes of a class or member: annotations (with class literals and nested
/// annotations in their values), generic signatures and declared exceptions.
fn attribute_refs(attributes: &[AttributeInfo<'_>], out: &mut BTreeSet<String>) {
    for a in attributes {
        match &a.data {
            AttributeData::RuntimeVisibleAnnotations(list) | AttributeData::RuntimeInvisibleAnnotations(list) => {
                list.iter().for_each(|an| annotation_refs(an, out));
            }
            AttributeData::RuntimeVisibleParameterAnnotations(params) | AttributeData::RuntimeInvisibleParameterAnnotations(params) => {
                params.iter().flat_map(|p| &p.annotations).for_each(|an| annotation_refs(an, out));
            }
            AttributeData::Signature(signature) => descriptor_classes(signature, out),
            AttributeData::Exceptions(list) => list.iter().for_each(|e| class_or_array(e, out)),
            _ => {}
        }
    }
}

/// The class of a field type (also of array elements).
fn field_type(d: &cafebabe::descriptors::FieldDescriptor<'_>, out: &mut BTreeSet<String>) {
    if let cafebabe::descriptors::FieldType::Object(name) = &d.field_type {
        let name: &str = name.as_ref();
        if !out.contains(name) {
            out.insert(name.to_string());
        }
    }
}

fn annotation_refs(an: &Annotation<'_>, out: &mut BTreeSet<String>) {
    field_type(&an.type_descriptor, out);
    an.elements.iter().for_each(|e| element_refs(&e.value, out));
}

fn element_refs(value: &AnnotationElementValue<'_>, out: &mut BTreeSet<String>) {
    match value {
        AnnotationElementValue::ClassLiteral { class_name } => descriptor_classes(class_name, out),
        AnnotationElementValue::EnumConstant { type_name, .. } => field_type(type_name, out),
        AnnotationElementValue::AnnotationValue(an) => annotation_refs(an, out),
        AnnotationElementValue::ArrayValue(values) => values.iter().for_each(|v| element_refs(v, out)),
        _ => {}
    }
}

/// A class constant is a class name or, for arrays, a descriptor (`[Ljava/lang/String;`).
fn class_or_array(name: &str, out: &mut BTreeSet<String>) {
    if name.starts_with('[') {
        descriptor_classes(name, out);
    } else if !out.contains(name) {
        out.insert(name.to_string());
    }
}

/// The object types of a field or method descriptor or a generic signature: every `L<name>;`.
/// Skipping to the `;` after each `L` means letters inside class names are never mistaken for type
/// tags. In a signature a type's arguments (`<...>`) and inner parts (`.Inner`) end the outer name;
/// type variables (`TK;`) are skipped whole, and the arguments are read as types of their own.
pub fn descriptor_classes(descriptor: &str, out: &mut BTreeSet<String>) {
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
                if end > start && !out.contains(&descriptor[start..end]) {
                    out.insert(descriptor[start..end].to_string());
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
