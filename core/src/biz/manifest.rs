//! The biz manifest: the module jar's own manifest (or a new one), then the ark attributes in the
//! order sofa-ark-maven-plugin 2.3.x writes them on JDK 11+ (reference `ark-format.md` §2.4).

use crate::jar::time::format_build_time;
use crate::manifest::Manifest;
use crate::model::{BizRequest, GitInfo};

/// The launcher class of an executable ark jar.
pub const ARK_LAUNCHER: &str = "com.alipay.sofa.ark.bootstrap.ArkLauncher";

pub fn biz(request: &BizRequest, mut base: Manifest, main_class: &str, declared: &[String]) -> Manifest {
    let join = |items: &[String]| items.iter().map(|s| s.trim()).collect::<Vec<_>>().join(",");
    let inject: Vec<String> = request.inject_plugin_dependencies.iter().map(|i| i.replacen(':', "-", 1)).collect();
    base.put("Main-Class", main_class);
    base.put("Start-Class", main_class);
    base.put("Ark-Biz-Name", &request.biz_name);
    base.put("Ark-Biz-Version", &request.biz_version);
    base.put("priority", &request.priority);
    base.put("web-context-path", &request.web_context_path);
    base.put("deny-import-packages", join(&request.deny_import_packages));
    base.put("deny-import-classes", join(&request.deny_import_classes));
    base.put("deny-import-resources", join(&request.deny_import_resources));
    base.put("inject-plugin-dependencies", join(&inject));
    base.put("inject-export-packages", join(&request.inject_export_packages));
    base.put("declared-libraries", declared.join(","));
    build_info(request, &mut base);
    base
}

/// The executable jar's manifest: the biz manifest with the launcher as start class.
pub fn executable(request: &BizRequest, biz: &Manifest, ark_version: &str) -> Manifest {
    let mut m = biz.clone();
    m.put("Main-Class", ARK_LAUNCHER);
    m.put("Start-Class", ARK_LAUNCHER);
    m.put("Sofa-Ark-Version", ark_version);
    m.put("Ark-Container-Root", "SOFA-ARK/container/");
    build_info(request, &mut m);
    m
}

/// `build-time` from the output timestamp (or the host's value), then the git attributes.
fn build_info(request: &BizRequest, m: &mut Manifest) {
    let build = request.build_info.as_ref();
    let time = request.output_timestamp.map(format_build_time).or_else(|| build.and_then(|b| b.build_time.clone()));
    if let Some(time) = time {
        m.put("build-time", time);
    }
    if let Some(git) = build.and_then(|b| b.git.as_ref()) {
        for (name, value) in git_values(git) {
            // The official plugin writes a missing value as the literal `null`.
            m.put(name, value.as_deref().unwrap_or("null"));
        }
    }
}

/// The git attributes, in the official plugin's order.
pub fn git_values(git: &GitInfo) -> [(&'static str, &Option<String>); 9] {
    [
        ("remote-origin-url", &git.remote_origin_url),
        ("commit-branch", &git.commit_branch),
        ("commit-id", &git.commit_id),
        ("commit-user-name", &git.commit_user_name),
        ("commit-user-email", &git.commit_user_email),
        ("commit-time", &git.commit_time),
        ("commit-timestamp", &git.commit_timestamp),
        ("build-user", &git.build_user),
        ("build-email", &git.build_email),
    ]
}
