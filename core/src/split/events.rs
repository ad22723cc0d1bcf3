//! Spring application events in bytecode: the event types a class listens to (`@EventListener`
//! methods, `ApplicationListener<E>`) and the links from a publisher (a class calling `publishEvent`)
//! to the listeners of the events it constructs. Spring delivers an event inside the publishing
//! context and its parents only, and a Koupleless module's context has no parent: `verify` warns
//! about each link the split cuts.

use std::collections::{BTreeMap, BTreeSet};

use super::spring;
use crate::classfile::facts::ClassFacts;
use crate::classfile::names::Names;

/// Supertypes walked from a published type before giving up (a malformed hierarchy may loop).
const MAX_SUPERTYPES: usize = 64;

/// The event types (internal names) a class listens to: each `@EventListener` method's `classes`
/// (or `value`), else its first parameter's type, and `E` when it implements `ApplicationListener<E>`.
/// An interface listens to nothing: only a class can be the listening bean.
pub(super) fn listened_types(f: &ClassFacts) -> BTreeSet<&str> {
    let mut out = BTreeSet::new();
    if f.is_interface {
        return out;
    }
    for m in &f.methods {
        let Some(a) = m.annotations.iter().find(|a| spring::is_event_listener(&a.ty)) else { continue };
        let named: Vec<&str> = a.classes("classes").chain(a.classes("value")).collect();
        if named.is_empty() {
            out.extend(m.types.first().and_then(Option::as_deref));
        } else {
            out.extend(named);
        }
    }
    if f.interfaces.iter().any(|i| i == spring::APPLICATION_LISTENER) {
        out.extend(f.signature.as_deref().and_then(application_listener_event));
    }
    out
}

/// `E` of `ApplicationListener<E>` in a class's generic signature, when `E` is a class (not a type
/// variable or a wildcard).
fn application_listener_event(signature: &str) -> Option<&str> {
    let marker = "Lorg/springframework/context/ApplicationListener<L";
    let start = signature.find(marker)? + marker.len();
    let rest = &signature[start..];
    let end = rest.find([';', '<'])?;
    Some(&rest[..end]).filter(|e| !e.is_empty())
}

/// Publisher → listener links: `(publisher, listener, event)`, class indexes into `classes` and the
/// event as a name number of `symbols`, sorted and unique. A publisher reaches the listeners of each
/// type it constructs and of that type's supertypes, walked through the app's own classes (`app`
/// gives a name's class index); a class listening to its own event is no link.
pub(super) fn links(classes: &[&ClassFacts], symbols: &Names, app: impl Fn(&str) -> Option<usize>) -> Vec<(u32, u32, u32)> {
    let mut listeners: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
    for (i, f) in classes.iter().enumerate() {
        for ty in listened_types(f) {
            listeners.entry(ty).or_default().push(i as u32);
        }
    }
    let mut out = BTreeSet::new();
    if listeners.is_empty() {
        return Vec::new();
    }
    for (p, f) in classes.iter().enumerate().filter(|(_, f)| f.publishes_events) {
        for &event in &f.constructs {
            let mut seen: BTreeSet<&str> = BTreeSet::new();
            let mut queue = vec![symbols.name(event)];
            while let Some(ty) = queue.pop() {
                if seen.len() >= MAX_SUPERTYPES || !seen.insert(ty) {
                    continue;
                }
                for &l in listeners.get(ty).into_iter().flatten() {
                    if l as usize != p {
                        out.insert((p as u32, l, event));
                    }
                }
                if let Some(c) = app(ty) {
                    let sup = classes[c].super_class.as_deref();
                    queue.extend(sup.into_iter().chain(classes[c].interfaces.iter().map(String::as_str)));
                }
            }
        }
    }
    out.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_event_of_an_application_listener_comes_from_the_class_signature() {
        let sig = "Ljava/lang/Object;Lorg/springframework/context/ApplicationListener<Lcom/acme/OrderPlaced;>;";
        assert_eq!(application_listener_event(sig), Some("com/acme/OrderPlaced"));
        let generic = "Ljava/lang/Object;Lorg/springframework/context/ApplicationListener<Lorg/springframework/context/PayloadApplicationEvent<Lcom/acme/X;>;>;";
        assert_eq!(application_listener_event(generic), Some("org/springframework/context/PayloadApplicationEvent"));
        // A type variable or a wildcard names no class.
        assert_eq!(application_listener_event("<E:Lcom/acme/Base;>Ljava/lang/Object;Lorg/springframework/context/ApplicationListener<TE;>;"), None);
        assert_eq!(application_listener_event("Ljava/lang/Object;Lorg/springframework/context/ApplicationListener<*>;"), None);
    }
}
