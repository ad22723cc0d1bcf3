//! The slimming report files: `module-slim-results.json` in the official plugin's shape
//! (`{"excluded": [...], "compiled": [...]}`, items `groupId:artifactId[:classifier]:type`), and
//! arkpack's full report, which `arkpack why` reads: every library, kept or removed, the rule that
//! decided it, where the rule was written, a dependency path, and the official plugin's different
//! answer where there is one.

use serde::Serialize;

use super::checks::Summary;
use super::Slimmed;
use crate::model::{BizRequest, SlimOutcome};

#[derive(Serialize)]
struct Results<'a> {
    excluded: Vec<&'a str>,
    compiled: Vec<&'a str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Report<'a> {
    module: String,
    files_read: &'a [String],
    rules: Vec<RuleLine>,
    exclude_with_indirect_dependencies: bool,
    artifacts: &'a [SlimOutcome],
    class_checks: &'a Summary,
}

#[derive(Serialize)]
struct RuleLine {
    rule: String,
    source: String,
}

/// (`module-slim-results.json`, the full report), both ending with a newline.
pub fn render(request: &BizRequest, slimmed: &Slimmed, checks: &Summary) -> (String, String) {
    let excluded = slimmed.outcomes.iter().filter(|o| !o.kept).map(|o| o.id.as_str()).collect();
    let compiled = slimmed
        .outcomes
        .iter()
        .filter(|o| request.libraries.iter().enumerate().any(|(i, l)| slimmed.forced[i] && super::id(&l.coordinates) == o.id))
        .map(|o| o.id.as_str())
        .collect();
    let results = Results { excluded, compiled };
    let report = Report {
        module: request.project.gav(),
        files_read: &slimmed.rules.files_read,
        rules: slimmed.rules.rules.iter().map(|r| RuleLine { rule: r.describe(), source: r.source.clone() }).collect(),
        exclude_with_indirect_dependencies: slimmed.rules.with_indirect,
        artifacts: &slimmed.outcomes,
        class_checks: checks,
    };
    // Serializing plain structs of strings and numbers cannot fail.
    let json = |v: &dyn erased::Json| v.to_pretty() + "\n";
    (json(&results), json(&report))
}

/// Pretty JSON for the two report shapes without repeating the call.
mod erased {
    pub trait Json {
        fn to_pretty(&self) -> String;
    }
    impl<T: serde::Serialize> Json for T {
        fn to_pretty(&self) -> String {
            serde_json::to_string_pretty(self).unwrap_or_default()
        }
    }
}
