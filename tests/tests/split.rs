//! `arkpack split` on a real Spring monolith (tests/fixtures/split-monolith, compiled by its build.sh
//! with javac against Spring, MyBatis and javax.annotation jars from the local Maven repository):
//! the bean edges, entry points and unknowns recovered from bytecode, colours and closure, the
//! planted base → module reference `verify` must catch, the Spring event it warns about,
//! suggestions, and a corrupt class and jar.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use arkpack_core::model::{AnalyzeRequest, Color, FileEntry, ModuleContent, NodeKind, SplitAnalysis, SplitBundle, SplitLibrary};
use arkpack_core::split::{analyze, expand_jar, Analyzer, Session};
use arkpack_core::NoProgress;

/// The fixture, compiled once into a temporary folder.
fn built() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("arkpack-split-fixture-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        copy_dir(&arkpack_tests::root().join("tests/fixtures/split-monolith"), &dir);
        let status = std::process::Command::new("bash").arg(dir.join("build.sh")).arg(&dir).status().expect("bash runs");
        assert!(status.success(), "tests/fixtures/split-monolith/build.sh failed (needs javac and mvn)");
        dir
    })
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        let target = to.join(p.file_name().unwrap());
        if p.is_dir() {
            copy_dir(&p, &target);
        } else {
            std::fs::copy(&p, &target).unwrap();
        }
    }
}

fn request() -> AnalyzeRequest {
    let dir = built();
    let bundle = |name: &str, folder: &str| SplitBundle {
        name: name.into(),
        origin: format!("{folder}/target/classes"),
        content: ModuleContent::Files(arkpack_tests::files_under(&dir.join(folder).join("target/classes"))),
        project_dir: Some(folder.into()),
        coordinates: Some(arkpack_tests::coords("com.acme", name, "1.0.0")),
    };
    let mut libraries: Vec<SplitLibrary> = std::fs::read_dir(dir.join("app/target/dependency"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| SplitLibrary { name: p.file_stem().unwrap().to_string_lossy().into(), origin: p.display().to_string(), content: std::fs::read(&p).unwrap() })
        .collect();
    libraries.sort_by(|a, b| a.name.cmp(&b.name));
    AnalyzeRequest { bundles: vec![bundle("shop-app", "app"), bundle("shop-common", "common")], libraries }
}

fn analysis() -> &'static SplitAnalysis {
    static A: OnceLock<SplitAnalysis> = OnceLock::new();
    A.get_or_init(|| analyze(&request(), &mut NoProgress).expect("the fixture analyses"))
}

fn ids(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[test]
fn bean_edges_are_recovered_from_bytecode_and_xml() {
    let a = analysis();
    let spring: Vec<String> = a
        .edges
        .iter()
        .filter(|e| matches!(e.kind, arkpack_core::model::EdgeKind::Bean | arkpack_core::model::EdgeKind::XmlBean | arkpack_core::model::EdgeKind::Mapper))
        .map(|e| format!("{} -> {} {:?}", e.from.trim_start_matches("c:com.acme."), e.to.trim_start_matches("c:com.acme."), e.kind))
        .collect();
    assert_eq!(
        spring,
        [
            "audit.AuditLog -> orders.OrderService XmlBean",
            "orders.OrderCleanupJob -> orders.OrderMapper Bean",
            "orders.OrderController -> orders.OrderService Bean",
            "orders.OrderMapper -> orders.Order Mapper",
            "orders.OrderService -> config.AppConfig Bean",
            "orders.OrderService -> orders.OrderMapper Bean",
            "orders.OrderService -> payments.PaymentService Bean",
            "orders.OrderService -> users.UserServiceImpl Bean",
            "payments.PaymentController -> payments.PaymentService Bean",
            "payments.PaymentService -> payments.PaymentMapper Bean",
            "payments.PaymentService -> payments.StripeGateway Bean",
            "payments.PaymentService -> users.UserServiceImpl Bean",
            "users.UserController -> users.UserServiceImpl Bean",
            "users.UserServiceImpl -> users.UserRepository Bean",
        ]
    );
    let beans: Vec<String> = a.nodes.iter().filter_map(|n| n.bean.as_ref().map(|b| format!("{} {} {:?}", n.name, b.name, b.stereotype))).collect();
    assert!(beans.contains(&"StripeGateway stripe Component".to_string()), "{beans:?}");
    assert!(beans.contains(&"OrderMapper orderMapper Mapper".to_string()), "{beans:?}");
    assert!(beans.contains(&"AuditLog auditLog Xml".to_string()), "{beans:?}");
    let entries: Vec<String> = a.nodes.iter().filter_map(|n| n.entry.map(|e| format!("{} {e:?}", n.name))).collect();
    assert_eq!(entries, ["ShopApplication Application", "OrderCleanupJob Scheduled", "OrderController Controller", "PaymentController Controller", "PaymentListener Listener", "UserController Controller"]);
    let unknowns: Vec<String> = a.unknowns.iter().map(|u| format!("{}: {}", u.node, u.what)).collect();
    assert_eq!(
        unknowns,
        [
            "c:com.acme.config.FeatureConfig: conditional bean (@ConditionalOnProperty): whether it exists is decided at run time",
            "c:com.acme.config.LegacyRegistrar: is an ImportBeanDefinitionRegistrar: the beans it registers or produces are known at run time only",
        ]
    );
    assert_eq!(a.diagnostics, []);
    // Classes reference dependency jars at jar granularity, with coordinates from pom.properties.
    assert!(a.edges.iter().any(|e| e.from == "c:com.acme.payments.PaymentMapper" && e.to == "l:mybatis-3.5.13"));
    assert!(a.libraries.iter().any(|l| l.id == "l:mybatis-3.5.13" && l.coordinates.as_ref().is_some_and(|c| c.artifact_id == "mybatis")));
    let mut again = analyze(&request(), &mut NoProgress).unwrap();
    again.nodes.reverse();
    again.nodes.reverse();
    assert_eq!(&again, a, "the analysis is deterministic");
}

#[test]
fn colours_closure_and_metrics_of_a_candidate() {
    let s = Session::new(analysis().clone());
    // Payments without its mapper: the mapper and its entity are left only to the module.
    let e = s
        .evaluate(&ids(&["c:com.acme.payments.PaymentService", "c:com.acme.payments.PaymentController", "c:com.acme.payments.StripeGateway", "c:com.acme.payments.PaymentGateway"]))
        .unwrap();
    let color = |id: &str| e.status.iter().find(|st| st.node == id).map(|st| (st.color, st.reason.clone())).unwrap();
    assert_eq!(color("c:com.acme.payments.PaymentService"), (Color::Yellow, "in the module; 1 base class depends on it (com.acme.orders.OrderService): review it".into()));
    assert_eq!(color("c:com.acme.payments.StripeGateway").0, Color::Green);
    assert_eq!(color("c:com.acme.payments.PaymentMapper"), (Color::Blue, "not selected; only module classes depend on it (1): it can move".into()));
    assert_eq!(color("c:com.acme.users.UserServiceImpl").0, Color::None);
    assert_eq!(color("p:com.acme.payments").0, Color::Yellow);
    assert_eq!(color("p:com.acme.users").0, Color::None);
    assert_eq!(e.closure, ["c:com.acme.payments.Payment", "c:com.acme.payments.PaymentMapper"]);
    assert_eq!(e.status.len(), 25 + 7, "every class and package has a status");
    assert_eq!((e.metrics.base_to_module, e.metrics.beans_from_base), (1, 2), "mapper and user service come from the base");
    // Users as a module: its service interface and implementation are used by two base classes.
    let e = s.evaluate(&ids(&["p:com.acme.users"])).unwrap();
    let color = |id: &str| e.status.iter().find(|st| st.node == id).map(|st| st.color).unwrap();
    assert_eq!(color("c:com.acme.users.UserService"), Color::Red);
    assert_eq!(color("c:com.acme.users.UserServiceImpl"), Color::Red);
    assert_eq!(color("c:com.acme.users.User"), Color::Yellow);
    assert_eq!(color("c:com.acme.users.UserController"), Color::Green);
    assert_eq!(color("p:com.acme.users"), Color::Red);
    assert!(s.evaluate(&ids(&["c:com.acme.Nope"])).is_err());
}

#[test]
fn verify_catches_the_planted_base_to_module_reference() {
    let s = Session::new(analysis().clone());
    // spring/legacy-beans.xml makes the base's AuditLog depend on the order service.
    let e = s.evaluate(&ids(&["p:com.acme.orders"])).unwrap();
    assert!(!e.verify.ok);
    assert_eq!(
        e.verify.problems,
        [
            "base class com.acme.audit.AuditLog references module class com.acme.orders.OrderService (xml-bean)",
            "cycle between the base and the module: 1 base → module and 10 module → base references",
        ]
    );
    assert_eq!(e.metrics.base_to_module, 1);
    // Taking the audit package along leaves nothing in the base pointing at the module.
    let e = s.evaluate(&ids(&["p:com.acme.orders", "p:com.acme.audit"])).unwrap();
    assert!(e.verify.ok, "{:?}", e.verify.problems);
    assert_eq!(e.metrics.base_to_module, 0);
    assert_eq!(e.metrics.beans_from_base, 3, "user service, payment service, id generator");
}

#[test]
fn an_event_the_split_keeps_from_its_listener_is_a_warning() {
    let a = analysis();
    let links: Vec<(&str, &str, &str)> = a.events.iter().map(|e| (e.publisher.as_str(), e.listener.as_str(), e.event.as_str())).collect();
    assert_eq!(links, [("c:com.acme.orders.OrderService", "c:com.acme.payments.PaymentListener", "com.acme.common.OrderPlaced")]);
    let s = Session::new(a.clone());
    let lost = |publisher: &str, listener: &str| {
        format!("{publisher} publishes com.acme.common.OrderPlaced, which {listener} listens to: after the split it no longer receives it (Spring events stay inside the publisher's context and its parents, and a module's context is not a child of the base's)")
    };
    // Orders leave, payments stay: the split is sound, but the base no longer hears of new orders.
    let e = s.evaluate(&ids(&["p:com.acme.orders", "p:com.acme.audit"])).unwrap();
    assert!(e.verify.ok, "a lost event is no verify problem: {:?}", e.verify.problems);
    assert_eq!(e.verify.warnings, [lost("module class com.acme.orders.OrderService", "base class com.acme.payments.PaymentListener")]);
    // The other way round, and both together.
    let e = s.evaluate(&ids(&["p:com.acme.payments"])).unwrap();
    assert_eq!(e.verify.warnings, [lost("base class com.acme.orders.OrderService", "module class com.acme.payments.PaymentListener")]);
    let e = s.evaluate(&ids(&["p:com.acme.orders", "p:com.acme.audit", "p:com.acme.payments"])).unwrap();
    assert_eq!(e.verify.warnings, Vec::<String>::new());
}

/// Listeners of every form Spring offers, compiled with javac against the fixture's spring-context.
#[test]
fn event_listeners_are_found_by_parameter_annotation_signature_and_supertype() {
    let dir = std::env::temp_dir().join(format!("arkpack-split-events-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let (src, out) = (dir.join("src/ev"), dir.join("classes"));
    std::fs::create_dir_all(&src).unwrap();
    std::fs::create_dir_all(&out).unwrap();
    let ctx = "org.springframework.context";
    let sources = [
        ("BaseEvent", "public class BaseEvent {}".to_string()),
        ("Shipped", "public class Shipped extends BaseEvent {}".into()),
        ("Audited", "public interface Audited {}".into()),
        ("Cancelled", "public class Cancelled implements Audited {}".into()),
        ("Tick", format!("public class Tick extends {ctx}.ApplicationEvent {{ public Tick(Object s) {{ super(s); }} }}")),
        ("Ping", "public class Ping {}".into()),
        (
            "Publisher",
            format!("public class Publisher {{ {ctx}.ApplicationEventPublisher events; void go() {{ events.publishEvent(new Shipped()); events.publishEvent(new Cancelled()); events.publishEvent(new Tick(this)); }} }}"),
        ),
        // Constructs an event but publishes nothing.
        ("Builder", "public class Builder { Object make() { return new Shipped(); } }".into()),
        // Listens to what it publishes itself: no link.
        ("SelfListener", format!("public class SelfListener {{ {ctx}.ApplicationEventPublisher events; void go() {{ events.publishEvent(new Ping()); }} @{ctx}.event.EventListener void on(Ping p) {{}} }}")),
        ("BaseListener", format!("public class BaseListener {{ @{ctx}.event.EventListener void on(BaseEvent e) {{}} }}")),
        ("ClassesListener", format!("public class ClassesListener {{ @{ctx}.event.EventListener(classes = {{Cancelled.class}}) void on() {{}} }}")),
        ("InterfaceListener", format!("public class InterfaceListener {{ @{ctx}.event.EventListener(Audited.class) void on(Object o) {{}} }}")),
        ("TypedListener", format!("public class TypedListener implements {ctx}.ApplicationListener<Tick> {{ public void onApplicationEvent(Tick t) {{}} }}")),
        // An interface is no listening bean.
        ("TickListener", format!("public interface TickListener extends {ctx}.ApplicationListener<Tick> {{}}")),
        // Generic listeners: their events are set by subclasses; reported, not linked (the erased
        // Object would link them to every publisher).
        ("GenericHandler", format!("public abstract class GenericHandler<E> {{ @{ctx}.event.EventListener public void on(E event) {{}} }}")),
        ("GenericListener", format!("public abstract class GenericListener<E extends {ctx}.ApplicationEvent> implements {ctx}.ApplicationListener<E> {{}}")),
    ];
    let mut javac = std::process::Command::new("javac");
    javac.args(["-nowarn", "--release", "8", "-d"]).arg(&out).arg("-cp").arg(built().join("app/target/dependency/spring-context-5.3.30.jar"));
    for (name, body) in &sources {
        let file = src.join(format!("{name}.java"));
        std::fs::write(&file, format!("package ev;\n{body}\n")).unwrap();
        javac.arg(file);
    }
    assert!(javac.status().expect("javac runs").success(), "javac failed on the event sources");
    let bundle = SplitBundle { name: "events".into(), origin: "classes".into(), content: ModuleContent::Files(arkpack_tests::files_under(&out)), project_dir: None, coordinates: None };
    let a = analyze(&AnalyzeRequest { bundles: vec![bundle], libraries: Vec::new() }, &mut NoProgress).unwrap();
    let links: Vec<String> = a.events.iter().map(|e| format!("{} -> {}: {}", e.publisher, e.listener, e.event)).collect();
    assert_eq!(
        links,
        [
            "c:ev.Publisher -> c:ev.BaseListener: ev.Shipped",
            "c:ev.Publisher -> c:ev.ClassesListener: ev.Cancelled",
            "c:ev.Publisher -> c:ev.InterfaceListener: ev.Cancelled",
            "c:ev.Publisher -> c:ev.TypedListener: ev.Tick",
        ]
    );
    let generic: Vec<String> = a.unknowns.iter().filter(|u| u.what.contains("generic event")).map(|u| format!("{}: {}", u.node, u.what)).collect();
    assert_eq!(
        generic,
        [
            "c:ev.GenericHandler: listens to a generic event type (`on(E)`): the events it hears are set by its subclasses' type arguments; not linked to publishers",
            "c:ev.GenericListener: listens to a generic event type (`ApplicationListener<E>`): the events it hears are set by its subclasses' type arguments; not linked to publishers",
        ]
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn suggestions_recover_the_domains() {
    let s = Session::new(analysis().clone());
    let seeded = s.suggest(Some(&ids(&["c:com.acme.orders.OrderController", "c:com.acme.users.UserController", "c:com.acme.payments.PaymentController"]))).unwrap();
    let names: Vec<&str> = seeded.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["orders", "users", "payments"]);
    let members = |i: usize, package: &str| -> Vec<String> { seeded[i].members.iter().filter(|m| m.starts_with(package)).cloned().collect() };
    let all = |package: &str| -> Vec<String> { analysis().nodes.iter().filter(|n| n.id.starts_with(package)).map(|n| n.id.clone()).collect() };
    // Every class of a domain lands in its seed's candidate, except the entry points nobody picked
    // (the cleanup job, the payments listener): they stay with the base.
    let picked = |package: &str| -> Vec<String> { all(package).into_iter().filter(|m| !m.ends_with("OrderCleanupJob") && !m.ends_with("PaymentListener")).collect() };
    assert_eq!(members(0, "c:com.acme.orders."), picked("c:com.acme.orders."));
    assert_eq!(seeded[1].members, all("c:com.acme.users."));
    assert_eq!(members(2, "c:com.acme.payments."), picked("c:com.acme.payments."));
    assert!(seeded[0].members.iter().all(|m| !m.starts_with("c:com.acme.users.") && !m.starts_with("c:com.acme.payments.")));
    assert!(seeded[2].members.iter().all(|m| !m.starts_with("c:com.acme.users.") && !m.starts_with("c:com.acme.orders.")));
    // One seed alone grows its own domain, not the whole app.
    let one = s.suggest(Some(&ids(&["c:com.acme.users.UserController"]))).unwrap();
    assert_eq!((one[0].name.as_str(), &one[0].members), ("users", &all("c:com.acme.users.")));
    // Louvain without seeds finds the users domain exactly.
    let communities = s.suggest(None).unwrap();
    assert!(communities.iter().any(|c| c.members == all("c:com.acme.users.")), "{communities:?}");
    assert!(communities.iter().all(|c| !c.members.contains(&"c:com.acme.ShopApplication".to_string())));
}

/// The known cafebabe 0.9 panic (`reference/wasm-facts.md`): an EnclosingMethod attribute whose
/// NameAndType names a constant that is not valid modified UTF-8. The class reader refuses any such
/// constant, as the JVM does, even one nothing else reads.
fn enclosing_method_trigger() -> Vec<u8> {
    let utf8 = |b: &[u8]| [&[1u8, 0, b.len() as u8][..], b].concat();
    let mut c = vec![0xCA, 0xFE, 0xBA, 0xBE, 0, 0, 0, 52, 0, 9];
    c.extend(utf8(b"com/acme/Enclosed")); // 1
    c.extend([7, 0, 1]); // 2: class #1
    c.extend(utf8(b"java/lang/Object")); // 3
    c.extend([7, 0, 3]); // 4: class #3
    c.extend(utf8(&[0xFF, 0xFE])); // 5: not modified UTF-8
    c.extend(utf8(b"()V")); // 6
    c.extend([12, 0, 5, 0, 6]); // 7: NameAndType #5 #6
    c.extend(utf8(b"EnclosingMethod")); // 8
    c.extend([0, 0x21, 0, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 1]); // flags, this, super, no interfaces/fields/methods, 1 attribute
    c.extend([0, 8, 0, 0, 0, 4, 0, 2, 0, 7]); // EnclosingMethod: class #2, method #7
    c
}

#[test]
fn a_corrupt_class_and_a_corrupt_jar_are_reported_by_name_and_skipped() {
    let mut r = request();
    if let ModuleContent::Files(files) = &mut r.bundles[0].content {
        files.push(FileEntry { path: "com/acme/Broken.class".into(), content: vec![0xCA, 0xFE, 0xBA, 0xBE, 0, 0, 0, 52, 0, 9, 1, 0] });
        files.push(FileEntry { path: "com/acme/Enclosed.class".into(), content: enclosing_method_trigger() });
    }
    r.libraries.push(SplitLibrary { name: "garbage-1.0".into(), origin: "lib/garbage-1.0.jar".into(), content: b"not a zip".to_vec() });
    let a = analyze(&r, &mut NoProgress).unwrap();
    let d: Vec<(String, String)> = a.diagnostics.iter().map(|d| (d.code.clone(), d.subject.clone().unwrap_or_default())).collect();
    assert_eq!(
        d,
        [
            ("corrupt-class".to_string(), "app/target/classes!/com/acme/Broken.class".to_string()),
            ("corrupt-class".into(), "app/target/classes!/com/acme/Enclosed.class".into()),
            ("corrupt-jar".into(), "lib/garbage-1.0.jar".into()),
        ]
    );
    assert!(a.diagnostics[1].message.contains("constant pool entry 5 is not valid modified UTF-8"), "{}", a.diagnostics[1].message);
    assert_eq!(a.nodes.iter().filter(|n| n.kind == arkpack_core::model::NodeKind::Class).count(), 25);
}

/// The fixture's bundles as jars, the app's with one more class whose compressed bytes are
/// damaged, and a bundle that is no jar at all.
fn jar_request() -> AnalyzeRequest {
    let mut r = request();
    for b in &mut r.bundles {
        let ModuleContent::Files(files) = &b.content else { unreachable!("request() reads folders") };
        let mut entries: Vec<(&str, &[u8])> = files.iter().map(|f| (f.path.as_str(), f.content.as_slice())).collect();
        let copy = files.iter().find(|f| f.path.ends_with("OrderService.class")).map(|f| f.content.clone());
        if b.name == "shop-app" {
            entries.push(("com/acme/Damaged.class", copy.as_deref().unwrap()));
        }
        let mut jar = arkpack_tests::jar(&entries, arkpack_tests::time(2024));
        if b.name == "shop-app" {
            let start = zip::ZipArchive::new(std::io::Cursor::new(&jar)).unwrap().by_name("com/acme/Damaged.class").unwrap().data_start().unwrap() as usize;
            jar[start + 40] ^= 0x5a;
        }
        b.content = ModuleContent::Jar(jar);
        b.origin = format!("{}.jar", b.name);
    }
    r.bundles.push(SplitBundle { name: "broken".into(), origin: "broken.jar".into(), content: ModuleContent::Jar(b"not a zip".to_vec()), project_dir: None, coordinates: None });
    r
}

#[test]
fn jars_expanded_ahead_give_the_analysis_of_one_call() {
    let r = jar_request();
    let whole = analyze(&r, &mut NoProgress).unwrap();
    // What a host does on two cores: expand each jar (elsewhere), feed the analyzer the files.
    let mut steps = Analyzer::default();
    for b in &r.bundles {
        let ModuleContent::Jar(bytes) = &b.content else { unreachable!() };
        let expanded = expand_jar(&b.origin, bytes);
        assert!(expanded.files.iter().all(|f| f.path.ends_with(".class") || f.path.ends_with(".xml")));
        steps.add_bundle(&SplitBundle { content: ModuleContent::Files(expanded.files), ..b.clone() }, expanded.diagnostics, &mut NoProgress);
    }
    assert_eq!(steps.finish(&r.libraries, &mut NoProgress).unwrap(), whole);
    // The same graph as from the folders; the damaged entry and the broken bundle are named.
    let (broken, nodes): (Vec<_>, Vec<_>) = whole.nodes.iter().cloned().partition(|n| n.id == "b:broken");
    assert!(nodes == analysis().nodes && whole.edges == analysis().edges, "the jars gave another graph than the folders");
    assert_eq!(broken.iter().map(|n| n.kind).collect::<Vec<_>>(), [NodeKind::Bundle]);
    let d: Vec<(&str, &str)> = whole.diagnostics.iter().map(|d| (d.code.as_str(), d.subject.as_deref().unwrap_or_default())).collect();
    assert_eq!(d, [("corrupt-jar", "broken.jar"), ("corrupt-jar", "shop-app.jar!/com/acme/Damaged.class")]);
}

#[test]
fn the_plan_moves_sources_and_resources_and_writes_a_pom() {
    let s = Session::new(analysis().clone());
    let plan = s.plan(&ids(&["p:com.acme.orders", "p:com.acme.audit"]), "orders-module").unwrap();
    assert_eq!(plan.problems, Vec::<String>::new());
    assert_eq!(plan.warnings.len(), 1, "payments, left in the base, no longer hear of new orders: {:?}", plan.warnings);
    let moves: Vec<(&str, &str)> = plan.moves.iter().map(|m| (m.from.as_str(), m.to.as_str())).collect();
    assert_eq!(moves[0], ("app/src/main/java/com/acme/audit/AuditLog.java", "orders-module/src/main/java/com/acme/audit/AuditLog.java"));
    assert_eq!(moves.len(), 6);
    assert_eq!(plan.copies.len(), 0);
    let res: Vec<String> = plan.resources.iter().map(|r| format!("{:?} {} -> {}", r.action, r.from, r.to)).collect();
    assert_eq!(
        res,
        [
            "Move app/src/main/resources/mapper/OrderMapper.xml -> orders-module/src/main/resources/mapper/OrderMapper.xml",
            "Move app/src/main/resources/spring/legacy-beans.xml -> orders-module/src/main/resources/spring/legacy-beans.xml",
        ]
    );
    let pom = &plan.generated[0];
    assert_eq!(pom.path, "orders-module/pom.xml");
    assert!(pom.content.contains("<artifactId>shop-app</artifactId>\n      <version>1.0.0</version>\n      <scope>provided</scope>"), "{}", pom.content);
    assert!(pom.content.contains("<artifactId>arkpack-maven-plugin</artifactId>") && pom.content.contains("<goal>repackage</goal>"));
    assert_eq!(plan.generated[1].path, "orders-module/src/main/java/com/acme/OrdersModuleApplication.java");
    assert_eq!(plan.root_module.as_ref().map(|r| r.module.as_str()), Some("orders-module"));
    let inj: Vec<String> = plan.injections.iter().map(|i| format!("{}.{} <- {}", i.node, i.member, i.provider)).collect();
    assert_eq!(
        inj,
        [
            "c:com.acme.orders.OrderService.ids <- c:com.acme.config.AppConfig",
            "c:com.acme.orders.OrderService.payments <- c:com.acme.payments.PaymentService",
            "c:com.acme.orders.OrderService.userService <- c:com.acme.users.UserServiceImpl",
        ]
    );
}
