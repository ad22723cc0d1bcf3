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

/// What a class listens to.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Listens<'a> {
    /// Event types (internal names).
    pub types: BTreeSet<&'a str>,
    /// Listeners whose event is a type variable (`on(E)`, `ApplicationListener<E>`): the events they
    /// hear are set by subclasses' type arguments, which this does not resolve. Reported, not linked
    /// (the erased `Object` would link them to every publisher).
    pub generic: Vec<String>,
}

/// What a class listens to: each `@EventListener` method's `classes` (or `value`), else its first
/// parameter's type, and `E` when it implements `ApplicationListener<E>`. An interface listens to
/// nothing: only a class can be the listening bean.
pub(super) fn listens(f: &ClassFacts) -> Listens<'_> {
    let mut out = Listens::default();
    if f.is_interface {
        return out;
    }
    for m in &f.methods {
        let Some(a) = m.annotations.iter().find(|a| spring::is_event_listener(&a.ty)) else { continue };
        let named: Vec<&str> = a.classes("classes").chain(a.classes("value")).collect();
        if !named.is_empty() {
            out.types.extend(named);
        } else if let Some(var) = m.signature.as_deref().and_then(first_parameter_variable) {
            out.generic.push(format!("`{}({var})`", m.name));
        } else {
            out.types.extend(m.types.first().and_then(Option::as_deref));
        }
    }
    if f.interfaces.iter().any(|i| i == spring::APPLICATION_LISTENER) {
        match f.signature.as_deref().map(application_listener_argument) {
            Some(Argument::Class(e)) => {
                out.types.insert(e);
            }
            Some(Argument::Variable(var)) => out.generic.push(format!("`ApplicationListener<{var}>`")),
            Some(Argument::Other) | None => {}
        }
    }
    out
}

/// The type argument of `ApplicationListener<...>` in a class's generic signature.
#[derive(Debug, PartialEq, Eq)]
enum Argument<'a> {
    Class(&'a str),
    Variable(&'a str),
    /// A wildcard, an array, or no `ApplicationListener<...>` at all.
    Other,
}

fn application_listener_argument(signature: &str) -> Argument<'_> {
    let marker = "Lorg/springframework/context/ApplicationListener<";
    let Some(start) = signature.find(marker).map(|i| i + marker.len()) else { return Argument::Other };
    let rest = &signature[start..];
    match (rest.strip_prefix('L').and_then(type_name), rest.strip_prefix('T').and_then(type_name)) {
        (Some(class), _) => Argument::Class(class),
        (None, Some(var)) => Argument::Variable(var),
        _ => Argument::Other,
    }
}

/// The name a class type or type variable starts with, up to its type arguments or its end.
fn type_name(body: &str) -> Option<&str> {
    body.find([';', '<']).map(|end| &body[..end]).filter(|n| !n.is_empty())
}

/// The type variable a method's first parameter is declared with (`<E>(TE;)V` → `E`), if it is one.
fn first_parameter_variable(signature: &str) -> Option<&str> {
    // Formal type parameters hold no parenthesis: the first `(` opens the parameters.
    let params = &signature[signature.find('(')? + 1..];
    params.strip_prefix('T').and_then(type_name)
}

/// Publisher → listener links: `(publisher, listener, event)`, class indexes into `classes` and the
/// event as a name number of `symbols`, sorted and unique. `listens[i]` is [`listens`] of class `i`.
/// A publisher reaches the listeners of each type it constructs and of that type's supertypes,
/// walked through the app's own classes (`app` gives a name's class index); a class listening to
/// its own event is no link.
pub(super) fn links(classes: &[&ClassFacts], listens: &[Listens<'_>], symbols: &Names, app: impl Fn(&str) -> Option<usize>) -> Vec<(u32, u32, u32)> {
    let mut listeners: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
    for (i, l) in listens.iter().enumerate() {
        for &ty in &l.types {
            listeners.entry(ty).or_default().push(i as u32);
        }
    }
    if listeners.is_empty() {
        return Vec::new();
    }
    let mut out = BTreeSet::new();
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
        assert_eq!(application_listener_argument(sig), Argument::Class("com/acme/OrderPlaced"));
        let generic = "Ljava/lang/Object;Lorg/springframework/context/ApplicationListener<Lorg/springframework/context/PayloadApplicationEvent<Lcom/acme/X;>;>;";
        assert_eq!(application_listener_argument(generic), Argument::Class("org/springframework/context/PayloadApplicationEvent"));
        let variable = "<E:Lcom/acme/Base;>Ljava/lang/Object;Lorg/springframework/context/ApplicationListener<TE;>;";
        assert_eq!(application_listener_argument(variable), Argument::Variable("E"));
        assert_eq!(application_listener_argument("Ljava/lang/Object;Lorg/springframework/context/ApplicationListener<*>;"), Argument::Other);
        assert_eq!(application_listener_argument("Ljava/lang/Object;"), Argument::Other);
    }

    #[test]
    fn a_type_variable_parameter_is_found_in_the_method_signature() {
        assert_eq!(first_parameter_variable("(TE;)V"), Some("E"));
        assert_eq!(first_parameter_variable("<T:Ljava/lang/Object;>(TT;I)V"), Some("T"));
        assert_eq!(first_parameter_variable("(Ljava/util/List<TE;>;)V"), None);
        assert_eq!(first_parameter_variable("()V"), None);
        assert_eq!(first_parameter_variable("garbage"), None);
    }
}
