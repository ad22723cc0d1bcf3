//! What one class file says about itself for the split graph: its supertypes, flags, source file,
//! the annotations on it, its fields, methods and parameters (with their string values: bean names,
//! qualifiers), and its references (from [`super::refs`]). Parsing only: no Spring policy here.

use cafebabe::attributes::{Annotation, AnnotationElementValue, AttributeData, AttributeInfo};
use cafebabe::descriptors::{FieldDescriptor, FieldType, ReturnDescriptor};
use cafebabe::{ClassAccessFlags, FieldAccessFlags, MethodAccessFlags};

use super::refs::{refs_of, ClassRefs};

/// An annotation: its type (internal name) and the string values of its elements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ann {
    pub ty: String,
    /// Element name → its string values (a single string, or the strings of an array).
    pub values: Vec<(String, Vec<String>)>,
}

impl Ann {
    /// The first non-empty string of an element.
    pub fn string(&self, element: &str) -> Option<&str> {
        self.values.iter().find(|(n, _)| n == element).and_then(|(_, v)| v.iter().find(|s| !s.is_empty())).map(String::as_str)
    }
}

/// A field or a method.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub name: String,
    pub is_static: bool,
    pub annotations: Vec<Ann>,
    /// The field's type, or each parameter's type: an internal class name, `None` for primitives and arrays.
    pub types: Vec<Option<String>>,
    /// A method's return type (internal name), if it is a class.
    pub returns: Option<String>,
    /// A method's parameter annotations, one list per parameter.
    pub params: Vec<Vec<Ann>>,
    /// A method's descriptor when it is called `main` (`([Ljava/lang/String;)V`), else empty.
    pub descriptor: String,
}

/// A parsed class, reduced to what the split analysis reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassFacts {
    pub refs: ClassRefs,
    pub super_class: Option<String>,
    pub interfaces: Vec<String>,
    pub is_interface: bool,
    pub is_annotation: bool,
    pub is_abstract: bool,
    pub source_file: Option<String>,
    pub annotations: Vec<Ann>,
    /// The annotated fields.
    pub fields: Vec<Member>,
    /// Constructors, `main` and the annotated methods (or methods with annotated parameters).
    pub methods: Vec<Member>,
}

impl ClassFacts {
    /// The internal name (`a/b/C`).
    pub fn name(&self) -> &str {
        &self.refs.name
    }

    /// True when it has `public static void main(String[])`.
    pub fn has_main(&self) -> bool {
        self.methods.iter().any(|m| m.name == "main" && m.is_static && m.descriptor == "([Ljava/lang/String;)V")
    }
}

/// Parses one class (guarded, see [`super::parse`]).
pub fn facts(bytes: &[u8]) -> Result<ClassFacts, String> {
    let class = super::parse(bytes)?;
    let refs = refs_of(&class);
    let mut source_file = None;
    let mut annotations = Vec::new();
    for a in &class.attributes {
        match &a.data {
            AttributeData::SourceFile(s) => source_file = Some(s.to_string()),
            AttributeData::RuntimeVisibleAnnotations(list) | AttributeData::RuntimeInvisibleAnnotations(list) => annotations.extend(list.iter().map(ann)),
            _ => {}
        }
    }
    // Only members the split reads are kept (annotated ones, constructors, `main`): most classes
    // have many plain members, and keeping them all would cost more than parsing them.
    let fields = class
        .fields
        .iter()
        .filter(|f| has_annotations(&f.attributes))
        .map(|f| Member {
            name: f.name.to_string(),
            is_static: f.access_flags.contains(FieldAccessFlags::STATIC),
            annotations: member_annotations(&f.attributes),
            types: vec![object_type(&f.descriptor)],
            returns: None,
            params: Vec::new(),
            descriptor: String::new(),
        })
        .collect();
    let methods = class
        .methods
        .iter()
        .filter(|m| m.name == "<init>" || m.name == "main" || has_annotations(&m.attributes))
        .map(|m| {
            let mut params: Vec<Vec<Ann>> = vec![Vec::new(); m.descriptor.parameters.len()];
            for a in &m.attributes {
                if let AttributeData::RuntimeVisibleParameterAnnotations(list) | AttributeData::RuntimeInvisibleParameterAnnotations(list) = &a.data {
                    // javac may leave out synthetic leading parameters (an inner class's outer instance):
                    // the annotation lists then belong to the last parameters.
                    let offset = params.len().saturating_sub(list.len());
                    for (i, p) in list.iter().enumerate() {
                        if let Some(slot) = params.get_mut(offset + i) {
                            slot.extend(p.annotations.iter().map(ann));
                        }
                    }
                }
            }
            Member {
                name: m.name.to_string(),
                is_static: m.access_flags.contains(MethodAccessFlags::STATIC),
                annotations: member_annotations(&m.attributes),
                types: m.descriptor.parameters.iter().map(object_type).collect(),
                returns: match &m.descriptor.return_type {
                    ReturnDescriptor::Return(d) => object_type(d),
                    ReturnDescriptor::Void => None,
                },
                params,
                // Only `main` is ever asked for its descriptor; formatting every one costs time.
                descriptor: if m.name == "main" { m.descriptor.to_string() } else { String::new() },
            }
        })
        .collect();
    Ok(ClassFacts {
        super_class: class.super_class.as_ref().map(|s| s.to_string()),
        interfaces: class.interfaces.iter().map(|i| i.to_string()).collect(),
        is_interface: class.access_flags.contains(ClassAccessFlags::INTERFACE),
        is_annotation: class.access_flags.contains(ClassAccessFlags::ANNOTATION),
        is_abstract: class.access_flags.contains(ClassAccessFlags::ABSTRACT),
        source_file,
        annotations,
        fields,
        methods,
        refs,
    })
}

/// True when the attributes hold annotations (on the member or its parameters).
fn has_annotations(attributes: &[AttributeInfo<'_>]) -> bool {
    attributes.iter().any(|a| {
        matches!(
            a.data,
            AttributeData::RuntimeVisibleAnnotations(_)
                | AttributeData::RuntimeInvisibleAnnotations(_)
                | AttributeData::RuntimeVisibleParameterAnnotations(_)
                | AttributeData::RuntimeInvisibleParameterAnnotations(_)
        )
    })
}

/// Only the class annotations of a class (for meta-annotation lookups in dependency jars).
pub fn class_annotations(bytes: &[u8]) -> Result<Vec<Ann>, String> {
    let class = super::parse(bytes)?;
    Ok(member_annotations(&class.attributes))
}

fn member_annotations(attributes: &[AttributeInfo<'_>]) -> Vec<Ann> {
    let mut out = Vec::new();
    for a in attributes {
        if let AttributeData::RuntimeVisibleAnnotations(list) | AttributeData::RuntimeInvisibleAnnotations(list) = &a.data {
            out.extend(list.iter().map(ann));
        }
    }
    out
}

fn ann(a: &Annotation<'_>) -> Ann {
    let ty = object_type(&a.type_descriptor).unwrap_or_default();
    let values = a
        .elements
        .iter()
        .filter_map(|e| {
            let strings = match &e.value {
                AnnotationElementValue::StringConstant(s) => vec![s.to_string()],
                AnnotationElementValue::ArrayValue(list) => list
                    .iter()
                    .filter_map(|v| match v {
                        AnnotationElementValue::StringConstant(s) => Some(s.to_string()),
                        _ => None,
                    })
                    .collect(),
                _ => return None,
            };
            Some((e.name.to_string(), strings))
        })
        .collect();
    Ann { ty, values }
}

/// The class of a non-array object type.
fn object_type(d: &FieldDescriptor<'_>) -> Option<String> {
    match &d.field_type {
        FieldType::Object(name) if d.dimensions == 0 => Some(name.to_string()),
        _ => None,
    }
}
