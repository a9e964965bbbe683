//! Any bytes as `schools/<slug>.yaml` and as `buddysite.yaml`: the strict YAML loaders with
//! their plain-English messages. Nothing may panic, and every problem must name the file and
//! a line that exists.
#![no_main]

use buddysite::config::Config;
use buddysite::school::School;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(file) = buddysite::source::decode("schools/x.yaml", data.to_vec()) else {
        return;
    };
    let lines = file.text.lines().count().max(1);
    let check = |problems: Vec<buddysite::Diagnostic>| {
        assert!(!problems.is_empty());
        for d in problems {
            assert!(d.line <= lines, "line {} of {lines}: {d}", d.line);
            let _ = d.to_string();
        }
    };
    if let Err(problems) = School::parse("x", &file) {
        check(problems);
    }
    if let Err(problems) = Config::parse(&file) {
        check(problems);
    }
    let (_, problems) = Config::parse_lenient(&file);
    for d in problems {
        let _ = d.to_string();
    }
});
