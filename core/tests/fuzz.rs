//! Mutation fuzzing of every parser the core runs on untrusted bytes: class files (guard + cafebabe,
//! and the hand-written reader behind scan, refs and facts),
//! jars (zip reading and inflating, inspect, the split's jar expansion) and manifests. Deterministic (seeded) so a failure reproduces; a
//! panic here would be a trap inside the component. Longer runs: ARKPACK_FUZZ_ROUNDS=100000.

use std::panic::{catch_unwind, AssertUnwindSafe};

use arkpack_core::classfile::guard;
use arkpack_core::manifest::Manifest;

const CLASSES: [&[u8]; 4] = [
    include_bytes!("../../examples/demo-module/classes/com/example/demo/DemoApplication.class"),
    include_bytes!("../../examples/demo-module/classes/com/example/demo/DemoService.class"),
    include_bytes!("../../examples/demo-module/classes/com/example/demo/DemoService$1.class"),
    include_bytes!("../../examples/demo-module/lib/demo-greeting-1.0.0.jar"), // a jar, for the zip fuzzers
];

/// xorshift64*: enough randomness for mutations, no dependency, same sequence everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// One to four byte changes, a truncation, or an injected 0xFFFF index.
fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut out = input.to_vec();
    match rng.below(3) {
        0 => {
            for _ in 0..1 + rng.below(4) {
                let i = rng.below(out.len());
                out[i] = rng.next() as u8;
            }
        }
        1 => out.truncate(rng.below(out.len())),
        _ => {
            let i = rng.below(out.len().saturating_sub(1));
            out[i] = 0xFF;
            out[i + 1] = 0xFF;
        }
    }
    out
}

// Tests may read the environment; the core itself may not (core/clippy.toml).
#[allow(clippy::disallowed_methods)]
fn rounds() -> usize {
    std::env::var("ARKPACK_FUZZ_ROUNDS").ok().and_then(|v| v.parse().ok()).unwrap_or(4000)
}

#[test]
fn cafebabe_never_panics_on_a_class_the_guard_accepts() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    // The panics caught below are expected (on inputs the guard refuses); keep them off the output.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let (mut accepted, mut panics_caught_by_guard) = (0, 0);
    for class in &CLASSES[..3] {
        for _ in 0..rounds() {
            let input = mutate(&mut rng, class);
            let guarded = guard::check(&input).is_ok();
            let panicked = catch_unwind(AssertUnwindSafe(|| {
                let mut options = cafebabe::ParseOptions::default();
                options.parse_bytecode(false);
                let _ = cafebabe::parse_class_with_options(&input, &options);
            }))
            .is_err();
            if guarded {
                accepted += 1;
                assert!(!panicked, "cafebabe panicked on a class the guard accepted: {input:02x?}");
            } else if panicked {
                panics_caught_by_guard += 1;
            }
        }
    }
    std::panic::set_hook(hook);
    assert!(accepted > 0, "the guard accepted no mutated class at all; the fuzzer tests nothing");
    eprintln!("guard accepted {accepted} mutants; it refused {panics_caught_by_guard} that would have panicked");
}

#[test]
fn jar_readers_and_inspect_never_panic() {
    let mut rng = Rng(42);
    let jar = CLASSES[3];
    for _ in 0..rounds() {
        let input = mutate(&mut rng, jar);
        let _ = arkpack_core::jar::read::read_files("fuzz.jar", &input);
        let _ = arkpack_core::inspect("fuzz.jar", &input);
    }
}

/// A jar whose deflated entries hold fixed and dynamic Huffman blocks, stored blocks (random bytes)
/// and long matches, and where its compressed data ends (the central directory starts).
fn deflated_jar() -> (Vec<u8>, usize) {
    use std::io::Write;
    let text: Vec<u8> = (0..20_000u32).flat_map(|i| format!("{} {}\n", i % 97, i * 7 % 13).into_bytes()).collect();
    let mut rng = Rng(5);
    let noise: Vec<u8> = (0..3000).map(|_| rng.next() as u8).collect();
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    // Named as the split reads them (classes and XML), so that expand_jar inflates every entry.
    for (name, content) in [("a/text.xml", &text[..]), ("b/Noise.class", &noise[..]), ("c/C.class", CLASSES[0])] {
        w.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        w.write_all(content).unwrap();
    }
    let jar = w.finish().unwrap().into_inner();
    let end = zip::ZipArchive::new(std::io::Cursor::new(&jar)).unwrap().central_directory_start() as usize;
    (jar, end)
}

#[test]
fn inflating_damaged_entries_never_panics() {
    let (jar, end) = deflated_jar();
    let mut rng = Rng(0xDEF1A7E);
    let mut unreadable = 0;
    for _ in 0..rounds() {
        // Damage only the entries' headers and compressed data, so that the inflater sees it.
        let mut input = jar.clone();
        for _ in 0..1 + rng.below(4) {
            input[rng.below(end)] = rng.next() as u8;
        }
        let _ = arkpack_core::jar::read::read_files("fuzz.jar", &input);
        let expanded = arkpack_core::split::expand_jar("fuzz.jar", &input);
        unreadable += expanded.diagnostics.len();
    }
    eprintln!("refused {unreadable} damaged entries");
    assert!(unreadable > 0, "no damaged entry was ever refused; the fuzzer tests nothing");
}

#[test]
fn manifest_parser_never_panics() {
    let mut rng = Rng(7);
    let text = b"Manifest-Version: 1.0\r\nMain-Class: com.example.demo.DemoApplication\r\nCreated-By: Maven JAR Plugin 3.3.0\r\n long continuation\r\n\r\nName: a/b\r\nX: y\r\n\r\n";
    for _ in 0..rounds() {
        let input = mutate(&mut rng, text);
        let _ = Manifest::parse("fuzz.jar", &input);
    }
}

#[test]
fn class_reader_never_panics_and_agrees_with_cafebabe_on_names() {
    let mut rng = Rng(0xC1A5);
    for class in &CLASSES[..3] {
        let name = cafebabe::parse_class(class).unwrap().this_class.to_string();
        let scanned = arkpack_core::classfile::scan::scan(class).unwrap();
        assert_eq!(scanned.name, name);
        // The scan leaves out only annotation types, which the JVM does not need to link.
        let full = arkpack_core::classfile::refs::refs(class).unwrap().refs;
        assert!(scanned.refs.is_subset(&full) && !scanned.refs.is_empty(), "{:?} vs {full:?}", scanned.refs);
        for _ in 0..rounds() {
            let input = mutate(&mut rng, class);
            let _ = arkpack_core::classfile::scan::scan(&input);
            let _ = arkpack_core::classfile::refs::refs(&input);
            let _ = arkpack_core::classfile::facts::facts(&input, &mut arkpack_core::classfile::names::Names::default());
        }
    }
}

#[test]
fn slimming_rule_files_never_panic() {
    use arkpack_core::model::{FileEntry, SlimRequest};
    let mut rng = Rng(0x5117);
    let files: [(&str, &[u8]); 3] = [
        ("conf/ark/rules.txt", b"# rules\nexcludeGroupIds=org.apache*\nexcludes=com.a:b:1.0:jdk8\nincludeArtifactIds=x\n"),
        ("conf/ark/bootstrap.properties", b"excludeGroupIds=a*, b.*\nexcludes=\\\n  c:d\nexcludeWithIndirectDependencies=false\ndeclared.libraries.whitelist=e:f\n"),
        ("conf/ark/bootstrap.yml", b"excludeGroupIds:\n  - org.apache*\nincludes: [a:b]\nbuildFailWhenExcludeDiffBaseDependency: true\ndeclared:\n  libraries:\n    whitelist:\n      - c:d\n"),
    ];
    for (path, text) in files {
        assert!(arkpack_core::slim::rules::collect(&SlimRequest::default(), &[FileEntry { path: path.into(), content: text.to_vec() }]).is_ok(), "{path}");
        for _ in 0..rounds() {
            let content = mutate(&mut rng, text);
            let _ = arkpack_core::slim::rules::collect(&SlimRequest::default(), &[FileEntry { path: path.into(), content }]);
        }
    }
}
