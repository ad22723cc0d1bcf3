//! Where slimming rules come from, read exactly as sofa-ark-maven-plugin reads them (reference
//! `ark-format.md` §3.2): the plugin's parameters, the rules file under `conf/ark/` (`rules.txt`
//! or `packExcludesConfig`), `conf/ark/bootstrap.properties`, `conf/ark/bootstrap.yml`, and the
//! JSON of `packExcludesUrl`. Every rule remembers where it came from, so a report can say
//! "`excludeGroupIds` `org.apache*` (conf/ark/rules.txt line 3)".
//!
//! Where the official reader silently skips what it does not understand, this one stops with the
//! file and line: a typo in a rules file otherwise packages what the user meant to leave out.

use std::collections::BTreeMap;

use super::pattern::{Field, Pattern};
use crate::model::{FileEntry, RemoteRules, SlimRequest};
use crate::{Error, Result};

/// Whether a rule removes or keeps what it matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Effect {
    Exclude,
    Include,
    /// `jarWarn*` of the remote rules: reported, not removed.
    Warn,
}

/// One rule and where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    pub effect: Effect,
    pub pattern: Pattern,
    /// `parameter excludes`, `conf/ark/rules.txt line 3`, `packExcludesUrl http://...`.
    pub source: String,
}

impl Rule {
    /// The rule in the user's words: `excludeGroupIds org.apache*`.
    pub fn describe(&self) -> String {
        format!("{} {}", self.key(), self.pattern.text)
    }

    /// The configuration key the rule was written under.
    pub fn key(&self) -> &'static str {
        match (self.effect, self.pattern.field) {
            (Effect::Exclude, Field::Item) => "excludes",
            (Effect::Exclude, Field::GroupId) => "excludeGroupIds",
            (Effect::Exclude, Field::ArtifactId) => "excludeArtifactIds",
            (Effect::Include, Field::Item) => "includes",
            (Effect::Include, Field::GroupId) => "includeGroupIds",
            (Effect::Include, Field::ArtifactId) => "includeArtifactIds",
            (Effect::Warn, Field::Item) => "jarWarnList",
            (Effect::Warn, Field::GroupId) => "jarWarnGroupIds",
            (Effect::Warn, Field::ArtifactId) => "jarWarnArtifactIds",
        }
    }
}

/// Every rule and flag, merged from all sources (a union, as the official plugin merges them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
    /// `excludeWithIndirectDependencies` (default true): an exclusion also takes what only the
    /// excluded dependency needs.
    pub with_indirect: bool,
    /// `buildFailWhenExcludeDiffBaseDependency` (default false).
    pub fail_on_base_version: bool,
    /// `declared.libraries.whitelist` items (`g:a[:v[:c]]`).
    pub declared_whitelist: Vec<String>,
    /// The conf files that were read, for the report.
    pub files_read: Vec<String>,
}

/// The six rule keys of the conf files, with the effect and field each gives.
const RULE_KEYS: [(&str, Effect, Field); 6] = [
    ("excludes", Effect::Exclude, Field::Item),
    ("excludeGroupIds", Effect::Exclude, Field::GroupId),
    ("excludeArtifactIds", Effect::Exclude, Field::ArtifactId),
    ("includes", Effect::Include, Field::Item),
    ("includeGroupIds", Effect::Include, Field::GroupId),
    ("includeArtifactIds", Effect::Include, Field::ArtifactId),
];

const FLAG_WITH_INDIRECT: &str = "excludeWithIndirectDependencies";
const FLAG_FAIL_ON_BASE_VERSION: &str = "buildFailWhenExcludeDiffBaseDependency";
const WHITELIST: &str = "declared.libraries.whitelist";

fn known_keys() -> String {
    let mut keys: Vec<&str> = RULE_KEYS.iter().map(|k| k.0).collect();
    keys.extend([FLAG_WITH_INDIRECT, FLAG_FAIL_ON_BASE_VERSION, WHITELIST]);
    keys.join(", ")
}

fn at(file: &str, line: usize, reason: impl Into<String>) -> Error {
    Error::Config { file: file.into(), line: Some(line as u32), reason: reason.into() }
}

/// Reads every source of `request`; `conf` is the request's conf files (paths start with `conf/`).
pub fn collect(slim: &SlimRequest, conf: &[FileEntry]) -> Result<RuleSet> {
    let mut set = RuleSet { rules: Vec::new(), with_indirect: true, fail_on_base_version: false, declared_whitelist: Vec::new(), files_read: Vec::new() };
    let params: [(&[String], &str); 6] = [
        (&slim.excludes, "excludes"),
        (&slim.exclude_group_ids, "excludeGroupIds"),
        (&slim.exclude_artifact_ids, "excludeArtifactIds"),
        (&slim.includes, "includes"),
        (&slim.include_group_ids, "includeGroupIds"),
        (&slim.include_artifact_ids, "includeArtifactIds"),
    ];
    for (values, key) in params {
        let (_, effect, field) = RULE_KEYS.iter().copied().find(|k| k.0 == key).unwrap_or(RULE_KEYS[0]);
        for value in values.iter().map(|v| v.trim()).filter(|v| !v.is_empty()) {
            let pattern = Pattern::parse(field, value).map_err(|reason| Error::field(key, format!("`{value}`: {reason}")))?;
            set.rules.push(Rule { effect, pattern, source: format!("parameter {key}") });
        }
    }
    let file = |name: &str| conf.iter().find(|f| f.path == format!("conf/ark/{name}"));
    let rules_name = slim.pack_excludes_config.as_deref().filter(|n| !n.trim().is_empty()).unwrap_or("rules.txt");
    if rules_name.ends_with(".yml") || rules_name.ends_with(".yaml") || rules_name.ends_with(".properties") {
        return Err(Error::field(
            "packExcludesConfig",
            format!("`{rules_name}` is a YAML or properties file; packExcludesConfig names a rules file (key=value lines), and bootstrap.properties / bootstrap.yml are read anyway"),
        ));
    }
    if let Some(f) = file(rules_name) {
        rules_file(&mut set, &f.path, &f.content)?;
    } else if slim.pack_excludes_config.is_some() {
        return Err(Error::field("packExcludesConfig", format!("conf/ark/{rules_name} does not exist")));
    }
    let mut flags = Flags::default();
    if let Some(f) = file("bootstrap.yml") {
        yaml_file(&mut set, &mut flags.yaml, &f.path, &f.content)?;
    }
    if let Some(f) = file("bootstrap.properties") {
        properties_file(&mut set, &mut flags.properties, &f.path, &f.content)?;
    }
    // Properties win over YAML for the flags, as in the official plugin.
    for (key, target) in [(FLAG_WITH_INDIRECT, &mut set.with_indirect), (FLAG_FAIL_ON_BASE_VERSION, &mut set.fail_on_base_version)] {
        if let Some(v) = flags.properties.get(key).or(flags.yaml.get(key)) {
            *target = *v;
        }
    }
    if let Some(remote) = &slim.pack_excludes_url {
        remote_rules(&mut set, remote)?;
    }
    Ok(set)
}

#[derive(Default)]
struct Flags {
    yaml: BTreeMap<&'static str, bool>,
    properties: BTreeMap<&'static str, bool>,
}

fn text<'a>(path: &str, bytes: &'a [u8]) -> Result<&'a str> {
    std::str::from_utf8(bytes).map_err(|e| Error::Config { file: path.into(), line: None, reason: format!("is not UTF-8 ({e})") })
}

/// `key=value` lines, one item per line. The official reader takes the text between the first and
/// second `=` untrimmed; blank lines and `#` comments are skipped; any other line is an error here.
fn rules_file(set: &mut RuleSet, path: &str, bytes: &[u8]) -> Result<()> {
    set.files_read.push(path.to_string());
    for (n, line) in text(path, bytes)?.lines().enumerate() {
        let line_no = n + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let Some((key, rest)) = line.split_once('=') else {
            return Err(at(path, line_no, format!("`{trimmed}` is not `key=value`; keys are {}", RULE_KEYS.map(|k| k.0).join(", "))));
        };
        let Some(&(key, effect, field)) = RULE_KEYS.iter().find(|k| k.0 == key) else {
            return Err(at(path, line_no, format!("unknown key `{key}` (no spaces around `=`); keys are {}", RULE_KEYS.map(|k| k.0).join(", "))));
        };
        let value = rest.split('=').next().unwrap_or_default();
        if value.trim().is_empty() {
            return Err(at(path, line_no, format!("`{key}=` has no value")));
        }
        let pattern = Pattern::parse(field, value).map_err(|reason| at(path, line_no, format!("`{value}`: {reason}")))?;
        set.rules.push(Rule { effect, pattern, source: format!("{path} line {line_no}") });
    }
    Ok(())
}

/// Java properties: the six keys with comma-separated values, the two flags and the whitelist.
/// Written by hand (no Rust crate reads `.properties` with line numbers): `key=value`, `key: value`
/// or `key value`, `#`/`!` comments, `\` continuations and escapes.
fn properties_file(set: &mut RuleSet, flags: &mut BTreeMap<&'static str, bool>, path: &str, bytes: &[u8]) -> Result<()> {
    set.files_read.push(path.to_string());
    for (line_no, key, value) in properties(text(path, bytes)?) {
        if value.trim().is_empty() {
            continue;
        }
        apply_key(set, flags, path, line_no, &key, Values::Comma(&value))?;
    }
    Ok(())
}

/// The logical lines of a properties file: (line number of its start, key, value), unescaped.
fn properties(text: &str) -> Vec<(usize, String, String)> {
    let mut out = Vec::new();
    let mut lines = text.lines().enumerate();
    while let Some((n, first)) = lines.next() {
        let start = first.trim_start();
        if start.is_empty() || start.starts_with('#') || start.starts_with('!') {
            continue;
        }
        let mut logical = String::from(start);
        while logical.ends_with('\\') && !logical.ends_with("\\\\") {
            logical.pop();
            match lines.next() {
                Some((_, next)) => logical.push_str(next.trim_start()),
                None => break,
            }
        }
        let mut key = String::new();
        let mut chars = logical.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\\' => key.push(unescape(chars.next())),
                '=' | ':' => break,
                c if c.is_whitespace() => {
                    while chars.peek().is_some_and(|c| c.is_whitespace()) {
                        chars.next();
                    }
                    if chars.peek().is_some_and(|c| *c == '=' || *c == ':') {
                        chars.next();
                    }
                    break;
                }
                c => key.push(c),
            }
        }
        let mut value = String::new();
        let rest: String = chars.collect();
        let mut chars = rest.trim_start().chars();
        while let Some(c) = chars.next() {
            value.push(if c == '\\' { unescape(chars.next()) } else { c });
        }
        out.push((n + 1, key, value));
    }
    out
}

fn unescape(c: Option<char>) -> char {
    match c {
        Some('t') => '\t',
        Some('n') => '\n',
        Some('r') => '\r',
        Some(c) => c,
        None => '\\',
    }
}

enum Values<'a> {
    /// A comma-separated string (properties).
    Comma(&'a str),
    /// A YAML list's items.
    List(Vec<String>),
    /// A YAML scalar where a list belongs.
    Scalar(String),
}

fn apply_key(set: &mut RuleSet, flags: &mut BTreeMap<&'static str, bool>, path: &str, line: usize, key: &str, values: Values<'_>) -> Result<()> {
    let items = |values: Values<'_>| -> Vec<String> {
        match values {
            Values::Comma(s) => s.split(',').map(|v| v.trim().to_string()).filter(|v| !v.is_empty()).collect(),
            Values::List(l) => l,
            Values::Scalar(s) => vec![s],
        }
    };
    if let Some(&(key, effect, field)) = RULE_KEYS.iter().find(|k| k.0 == key) {
        if let Values::Scalar(s) = &values {
            return Err(at(path, line, format!("`{key}` must be a list (`- {s}`), as the official plugin reads it")));
        }
        for value in items(values) {
            let pattern = Pattern::parse(field, &value).map_err(|reason| at(path, line, format!("`{value}`: {reason}")))?;
            set.rules.push(Rule { effect, pattern, source: format!("{path} line {line}") });
        }
        return Ok(());
    }
    for flag in [FLAG_WITH_INDIRECT, FLAG_FAIL_ON_BASE_VERSION] {
        if key == flag {
            let value = match values {
                Values::Comma(s) => s.trim().to_string(),
                Values::Scalar(s) => s,
                Values::List(_) => return Err(at(path, line, format!("`{key}` is true or false, not a list"))),
            };
            let parsed = match value.to_ascii_lowercase().as_str() {
                "true" => true,
                "false" => false,
                _ => return Err(at(path, line, format!("`{key}` is `{value}`; write true or false"))),
            };
            flags.insert(flag, parsed);
            return Ok(());
        }
    }
    if key == WHITELIST {
        set.declared_whitelist.extend(items(values));
        return Ok(());
    }
    // bootstrap.properties and bootstrap.yml also carry the runtime's and the biz's own settings,
    // which are none of slimming's business; only a key that reads like a misspelt slimming key
    // (`excludeGroupId`, `Excludes`) is an error, since it would otherwise be dropped unnoticed.
    let lower = key.to_ascii_lowercase();
    if lower.starts_with("exclude") || lower.starts_with("include") || lower.starts_with("declared.librar") || lower.starts_with("buildfail") {
        return Err(at(path, line, format!("unknown slimming key `{key}`; slimming keys are {}", known_keys())));
    }
    Ok(())
}

/// `bootstrap.yml`: the six keys as lists, the flags as booleans, `declared: libraries: whitelist:`.
/// Dotted keys are nested maps, as Spring reads them.
fn yaml_file(set: &mut RuleSet, flags: &mut BTreeMap<&'static str, bool>, path: &str, bytes: &[u8]) -> Result<()> {
    use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
    use yaml_rust2::scanner::Marker;

    set.files_read.push(path.to_string());
    let source = text(path, bytes)?;

    /// Flattens the document into (dotted key, line, value) leaves while keeping line numbers,
    /// which the loaded `Yaml` tree does not carry.
    #[derive(Default)]
    struct Flatten {
        stack: Vec<Frame>,
        leaves: Vec<(String, usize, Values<'static>)>,
        error: Option<(usize, String)>,
    }
    enum Frame {
        Map { prefix: String, key: Option<(String, usize)> },
        Seq { key: String, line: usize, items: Vec<String> },
    }
    impl Flatten {
        fn key_of(&self) -> Option<(String, usize)> {
            match self.stack.last() {
                Some(Frame::Map { prefix, key: Some((k, line)) }) => Some((if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") }, *line)),
                _ => None,
            }
        }
        fn clear_key(&mut self) {
            if let Some(Frame::Map { key, .. }) = self.stack.last_mut() {
                *key = None;
            }
        }
    }
    impl MarkedEventReceiver for Flatten {
        fn on_event(&mut self, ev: Event, mark: Marker) {
            if self.error.is_some() {
                return;
            }
            let line = mark.line();
            match ev {
                Event::MappingStart(..) => {
                    let prefix = match self.stack.last() {
                        None => String::new(),
                        Some(Frame::Map { .. }) => match self.key_of() {
                            Some((k, _)) => k,
                            None => {
                                self.error = Some((line, "a map cannot be a key".into()));
                                return;
                            }
                        },
                        Some(Frame::Seq { .. }) => {
                            self.error = Some((line, "list items must be plain values".into()));
                            return;
                        }
                    };
                    self.stack.push(Frame::Map { prefix, key: None });
                }
                Event::MappingEnd => {
                    self.stack.pop();
                    self.clear_key();
                }
                Event::SequenceStart(..) => match self.key_of() {
                    Some((key, line)) => self.stack.push(Frame::Seq { key, line, items: Vec::new() }),
                    None => self.error = Some((line, "a list needs a key".into())),
                },
                Event::SequenceEnd => {
                    if let Some(Frame::Seq { key, line, items }) = self.stack.pop() {
                        self.leaves.push((key, line, Values::List(items)));
                    }
                    self.clear_key();
                }
                Event::Scalar(value, ..) => match self.stack.last_mut() {
                    Some(Frame::Seq { items, .. }) => items.push(value),
                    Some(Frame::Map { key: slot @ None, .. }) => *slot = Some((value, line)),
                    Some(Frame::Map { .. }) => {
                        if let Some((key, line)) = self.key_of() {
                            self.leaves.push((key, line, Values::Scalar(value)));
                        }
                        self.clear_key();
                    }
                    None => {}
                },
                Event::Alias(_) => self.error = Some((line, "aliases are not supported here".into())),
                _ => {}
            }
        }
    }

    let mut flatten = Flatten::default();
    let mut parser = Parser::new_from_str(source);
    parser.load(&mut flatten, false).map_err(|e| at(path, e.marker().line(), format!("is not valid YAML: {}", e.info())))?;
    if let Some((line, reason)) = flatten.error {
        return Err(at(path, line, reason));
    }
    for (key, line, values) in flatten.leaves {
        if let Values::Scalar(s) = &values {
            if s.is_empty() {
                continue;
            }
        }
        apply_key(set, flags, path, line, &key, values)?;
    }
    Ok(())
}

/// The JSON `packExcludesUrl` answers: `jarBlack*` exclude, `jarWhite*` include, `jarWarn*` warn.
fn remote_rules(set: &mut RuleSet, remote: &RemoteRules) -> Result<()> {
    let field = "packExcludesUrl";
    let fail = |reason: String| Error::field(field, format!("{}: {reason}", remote.url));
    let body: serde_json::Value = serde_json::from_str(&remote.body).map_err(|e| fail(format!("the answer is not JSON ({e})")))?;
    if body.get("success").and_then(|s| s.as_bool()) == Some(false) {
        return Err(fail("the answer says `\"success\": false`".into()));
    }
    let result = body.get("result").ok_or_else(|| fail("the answer has no `result` object".into()))?;
    let keys = [
        ("jarBlackGroupIds", Effect::Exclude, Field::GroupId),
        ("jarBlackArtifactIds", Effect::Exclude, Field::ArtifactId),
        ("jarBlackList", Effect::Exclude, Field::Item),
        ("jarWhiteGroupIds", Effect::Include, Field::GroupId),
        ("jarWhiteArtifactIds", Effect::Include, Field::ArtifactId),
        ("jarWhiteList", Effect::Include, Field::Item),
        ("jarWarnGroupIds", Effect::Warn, Field::GroupId),
        ("jarWarnArtifactIds", Effect::Warn, Field::ArtifactId),
        ("jarWarnList", Effect::Warn, Field::Item),
    ];
    for (key, effect, field) in keys {
        let Some(list) = result.get(key).filter(|v| !v.is_null()) else { continue };
        let list = list.as_array().ok_or_else(|| fail(format!("`result.{key}` is not a list")))?;
        for item in list {
            let value = item.as_str().ok_or_else(|| fail(format!("`result.{key}` holds {item}, not a string")))?;
            let pattern = Pattern::parse(field, value).map_err(|reason| fail(format!("`result.{key}` item `{value}`: {reason}")))?;
            set.rules.push(Rule { effect, pattern, source: format!("packExcludesUrl {} {key}", remote.url) });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conf(path: &str, text: &str) -> Vec<FileEntry> {
        vec![FileEntry { path: path.into(), content: text.as_bytes().to_vec() }]
    }

    fn described(set: &RuleSet) -> Vec<String> {
        set.rules.iter().map(|r| format!("{} ({})", r.describe(), r.source)).collect()
    }

    #[test]
    fn rules_txt_takes_one_item_per_line_between_the_first_and_second_equals() {
        let set = collect(&SlimRequest::default(), &conf("conf/ark/rules.txt", "# blacklist\n\nexcludeGroupIds=org.apache*\nexcludes=com.a:b=ignored\nincludeArtifactIds=commons-io\n")).unwrap();
        assert_eq!(
            described(&set),
            [
                "excludeGroupIds org.apache* (conf/ark/rules.txt line 3)",
                "excludes com.a:b (conf/ark/rules.txt line 4)",
                "includeArtifactIds commons-io (conf/ark/rules.txt line 5)"
            ]
        );
        assert!(set.with_indirect && !set.fail_on_base_version);
    }

    #[test]
    fn rules_txt_errors_name_file_and_line() {
        let err = collect(&SlimRequest::default(), &conf("conf/ark/rules.txt", "excludes=a:b\nexclude=a:c\n")).unwrap_err();
        assert_eq!(err.to_string(), "conf/ark/rules.txt line 2: unknown key `exclude` (no spaces around `=`); keys are excludes, excludeGroupIds, excludeArtifactIds, includes, includeGroupIds, includeArtifactIds");
        let err = collect(&SlimRequest::default(), &conf("conf/ark/rules.txt", "excludes com.a:b\n")).unwrap_err();
        assert!(err.to_string().starts_with("conf/ark/rules.txt line 1: `excludes com.a:b` is not `key=value`"), "{err}");
        let err = collect(&SlimRequest::default(), &conf("conf/ark/rules.txt", "\n\nexcludes=a:b:c:d:e\n")).unwrap_err();
        assert_eq!(err.to_string(), "conf/ark/rules.txt line 3: `a:b:c:d:e`: has 5 parts; write groupId:artifactId[:version[:classifier]]");
    }

    #[test]
    fn pack_excludes_config_names_another_rules_file() {
        let slim = SlimRequest { pack_excludes_config: Some("slim.txt".into()), ..Default::default() };
        let set = collect(&slim, &conf("conf/ark/slim.txt", "excludeArtifactIds=guava\n")).unwrap();
        assert_eq!(described(&set), ["excludeArtifactIds guava (conf/ark/slim.txt line 1)"]);
        let yml = SlimRequest { pack_excludes_config: Some("bootstrap.yml".into()), ..Default::default() };
        assert!(matches!(collect(&yml, &[]), Err(Error::InvalidField { field, .. }) if field == "packExcludesConfig"));
        assert!(matches!(collect(&slim, &[]), Err(Error::InvalidField { field, .. }) if field == "packExcludesConfig"));
    }

    #[test]
    fn properties_split_on_commas_and_set_flags() {
        let text = "# slimming\nexcludeGroupIds = org.springframework*, io.netty* ,\nexcludes=\\\n  com.x:y\nexcludeWithIndirectDependencies=false\ndeclared.libraries.whitelist=com.a:b,com.c:d\n";
        let set = collect(&SlimRequest::default(), &conf("conf/ark/bootstrap.properties", text)).unwrap();
        assert_eq!(
            described(&set),
            [
                "excludeGroupIds org.springframework* (conf/ark/bootstrap.properties line 2)",
                "excludeGroupIds io.netty* (conf/ark/bootstrap.properties line 2)",
                "excludes com.x:y (conf/ark/bootstrap.properties line 3)"
            ]
        );
        assert!(!set.with_indirect);
        assert_eq!(set.declared_whitelist, ["com.a:b", "com.c:d"]);
        // The biz's own settings pass; a misspelt slimming key does not.
        let err = collect(&SlimRequest::default(), &conf("conf/ark/bootstrap.properties", "greeting=hello\nexcludeGroupId=x\n")).unwrap_err();
        assert!(err.to_string().starts_with("conf/ark/bootstrap.properties line 2: unknown slimming key `excludeGroupId`; slimming keys are excludes,"), "{err}");
        let err = collect(&SlimRequest::default(), &conf("conf/ark/bootstrap.properties", "buildFailWhenExcludeDiffBaseDependency=yes\n")).unwrap_err();
        assert_eq!(err.to_string(), "conf/ark/bootstrap.properties line 1: `buildFailWhenExcludeDiffBaseDependency` is `yes`; write true or false");
    }

    #[test]
    fn yaml_lists_nested_keys_and_properties_winning_flags() {
        let yml = "excludeGroupIds:\n  - org.apache*\n  - com.fasterxml*\nincludes:\n  - org.apache.commons:commons-lang3\nexcludeWithIndirectDependencies: false\ndeclared:\n  libraries:\n    whitelist:\n      - com.a:b\n";
        let mut files = conf("conf/ark/bootstrap.yml", yml);
        files.extend(conf("conf/ark/bootstrap.properties", "excludeWithIndirectDependencies=true\n"));
        let set = collect(&SlimRequest::default(), &files).unwrap();
        assert_eq!(
            described(&set),
            [
                "excludeGroupIds org.apache* (conf/ark/bootstrap.yml line 1)",
                "excludeGroupIds com.fasterxml* (conf/ark/bootstrap.yml line 1)",
                "includes org.apache.commons:commons-lang3 (conf/ark/bootstrap.yml line 4)"
            ]
        );
        assert!(set.with_indirect, "bootstrap.properties wins over bootstrap.yml");
        assert_eq!(set.declared_whitelist, ["com.a:b"]);
    }

    #[test]
    fn bad_yaml_is_reported_with_its_line() {
        let err = collect(&SlimRequest::default(), &conf("conf/ark/bootstrap.yml", "excludes:\n  - a:b\n  c: [\n")).unwrap_err();
        assert!(err.to_string().starts_with("conf/ark/bootstrap.yml line "), "{err}");
        let err = collect(&SlimRequest::default(), &conf("conf/ark/bootstrap.yml", "excludes: a:b\n")).unwrap_err();
        assert_eq!(err.to_string(), "conf/ark/bootstrap.yml line 1: `excludes` must be a list (`- a:b`), as the official plugin reads it");
        let err = collect(&SlimRequest::default(), &conf("conf/ark/bootstrap.yml", "spring:\n  application:\n    name: demo\nincludes.list:\n    - a:b\n")).unwrap_err();
        assert!(err.to_string().starts_with("conf/ark/bootstrap.yml line 4: unknown slimming key `includes.list`"), "{err}");
    }

    #[test]
    fn remote_rules_map_black_white_and_warn() {
        let body = r#"{"success":true,"result":{"app":"demo","jarBlackGroupIds":["org.apache*"],"jarWhiteList":["org.apache.commons:commons-lang3"],"jarWarnArtifactIds":["guava"],"jarBlackList":null}}"#;
        let slim = SlimRequest { pack_excludes_url: Some(RemoteRules { url: "http://127.0.0.1:1/rules".into(), body: body.into() }), ..Default::default() };
        let set = collect(&slim, &[]).unwrap();
        assert_eq!(
            set.rules.iter().map(|r| (r.effect, r.describe())).collect::<Vec<_>>(),
            [
                (Effect::Exclude, "excludeGroupIds org.apache*".to_string()),
                (Effect::Include, "includes org.apache.commons:commons-lang3".to_string()),
                (Effect::Warn, "jarWarnArtifactIds guava".to_string())
            ]
        );
        let bad = SlimRequest { pack_excludes_url: Some(RemoteRules { url: "http://h/x".into(), body: "<html>".into() }), ..Default::default() };
        assert!(collect(&bad, &[]).unwrap_err().to_string().starts_with("invalid `packExcludesUrl`: http://h/x: the answer is not JSON"));
    }

    #[test]
    fn parameters_are_rules_too() {
        let slim = SlimRequest { excludes: vec!["com.a:b".into(), " ".into()], include_group_ids: vec!["com.keep".into()], ..Default::default() };
        let set = collect(&slim, &[]).unwrap();
        assert_eq!(described(&set), ["excludes com.a:b (parameter excludes)", "includeGroupIds com.keep (parameter includeGroupIds)"]);
        let bad = SlimRequest { excludes: vec!["a".into()], ..Default::default() };
        assert_eq!(collect(&bad, &[]).unwrap_err().to_string(), "invalid `excludes`: `a`: has 1 part; write groupId:artifactId[:version[:classifier]]");
    }
}
