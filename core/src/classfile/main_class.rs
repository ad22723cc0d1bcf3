//! Finding the start class from bytecode, as the official plugin's `MainClassFinder` does: classes
//! with `public static void main(String[])`; when any of them is annotated `@SpringBootApplication`
//! only those count; exactly one must remain.

use crate::Error;

const SPRING_BOOT_APPLICATION: &str = "Lorg/springframework/boot/autoconfigure/SpringBootApplication;";

/// What the finder needs to know about one class.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Dotted class name.
    pub name: String,
    pub spring_boot_application: bool,
}

/// Reads one class; `Ok(None)` when it has no main method, `Err` with the reason when it is malformed.
pub fn candidate(bytes: &[u8]) -> Result<Option<Candidate>, String> {
    let class = super::parse(bytes)?;
    let has_main = class.methods.iter().any(|m| {
        m.name == "main"
            && m.access_flags.contains(cafebabe::MethodAccessFlags::PUBLIC | cafebabe::MethodAccessFlags::STATIC)
            && m.descriptor.to_string() == "([Ljava/lang/String;)V"
    });
    if !has_main {
        return Ok(None);
    }
    let spring_boot_application = class.attributes.iter().any(|a| match &a.data {
        cafebabe::attributes::AttributeData::RuntimeVisibleAnnotations(list) => {
            list.iter().any(|an| an.type_descriptor.to_string() == SPRING_BOOT_APPLICATION)
        }
        _ => false,
    });
    Ok(Some(Candidate { name: class.this_class.to_string().replace('/', "."), spring_boot_application }))
}

/// Picks the start class among the candidates; `input` names the module content in errors.
pub fn choose(input: &str, mut candidates: Vec<Candidate>) -> Result<String, Error> {
    if candidates.iter().any(|c| c.spring_boot_application) {
        candidates.retain(|c| c.spring_boot_application);
    }
    candidates.sort_by(|a, b| (a.name.matches('.').count(), &a.name).cmp(&(b.name.matches('.').count(), &b.name)));
    match candidates.len() {
        1 => Ok(candidates.remove(0).name),
        0 => Err(Error::MainClass {
            input: input.into(),
            reason: format!("no class with `public static void main(String[])` was found in {input}; set `mainClass` (Maven) or `--main-class` to the module's start class"),
        }),
        _ => Err(Error::MainClass {
            input: input.into(),
            reason: format!(
                "{input} has several main classes ({}); set `mainClass` (Maven) or `--main-class` to choose one",
                candidates.iter().map(|c| c.name.as_str()).collect::<Vec<_>>().join(", ")
            ),
        }),
    }
}
