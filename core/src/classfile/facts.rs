//! What one class file says about itself for the split graph: its supertypes, flags, source file,
//! the annotations on it, its fields, methods and parameters (with their string values: bean names,
//! qualifiers), and its references, numbered by [`Names`]. Read by [`super::reader`]; no Spring policy here.

use super::names::Names;

/// An annotation: its type (internal name) and the string and class values of its elements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ann {
    pub ty: String,
    /// Element name → its string values (a single string, or the strings of an array).
    pub values: Vec<(String, Vec<String>)>,
    /// Element name → its class values as internal names (`@EventListener(classes = ...)`), kept
    /// apart so that a class never passes for a bean name.
    pub classes: Vec<(String, Vec<String>)>,
}

impl Ann {
    /// The first non-empty string of an element.
    pub fn string(&self, element: &str) -> Option<&str> {
        self.values.iter().find(|(n, _)| n == element).and_then(|(_, v)| v.iter().find(|s| !s.is_empty())).map(String::as_str)
    }

    /// The class values of an element.
    pub fn classes<'a>(&'a self, element: &'a str) -> impl Iterator<Item = &'a str> {
        self.classes.iter().filter(move |(n, _)| n == element).flat_map(|(_, v)| v.iter().map(String::as_str))
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
    /// The generic signature (`Signature` attribute), if it has one.
    pub signature: Option<String>,
}

/// A parsed class, reduced to what the split analysis reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassFacts {
    /// The internal name (`a/b/C`) and its number.
    pub name: String,
    pub id: u32,
    /// The classes it names (as [`super::refs::refs`] finds them), as numbers of the [`Names`] it was
    /// read with: sorted, unique, without itself.
    pub refs: Vec<u32>,
    /// The classes one of whose methods it names, likewise; a subset of `refs`.
    pub calls: Vec<u32>,
    /// It names a method called `registerBean` or `registerBeanDefinition` (programmatic beans).
    pub registers_beans: bool,
    /// It names a method called `publishEvent` (Spring's `ApplicationEventPublisher`).
    pub publishes_events: bool,
    /// When it publishes events: the classes whose constructors it names, numbered like `refs`
    /// (the events it may publish); empty otherwise.
    pub constructs: Vec<u32>,
    /// The class's generic signature (`Signature` attribute), if it has one.
    pub signature: Option<String>,
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
        &self.name
    }

    /// True when it has `public static void main(String[])`.
    pub fn has_main(&self) -> bool {
        self.methods.iter().any(|m| m.name == "main" && m.is_static && m.descriptor == "([Ljava/lang/String;)V")
    }
}

/// Reads one class (see [`super::reader`]), numbering the names it references in `names`.
pub fn facts(bytes: &[u8], names: &mut Names) -> Result<ClassFacts, String> {
    super::reader::facts(bytes, names)
}

/// Only the class annotations of a class (for meta-annotation lookups in dependency jars).
pub fn class_annotations(bytes: &[u8]) -> Result<Vec<Ann>, String> {
    super::reader::class_annotations(bytes)
}
