//! Checks every request field before any work, so a bad value fails fast with the field named in
//! the terms the user wrote it in (`biz-name` is `bizName` in Maven, `--name` on the CLI).

use crate::manifest::check_value;
use crate::model::BizRequest;
use crate::{Error, Result};

pub fn request(r: &BizRequest) -> Result<()> {
    coordinates_part("project.group-id", &r.project.group_id)?;
    coordinates_part("project.artifact-id", &r.project.artifact_id)?;
    coordinates_part("project.version", &r.project.version)?;
    identity("biz-name", &r.biz_name)?;
    identity("biz-version", &r.biz_version)?;
    priority(&r.priority)?;
    check_value("web-context-path", &r.web_context_path)?;
    if let Some(main) = &r.main_class {
        class_name("main-class", main)?;
    }
    for (field, items) in [
        ("deny-import-packages", &r.deny_import_packages),
        ("deny-import-classes", &r.deny_import_classes),
        ("deny-import-resources", &r.deny_import_resources),
        ("inject-export-packages", &r.inject_export_packages),
    ] {
        list_items(field, items)?;
    }
    for item in &r.inject_plugin_dependencies {
        parts("inject-plugin-dependencies", item, 2, 2, "artifactId:version")?;
    }
    for item in &r.requires_unpack {
        parts("requires-unpack", item, 2, 2, "groupId:artifactId")?;
    }
    for item in &r.declared_whitelist {
        parts("declared-whitelist", item, 2, 4, "groupId:artifactId[:version[:classifier]]")?;
    }
    for (i, lib) in r.libraries.iter().enumerate() {
        let c = &lib.coordinates;
        for (part, value) in [("group-id", &c.group_id), ("artifact-id", &c.artifact_id), ("version", &c.version), ("extension", &c.extension)] {
            coordinates_part(&format!("libraries[{i}].coordinates.{part} ({})", lib.origin), value)?;
        }
        if let Some(classifier) = &c.classifier {
            coordinates_part(&format!("libraries[{i}].coordinates.classifier ({})", lib.origin), classifier)?;
        }
    }
    if let Some(build) = &r.build_info {
        if let Some(t) = &build.build_time {
            check_value("build-info.build-time", t)?;
        }
        if let Some(git) = &build.git {
            for value in super::manifest::git_values(git).iter().filter_map(|(_, v)| v.as_deref()) {
                check_value("build-info.git", value)?;
            }
        }
    }
    if let Some(exe) = &r.executable {
        identity("executable.ark-version", &exe.ark_version)?;
    }
    Ok(())
}

/// Biz names and versions become the `name:version` identity SOFAArk installs under.
fn identity(field: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        return Err(Error::field(field, "is empty; SOFAArk identifies a biz by `name:version`, so both must be set"));
    }
    check_value(field, value)?;
    if value.trim() != value || value.contains(char::is_whitespace) {
        return Err(Error::field(field, format!("{value:?} contains whitespace; use letters, digits, `.`, `-` or `_`")));
    }
    if value.contains(':') || value.contains(',') {
        return Err(Error::field(field, format!("{value:?} contains `:` or `,`, which SOFAArk uses as separators in `name:version` identities")));
    }
    Ok(())
}

/// `priority` is read by SOFAArk with `Integer.valueOf` (biz and plugin manifests alike).
pub(crate) fn priority(value: &str) -> Result<()> {
    if value.parse::<i32>().is_err() {
        return Err(Error::field("priority", format!("{value:?} is not an integer; SOFAArk reads it with Integer.valueOf (default 100, lower starts earlier)")));
    }
    Ok(())
}

fn class_name(field: &str, value: &str) -> Result<()> {
    check_value(field, value)?;
    let ok = !value.is_empty()
        && value.split('.').all(|seg| !seg.is_empty() && seg.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '$'));
    if !ok {
        return Err(Error::field(field, format!("{value:?} is not a Java class name like `com.example.Application`")));
    }
    Ok(())
}

fn coordinates_part(field: &str, value: &str) -> Result<()> {
    if value.is_empty() {
        return Err(Error::field(field, "is empty"));
    }
    check_value(field, value)?;
    if value.contains(['/', '\\', ':']) || value == "." || value == ".." || value.contains(char::is_whitespace) {
        return Err(Error::field(field, format!("{value:?} contains characters not allowed in Maven coordinates (`/`, `\\`, `:` or whitespace)")));
    }
    Ok(())
}

fn list_items(field: &str, items: &[String]) -> Result<()> {
    for item in items {
        check_value(field, item)?;
        if item.contains(',') {
            return Err(Error::field(field, format!("{item:?} contains `,`; give one item per entry")));
        }
    }
    Ok(())
}

/// `a:b[:c[:d]]` with `min..=max` non-empty parts.
pub fn parts<'a>(field: &str, item: &'a str, min: usize, max: usize, shape: &str) -> Result<Vec<&'a str>> {
    check_value(field, item)?;
    let parts: Vec<&str> = item.split(':').collect();
    if parts.len() < min || parts.len() > max || parts.iter().any(|p| p.trim().is_empty()) {
        return Err(Error::field(field, format!("{item:?} is not of the form `{shape}`")));
    }
    Ok(parts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Coordinates, ModuleContent};

    fn base() -> BizRequest {
        let c = Coordinates { group_id: "g".into(), artifact_id: "a".into(), version: "1".into(), classifier: None, extension: "jar".into() };
        BizRequest::new(c, ModuleContent::Files(vec![]), "classes")
    }

    #[test]
    fn each_bad_field_is_named() {
        type Mutation = fn(&mut BizRequest);
        let cases: [(&str, Mutation); 10] = [
            ("biz-name", |r| r.biz_name = String::new()),
            ("biz-name", |r| r.biz_name = "a b".into()),
            ("biz-name", |r| r.biz_name = "a:b".into()),
            ("biz-version", |r| r.biz_version = " ".into()),
            ("priority", |r| r.priority = "high".into()),
            ("priority", |r| r.priority = "1.5".into()),
            ("web-context-path", |r| r.web_context_path = "a\nb".into()),
            ("main-class", |r| r.main_class = Some("com..A".into())),
            ("inject-plugin-dependencies", |r| r.inject_plugin_dependencies = vec!["a:b:c".into()]),
            ("deny-import-packages", |r| r.deny_import_packages = vec!["a\r".into()]),
        ];
        for (field, mutate) in cases {
            let mut r = base();
            mutate(&mut r);
            match request(&r) {
                Err(Error::InvalidField { field: f, .. }) => assert_eq!(f, field),
                other => panic!("{field}: {other:?}"),
            }
        }
        request(&base()).unwrap();
    }
}
