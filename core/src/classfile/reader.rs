//! One pass over a class file's bytes for what the split graph and the plugin checks read: the
//! constant pool (kept as slices of the input), the class's flags, supertypes, members and the
//! attributes that name classes (annotations, generic signatures, exceptions, the source file).
//!
//! Hand-written because cafebabe builds a full owned model (every constant, every descriptor parsed
//! into a tree, every attribute decoded): on a 50k-class app that was a third of the analysis time,
//! with most of it spent on allocations this reader never makes. Every read is bounds-checked, so a
//! malformed class is an `Err`, never a panic (the component would trap); `core/tests/fuzz.rs`
//! mutates classes through it.

use std::borrow::Cow;

use super::facts::{Ann, ClassFacts, Member};
use super::names::{compare, Names};
use super::refs::{descriptor_classes_into, ClassRefs};

const ACC_STATIC: u16 = 0x0008;
const ACC_INTERFACE: u16 = 0x0200;
const ACC_ABSTRACT: u16 = 0x0400;
const ACC_ANNOTATION: u16 = 0x2000;

/// Bounds-checked big-endian reads (also used by [`super::guard`]).
pub(super) struct Reader<'a> {
    bytes: &'a [u8],
    pub(super) pos: usize,
}

impl<'a> Reader<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, pos: 0 }
    }
    pub(super) fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len()).ok_or("the class file is truncated")?;
        let slice = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(slice)
    }
    pub(super) fn skip(&mut self, n: usize) -> Result<(), String> {
        self.take(n).map(|_| ())
    }
    pub(super) fn u8(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?[0])
    }
    pub(super) fn u16(&mut self) -> Result<u16, String> {
        let b = self.take(2)?;
        Ok(u16::from_be_bytes([b[0], b[1]]))
    }
    pub(super) fn u32(&mut self) -> Result<u32, String> {
        let b = self.take(4)?;
        Ok(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }
}

#[derive(Clone)]
enum Constant<'a> {
    Empty,
    /// Decoded when the pool is read: the JVM refuses a class with a malformed string constant
    /// wherever it sits, so this reader does too.
    Utf8(Cow<'a, str>),
    Class(u16),
    /// A method or interface-method reference: class index, name-and-type index.
    Method(u16, u16),
    /// Name index, descriptor index.
    NameAndType(u16, u16),
    /// A method type's descriptor index.
    MethodType(u16),
    Other,
}

/// The constant pool, read once; strings stay slices of the class bytes.
struct Pool<'a>(Vec<Constant<'a>>);

impl<'a> Pool<'a> {
    fn read(r: &mut Reader<'a>) -> Result<Self, String> {
        let count = r.u16()? as usize;
        let mut pool = vec![Constant::Empty; count.max(1)];
        let mut i = 1;
        while i < count {
            let tag = r.u8()?;
            pool[i] = match tag {
                1 => {
                    let len = r.u16()? as usize;
                    Constant::Utf8(modified_utf8(r.take(len)?).ok_or_else(|| format!("constant pool entry {i} is not valid modified UTF-8"))?)
                }
                7 => Constant::Class(r.u16()?),
                10 | 11 => Constant::Method(r.u16()?, r.u16()?),
                12 => Constant::NameAndType(r.u16()?, r.u16()?),
                16 => Constant::MethodType(r.u16()?),
                8 | 19 | 20 => {
                    r.u16()?;
                    Constant::Other
                }
                3 | 4 | 9 | 17 | 18 => {
                    r.take(4)?;
                    Constant::Other
                }
                15 => {
                    r.take(3)?;
                    Constant::Other
                }
                5 | 6 => {
                    r.take(8)?;
                    Constant::Other
                }
                t => return Err(format!("unknown constant pool tag {t} at entry {i}")),
            };
            // Longs and doubles take two slots.
            i += if tag == 5 || tag == 6 { 2 } else { 1 };
        }
        Ok(Pool(pool))
    }

    fn utf8(&self, index: u16) -> Result<Cow<'a, str>, String> {
        self.str(index).map(|s| match s {
            Cow::Borrowed(b) => Cow::Borrowed(*b),
            Cow::Owned(o) => Cow::Owned(o.clone()),
        })
    }

    fn str(&self, index: u16) -> Result<&Cow<'a, str>, String> {
        match self.0.get(index as usize) {
            Some(Constant::Utf8(s)) => Ok(s),
            _ => Err(format!("constant pool entry {index} is not a UTF-8 string")),
        }
    }

    fn class(&self, index: u16) -> Result<Cow<'a, str>, String> {
        match self.0.get(index as usize) {
            Some(Constant::Class(n)) => self.utf8(*n),
            _ => Err(format!("constant pool entry {index} is not a class")),
        }
    }
}

/// Class files hold modified UTF-8: NUL as two bytes and supplementary characters as surrogate
/// pairs (Kotlin metadata strings have both). Both forms are invalid UTF-8, so what is valid UTF-8
/// (almost every string, and cheap to check) reads the same either way. Otherwise the bytes
/// 0xF0..=0xFF are refused, as the JVM does; lone surrogates, which the JVM accepts (Guava's
/// `CharMatcher` has them) and no Rust string can hold, are read as U+FFFD.
fn modified_utf8(bytes: &[u8]) -> Option<Cow<'_, str>> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Some(Cow::Borrowed(s)),
        Err(_) if bytes.iter().any(|&b| b >= 0xF0) => None,
        Err(_) => Some(cesu8::from_java_cesu8(bytes).unwrap_or_else(|_| String::from_utf8_lossy(bytes))),
    }
}

/// What [`read`] collects besides the references.
struct Parts<'a> {
    access: u16,
    super_class: Option<Cow<'a, str>>,
    interfaces: Vec<Cow<'a, str>>,
    source_file: Option<Cow<'a, str>>,
    signature: Option<Cow<'a, str>>,
    annotations: Vec<Ann>,
    fields: Vec<Member>,
    methods: Vec<Member>,
}

/// What the caller wants.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Want {
    /// What the JVM needs to link the class: constants and member descriptors (no attributes).
    Link,
    /// Every class named, attributes included.
    Refs,
    /// The references and the split's facts.
    Facts,
}

/// What the class needs to link (see [`super::scan`]): annotations, signatures and exceptions are
/// left out.
pub fn link_refs(bytes: &[u8]) -> Result<ClassRefs, String> {
    read(bytes, Want::Link).map(|(refs, _)| refs.owned())
}

/// Every class the class names (see [`super::refs`]) and the classes whose methods it names.
pub fn refs(bytes: &[u8]) -> Result<ClassRefs, String> {
    read(bytes, Want::Refs).map(|(refs, _)| refs.owned())
}

/// What the split graph reads of a class (see [`super::facts`]), its references numbered in `names`.
pub fn facts(bytes: &[u8], names: &mut Names) -> Result<ClassFacts, String> {
    let (found, p) = read(bytes, Want::Facts)?;
    let id = names.intern(&found.name);
    Ok(ClassFacts {
        refs: numbered(&found.refs, id, names),
        calls: numbered(&found.calls, id, names),
        registers_beans: found.registers_beans,
        // Only a publisher's constructors are kept: they are what it may publish.
        constructs: if found.publishes_events { numbered(&found.constructs, id, names) } else { Vec::new() },
        publishes_events: found.publishes_events,
        signature: p.signature.map(Cow::into_owned),
        name: found.name.into_owned(),
        id,
        super_class: p.super_class.map(Cow::into_owned),
        interfaces: p.interfaces.into_iter().map(Cow::into_owned).collect(),
        is_interface: p.access & ACC_INTERFACE != 0,
        is_annotation: p.access & ACC_ANNOTATION != 0,
        is_abstract: p.access & ACC_ABSTRACT != 0,
        source_file: p.source_file.map(Cow::into_owned),
        annotations: p.annotations,
        fields: p.fields,
        methods: p.methods,
    })
}

/// Only the annotations on the class (for meta-annotation lookups in dependency jars).
pub fn class_annotations(bytes: &[u8]) -> Result<Vec<Ann>, String> {
    read(bytes, Want::Facts).map(|(_, p)| p.annotations)
}

/// The class's name and the names it references, as slices of its bytes where they can be.
struct Found<'a> {
    name: Cow<'a, str>,
    refs: Vec<Cow<'a, str>>,
    calls: Vec<Cow<'a, str>>,
    registers_beans: bool,
    /// The classes whose constructors it names.
    constructs: Vec<Cow<'a, str>>,
    publishes_events: bool,
}

impl Found<'_> {
    fn owned(self) -> ClassRefs {
        ClassRefs { refs: owned_set(self.refs, &self.name), calls: owned_set(self.calls, &self.name), registers_beans: self.registers_beans, name: self.name.into_owned() }
    }
}

fn read(bytes: &[u8], want: Want) -> Result<(Found<'_>, Parts<'_>), String> {
    let mut r = Reader::new(bytes);
    if r.u32()? != 0xCAFE_BABE {
        return Err("not a class file (no CAFEBABE magic)".into());
    }
    r.take(4)?; // minor, major
    let pool = Pool::read(&mut r)?;

    // References are gathered as slices and turned into owned names (or numbers) once.
    let mut refs = Refs { names: Vec::new(), read: vec![false; pool.0.len()] };
    let mut calls: Vec<Cow<'_, str>> = Vec::new();
    let mut registers_beans = false;
    let mut constructs: Vec<Cow<'_, str>> = Vec::new();
    let mut publishes_events = false;
    for constant in &pool.0 {
        match *constant {
            Constant::Class(n) => class_or_array(pool.utf8(n)?, &mut refs.names),
            Constant::Method(class, nt) => {
                let owner = pool.class(class)?;
                let array = owner.starts_with('[');
                if let Some(Constant::NameAndType(name, _)) = pool.0.get(nt as usize) {
                    let name = pool.str(*name)?;
                    registers_beans |= name == "registerBean" || name == "registerBeanDefinition";
                    publishes_events |= name == "publishEvent";
                    // Only the split's facts ask for them (see `facts`).
                    if want == Want::Facts && name == "<init>" && !array {
                        constructs.push(owner.clone());
                    }
                }
                if !array {
                    calls.push(owner);
                }
            }
            Constant::NameAndType(_, d) | Constant::MethodType(d) => refs.descriptor(&pool, d)?,
            _ => {}
        }
    }

    let access = r.u16()?;
    let name = pool.class(r.u16()?)?;
    let super_index = r.u16()?;
    let super_class = if super_index == 0 { None } else { Some(pool.class(super_index)?) };
    let mut interfaces = Vec::new();
    for _ in 0..r.u16()? {
        interfaces.push(pool.class(r.u16()?)?);
    }
    // Supertypes are class constants, already among the references.

    let mut parts = Parts { access, super_class, interfaces, source_file: None, signature: None, annotations: Vec::new(), fields: Vec::new(), methods: Vec::new() };
    for kind in [MemberKind::Field, MemberKind::Method] {
        for _ in 0..r.u16()? {
            let flags = r.u16()?;
            let member_name = pool.utf8(r.u16()?)?;
            let descriptor_index = r.u16()?;
            let descriptor = pool.utf8(descriptor_index)?;
            let mut found = Attributes::default();
            read_attributes(&mut r, &pool, want, &mut refs, &mut found)?;
            let keep = want == Want::Facts
                && (found.annotated() || (kind == MemberKind::Method && (member_name == "<init>" || member_name == "main")));
            if keep {
                let member = member(kind, flags, &member_name, &descriptor, found)?;
                match kind {
                    MemberKind::Field => parts.fields.push(member),
                    MemberKind::Method => parts.methods.push(member),
                }
            }
            refs.descriptor(&pool, descriptor_index)?;
        }
    }
    let mut found = Attributes::default();
    read_attributes(&mut r, &pool, want, &mut refs, &mut found)?;
    parts.annotations = found.annotations;
    parts.source_file = found.source_file;
    parts.signature = found.signature;

    Ok((Found { name, refs: refs.names, calls, registers_beans, constructs, publishes_events }, parts))
}

/// The names a class references, as they are met.
struct Refs<'a> {
    names: Vec<Cow<'a, str>>,
    /// By constant pool index: that string was already read as a descriptor or signature. javac
    /// shares one constant among every member and call of the same type, so most are met often.
    read: Vec<bool>,
}

impl<'a> Refs<'a> {
    /// The classes of the descriptor or signature at `index`, unless they were taken already.
    fn descriptor(&mut self, pool: &Pool<'a>, index: u16) -> Result<(), String> {
        if self.read.get(index as usize) == Some(&true) {
            return Ok(());
        }
        let text = pool.utf8(index)?;
        self.read[index as usize] = true; // a valid index: `read` has an entry per constant
        descriptor_classes_into(text, &mut self.names);
        Ok(())
    }
}

/// Numbers, sorted and unique, without the class itself (`own`).
fn numbered(found: &[Cow<'_, str>], own: u32, names: &mut Names) -> Vec<u32> {
    let mut ids: Vec<u32> = found.iter().filter(|n| !n.is_empty()).map(|n| names.intern(n)).filter(|&id| id != own).collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// Sorted, unique, owned, without the class itself.
fn owned_set(mut names: Vec<Cow<'_, str>>, own: &str) -> std::collections::BTreeSet<String> {
    names.sort_unstable_by(|a, b| compare(a.as_bytes(), b.as_bytes()));
    names.dedup();
    names.into_iter().filter(|n| n != own && !n.is_empty()).map(Cow::into_owned).collect()
}

/// A class constant is a class name or, for arrays, a descriptor (`[Ljava/lang/String;`).
fn class_or_array<'a>(name: Cow<'a, str>, out: &mut Vec<Cow<'a, str>>) {
    if name.starts_with('[') {
        descriptor_classes_into(name, out);
    } else {
        out.push(name);
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum MemberKind {
    Field,
    Method,
}

/// What the attributes of a class or member hold that the split reads.
#[derive(Default)]
struct Attributes<'a> {
    annotations: Vec<Ann>,
    /// One list per annotated parameter, as the attribute gives them (javac may leave out leading
    /// synthetic parameters); `None` when there is no parameter annotation attribute.
    params: Option<Vec<Vec<Ann>>>,
    source_file: Option<Cow<'a, str>>,
    /// The generic signature.
    signature: Option<Cow<'a, str>>,
}

impl Attributes<'_> {
    fn annotated(&self) -> bool {
        !self.annotations.is_empty() || self.params.is_some()
    }
}

fn read_attributes<'a>(r: &mut Reader<'a>, pool: &Pool<'a>, want: Want, refs: &mut Refs<'a>, found: &mut Attributes<'a>) -> Result<(), String> {
    for _ in 0..r.u16()? {
        let name = r.u16()?;
        let len = r.u32()? as usize;
        let body = r.take(len)?;
        if want == Want::Link {
            continue;
        }
        let name = pool.utf8(name)?;
        let mut b = Reader::new(body);
        match name.as_ref() {
            "RuntimeVisibleAnnotations" | "RuntimeInvisibleAnnotations" => {
                let list = annotations(&mut b, pool, refs)?;
                found.annotations.extend(list);
            }
            "RuntimeVisibleParameterAnnotations" | "RuntimeInvisibleParameterAnnotations" => {
                let params = found.params.get_or_insert_with(Vec::new);
                let count = b.u8()? as usize;
                for i in 0..count {
                    let list = annotations(&mut b, pool, refs)?;
                    // Visible and invisible lists of one method are merged parameter by parameter.
                    match params.get_mut(i) {
                        Some(slot) => slot.extend(list),
                        None => params.push(list),
                    }
                }
            }
            "Signature" => {
                let index = b.u16()?;
                refs.descriptor(pool, index)?;
                found.signature = Some(pool.utf8(index)?);
            }
            "Exceptions" => {
                for _ in 0..b.u16()? {
                    class_or_array(pool.class(b.u16()?)?, &mut refs.names);
                }
            }
            "SourceFile" => found.source_file = Some(pool.utf8(b.u16()?)?),
            _ => {}
        }
    }
    Ok(())
}

/// A `u2`-counted list of annotations; the classes they name go to `refs`.
fn annotations<'a>(r: &mut Reader<'a>, pool: &Pool<'a>, refs: &mut Refs<'a>) -> Result<Vec<Ann>, String> {
    let count = r.u16()?;
    let mut out = Vec::with_capacity(count as usize);
    for _ in 0..count {
        out.push(annotation(r, pool, refs, 0)?);
    }
    Ok(out)
}

/// Deeper nesting than this is refused: real annotations nest a few levels, a hostile class could
/// nest until the stack overflows.
const MAX_DEPTH: u32 = 64;

fn annotation<'a>(r: &mut Reader<'a>, pool: &Pool<'a>, refs: &mut Refs<'a>, depth: u32) -> Result<Ann, String> {
    if depth > MAX_DEPTH {
        return Err("annotations nested too deeply".into());
    }
    let index = r.u16()?;
    let ty = object_type(&pool.utf8(index)?).map(str::to_string).unwrap_or_default();
    refs.descriptor(pool, index)?;
    let (mut values, mut classes) = (Vec::new(), Vec::new());
    for _ in 0..r.u16()? {
        let element = pool.utf8(r.u16()?)?;
        let mut found = ElementValues::default();
        let kind = element_value(r, pool, refs, depth, &mut Some(&mut found))?;
        if !found.classes.is_empty() {
            classes.push((element.to_string(), found.classes));
        }
        if kind == b's' || kind == b'[' {
            values.push((element.into_owned(), found.strings));
        }
    }
    Ok(Ann { ty, values, classes })
}

/// The strings and classes (internal names) of one element value.
#[derive(Default)]
struct ElementValues {
    strings: Vec<String>,
    classes: Vec<String>,
}

/// Reads one element value and returns its tag. String and class constants go to `found` (at the
/// top level and directly inside an array); every class named goes to `refs`.
fn element_value<'a>(
    r: &mut Reader<'a>,
    pool: &Pool<'a>,
    refs: &mut Refs<'a>,
    depth: u32,
    found: &mut Option<&mut ElementValues>,
) -> Result<u8, String> {
    let tag = r.u8()?;
    match tag {
        b's' => {
            let s = pool.utf8(r.u16()?)?;
            if let Some(out) = found {
                out.strings.push(s.into_owned());
            }
        }
        b'B' | b'C' | b'D' | b'F' | b'I' | b'J' | b'S' | b'Z' => {
            r.u16()?;
        }
        b'e' => {
            refs.descriptor(pool, r.u16()?)?;
            r.u16()?;
        }
        b'c' => {
            let index = r.u16()?;
            refs.descriptor(pool, index)?;
            if let Some(out) = found {
                // `Lcom/acme/E;` → `com/acme/E`; `void.class`, primitives and arrays are no class.
                if let Some(name) = object_type(&pool.utf8(index)?) {
                    out.classes.push(name.to_string());
                }
            }
        }
        b'@' => {
            annotation(r, pool, refs, depth + 1)?;
        }
        b'[' => {
            for _ in 0..r.u16()? {
                // Only values directly in the array count; a nested array's do not.
                let nested = r.bytes.get(r.pos) == Some(&b'[');
                let mut inner = if nested { None } else { found.as_deref_mut() };
                element_value(r, pool, refs, depth + 1, &mut inner)?;
            }
        }
        t => return Err(format!("unknown annotation element tag {t}")),
    }
    Ok(tag)
}

/// The class of a non-array object type descriptor (`Lx/Y;` → `x/Y`).
fn object_type(descriptor: &str) -> Option<&str> {
    descriptor.strip_prefix('L').and_then(|d| d.strip_suffix(';')).filter(|d| !d.is_empty())
}

/// The parameter types of a method descriptor (`None` for primitives and arrays) and its return type.
fn method_types(descriptor: &str) -> Result<(Vec<Option<String>>, Option<String>), String> {
    let bad = || format!("bad method descriptor {descriptor}");
    let inner = descriptor.strip_prefix('(').ok_or_else(bad)?;
    let (params, ret) = inner.split_once(')').ok_or_else(bad)?;
    let mut types = Vec::new();
    let b = params.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let start = i;
        while i < b.len() && b[i] == b'[' {
            i += 1;
        }
        match b.get(i) {
            Some(b'L') => {
                let end = params[i..].find(';').ok_or_else(bad)? + i;
                types.push(if start == i { Some(params[i + 1..end].to_string()) } else { None });
                i = end + 1;
            }
            Some(b'B' | b'C' | b'D' | b'F' | b'I' | b'J' | b'S' | b'Z') => {
                types.push(None);
                i += 1;
            }
            _ => return Err(bad()),
        }
    }
    Ok((types, object_type(ret).map(str::to_string)))
}

fn member(kind: MemberKind, flags: u16, name: &str, descriptor: &str, found: Attributes<'_>) -> Result<Member, String> {
    let is_static = flags & ACC_STATIC != 0;
    Ok(match kind {
        MemberKind::Field => Member {
            name: name.to_string(),
            is_static,
            annotations: found.annotations,
            types: vec![object_type(descriptor).map(str::to_string)],
            returns: None,
            params: Vec::new(),
            descriptor: String::new(),
            signature: found.signature.map(Cow::into_owned),
        },
        MemberKind::Method => {
            let (types, returns) = method_types(descriptor)?;
            let mut params: Vec<Vec<Ann>> = vec![Vec::new(); types.len()];
            if let Some(lists) = found.params {
                // javac may leave out synthetic leading parameters (an inner class's outer instance):
                // the annotation lists then belong to the last parameters.
                let offset = params.len().saturating_sub(lists.len());
                for (i, list) in lists.into_iter().enumerate() {
                    if let Some(slot) = params.get_mut(offset + i) {
                        slot.extend(list);
                    }
                }
            }
            Member {
                name: name.to_string(),
                is_static,
                annotations: found.annotations,
                types,
                returns,
                params,
                // Only `main` is ever asked for its descriptor.
                descriptor: if name == "main" { descriptor.to_string() } else { String::new() },
                signature: found.signature.map(Cow::into_owned),
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_follow_the_jvms_modified_utf8_rules() {
        assert_eq!(modified_utf8(b"com/acme/A").as_deref(), Some("com/acme/A"));
        assert_eq!(modified_utf8(&[b'a', 0xC0, 0x80, b'b']).as_deref(), Some("a\0b"));
        // U+1F600 as a surrogate pair.
        assert_eq!(modified_utf8(&[0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80]).as_deref(), Some("\u{1F600}"));
        // A lone surrogate: the JVM loads it, so it is read (as U+FFFD), not refused.
        assert!(modified_utf8(&[b'x', 0xED, 0xA0, 0x80]).is_some());
        assert_eq!(modified_utf8(&[0xFF, 0xFE]), None);
    }

    #[test]
    fn method_descriptors_give_object_parameters_and_return() {
        let (types, ret) = method_types("(I[Ljava/lang/String;Lcom/A;J)Lcom/B;").unwrap();
        assert_eq!(types, [None, None, Some("com/A".to_string()), None]);
        assert_eq!(ret.as_deref(), Some("com/B"));
        assert!(method_types("(Lcom/A").is_err());
    }
}
