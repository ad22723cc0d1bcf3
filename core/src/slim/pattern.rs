//! Matching rules against artifacts, with the official plugin's semantics (reference
//! `ark-format.md` §3.3): `excludes`/`includes` items are `groupId:artifactId[:version[:classifier]]`
//! with `*` for any part (a missing version is any version; a missing classifier matches only
//! artifacts without one); the item `*` or `.*` matches everything; groupId and artifactId lists
//! match exactly, or by prefix when the value ends with `*` or `.*` (so `org.apache*` also matches
//! `org.apachefoo`).

use crate::model::Coordinates;

/// Which part of the coordinates a pattern looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    /// A whole `g:a[:v[:c]]` item.
    Item,
    GroupId,
    ArtifactId,
}

/// A parsed pattern and the text it was written as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    pub field: Field,
    pub text: String,
    matcher: Matcher,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Matcher {
    Everything,
    Item { group: String, artifact: String, version: Option<String>, classifier: Option<String> },
    Exact(String),
    Prefix(String),
}

impl Pattern {
    /// Parses `text` for `field`; the error says what is wrong, for the caller to place.
    pub fn parse(field: Field, text: &str) -> Result<Pattern, String> {
        let matcher = match field {
            Field::Item if text == "*" || text == ".*" => Matcher::Everything,
            Field::Item => {
                // Split as commons-lang's StringUtils.split does: empty parts are dropped.
                let parts: Vec<&str> = text.split(':').filter(|p| !p.is_empty()).collect();
                if !(2..=4).contains(&parts.len()) {
                    let n = parts.len();
                    return Err(format!("has {n} part{}; write groupId:artifactId[:version[:classifier]]", if n == 1 { "" } else { "s" }));
                }
                Matcher::Item {
                    group: parts[0].to_string(),
                    artifact: parts[1].to_string(),
                    version: parts.get(2).map(|v| v.to_string()),
                    classifier: parts.get(3).map(|c| c.to_string()),
                }
            }
            Field::GroupId | Field::ArtifactId => match text.strip_suffix(".*").or_else(|| text.strip_suffix('*')) {
                Some(prefix) => Matcher::Prefix(prefix.to_string()),
                None => Matcher::Exact(text.to_string()),
            },
        };
        Ok(Pattern { field, text: text.to_string(), matcher })
    }

    pub fn matches(&self, c: &Coordinates) -> bool {
        let value = match self.field {
            Field::GroupId => &c.group_id,
            Field::ArtifactId => &c.artifact_id,
            Field::Item => "",
        };
        match &self.matcher {
            Matcher::Everything => true,
            Matcher::Exact(v) => value == v,
            Matcher::Prefix(p) => value.starts_with(p.as_str()),
            Matcher::Item { group, artifact, version, classifier } => {
                let any = |p: &str, v: &str| p == "*" || p == v;
                any(group, &c.group_id)
                    && any(artifact, &c.artifact_id)
                    && version.as_deref().is_none_or(|v| any(v, &c.version))
                    && match (classifier.as_deref(), c.classifier.as_deref().filter(|c| !c.is_empty())) {
                        (Some("*"), _) => true,
                        (p, a) => p == a,
                    }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(g: &str, a: &str, v: &str, classifier: Option<&str>) -> Coordinates {
        Coordinates { group_id: g.into(), artifact_id: a.into(), version: v.into(), classifier: classifier.map(Into::into), extension: "jar".into() }
    }

    fn m(field: Field, p: &str, coords: &Coordinates) -> bool {
        Pattern::parse(field, p).unwrap().matches(coords)
    }

    #[test]
    fn items_match_like_the_official_artifact_item() {
        let plain = c("org.apache.commons", "commons-lang3", "3.12.0", None);
        let jdk8 = c("io.netty", "netty-transport-native-epoll", "4.1.0", Some("linux-x86_64"));
        assert!(m(Field::Item, "org.apache.commons:commons-lang3", &plain));
        assert!(m(Field::Item, "org.apache.commons:commons-lang3:3.12.0", &plain));
        assert!(!m(Field::Item, "org.apache.commons:commons-lang3:3.11", &plain));
        assert!(m(Field::Item, "*:commons-lang3", &plain));
        assert!(m(Field::Item, "org.apache.commons:*:*", &plain));
        // A missing classifier matches only artifacts without one (sofa-ark#982 made version optional).
        assert!(!m(Field::Item, "io.netty:netty-transport-native-epoll", &jdk8));
        assert!(m(Field::Item, "io.netty:netty-transport-native-epoll:4.1.0:linux-x86_64", &jdk8));
        assert!(m(Field::Item, "io.netty:netty-transport-native-epoll:*:*", &jdk8));
        assert!(m(Field::Item, "*", &jdk8) && m(Field::Item, ".*", &plain));
        // No other globbing: `org.apache*` as an item's groupId is literal.
        assert!(!m(Field::Item, "org.apache*:commons-lang3", &plain));
        // Empty parts are dropped, as commons-lang splits.
        assert!(m(Field::Item, "org.apache.commons::commons-lang3", &plain));
    }

    #[test]
    fn id_lists_match_exactly_or_by_prefix() {
        let spring = c("org.springframework", "spring-core", "5.3.0", None);
        let other = c("org.springframeworkx", "x", "1", None);
        assert!(m(Field::GroupId, "org.springframework", &spring) && !m(Field::GroupId, "org.spring", &spring));
        assert!(m(Field::GroupId, "org.springframework*", &spring) && m(Field::GroupId, "org.springframework.*", &spring));
        // `.*` is stripped to a plain prefix, so it also matches a longer groupId, as officially.
        assert!(m(Field::GroupId, "org.springframework.*", &other));
        assert!(m(Field::ArtifactId, "spring-*", &spring) && !m(Field::ArtifactId, "spring", &spring));
        assert!(m(Field::ArtifactId, "*", &spring));
    }

    #[test]
    fn items_need_two_to_four_parts() {
        assert_eq!(Pattern::parse(Field::Item, "a").unwrap_err(), "has 1 part; write groupId:artifactId[:version[:classifier]]");
        assert!(Pattern::parse(Field::Item, "a:b:c:d:e").unwrap_err().starts_with("has 5 parts"));
    }
}
