//! The overview of all schools: the SWV's own page at the root of the output.

use super::*;

/// Renders the overview of all schools: `index.html` at the output root, and the same page in
/// every other configured language at `<lang>/index.html`. A school card links to the
/// school's site in the overview's language when the school publishes it, otherwise to its
/// source-language site (marked).
pub fn render_overview(project: &Project, globals: &Globals) -> Site {
    let mut site = Site::default();
    let c = &project.config;
    let source_lang = c.language.as_str();
    let published: Vec<(&SchoolEntry, Vec<&str>)> = project
        .schools
        .values()
        .map(|e| (e, crate::plan::published_languages(project, e)))
        .collect();
    let base = c
        .base_url
        .as_ref()
        .map(|b| format!("{}/", b.trim_end_matches('/')));
    let path_of = |lang: &str| {
        if lang == source_lang {
            "index.html".to_owned()
        } else {
            format!("{lang}/index.html")
        }
    };
    let alternates: Vec<lang::Alternate> = if c.languages.len() > 1 {
        c.languages
            .iter()
            .chain(std::iter::once(&c.languages[0]))
            .enumerate()
            .map(|(i, l)| {
                let path = lang::pretty(&path_of(l)).to_owned();
                lang::Alternate {
                    lang: if i == c.languages.len() {
                        "x-default".into()
                    } else {
                        l.clone()
                    },
                    absolute: base.as_ref().map(|b| format!("{b}{path}")),
                    path,
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    for lang in &c.languages {
        let path = path_of(lang);
        let g = globals.in_lang(lang);
        let endonyms = g.and_then(|g| g.endonyms.as_ref());
        let schools: Vec<Value> = published
            .iter()
            .map(|(e, langs)| {
                let slug = &e.school.slug;
                let own = langs.contains(&lang.as_str());
                let shown = if own { lang.as_str() } else { source_lang };
                let prefix = if shown == source_lang {
                    format!("{slug}/")
                } else {
                    format!("{slug}/{shown}/")
                };
                let v = school_value(project, e, &format!("{slug}/"), lang);
                context! {
                    url => prefix,
                    lang => (!own).then_some(source_lang),
                    ..v
                }
            })
            .collect();
        let switcher: Vec<lang::Switch> = if c.languages.len() > 1 {
            c.languages
                .iter()
                .map(|l| lang::Switch {
                    code: l,
                    name: lang::endonym(endonyms, l),
                    dir: crate::config::direction(l),
                    url: lang::pretty(&path_of(l)).to_owned(),
                    current: l == lang,
                })
                .collect()
        } else {
            Vec::new()
        };
        let swv = g.map_or_else(|| globals.swv.clone(), |g| g.swv.clone());
        let title = swv
            .get_attr("name")
            .ok()
            .and_then(|n| n.as_str().map(str::to_owned))
            .unwrap_or_else(|| typography::text(&c.name));
        let page = context! {
            kind => "overview",
            title => title,
            description => Value::from(()),
            content => Value::from_safe_string(String::new()),
            path => path.clone(),
            extra => ser(&c.extra),
        };
        let ctx = context! {
            lang => lang,
            dir => crate::config::direction(lang),
            source_lang => source_lang,
            t => g.map_or_else(|| globals.words.clone(), |g| g.words.clone()),
            swv => swv,
            page => page,
            nav => Value::from(Vec::<Value>::new()),
            canonical => base.as_ref().map(|b| format!("{b}{}", lang::pretty(&path))),
            schools => schools,
            letters => letter_page::overview_letters(project, globals, lang),
            languages => ser(&switcher),
            alternates => ser(&alternates),
        };
        match globals.templates.render("overview.html", &ctx) {
            Ok(html) => {
                site.pages += 1;
                site.files.push(SiteFile {
                    path,
                    body: Body::Owned(html.into_bytes()),
                });
            }
            Err(d) => site.problems.push(d),
        }
    }
    for (rel, file) in project.theme.static_files() {
        site.files.push(SiteFile {
            path: format!("assets/{rel}"),
            body: Body::Shared(file.bytes.clone()),
        });
    }
    swv_logo(project, globals, &mut site);
    let mut robots = String::from("User-agent: *\nAllow: /\n");
    if let Some(base) = &base {
        robots.push_str(&format!("\nSitemap: {base}sitemap.xml\n"));
        let paths: Vec<String> = c.languages.iter().map(|l| path_of(l)).collect();
        let mut entries: Vec<(&str, &[lang::Alternate])> = paths
            .iter()
            .map(|p| (p.as_str(), alternates.as_slice()))
            .collect();
        entries.sort_unstable_by_key(|(p, _)| *p);
        site.files.push(SiteFile {
            path: "sitemap.xml".into(),
            body: Body::Owned(sitemap(base, &entries).into_bytes()),
        });
    }
    site.files.push(SiteFile {
        path: "robots.txt".into(),
        body: Body::Owned(robots.into_bytes()),
    });
    site.files.sort_by(|a, b| a.path.cmp(&b.path));
    site
}
