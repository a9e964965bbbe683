//! The catalogues against the registry, each other and the code.

use super::registry::{Msg, ALL};
use super::*;
use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};

/// The messages of a catalogue and the variables each uses; fails on a syntax error.
fn messages_of(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let resource = match fluent_syntax::parser::parse(lang.catalogue()) {
        Ok(r) => r,
        Err((_, errors)) => panic!("locales/{}/buddysite.ftl: {errors:?}", lang.code()),
    };
    let mut out = BTreeMap::new();
    for entry in resource.body {
        match entry {
            ast::Entry::Message(m) => {
                let mut vars = BTreeSet::new();
                if let Some(p) = &m.value {
                    pattern_vars(p, &mut vars);
                }
                for a in &m.attributes {
                    pattern_vars(&a.value, &mut vars);
                }
                let name = m.id.name.to_owned();
                assert!(
                    out.insert(name.clone(), vars).is_none(),
                    "locales/{}: `{name}` twice",
                    lang.code()
                );
            }
            ast::Entry::Junk { content } => {
                panic!("locales/{}: cannot read {content:?}", lang.code())
            }
            _ => {}
        }
    }
    out
}

fn pattern_vars(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for e in &p.elements {
        if let ast::PatternElement::Placeable { expression } = e {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
        ast::Expression::Inline(i) => inline_vars(i, vars),
    }
}

fn inline_vars(e: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, vars);
            }
            for a in &arguments.named {
                inline_vars(&a.value, vars);
            }
        }
        _ => {}
    }
}

fn registry() -> BTreeMap<&'static str, Msg> {
    let mut map = BTreeMap::new();
    for m in ALL {
        assert!(
            map.insert(m.key, *m).is_none(),
            "`{}` twice in the registry",
            m.key
        );
    }
    map
}

#[test]
fn every_catalogue_has_exactly_the_registrys_keys_and_arguments() {
    let registry = registry();
    for lang in Lang::ALL {
        let catalogue = messages_of(lang);
        let mut problems = Vec::new();
        for (key, m) in &registry {
            match catalogue.get(*key) {
                None => problems.push(format!("`{key}` is missing")),
                Some(vars) => {
                    let wanted: BTreeSet<String> = m.args.iter().map(|a| (*a).to_owned()).collect();
                    if *vars != wanted {
                        problems.push(format!(
                            "`{key}` uses {vars:?}, the registry says {wanted:?}"
                        ));
                    }
                }
            }
        }
        for key in catalogue.keys() {
            if !registry.contains_key(key.as_str()) {
                problems.push(format!("`{key}` is not in src/messages/registry.rs"));
            }
        }
        assert!(
            problems.is_empty(),
            "locales/{}/buddysite.ftl:\n{}",
            lang.code(),
            problems.join("\n")
        );
    }
}

/// The Rust source of the crate, without the registry itself.
fn sources(dir: &std::path::Path, out: &mut String) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let path = e.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") && !path.ends_with("registry.rs") {
            out.push_str(&std::fs::read_to_string(&path).unwrap_or_default());
        }
    }
}

/// A catalogue entry that no code uses is dead text nobody maintains.
#[test]
fn every_message_in_the_registry_is_used_by_the_code() {
    let mut code = String::new();
    sources(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut code,
    );
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let names: Vec<&str> = include_str!("registry.rs")
        .lines()
        .filter_map(|l| {
            let l = l.trim();
            let rest = l
                .strip_prefix("code ")
                .or_else(|| l.strip_prefix("text "))?;
            rest.split(' ').next()
        })
        .collect();
    assert_eq!(
        names.len(),
        ALL.len(),
        "every registry line is `code|text NAME = …`"
    );
    let unused: Vec<&str> = names
        .into_iter()
        .filter(|name| {
            !code.match_indices(name).any(|(i, _)| {
                let before = code[..i].chars().next_back().is_none_or(|c| !is_word(c));
                let after = code[i + name.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !is_word(c));
                before && after
            })
        })
        .collect();
    assert!(unused.is_empty(), "not used anywhere in src/: {unused:?}");
}

/// The list of codes in docs/checks.md, made from the registry and the English catalogue.
fn codes_section() -> String {
    let en = Lang::En.catalogue();
    let mut out = String::from("| code | message (English) |\n|---|---|\n");
    for m in ALL
        .iter()
        .filter(|m| m.is_code && m.key != registry::UNTRANSLATED.key)
    {
        let start = format!("{} =", m.key);
        let mut lines = en.lines().skip_while(|l| !l.starts_with(&start));
        let mut text = lines.next().unwrap_or_default()[start.len()..]
            .trim()
            .to_owned();
        for l in lines.take_while(|l| l.starts_with(' ')) {
            text.push(' ');
            text.push_str(l.trim());
        }
        let text = text.replace('|', "\\|");
        out.push_str(&format!("| `{}` | {text} |\n", m.key));
    }
    out
}

/// docs/checks.md lists every diagnostic once by its code. `BUDDYSITE_UPDATE_DOCS=1 cargo
/// test --lib messages` rewrites the list after a change to the registry.
#[test]
fn docs_checks_lists_every_diagnostic_code() {
    const START: &str = "<!-- codes:start (made by src/messages/tests.rs) -->\n";
    const END: &str = "<!-- codes:end -->";
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/checks.md");
    let docs = std::fs::read_to_string(&path).unwrap_or_default();
    let (Some(a), Some(b)) = (docs.find(START), docs.find(END)) else {
        panic!("docs/checks.md has no {START:?} … {END:?} section");
    };
    let wanted = codes_section();
    if docs[a + START.len()..b] != wanted {
        if std::env::var_os("BUDDYSITE_UPDATE_DOCS").is_some() {
            let new = format!("{}{START}{wanted}{}", &docs[..a], &docs[b..]);
            std::fs::write(&path, new).unwrap_or_default();
        } else {
            panic!("docs/checks.md's list of codes is out of date: run BUDDYSITE_UPDATE_DOCS=1 cargo test --lib messages");
        }
    }
}

#[test]
fn languages_are_read_as_systems_write_them() {
    assert_eq!(Lang::parse("nl_NL.UTF-8"), Some(Lang::Nl));
    assert_eq!(Lang::parse("nl-BE"), Some(Lang::Nl));
    assert_eq!(Lang::parse("en-US"), Some(Lang::En));
    assert_eq!(Lang::parse("C"), None);
    assert_eq!(Lang::parse("fr"), None);
    assert_eq!(Lang::choose(Some("NL")), Ok(Lang::Nl));
    assert_eq!(Lang::choose(Some("fr")), Err("fr".to_owned()));
}

#[test]
fn texts_are_shown_in_the_language_asked_for() {
    let summary = crate::text!(SUMMARY, errors = 1usize, warnings = 2usize);
    assert_eq!(summary.render_in(Lang::En), "1 error, 2 warnings");
    assert_eq!(summary.render_in(Lang::Nl), "1 fout, 2 waarschuwingen");
    let nested = crate::text!(FOR_SCHOOL, message = summary, school = "de-ster");
    assert_eq!(
        nested.render_in(Lang::Nl),
        "1 fout, 2 waarschuwingen (school `de-ster`)"
    );
}
