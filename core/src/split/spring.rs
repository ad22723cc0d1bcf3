//! Spring and MyBatis facts the split reads from annotations: the stereotypes, the injection and
//! entry-point annotations, the types whose beans bytecode cannot see, and Spring's bean naming.

use crate::model::Stereotype;

/// The stereotype an annotation type declares by itself (internal names). Others are resolved
/// through their meta-annotations.
pub fn direct_stereotype(annotation: &str) -> Option<Stereotype> {
    Some(match annotation {
        "org/springframework/stereotype/Component" => Stereotype::Component,
        "org/springframework/stereotype/Service" => Stereotype::Service,
        "org/springframework/stereotype/Repository" => Stereotype::Repository,
        "org/springframework/stereotype/Controller" | "org/springframework/web/bind/annotation/RestController" => Stereotype::Controller,
        "org/springframework/context/annotation/Configuration"
        | "org/springframework/boot/SpringBootConfiguration"
        | "org/springframework/boot/autoconfigure/SpringBootApplication" => Stereotype::Configuration,
        "org/apache/ibatis/annotations/Mapper" => Stereotype::Mapper,
        _ => return None,
    })
}

pub const SPRING_BOOT_APPLICATION: &str = "org/springframework/boot/autoconfigure/SpringBootApplication";
pub const BEAN: &str = "org/springframework/context/annotation/Bean";
pub const PRIMARY: &str = "org/springframework/context/annotation/Primary";
pub const QUALIFIER: &str = "org/springframework/beans/factory/annotation/Qualifier";
pub const AUTOWIRED: &str = "org/springframework/beans/factory/annotation/Autowired";
pub const SCHEDULED: &str = "org/springframework/scheduling/annotation/Scheduled";
pub const APPLICATION_LISTENER: &str = "org/springframework/context/ApplicationListener";

/// `@Inject` (javax and jakarta).
pub fn is_inject(a: &str) -> bool {
    a == "javax/inject/Inject" || a == "jakarta/inject/Inject"
}

/// `@Named` (javax and jakarta), a qualifier by name.
pub fn is_named(a: &str) -> bool {
    a == "javax/inject/Named" || a == "jakarta/inject/Named"
}

/// `@Resource` (javax and jakarta): by name first, then by type.
pub fn is_resource(a: &str) -> bool {
    a == "javax/annotation/Resource" || a == "jakarta/annotation/Resource"
}

pub fn is_event_listener(a: &str) -> bool {
    a == "org/springframework/context/event/EventListener" || a == "org/springframework/transaction/event/TransactionalEventListener"
}

/// Annotations that make a bean depend on run-time conditions (`@Conditional*`, `@Profile`).
pub fn is_conditional(a: &str) -> bool {
    let simple = a.rsplit('/').next().unwrap_or(a);
    (a.starts_with("org/springframework/") && simple.starts_with("Conditional")) || a == "org/springframework/context/annotation/Profile"
}

/// Supertypes whose implementations register beans bytecode cannot see.
pub fn programmatic_registration(ty: &str) -> Option<&'static str> {
    Some(match ty {
        "org/springframework/beans/factory/support/BeanDefinitionRegistryPostProcessor" => "a BeanDefinitionRegistryPostProcessor",
        "org/springframework/context/annotation/ImportBeanDefinitionRegistrar" => "an ImportBeanDefinitionRegistrar",
        "org/springframework/context/annotation/ImportSelector" | "org/springframework/context/annotation/DeferredImportSelector" => "an ImportSelector",
        "org/springframework/beans/factory/FactoryBean" => "a FactoryBean",
        _ => return None,
    })
}

/// The name Spring gives a bean of class `internal` without an explicit name: the short class name
/// (`Outer.Inner` for nested classes) decapitalised by the JavaBeans rule, which leaves names
/// starting with two capitals (`URLService`) as they are.
pub fn default_bean_name(internal: &str) -> String {
    let simple = internal.rsplit('/').next().unwrap_or(internal).replace('$', ".");
    decapitalize(&simple)
}

pub fn decapitalize(name: &str) -> String {
    let mut chars = name.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && b.is_uppercase() => name.to_string(),
        (Some(a), _) => a.to_lowercase().chain(name[a.len_utf8()..].chars()).collect(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bean_names_follow_the_javabeans_rule() {
        assert_eq!(default_bean_name("com/acme/OrderService"), "orderService");
        assert_eq!(default_bean_name("com/acme/URLService"), "URLService");
        assert_eq!(default_bean_name("com/acme/Config$Inner"), "config.Inner");
        assert!(is_conditional("org/springframework/boot/autoconfigure/condition/ConditionalOnProperty"));
        assert!(!is_conditional("com/acme/ConditionalThing"));
    }
}
