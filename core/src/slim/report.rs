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
    let mut compiled: Vec<String> = request.libraries.iter().zip(&slimmed.forced).filter(|(_, f)| **f).map(|(l, _)| super::id(&l.coordinates)).collect();
    compiled.sort();
    compiled.dedup();
    let results = Results { excluded, compiled: compiled.iter().map(String::as_str).collect() };
    let report = Report {
        module: request.project.gav(),
        files_read: &slimmed.rules.files_read,
        rules: slimmed.rules.rules.iter().map(|r| RuleLine { rule: r.describe(), source: r.source.clone() }).collect(),
        exclude_with_indirect_dependencies: slimmed.rules.with_indirect,
        artifacts: &slimmed.outcomes,
        class_checks: checks,
    };
    (pretty(&results), pretty(&report))
}

/// Pretty JSON ending with a newline; serializing plain structs of strings and numbers cannot fail.
fn pretty(value: &impl Serialize) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default() + "\n"
}
