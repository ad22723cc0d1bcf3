//! The split plan: which source and resource files move or are copied into the new module, its
//! `pom.xml` (base bundles and shared libraries `provided`, packaged by arkpack's Maven plugin), a
//! bootstrap class when none moves (scanning the module's packages only), the module's own MyBatis
//! set-up over the base's data source when mappers move, the injections that must become base lookups
//! and what the base keeps. `arkpack split apply` carries it out (with [`super::inject`] for the
//! injections); the core only decides.

use std::collections::{BTreeMap, BTreeSet};

use super::session::Session;
use crate::model::{Coordinates, EntryKind, FileMove, GeneratedFile, InjectionChange, NodeKind, ResourceAction, ResourceKind, ResourceMove, RootModule, SplitNode, SplitPlan, Stereotype};
use crate::{Error, Result};

const PLUGIN_GROUP: &str = "dev.arkpack";
const PLUGIN_ARTIFACT: &str = "arkpack-maven-plugin";
const PLUGIN_VERSION: &str = "0.1.0-SNAPSHOT";
const KOUPLELESS_GROUP: &str = "com.alipay.sofa.koupleless";
/// The Koupleless release a module's `koupleless-app-starter` names when the app has no Koupleless
/// library to take the version from: the 1.x line for Spring Boot 2, the 2.x line for Spring Boot 3
/// (the releases tests/e2e runs a real base of).
const KOUPLELESS_FOR_BOOT_2: &str = "1.2.2";
const KOUPLELESS_FOR_BOOT_3: &str = "2.1.3";

/// Artifacts whose jars carry no `pom.properties` (Spring's are built with Gradle), with their group: a
/// library named `<artifactId>-<version>`, as `mvn dependency:copy-dependencies` names the jar, gets
/// these coordinates.
const WELL_KNOWN: &[(&str, &str)] = &[
    ("spring-boot", "org.springframework.boot"),
    ("spring-boot-autoconfigure", "org.springframework.boot"),
    ("spring-aop", "org.springframework"),
    ("spring-beans", "org.springframework"),
    ("spring-context", "org.springframework"),
    ("spring-core", "org.springframework"),
    ("spring-expression", "org.springframework"),
    ("spring-jcl", "org.springframework"),
    ("spring-jdbc", "org.springframework"),
    ("spring-tx", "org.springframework"),
    ("spring-web", "org.springframework"),
    ("spring-webmvc", "org.springframework"),
    ("mybatis", "org.mybatis"),
    ("mybatis-spring", "org.mybatis"),
];

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
        for &l in &module_libs {
            let id = &self.library_ids[l as usize];
            match self.library_coordinates(id) {
                Some(c) => deps.push(Dep::Known(c, base_libs.contains(&l), id.clone())),
                None => deps.push(Dep::Unknown(format!("{id}: its coordinates are unknown; add it by hand"))),
            }
        }
        let boot = self.find_library("spring-boot-autoconfigure");
        let node_of: BTreeMap<&str, &SplitNode> = self.analysis.nodes.iter().filter(|n| n.kind == NodeKind::Class).map(|n| (n.id.as_str(), n)).collect();
        let node = |c: usize| node_of.get(self.classes[c].as_str()).copied();

        // Injections whose bean stays in the base: `apply` rewrites the fields (`inject`), parameters are left.
        let mut injections = Vec::new();
        for c in (0..n).filter(|&c| sel[c]) {
            for p in &self.points[c] {
                if let Some(provider) = p.provider.filter(|&p| !sel[p as usize]) {
                    let change = if p.member.contains('(') {
                        "take it from the base by hand: it is a constructor, setter or @Bean method parameter, and @AutowiredFromBase (koupleless-common) takes fields only"
                    } else {
                        "apply makes the field take it from the base: @AutowiredFromBase (koupleless-common) instead of @Autowired/@Inject/@Resource, by name when a qualifier named the bean"
                    };
                    injections.push(InjectionChange {
                        node: self.classes[c].clone(),
                        member: p.member.clone(),
                        bean: p.bean.clone().unwrap_or_default(),
                        provider: self.classes[provider as usize].clone(),
                        change: change.into(),
                    });
                }
            }
        }

        // MyBatis mapper interfaces that move lose the base's MyBatis set-up (it stays in the base), unless
        // the module brings its own (one of its classes uses mybatis-spring).
        let mappers: Vec<usize> = (0..n).filter(|&c| sel[c] && node(c).and_then(|x| x.bean.as_ref()).is_some_and(|b| b.stereotype == Stereotype::Mapper)).collect();
        let wires_mybatis = module_libs.iter().any(|&l| {
            let id = &self.library_ids[l as usize];
            self.library_coordinates(id).is_some_and(|c| c.artifact_id.starts_with("mybatis-spring"))
        });
        let mybatis = !mappers.is_empty() && !wires_mybatis;

        let mut generated = Vec::new();
        let provided = |deps: &mut Vec<Dep>, c: Option<Coordinates>, why: &str| {
            if let Some(c) = c {
                if !deps.iter().any(|d| matches!(d, Dep::Known(k, _, _) if k.group_id == c.group_id && k.artifact_id == c.artifact_id)) {
                    deps.push(Dep::Known(c, true, why.into()));
                }
            }
        };
        if !has_main {
            let package = self.common_package(&sel);
            let class = format!("{}Application", camel(name));
            let scan = self.scan_packages(&sel);
            let exclude: Vec<String> = match &scan {
                Some(scan) => (0..n)
                    .filter(|&c| !sel[c])
                    .filter(|&c| node(c).and_then(|x| x.bean.as_ref()).is_some_and(|b| matches!(b.stereotype, Stereotype::Component | Stereotype::Service | Stereotype::Repository | Stereotype::Controller | Stereotype::Configuration)))
                    .filter(|&c| {
                        let p = self.packages[self.package_of[c] as usize].0.trim_start_matches("p:");
                        scan.iter().any(|s| p == s || p.starts_with(&format!("{s}.")))
                    })
                    .map(|c| self.classes[c][2..].to_string())
                    .collect(),
                None => Vec::new(),
            };
            let text = bootstrap(&package, &class, boot.is_some(), scan.as_deref(), &exclude);
            if boot.is_some() {
                provided(&mut deps, boot.clone(), "the bootstrap class");
                provided(&mut deps, self.find_library("spring-boot"), "the bootstrap class");
            }
            let path = if package.is_empty() { class.clone() } else { format!("{}/{class}", package.replace('.', "/")) };
            generated.push(GeneratedFile { path: format!("{name}/src/main/java/{path}.java"), content: text });
        }
        if let Some(b) = boot.as_ref().filter(|_| (0..n).any(|c| sel[c] && node(c).is_some_and(|x| x.entry == Some(EntryKind::Controller)))) {
            let web = Coordinates { artifact_id: "spring-boot-starter-web".into(), classifier: None, extension: "jar".into(), ..b.clone() };
            provided(&mut deps, Some(web), "the module's controllers join the base's web server (web-ark-plugin); Spring MVC and Tomcat come from the base");
        }
        if !injections.is_empty() || mybatis {
            let k = Coordinates {
                group_id: KOUPLELESS_GROUP.into(),
                artifact_id: "koupleless-app-starter".into(),
                version: self.koupleless_version(boot.as_ref()),
                classifier: None,
                extension: "jar".into(),
            };
            provided(&mut deps, Some(k), "@AutowiredFromBase and SpringBeanFinder (koupleless-common): beans of the base; keep the Koupleless version of your base");
        }
        if mybatis {
            let class_of = |c: usize| self.classes[c][2..].replace('$', ".");
            let mut mask = vec![false; n];
            mappers.iter().for_each(|&c| mask[c] = true);
            let package = self.common_package(&mask);
            let class = format!("{}MyBatisConfig", camel(name));
            let list: Vec<(String, String)> = mappers.iter().map(|&c| (class_of(c), node(c).and_then(|x| x.bean.as_ref()).map(|b| b.name.clone()).unwrap_or_default())).collect();
            let mut xmls: Vec<String> = self
                .analysis
                .resources
                .iter()
                .filter(|r| r.kind == ResourceKind::Mapper && r.classes.iter().any(|c| self.class_index.get(c).is_some_and(|&i| mask[i as usize])))
                .map(|r| r.path.clone())
                .collect();
            xmls.sort();
            xmls.dedup();
            let session = format!("{}SqlSession", super::spring::decapitalize(&camel(name)));
            let path = if package.is_empty() { class.clone() } else { format!("{}/{class}", package.replace('.', "/")) };
            generated.push(GeneratedFile { path: format!("{name}/src/main/java/{path}.java"), content: mybatis_config(&package, &class, &session, &list, &xmls) });
            match self.find_library("mybatis-spring") {
                Some(c) => provided(&mut deps, Some(c), "the generated MyBatis configuration"),
                None => deps.push(Dep::Unknown("org.mybatis:mybatis-spring: the generated MyBatis configuration needs it and the app's libraries do not name its version; add it (scope provided)".into())),
            }
            provided(&mut deps, self.find_library("mybatis"), "the generated MyBatis configuration");
        }
        generated.insert(0, GeneratedFile { path: format!("{name}/pom.xml"), content: pom(&group, name, &version, &deps) });

        let root_module = self
            .analysis
            .bundles
            .iter()
            .any(|b| b.project_dir.as_deref().is_some_and(|d| !d.is_empty() && d != "." && !d.starts_with("..")))
            .then(|| RootModule { pom: "pom.xml".into(), module: name.to_string() });

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
            warnings: evaluation.verify.warnings,
        })
    }

    /// The coordinates of library `id`: those its jar records, else those of a well-known artifact
    /// named by its file name (`l:spring-boot-2.7.16`).
    fn library_coordinates(&self, id: &str) -> Option<Coordinates> {
        if let Some(c) = self.analysis.libraries.iter().find(|l| l.id == id).and_then(|l| l.coordinates.clone()) {
            return Some(c);
        }
        let file = id.strip_prefix("l:").unwrap_or(id);
        WELL_KNOWN.iter().find_map(|&(artifact, group)| {
            let version = file.strip_prefix(artifact)?.strip_prefix('-').filter(|v| v.starts_with(|c: char| c.is_ascii_digit()))?;
            Some(Coordinates { group_id: group.into(), artifact_id: artifact.into(), version: version.into(), classifier: None, extension: "jar".into() })
        })
    }

    /// The coordinates of the app's library `artifact`, when it has one.
    fn find_library(&self, artifact: &str) -> Option<Coordinates> {
        self.analysis.libraries.iter().filter_map(|l| self.library_coordinates(&l.id)).find(|c| c.artifact_id == artifact)
    }

    /// The Koupleless version for the module: the app's own (a monolith is often a base already), else
    /// the line that matches its Spring Boot.
    fn koupleless_version(&self, boot: Option<&Coordinates>) -> String {
        if let Some(c) = self.analysis.libraries.iter().filter_map(|l| l.coordinates.as_ref()).find(|c| c.group_id == KOUPLELESS_GROUP) {
            return c.version.clone();
        }
        let major: u32 = boot.and_then(|b| b.version.split('.').next()?.parse().ok()).unwrap_or(2);
        if major >= 3 { KOUPLELESS_FOR_BOOT_3 } else { KOUPLELESS_FOR_BOOT_2 }.to_string()
    }

    /// The packages a generated bootstrap class scans: those of the selected classes, less any whose
    /// parent package is listed too. `None` when a class is in the default package.
    fn scan_packages(&self, sel: &[bool]) -> Option<Vec<String>> {
        let mut all = BTreeSet::new();
        for c in (0..self.classes.len()).filter(|&c| sel[c]) {
            let p = self.packages[self.package_of[c] as usize].0.trim_start_matches("p:");
            if p == "(default)" {
                return None;
            }
            all.insert(p.to_string());
        }
        Some(all.iter().filter(|p| !all.iter().any(|q| p.starts_with(&format!("{q}.")))).cloned().collect())
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

/// The module's start class. A Spring Boot one scans the module's own packages only: the base's classes
/// are visible in the module too (they are `provided`), and their beans belong to the base's context.
/// Base bean classes inside those packages (`exclude`, binary names) are filtered out of the scan.
fn bootstrap(package: &str, class: &str, spring_boot: bool, scan: Option<&[String]>, exclude: &[String]) -> String {
    let mut s = String::new();
    if !package.is_empty() {
        s.push_str(&format!("package {package};\n\n"));
    }
    let quoted = |list: &[String]| list.iter().map(|p| format!("\"{p}\"")).collect::<Vec<_>>().join(", ");
    let main = format!("public class {class} {{\n    public static void main(String[] args) {{\n        SpringApplication.run({class}.class, args);\n    }}\n}}\n");
    if !spring_boot {
        s.push_str(&format!("/** The module's bootstrap class, written by `arkpack split plan`: start the module's context here. */\npublic class {class} {{\n    public static void main(String[] args) {{\n    }}\n}}\n"));
        return s;
    }
    let doc = "/**\n * The module's bootstrap class, written by `arkpack split plan`. It scans the module's own packages only:\n * the base's classes are visible in the module too (`provided`), and their beans belong to the base.\n */\n";
    match scan {
        None => {
            s.push_str("import org.springframework.boot.SpringApplication;\nimport org.springframework.boot.autoconfigure.SpringBootApplication;\n\n");
            s.push_str(&format!("/** The module's bootstrap class, written by `arkpack split plan`. */\n@SpringBootApplication\n{main}"));
        }
        Some(scan) if exclude.is_empty() => {
            s.push_str("import org.springframework.boot.SpringApplication;\nimport org.springframework.boot.autoconfigure.SpringBootApplication;\n\n");
            s.push_str(&format!("{doc}@SpringBootApplication(scanBasePackages = {{{}}})\n{main}", quoted(scan)));
        }
        Some(scan) => {
            for import in [
                "org.springframework.boot.SpringApplication",
                "org.springframework.boot.SpringBootConfiguration",
                "org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter",
                "org.springframework.boot.autoconfigure.EnableAutoConfiguration",
                "org.springframework.boot.context.TypeExcludeFilter",
                "org.springframework.context.annotation.ComponentScan",
                "org.springframework.context.annotation.FilterType",
            ] {
                s.push_str(&format!("import {import};\n"));
            }
            let patterns: Vec<String> = exclude.iter().map(|c| c.replace('.', "\\\\.").replace('$', "\\\\$")).collect();
            s.push_str(&format!(
                "\n{doc}@SpringBootConfiguration\n@EnableAutoConfiguration\n@ComponentScan(basePackages = {{{}}}, excludeFilters = {{\n        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = {{TypeExcludeFilter.class, AutoConfigurationExcludeFilter.class}}),\n        @ComponentScan.Filter(type = FilterType.REGEX, pattern = {{{}}})}})\n{main}",
                quoted(scan),
                quoted(&patterns)
            ));
        }
    }
    s
}

/// The module's own MyBatis wiring for the mapper interfaces that moved (`(class, bean name)`, bound to
/// the mapper XMLs `xmls`), as Koupleless has a module reuse the base's data source: one
/// `SqlSessionTemplate` of the module over the base's `DataSource`, which is never a bean of the module
/// (uninstalling the module would close it).
fn mybatis_config(package: &str, class: &str, session: &str, mappers: &[(String, String)], xmls: &[String]) -> String {
    let mut s = String::new();
    if !package.is_empty() {
        s.push_str(&format!("package {package};\n\n"));
    }
    for import in [
        "com.alipay.sofa.koupleless.common.api.SpringBeanFinder",
        "javax.sql.DataSource",
        "org.mybatis.spring.SqlSessionFactoryBean",
        "org.mybatis.spring.SqlSessionTemplate",
        "org.springframework.context.annotation.Bean",
        "org.springframework.context.annotation.Configuration",
    ] {
        s.push_str(&format!("import {import};\n"));
    }
    if !xmls.is_empty() {
        s.push_str("import org.springframework.core.io.ClassPathResource;\n");
    }
    s.push_str("\n/**\n * The module's MyBatis set-up, written by `arkpack split plan`: these mapper interfaces moved out of the base,\n * whose MyBatis set-up stays there. The module keeps its own SqlSessionTemplate over the base's DataSource,\n * which is never a bean of the module: uninstalling the module must not close it.\n */\n");
    s.push_str(&format!("@Configuration\npublic class {class} {{\n    @Bean\n    public SqlSessionTemplate {session}() throws Exception {{\n"));
    s.push_str("        SqlSessionFactoryBean factory = new SqlSessionFactoryBean();\n        factory.setDataSource(SpringBeanFinder.getBaseBean(DataSource.class));\n");
    if !xmls.is_empty() {
        let resources: Vec<String> = xmls.iter().map(|x| format!("\n                new ClassPathResource({}, {class}.class.getClassLoader())", super::inject::java_string(x))).collect();
        s.push_str(&format!("        factory.setMapperLocations({});\n", resources.join(",")));
    }
    s.push_str("        return new SqlSessionTemplate(factory.getObject());\n    }\n");
    for (mapper, bean) in mappers {
        // The bean keeps the name it had in the base; the method only needs a Java identifier.
        let method: String = bean.chars().map(|c| if c.is_alphanumeric() || c == '_' { c } else { '_' }).collect();
        s.push_str(&format!(
            "\n    @Bean({})\n    public {mapper} {method}(SqlSessionTemplate {session}) {{\n        return {session}.getMapper({mapper}.class);\n    }}\n",
            super::inject::java_string(bean)
        ));
    }
    s.push_str("}\n");
    s
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BeanInfo, BundleInfo, ClassSource, EdgeKind, Injection, LibraryInfo, ResourceFile, SplitAnalysis, SplitEdge};

    fn class(id: &str, entry: Option<EntryKind>, bean: Option<(&str, Stereotype)>) -> SplitNode {
        let name = id.rsplit('.').next().unwrap().to_string();
        let package = format!("p:{}", &id[2..id.rfind('.').unwrap()]);
        SplitNode { id: id.into(), kind: NodeKind::Class, name, package: Some(package), bundle: Some("b:app".into()), entry, bean: bean.map(|(n, s)| BeanInfo { name: n.into(), stereotype: s }) }
    }

    fn coords(g: &str, a: &str, v: &str) -> Coordinates {
        Coordinates { group_id: g.into(), artifact_id: a.into(), version: v.into(), classifier: None, extension: "jar".into() }
    }

    fn edge(from: &str, to: &str, kind: EdgeKind) -> SplitEdge {
        SplitEdge { from: from.into(), to: to.into(), kind, weight: 1 }
    }

    fn inj(node: &str, member: &str, provider: &str, bean: &str) -> Injection {
        Injection { node: node.into(), member: member.into(), bean_type: String::new(), qualifier: None, provider: Some(provider.into()), bean: Some(bean.into()) }
    }

    const CONTROLLER: &str = "c:com.acme.orders.OrderController";
    const SERVICE: &str = "c:com.acme.orders.OrderService";
    const MAPPER: &str = "c:com.acme.orders.OrderMapper";

    /// An app whose orders classes (controller, service, a MyBatis mapper with its XML) use a base
    /// service (field) and a base `@Bean` (constructor parameter); `listener` puts a base bean class into
    /// the orders package; `boot` is the Spring Boot version of its file-named jars.
    fn app(listener: bool, boot: &str) -> SplitAnalysis {
        let mut nodes = vec![
            class("c:com.acme.App", Some(EntryKind::Application), Some(("app", Stereotype::Configuration))),
            class(CONTROLLER, Some(EntryKind::Controller), Some(("orderController", Stereotype::Controller))),
            class(MAPPER, None, Some(("orderMapper", Stereotype::Mapper))),
            class(SERVICE, None, Some(("orderService", Stereotype::Service))),
            class("c:com.acme.users.UserService", None, Some(("userService", Stereotype::Service))),
        ];
        if listener {
            nodes.push(class("c:com.acme.orders.OrderListener", Some(EntryKind::Listener), Some(("orderListener", Stereotype::Component))));
        }
        let libraries = [("spring-boot-autoconfigure", boot, None), ("spring-boot", boot, None), ("spring-context", "5.3.30", None), ("mybatis", "3.5.13", Some("org.mybatis")), ("mybatis-spring", "2.1.2", Some("org.mybatis"))];
        for (a, v, _) in &libraries {
            nodes.push(SplitNode { id: format!("l:{a}-{v}"), kind: NodeKind::Library, name: format!("{a}-{v}"), package: None, bundle: None, entry: None, bean: None });
        }
        SplitAnalysis {
            nodes,
            edges: vec![
                edge(CONTROLLER, SERVICE, EdgeKind::Bean),
                edge(SERVICE, "c:com.acme.users.UserService", EdgeKind::Bean),
                edge(SERVICE, "c:com.acme.App", EdgeKind::Bean),
                edge(SERVICE, MAPPER, EdgeKind::Bean),
                edge(CONTROLLER, "l:spring-context-5.3.30", EdgeKind::Type),
                edge("c:com.acme.App", "l:spring-context-5.3.30", EdgeKind::Type),
                edge("c:com.acme.App", &format!("l:spring-boot-autoconfigure-{boot}"), EdgeKind::Type),
            ],
            injections: vec![
                inj(CONTROLLER, "orderService", SERVICE, "orderService"),
                inj(SERVICE, "users", "c:com.acme.users.UserService", "userService"),
                inj(SERVICE, "<init>(0)", "c:com.acme.App", "idGenerator"),
                inj(SERVICE, "orderMapper", MAPPER, "orderMapper"),
            ],
            sources: [("c:com.acme.App", "com/acme/App.java", true), (CONTROLLER, "com/acme/orders/OrderController.java", false), (MAPPER, "com/acme/orders/OrderMapper.java", false), (SERVICE, "com/acme/orders/OrderService.java", false)]
                .iter()
                .map(|(n, f, m)| ClassSource { node: n.to_string(), file: f.to_string(), main: *m })
                .collect(),
            resources: vec![ResourceFile { bundle: "b:app".into(), path: "mapper/OrderMapper.xml".into(), kind: ResourceKind::Mapper, classes: vec![MAPPER.into()] }],
            bundles: vec![BundleInfo { id: "b:app".into(), project_dir: Some("app".into()), coordinates: Some(coords("com.acme", "app", "1.0.0")) }],
            libraries: libraries.iter().map(|(a, v, g)| LibraryInfo { id: format!("l:{a}-{v}"), coordinates: g.map(|g| coords(g, a, v)) }).collect(),
            ..Default::default()
        }
    }

    fn orders(a: SplitAnalysis) -> SplitPlan {
        Session::new(a).plan(&[CONTROLLER.to_string(), SERVICE.to_string(), MAPPER.to_string()], "orders-module").unwrap()
    }

    fn dependency(pom: &str, group: &str, artifact: &str, version: &str) -> bool {
        pom.contains(&format!("<groupId>{group}</groupId>\n      <artifactId>{artifact}</artifactId>\n      <version>{version}</version>\n      <scope>provided</scope>"))
    }

    #[test]
    fn injections_say_what_apply_changes_and_the_pom_has_what_it_needs() {
        let plan = orders(app(false, "2.7.16"));
        let inj: Vec<String> = plan.injections.iter().map(|i| format!("{} {} {} {}", i.member, i.bean, i.provider, i.change)).collect();
        assert_eq!(
            inj,
            [
                "users userService c:com.acme.users.UserService apply makes the field take it from the base: @AutowiredFromBase (koupleless-common) instead of @Autowired/@Inject/@Resource, by name when a qualifier named the bean",
                "<init>(0) idGenerator c:com.acme.App take it from the base by hand: it is a constructor, setter or @Bean method parameter, and @AutowiredFromBase (koupleless-common) takes fields only",
            ]
        );
        let pom = &plan.generated[0].content;
        assert!(dependency(pom, "com.alipay.sofa.koupleless", "koupleless-app-starter", "1.2.2"), "{pom}");
        assert!(dependency(pom, "org.springframework.boot", "spring-boot-starter-web", "2.7.16"), "a controller moved: {pom}");
        assert!(dependency(pom, "org.springframework.boot", "spring-boot-autoconfigure", "2.7.16"), "from the jar's file name: {pom}");
        assert!(dependency(pom, "org.springframework.boot", "spring-boot", "2.7.16"), "{pom}");
        assert!(dependency(pom, "org.springframework", "spring-context", "5.3.30"), "a library both sides use: {pom}");
        assert!(dependency(pom, "org.mybatis", "mybatis-spring", "2.1.2") && dependency(pom, "org.mybatis", "mybatis", "3.5.13"), "{pom}");
        assert!(!pom.contains("TODO"), "{pom}");
        // Spring Boot 3: the Koupleless 2.x line.
        let pom = &orders(app(false, "3.2.6")).generated[0].content;
        assert!(dependency(pom, "com.alipay.sofa.koupleless", "koupleless-app-starter", "2.1.3"), "{pom}");
    }

    #[test]
    fn the_bootstrap_scans_the_module_packages_only() {
        let plan = orders(app(false, "2.7.16"));
        assert_eq!(plan.generated[1].path, "orders-module/src/main/java/com/acme/orders/OrdersModuleApplication.java");
        assert_eq!(
            plan.generated[1].content,
            "package com.acme.orders;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The module's bootstrap class, written by `arkpack split plan`. It scans the module's own packages only:
 * the base's classes are visible in the module too (`provided`), and their beans belong to the base.
 */
@SpringBootApplication(scanBasePackages = {\"com.acme.orders\"})
public class OrdersModuleApplication {
    public static void main(String[] args) {
        SpringApplication.run(OrdersModuleApplication.class, args);
    }
}
"
        );
        // A base bean class in a scanned package is filtered out of the scan.
        let plan = orders(app(true, "2.7.16"));
        let text = &plan.generated[1].content;
        assert!(
            text.contains("@SpringBootConfiguration\n@EnableAutoConfiguration\n@ComponentScan(basePackages = {\"com.acme.orders\"}, excludeFilters = {\n        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = {TypeExcludeFilter.class, AutoConfigurationExcludeFilter.class}),\n        @ComponentScan.Filter(type = FilterType.REGEX, pattern = {\"com\\\\.acme\\\\.orders\\\\.OrderListener\"})})\npublic class OrdersModuleApplication {"),
            "{text}"
        );
    }

    #[test]
    fn moved_mappers_get_their_own_mybatis_setup_over_the_base_data_source() {
        let plan = orders(app(false, "2.7.16"));
        assert_eq!(plan.generated.len(), 3);
        assert_eq!(plan.generated[2].path, "orders-module/src/main/java/com/acme/orders/OrdersModuleMyBatisConfig.java");
        assert_eq!(
            plan.generated[2].content,
            "package com.acme.orders;

import com.alipay.sofa.koupleless.common.api.SpringBeanFinder;
import javax.sql.DataSource;
import org.mybatis.spring.SqlSessionFactoryBean;
import org.mybatis.spring.SqlSessionTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/**
 * The module's MyBatis set-up, written by `arkpack split plan`: these mapper interfaces moved out of the base,
 * whose MyBatis set-up stays there. The module keeps its own SqlSessionTemplate over the base's DataSource,
 * which is never a bean of the module: uninstalling the module must not close it.
 */
@Configuration
public class OrdersModuleMyBatisConfig {
    @Bean
    public SqlSessionTemplate ordersModuleSqlSession() throws Exception {
        SqlSessionFactoryBean factory = new SqlSessionFactoryBean();
        factory.setDataSource(SpringBeanFinder.getBaseBean(DataSource.class));
        factory.setMapperLocations(
                new ClassPathResource(\"mapper/OrderMapper.xml\", OrdersModuleMyBatisConfig.class.getClassLoader()));
        return new SqlSessionTemplate(factory.getObject());
    }

    @Bean(\"orderMapper\")
    public com.acme.orders.OrderMapper orderMapper(SqlSessionTemplate ordersModuleSqlSession) {
        return ordersModuleSqlSession.getMapper(com.acme.orders.OrderMapper.class);
    }
}
"
        );
        // A module that uses mybatis-spring itself wires its mappers itself.
        let mut a = app(false, "2.7.16");
        a.edges.push(edge(SERVICE, "l:mybatis-spring-2.1.2", EdgeKind::Type));
        assert_eq!(orders(a).generated.len(), 2);
    }
}
