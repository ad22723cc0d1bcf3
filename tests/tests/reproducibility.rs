//! Reproducibility: the same request gives the same bytes whatever the order of its inputs and the
//! times recorded inside them; only the output timestamp moves entry times.

use arkpack_core::model::{ExecutableOptions, ModuleContent};
use arkpack_tests::*;

fn shuffled(mut request: arkpack_core::model::BizRequest) -> arkpack_core::model::BizRequest {
    request.libraries.reverse();
    let n = request.libraries.len().max(1);
    request.libraries.rotate_left(3 % n);
    request.conf_files.reverse();
    if let ModuleContent::Files(files) = &mut request.module {
        files.reverse();
    }
    request
}

#[test]
fn input_order_and_input_times_do_not_change_the_bytes() {
    let a = biz(&thin_jar_module(time(2001)));
    let b = biz(&shuffled(thin_jar_module(time(2019))));
    assert_same_bytes(&a.biz_jar, &b.biz_jar, "thin-jar module, shuffled, other entry times");

    let mut demo = demo_module();
    demo.executable = Some(ExecutableOptions { container: fake_container(time(2003)), ark_version: "2.3.3".into() });
    let mut other = shuffled(demo_module());
    other.executable = Some(ExecutableOptions { container: fake_container(time(2003)), ark_version: "2.3.3".into() });
    let (a, b) = (biz(&demo), biz(&other));
    assert_same_bytes(&a.biz_jar, &b.biz_jar, "demo module, shuffled");
    assert_same_bytes(a.executable_jar.as_deref().unwrap(), b.executable_jar.as_deref().unwrap(), "executable jar, shuffled");
}

#[test]
fn the_output_timestamp_sets_every_entry_time_and_build_time() {
    let mut request = demo_module();
    request.output_timestamp = Some(1_262_304_000); // 2010-01-01T00:00:00Z
    let out = biz(&request);
    let inspection = arkpack_core::inspect("out.jar", &out.biz_jar).unwrap();
    assert!(inspection.entries.iter().all(|e| e.time == "2010-01-01T00:00:00"), "{:?}", inspection.entries);
    assert!(inspection.manifest.unwrap().contains("build-time: 2010-01-01T00:00:00+0000\r\n"));
    let default = biz(&demo_module());
    assert_ne!(default.biz_jar, out.biz_jar);
    let default_listing = arkpack_core::inspect("d.jar", &default.biz_jar).unwrap();
    assert!(default_listing.entries.iter().all(|e| e.time == "1980-02-01T00:00:00"));
}
