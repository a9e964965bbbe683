//! The PDF letters' share of a build (issue #12): a cold build with PDFs (no saved letters)
//! against one without (`--no-pdf`), a warm no-op with and without, and one school's YAML
//! change, which must typeset that school's letter alone. Figures only, no verdicts on time
//! except next to the targets.

use super::{progress, remove, run, show_ms, sync, verdict, Stat};
use std::path::Path;
use std::process::Command;

/// Issue #12's targets at 200 schools.
const TARGET_COLD_S: f64 = 10.0;
const TARGET_NOOP_OVERHEAD: f64 = 0.10;

/// Saved letters in the project's cache.
fn letters(root: &Path) -> usize {
    std::fs::read_dir(root.join(".buddysite-cache/letters"))
        .map(|d| {
            d.flatten()
                .filter(|e| e.file_name().to_string_lossy().ends_with(".pdf"))
                .count()
        })
        .unwrap_or(0)
}

/// Measures and prints the PDF figures for `n` schools in `base` (made and removed here).
pub fn measure(n: usize, base: &Path, runs: usize) -> Result<(), String> {
    let me = std::env::current_exe().map_err(|e| e.to_string())?;
    remove(base);
    let root = base.join("project");
    let out = base.join("out");
    let step = |what: &str| progress(&format!("N = {n}, PDF letters: {what}"));
    step("generating the project");
    super::synth::write_project(&root, n).map_err(|e| format!("cannot write the project: {e}"))?;
    let child = |mode: &str| {
        let mut c = Command::new(&me);
        c.arg("--child").arg(mode).arg(&root).arg(&out);
        run(&mut c)
    };
    // Warm the image cache, so the cold figures are the letters' alone.
    child("build-nopdf")?;
    let (mut cold, mut cold_nopdf, mut noop, mut noop_nopdf) = (vec![], vec![], vec![], vec![]);
    for r in 0..runs {
        step(&format!(
            "cold build without and with PDFs, run {}/{runs}",
            r + 1
        ));
        remove(&out);
        sync();
        cold_nopdf.push(child("build-nopdf")?.wall);
        remove(&out);
        remove(&root.join(".buddysite-cache/letters"));
        sync();
        cold.push(child("build")?.wall);
    }
    let typeset_cold = letters(&root);
    for r in 0..runs {
        step(&format!("no-op rebuilds, run {}/{runs}", r + 1));
        noop.push(child("build")?.wall);
    }
    // A no-op without PDFs over an output without them.
    remove(&out);
    child("build-nopdf")?;
    for _ in 0..runs {
        noop_nopdf.push(child("build-nopdf")?.wall);
    }
    child("build")?;
    step("one school's YAML changed");
    let school = std::fs::read_dir(root.join("schools"))
        .map_err(|e| e.to_string())?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .min()
        .ok_or("no school file")?;
    let yaml = std::fs::read_to_string(&school).map_err(|e| e.to_string())?;
    std::fs::write(&school, yaml.replacen("name: \"", "name: \"Nieuw ", 1))
        .map_err(|e| e.to_string())?;
    let before = letters(&root);
    let changed = child("build")?.wall;
    let retypeset = letters(&root) - before;
    progress("");
    let (cold, cold_nopdf) = (Stat::of(&cold), Stat::of(&cold_nopdf));
    let (noop, noop_nopdf) = (Stat::of(&noop), Stat::of(&noop_nopdf));
    let overhead = noop.ms() / noop_nopdf.ms().max(0.001) - 1.0;
    let target = n == super::TARGET_N;
    println!();
    println!("PDF letters, N = {n} ({typeset_cold} letters typeset cold)");
    println!(
        "  cold build with PDFs (no saved letters)   {:>12}   target ≤ {TARGET_COLD_S:.0} s{}",
        cold.show(),
        if target {
            format!("  {}", verdict(cold.ms() <= TARGET_COLD_S * 1000.0))
        } else {
            String::new()
        }
    );
    println!(
        "  cold build without PDFs (--no-pdf)        {:>12}",
        cold_nopdf.show()
    );
    println!(
        "  no-op build with PDFs                     {:>12}   {:+.1}% against --no-pdf, target ≤ +{:.0}%{}",
        noop.show(),
        overhead * 100.0,
        TARGET_NOOP_OVERHEAD * 100.0,
        if target {
            format!("  {}", verdict(overhead <= TARGET_NOOP_OVERHEAD))
        } else {
            String::new()
        }
    );
    println!(
        "  no-op build without PDFs                  {:>12}",
        noop_nopdf.show()
    );
    println!(
        "  one school's YAML changed                 {:>12}   letters typeset: {retypeset} (target 1)  {}",
        show_ms(changed),
        verdict(retypeset == 1)
    );
    remove(base);
    Ok(())
}
