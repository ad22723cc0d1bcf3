//! The split plan: which source and resource files move or are copied into the new module, its
//! `pom.xml` (base bundles and shared libraries `provided`, packaged by arkpack's Maven plugin), a
//! bootstrap class when none moves, the injections that must become base lookups and what the base
//! keeps. `arkpack split apply` carries it out; the core only decides.

use std::collections::{BTreeMap, BTreeSet};

use super::session::Session;
use crate::model::{Coordinates, FileMove, GeneratedFile, InjectionChange, ResourceAction, ResourceKind, ResourceMove, RootModule, SplitPlan};
use crate::{Error, Result};

const PLUGIN_GROUP: &str = "dev.arkpack";
const PLUGIN_ARTIFACT: &str = "arkpack-maven-plugin";
const PLUGIN_VERSION: &str = "0.1.0-SNAPSHOT";

impl Session {
    pub fn plan(&self, ids: &[String], name: &str) -> Result<SplitPlan> {
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')) || name.starts_with('.') {
            return Err(Error::field("name", format!("`{name}` is not a usable module name: use letters, digits, `-`, `_` and `.`")));
        }
        let sel = self.select(ids)?;
        let n = self.classes.len();
        let evaluation = self.evaluate_selection(&sel);
        let base_dependents = |c: usize| self.inc.to[self.inc.range(c)].iter().filter(|&&u| !sel[u as usize]).count();
        let bundle_dirs: BTreeMap<&str, Option<&str>> = self.analysis.bundles.iter().map(|b| (b.id.as_str(), b.project_dir.as_deref())).collect();
        let join = |dir: Option<&str>, rest: &str| match dir.map(|d| d.trim_matches('/')).filter(|d| !d.is_empty() && *d != ".") {
            Some(d) => format!("{d}/{rest}"),
            None => rest.to_string(),
        };
        let class_bundle = |c: usize| self.bundles.get(self.bundle_of[c] as usize).map(|b| b.0.as_str()).unwrap_or("");

        // Source files: every class compiled from a file, grouped by (bundle, file).
        let mut files: BTreeMap<(String, String), Vec<u32>> = BTreeMap::new();
        let mut has_main = false;
        for s in &self.analysis.sources {
            if let Some(&c) = self.class_index.get(&s.node) {
                files.entry((class_bundle(c as usize).to_string(), s.file.clone())).or_default().push(c);
                has_main |= sel[c as usize] && s.main;
            }
        }
        let (mut moves, mut copies) = (Vec::new(), Vec::new());
        for ((bundle, file), classes) in &files {
            if !classes.iter().any(|&c| sel[c as usize]) {
                continue;
            }
            let from = join(bundle_dirs.get(bundle.as_str()).copied().flatten(), &format!("src/main/java/{file}"));
            let to = format!("{name}/src/main/java/{file}");
            let ids: Vec<String> = classes.iter().map(|&c| self.classes[c as usize].clone()).collect();
            let unselected: Vec<u32> = classes.iter().copied().filter(|&c| !sel[c as usize]).collect();
            let depended: Vec<(u32, usize)> = classes.iter().map(|&c| (c, base_dependents(c as usize))).filter(|&(c, k)| sel[c as usize] && k > 0).collect();
            let reason = if let Some(&c) = unselected.first() {
                Some(format!("{} is compiled from it and stays in the base", &self.classes[c as usize][2..]))
            } else {
                depended.first().map(|&(c, k)| format!("{k} base class{} depend{} on {}", if k == 1 { "" } else { "es" }, if k == 1 { "s" } else { "" }, &self.classes[c as usize][2..]))
            };
            let m = FileMove { from, to, classes: ids, reason: reason.clone() };
            if reason.is_some() {
                copies.push(m);
            } else {
                moves.push(FileMove { reason: None, ..m });
            }
        }

        // Resources go with the classes they name.
        let mut resources = Vec::new();
        for r in &self.analysis.resources {
            let named: Vec<u32> = r.classes.iter().filter_map(|c| self.class_index.get(c).copied()).collect();
            let selected = named.iter().filter(|&&c| sel[c as usize]).count();
            if selected == 0 {
                continue;
            }
            let all_move = selected == named.len() && (r.kind != ResourceKind::Mapper || named.iter().all(|&c| base_dependents(c as usize) == 0));
            resources.push(ResourceMove {
                from: join(bundle_dirs.get(r.bundle.as_str()).copied().flatten(), &format!("src/main/resources/{}", r.path)),
                to: format!("{name}/src/main/resources/{}", r.path),
                action: if all_move { ResourceAction::Move } else { ResourceAction::Copy },
            });
        }

        // What the module needs from the base: bundles of the base classes it references, libraries.
        let mut base_bundles: BTreeSet<u32> = BTreeSet::new();
        let mut base_keeps = BTreeSet::new();
        for u in (0..n).filter(|&u| sel[u]) {
            for &v in &self.out.to[self.out.range(u)] {
                if !sel[v as usize] {
                    base_keeps.insert(v);
                    base_bundles.insert(self.bundle_of[v as usize]);
                }
            }
        }
        let module_libs = self.libraries_used(&sel, true);
        let base_libs = self.libraries_used(&sel, false);
        let library_coordinates: BTreeMap<&str, Option<&Coordinates>> = self.analysis.libraries.iter().map(|l| (l.id.as_str(), l.coordinates.as_ref())).collect();
        let bundle_coordinates: BTreeMap<&str, Option<&Coordinates>> = self.analysis.bundles.iter().map(|b| (b.id.as_str(), b.coordinates.as_ref())).collect();
        let first_selected = (0..n).find(|&c| sel[c]);
        let own = first_selected.and_then(|c| bundle_coordinates.get(class_bundle(c)).copied().flatten());
        let group = own.map(|c| c.group_id.clone()).unwrap_or_else(|| "com.example".into());
        let version = own.map(|c| c.version.clone()).unwrap_or_else(|| "1.0.0-SNAPSHOT".into());

        let mut deps: Vec<Dep> = Vec::new();
        for b in &base_bundles {
            let Some((id, _)) = self.bundles.get(*b as usize) else { continue };
            match bundle_coordinates.get(id.as_str()).copied().flatten() {
                Some(c) => deps.push(Dep::Known(c.clone(), true, format!("base bundle {id}"))),
                None => deps.push(Dep::Unknown(format!("{id}: classes of this base bundle are referenced; add its coordinates (scope provided)"))),
            }
        }
        let mut boot = None;
        for &l in &module_libs {
            let id = &self.library_ids[l as usize];
            match library_coordinates.get(id.as_str()).copied().flatten() {
                Some(c) => deps.push(Dep::Known(c.clone(), base_libs.contains(&l), id.clone())),
                None => deps.push(Dep::Unknown(format!("{id}: its coordinates are unknown; add it by hand"))),
            }
        }
        for l in &self.analysis.libraries {
            if let Some(c) = &l.coordinates {
                if c.group_id == "org.springframework.boot" && c.artifact_id == "spring-boot-autoconfigure" {
                    boot = Some(c.clone());
                }
            }
        }

        let mut generated = Vec::new();
        if !has_main {
            let package = self.common_package(&sel);
            let class = format!("{}Application", camel(name));
            let (text, extra) = bootstrap(&package, &class, boot.is_some());
            if let (true, Some(c)) = (extra, &boot) {
                if !deps.iter().any(|d| matches!(d, Dep::Known(k, _, _) if k.artifact_id == c.artifact_id)) {
                    deps.push(Dep::Known(c.clone(), true, "the bootstrap class".into()));
                }
                if let Some(sb) = self.analysis.libraries.iter().filter_map(|l| l.coordinates.as_ref()).find(|c| c.group_id == "org.springframework.boot" && c.artifact_id == "spring-boot") {
                    if !deps.iter().any(|d| matches!(d, Dep::Known(k, _, _) if k.artifact_id == "spring-boot")) {
                        deps.push(Dep::Known(sb.clone(), true, "the bootstrap class".into()));
                    }
                }
            }
            let path = if package.is_empty() { class.clone() } else { format!("{}/{class}", package.replace('.', "/")) };
            generated.push(GeneratedFile { path: format!("{name}/src/main/java/{path}.java"), content: text });
        }
        generated.insert(0, GeneratedFile { path: format!("{name}/pom.xml"), content: pom(&group, name, &version, &deps) });

        let root_module = self
            .analysis
            .bundles
            .iter()
            .any(|b| b.project_dir.as_deref().is_some_and(|d| !d.is_empty() && d != "." && !d.starts_with("..")))
            .then(|| RootModule { pom: "pom.xml".into(), module: name.to_string() });

        let mut injections = Vec::new();
        for c in (0..n).filter(|&c| sel[c]) {
            for p in &self.points[c] {
                if let Some(provider) = p.provider.filter(|&p| !sel[p as usize]) {
                    injections.push(InjectionChange {
                        node: self.classes[c].clone(),
                        member: p.member.clone(),
                        bean: p.bean.clone().unwrap_or_default(),
                        provider: self.classes[provider as usize].clone(),
                        change: "inject from the base: @AutowiredFromBase (koupleless-common) instead of @Autowired/@Resource".into(),
                    });
                }
            }
        }

        Ok(SplitPlan {
            name: name.to_string(),
            module_dir: name.to_string(),
            members: (0..n).filter(|&c| sel[c]).map(|c| self.classes[c].clone()).collect(),
            moves,
            copies,
            resources,
            generated,
            root_module,
            injections,
            base_keeps: base_keeps.into_iter().map(|c| self.classes[c as usize].clone()).collect(),
            metrics: evaluation.metrics,
            problems: evaluation.verify.problems,
        })
    }

    /// The longest common package of the selected classes, dotted.
    fn common_package(&self, sel: &[bool]) -> String {
        let mut common: Option<Vec<&str>> = None;
        for c in (0..self.classes.len()).filter(|&c| sel[c]) {
            let p = self.packages[self.package_of[c] as usize].0.trim_start_matches("p:");
            let parts: Vec<&str> = if p == "(default)" { Vec::new() } else { p.split('.').collect() };
            common = Some(match common {
                None => parts,
                Some(prev) => prev.iter().zip(&parts).take_while(|(a, b)| a == b).map(|(a, _)| *a).collect(),
            });
        }
        common.unwrap_or_default().join(".")
    }
}

/// A dependency of the module's POM: coordinates, whether `provided`, why; or a note to add by hand.
enum Dep {
    Known(Coordinates, bool, String),
    Unknown(String),
}

fn pom(group: &str, name: &str, version: &str, deps: &[Dep]) -> String {
    let mut s = String::new();
    s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.push_str("<!-- Written by `arkpack split plan`: a Koupleless module carved out of the base. Dependencies the base\n     already has are `provided`: the base supplies them at run time. -->\n");
    s.push_str("<project xmlns=\"http://maven.apache.org/POM/4.0.0\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n");
    s.push_str("         xsi:schemaLocation=\"http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd\">\n");
    s.push_str("  <modelVersion>4.0.0</modelVersion>\n");
    s.push_str(&format!("  <groupId>{}</groupId>\n  <artifactId>{}</artifactId>\n  <version>{}</version>\n  <packaging>jar</packaging>\n\n", esc(group), esc(name), esc(version)));
    s.push_str("  <properties>\n    <maven.compiler.source>1.8</maven.compiler.source>\n    <maven.compiler.target>1.8</maven.compiler.target>\n    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>\n  </properties>\n\n");
    s.push_str("  <dependencies>\n");
    let mut seen = BTreeSet::new();
    for d in deps {
        match d {
            Dep::Known(c, provided, why) => {
                if !seen.insert((c.group_id.clone(), c.artifact_id.clone())) {
                    continue;
                }
                s.push_str(&format!("    <!-- {} -->\n    <dependency>\n      <groupId>{}</groupId>\n      <artifactId>{}</artifactId>\n      <version>{}</version>\n", esc(why), esc(&c.group_id), esc(&c.artifact_id), esc(&c.version)));
                if *provided {
                    s.push_str("      <scope>provided</scope>\n");
                }
                s.push_str("    </dependency>\n");
            }
            Dep::Unknown(note) => s.push_str(&format!("    <!-- TODO {} -->\n", esc(note))),
        }
    }
    s.push_str("  </dependencies>\n\n");
    s.push_str("  <build>\n");
    s.push_str("    <!-- The standard plugins at versions that build on JDK 8 to 21. -->\n    <pluginManagement>\n      <plugins>\n");
    for (artifact, version) in [("maven-resources-plugin", "3.3.1"), ("maven-compiler-plugin", "3.11.0"), ("maven-surefire-plugin", "3.2.5"), ("maven-jar-plugin", "3.3.0"), ("maven-install-plugin", "3.1.2")] {
        s.push_str(&format!("        <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>{artifact}</artifactId><version>{version}</version></plugin>\n"));
    }
    s.push_str("      </plugins>\n    </pluginManagement>\n    <plugins>\n      <plugin>\n");
    s.push_str(&format!("        <!-- Drop-in for com.alipay.sofa:sofa-ark-maven-plugin: the same parameters. -->\n        <groupId>{PLUGIN_GROUP}</groupId>\n        <artifactId>{PLUGIN_ARTIFACT}</artifactId>\n        <version>{PLUGIN_VERSION}</version>\n"));
    s.push_str("        <executions>\n          <execution>\n            <id>default-cli</id>\n            <goals>\n              <goal>repackage</goal>\n            </goals>\n          </execution>\n        </executions>\n");
    s.push_str(&format!("        <configuration>\n          <bizName>{}</bizName>\n          <webContextPath>{}</webContextPath>\n          <declaredMode>true</declaredMode>\n          <skipArkExecutable>true</skipArkExecutable>\n        </configuration>\n", esc(name), esc(name)));
    s.push_str("      </plugin>\n    </plugins>\n  </build>\n</project>\n");
    s
}

fn bootstrap(package: &str, class: &str, spring_boot: bool) -> (String, bool) {
    let mut s = String::new();
    if !package.is_empty() {
        s.push_str(&format!("package {package};\n\n"));
    }
    if spring_boot {
        s.push_str("import org.springframework.boot.SpringApplication;\nimport org.springframework.boot.autoconfigure.SpringBootApplication;\n\n");
        s.push_str(&format!("/** The module's bootstrap class, written by `arkpack split plan`. */\n@SpringBootApplication\npublic class {class} {{\n    public static void main(String[] args) {{\n        SpringApplication.run({class}.class, args);\n    }}\n}}\n"));
    } else {
        s.push_str(&format!("/** The module's bootstrap class, written by `arkpack split plan`: start the module's context here. */\npublic class {class} {{\n    public static void main(String[] args) {{\n    }}\n}}\n"));
    }
    (s, spring_boot)
}

/// `orders-module` → `OrdersModule`.
fn camel(name: &str) -> String {
    name.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|p| !p.is_empty())
        .map(|p| {
            let mut ch = p.chars();
            ch.next().map(|f| f.to_ascii_uppercase().to_string() + ch.as_str()).unwrap_or_default()
        })
        .collect::<String>()
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .to_string()
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}
