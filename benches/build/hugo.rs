//! The same pages as one Hugo site, for comparison.
//!
//! Every school is a section (`content/<slug>/`) with its own copy of the shared files, as a
//! Hugo user would lay it out; school data comes from `data/schools/<slug>.yaml`, and the
//! per-school text goes through shortcodes (`{{< school "name" >}}`), so Hugo too renders
//! every school's letter separately. Layouts mirror the default theme's markup (header, menu,
//! brand colours, contact cards, buddy cards, FAQ with table of contents and JSON-LD, footer).
//! Links between content files are written as plain relative URLs (Hugo does not rewrite
//! `.md` links), so Hugo does a little less work per link than buddysite.

use crate::synth;
use std::io;
use std::path::Path;
use std::process::Command;

/// `hugo version`, when Hugo is installed.
pub fn version() -> Option<String> {
    let out = Command::new("hugo").arg("version").output().ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let v = text.split_whitespace().nth(1)?;
    Some(v.split('+').next().unwrap_or(v).to_owned())
}

const CONFIG: &str = r##"baseURL = "https://buddy.example.org/"
languageCode = "nl"
title = "Samenwerkingsverband Passend Onderwijs Benchmarkland"
disableKinds = ["taxonomy", "term", "RSS"]
relativeURLs = true
enableRobotsTXT = true

[params.swv]
name = "Samenwerkingsverband Passend Onderwijs Benchmarkland"
short_name = "SWV Benchmarkland"
website = "https://www.example.org"
[params.swv.contact]
name = "Marieke van Dijk"
role = "coördinator ouder- en jeugdsteunpunt"
email = "ouders@example.org"
phone = "0344 00 00 00"
hours = "maandag tot en met donderdag, van 9.00 tot 16.00 uur"
"##;

const BASEOF: &str = r##"{{- $s := index site.Data.schools .Section -}}
<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} – {{ $s.name }}</title>
{{- with .Description }}
<meta name="description" content="{{ . }}">
{{- end }}
{{- with $s.base_url }}
<link rel="canonical" href="{{ . }}{{ strings.TrimPrefix (printf "/%s/" $.Section) $.RelPermalink }}">
{{- end }}
<meta name="referrer" content="no-referrer">
<meta name="theme-color" content="{{ $s.brand.primary }}">
<link rel="stylesheet" href="{{ printf "/%s/assets/style.css" .Section | relURL }}">
<style>
:root {
  --primary: {{ $s.brand.primary | safeCSS }};
  --accent: {{ $s.brand.accent | safeCSS }};
  --on-primary: #ffffff;
  --on-accent: #000000;
  --primary-text: {{ $s.brand.primary | safeCSS }};
}
</style>
</head>
<body class="kind-{{ .Type }}">
<a class="skip-link" href="#inhoud">Ga direct naar de inhoud</a>
<header class="site-header">
  <div class="wrap site-header__inner">
    <a class="brand" href="{{ printf "/%s/" .Section | relURL }}">
      <img class="brand__logo" src="{{ printf "/%s/%s" .Section $s.brand.logo | relURL }}" alt="">
      <span class="brand__text">
        <span class="brand__name">{{ $s.name }}</span>
        <span class="brand__tagline">Ouders helpen ouders</span>
      </span>
    </a>
  </div>
  <nav class="site-nav" aria-label="Hoofdmenu">
    <ul class="wrap site-nav__list">{{ partial "menu.html" . }}</ul>
  </nav>
</header>
<main id="inhoud" tabindex="-1" class="wrap main">
{{ block "main" . }}{{ end }}
</main>
<footer class="site-footer">
  <div class="wrap site-footer__inner">
    <div class="site-footer__about">
      <p class="site-footer__programme"><a href="{{ site.Params.swv.website }}">Een programma van {{ site.Params.swv.name }}</a></p>
      <p>Het buddyprogramma brengt ouders met elkaar in contact. Een buddy is een andere ouder die weet hoe het is als uw kind extra hulp nodig heeft op school.</p>
    </div>
    <div class="site-footer__contact">
      <p><strong>Vragen over het buddyprogramma?</strong><br>
      Neem contact op met {{ site.Params.swv.contact.name }} ({{ site.Params.swv.contact.role }}).</p>
      <ul class="plain-list">
        <li>E-mail: <a href="mailto:{{ site.Params.swv.contact.email }}">{{ site.Params.swv.contact.email }}</a></li>
        <li>Telefoon: <a href="tel:{{ replace site.Params.swv.contact.phone " " "" }}">{{ site.Params.swv.contact.phone }}</a></li>
      </ul>
    </div>
    <nav class="site-footer__nav" aria-label="Menu onderaan de pagina">
      <ul class="plain-list">{{ partial "menu.html" . }}</ul>
    </nav>
  </div>
</footer>
{{- block "scripts" . }}{{ end }}
</body>
</html>
"##;

const MENU: &str = r##"{{- $home := site.GetPage (printf "/%s" .Section) -}}
{{- $here := .RelPermalink -}}
<li><a href="{{ $home.RelPermalink }}"{{ if eq $home.RelPermalink $here }} aria-current="page"{{ end }}>{{ $home.Title }}</a></li>
{{- range $home.Pages.ByWeight }}
<li><a href="{{ .RelPermalink }}"{{ if eq .RelPermalink $here }} aria-current="page"{{ end }}>{{ .Title }}</a></li>
{{- end }}"##;

const CONTACT_DETAILS: &str = r##"<p class="contact__name">{{ .name }}{{ with .role }}<span class="contact__role">{{ . }}</span>{{ end }}</p>
<dl class="contact__list">
  {{- with .email }}
  <div><dt>E-mail</dt><dd><a href="mailto:{{ . }}">{{ . }}</a></dd></div>
  {{- end }}
  {{- with .phone }}
  <div><dt>Telefoon</dt><dd><a href="tel:{{ replace . " " "" }}">{{ . }}</a></dd></div>
  {{- end }}
  {{- with .hours }}
  <div><dt>Bereikbaar</dt><dd>{{ . }}</dd></div>
  {{- end }}
</dl>"##;

const FACTS: &str = r##"<dl class="facts">
  <div class="facts__row">
    <dt>Ervaring met</dt>
    <dd><ul class="tags" role="list">{{ range .Params.themes }}<li class="tag">{{ . }}</li>{{ end }}</ul></dd>
  </div>
  <div class="facts__row">
    <dt>Talen</dt>
    <dd>{{ delimit .Params.languages ", " }}</dd>
  </div>
  <div class="facts__row">
    <dt>Contact</dt>
    <dd>{{ delimit .Params.meet ", " }}</dd>
  </div>
</dl>"##;

const SCHOOL_HOME: &str = r##"{{ define "main" }}
{{- $s := index site.Data.schools .Section }}
<div class="home-intro">
  <div class="prose">
    <h1>{{ .Title }}</h1>
    {{ .Content }}
  </div>
</div>
<section class="panel steps" aria-labelledby="zo-werkt-het">
  <h2 id="zo-werkt-het">Zo werkt het</h2>
  <ol class="steps__list">
    <li>Je neemt contact op met school of met de coördinator.</li>
    <li>De coördinator zoekt een buddy die bij je past.</li>
    <li>Jij en de buddy spreken af hoe jullie contact houden.</li>
  </ol>
  <p><a class="button" href="{{ printf "/%s/buddys/" .Section | relURL }}">Bekijk de buddy's</a></p>
</section>
<section class="contact-card" aria-labelledby="eerst-vragen">
  <h2 id="eerst-vragen">Eerst iets vragen?</h2>
  <p>Bij {{ $s.name }} is dit uw vaste contactpersoon voor het buddyprogramma.</p>
  {{ partial "contact.html" $s.contact }}
</section>
{{ end }}
"##;

const LETTER: &str = r##"{{ define "main" }}
{{- $s := index site.Data.schools .Section }}
<div class="letter-tools no-print">
  <p class="letter-tools__hint" id="print-hint">Print deze brief of sla hem op als pdf.</p>
  <button type="button" class="button" id="print-button" hidden>Printen</button>
</div>
<article class="letter">
  <header class="letterhead">
    <img class="letterhead__logo" src="{{ printf "/%s/%s" .Section $s.brand.logo | relURL }}" alt="">
    <div class="letterhead__text">
      <p class="letterhead__school">{{ $s.name }}</p>
      <p class="letterhead__place">{{ $s.place }}</p>
      <p class="letterhead__swv">In samenwerking met {{ site.Params.swv.name }}</p>
    </div>
  </header>
  <div class="prose letter__body">
    <h1>{{ .Title }}</h1>
    {{ .Content }}
  </div>
</article>
{{ end }}
{{ define "scripts" }}<script src="{{ printf "/%s/assets/print.js" .Section | relURL }}" defer></script>{{ end }}
"##;

const CONTACT: &str = r##"{{ define "main" }}
{{- $s := index site.Data.schools .Section }}
<div class="prose">
  <h1>{{ .Title }}</h1>
  {{ .Content }}
</div>
<div class="contact-grid">
  <section class="contact-card" aria-labelledby="contact-school">
    <h2 id="contact-school">Contact op school</h2>
    <p>Bij {{ $s.name }} is dit uw vaste contactpersoon voor het buddyprogramma.</p>
    {{ partial "contact.html" $s.contact }}
  </section>
  <section class="contact-card" aria-labelledby="contact-swv">
    <h2 id="contact-swv">Coördinator van het buddyprogramma</h2>
    <p>De coördinator werkt bij {{ site.Params.swv.name }} en helpt alle scholen met het buddyprogramma.</p>
    {{ partial "contact.html" site.Params.swv.contact }}
  </section>
</div>
{{ end }}
"##;

const BUDDIES: &str = r##"{{ define "main" }}
<div class="prose">
  <h1>{{ .Title }}</h1>
  {{ .Content }}
</div>
<p class="filter__status" id="buddy-status" role="status" aria-live="polite" aria-atomic="true">{{ len .Pages }} buddy's</p>
<ul class="cards" id="buddy-list" role="list" aria-label="Buddy's">
  {{- range .Pages.ByWeight }}
  <li class="card buddy-card" data-themes="{{ delimit .Params.themes " " }}">
    <div class="buddy-card__head">
      <span class="avatar avatar--small" aria-hidden="true">{{ substr .Params.name 0 1 }}</span>
      <h2 class="buddy-card__name">{{ .Params.name }}</h2>
    </div>
    <p class="buddy-card__summary">{{ .Params.summary }}</p>
    {{ partial "facts.html" . }}
    <p class="buddy-card__more"><a class="button button--secondary" href="{{ .RelPermalink }}">Lees meer over {{ .Params.name }}</a></p>
  </li>
  {{- end }}
</ul>
{{ end }}
{{ define "scripts" }}<script src="{{ printf "/%s/assets/buddies.js" .Section | relURL }}" defer></script>{{ end }}
"##;

const BUDDY: &str = r##"{{ define "main" }}
{{- $s := index site.Data.schools .Section }}
<p class="back-link"><a href="{{ .Parent.RelPermalink }}"><span aria-hidden="true">←</span> Alle buddy's</a></p>
<article class="buddy">
  <header class="buddy__head">
    <span class="avatar avatar--large" aria-hidden="true">{{ substr .Params.name 0 1 }}</span>
    <div>
      <h1>{{ .Params.name }}</h1>
      <p class="lead">{{ .Params.summary }}</p>
    </div>
  </header>
  <section class="buddy__facts" aria-labelledby="over">
    <h2 id="over">Over {{ .Params.name }}</h2>
    {{ partial "facts.html" . }}
  </section>
  <section class="prose buddy__story" aria-labelledby="verhaal">
    <h2 id="verhaal">Het verhaal van {{ .Params.name }}</h2>
    {{ .Content }}
  </section>
  <section class="contact-card contact-card--highlight" aria-labelledby="contact">
    <h2 id="contact">Kennismaken met {{ .Params.name }}?</h2>
    <p>Je neemt niet zelf contact op met {{ .Params.name }}. De contactpersoon of de coördinator brengt jullie in contact.</p>
    <h3>Contact op school: {{ $s.name }}</h3>
    {{ partial "contact.html" $s.contact }}
    <h3>Coördinator van het buddyprogramma</h3>
    {{ partial "contact.html" site.Params.swv.contact }}
  </section>
</article>
{{ end }}
"##;

const FAQ: &str = r##"{{ define "main" }}
{{- $s := index site.Data.schools .Section }}
{{- $questions := slice }}
{{- range .Pages.ByWeight }}
{{- $questions = $questions | append (dict "@type" "Question" "name" .Title "acceptedAnswer" (dict "@type" "Answer" "text" (string .Content))) }}
{{- end }}
<script type="application/ld+json">{{ dict "@context" "https://schema.org" "@type" "FAQPage" "name" .Title "mainEntity" $questions | jsonify | safeJS }}</script>
<div class="prose">
  <h1>{{ .Title }}</h1>
  {{ .Content }}
</div>
<nav class="toc" id="faq-overzicht" aria-labelledby="faq-overzicht-titel">
  <h2 id="faq-overzicht-titel" class="toc__title">Alle vragen</h2>
  <ul>
    {{- range .Pages.ByWeight }}
    <li><a href="#{{ .File.ContentBaseName }}">{{ .Title }}</a></li>
    {{- end }}
  </ul>
</nav>
<div class="faq">
  {{- range .Pages.ByWeight }}
  <section class="faq__item" aria-labelledby="{{ .File.ContentBaseName }}">
    <h2 id="{{ .File.ContentBaseName }}" class="faq__question">{{ .Title }}</h2>
    <div class="prose faq__answer">
      {{ .Content }}
    </div>
    <p class="faq__back"><a href="#faq-overzicht"><span aria-hidden="true">↑</span> Terug naar alle vragen</a></p>
  </section>
  {{- end }}
</div>
<section class="contact-card" aria-labelledby="faq-meer">
  <h2 id="faq-meer">Staat je vraag er niet bij?</h2>
  {{ partial "contact.html" $s.contact }}
</section>
{{ end }}
"##;

const OVERVIEW: &str = r##"<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ site.Title }}</title>
<link rel="stylesheet" href="{{ "/assets/style.css" | relURL }}">
</head>
<body class="kind-overview">
<main id="inhoud" class="wrap main">
<h1>{{ site.Title }}</h1>
<ul class="cards" role="list">
{{- range $slug, $s := site.Data.schools }}
  <li class="card"><a href="{{ printf "/%s/" $slug | relURL }}"><img src="{{ printf "/%s/%s" $slug $s.brand.logo | relURL }}" alt=""> {{ $s.name }}</a> <span>{{ $s.place }}</span></li>
{{- end }}
</ul>
</main>
</body>
</html>
"##;

const NOT_FOUND: &str = r##"<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Pagina niet gevonden</title></head>
<body><main><h1>Deze pagina bestaat niet</h1><p><a href="{{ "/" | relURL }}">Naar de beginpagina</a></p></main></body></html>
"##;

const SHORTCODE_SCHOOL: &str = r##"{{- $v := index site.Data.schools .Page.Section -}}{{- range .Params }}{{ $v = index $v . }}{{ end -}}{{ $v }}"##;
const SHORTCODE_SWV: &str =
    r##"{{- $v := site.Params.swv -}}{{- range .Params }}{{ $v = index $v . }}{{ end -}}{{ $v }}"##;

/// Template expressions and placeholders in the generated content, as Hugo shortcodes.
const REPLACEMENTS: [(&str, &str); 14] = [
    ("{{ school.name }}", r##"{{< school "name" >}}"##),
    ("{{ swv.short_name }}", r##"{{< swv "short_name" >}}"##),
    ("[naam samenwerkingsverband]", r##"{{< swv "name" >}}"##),
    ("[naam school]", r##"{{< school "name" >}}"##),
    ("[plaats school]", r##"{{< school "place" >}}"##),
    (
        "[naam contactpersoon]",
        r##"{{< school "contact" "name" >}}"##,
    ),
    (
        "[functie contactpersoon]",
        r##"{{< school "contact" "role" >}}"##,
    ),
    (
        "[e-mailadres contactpersoon]",
        r##"{{< school "contact" "email" >}}"##,
    ),
    (
        "[telefoonnummer contactpersoon]",
        r##"{{< school "contact" "phone" >}}"##,
    ),
    ("[naam coördinator]", r##"{{< swv "contact" "name" >}}"##),
    (
        "[e-mailadres coördinator]",
        r##"{{< swv "contact" "email" >}}"##,
    ),
    (
        "[telefoonnummer coördinator]",
        r##"{{< swv "contact" "phone" >}}"##,
    ),
    (
        "[website samenwerkingsverband]",
        r##"{{< swv "website" >}}"##,
    ),
    ("[naam swv]", r##"{{< swv "name" >}}"##),
];

/// The folder (from the school's root) of the page that shows content file `rel`.
fn page_dir(rel: &str) -> String {
    if rel.starts_with("vragen/") {
        return "vragen/".into();
    }
    let dir = rel.rsplit_once('/').map_or("", |(d, _)| d);
    let file = rel.rsplit('/').next().unwrap_or(rel);
    let prefix = if dir.is_empty() {
        String::new()
    } else {
        format!("{dir}/")
    };
    match file {
        "index.md" | "_index.md" => prefix,
        f => format!("{prefix}{}/", f.trim_end_matches(".md")),
    }
}

/// `[text](other.md)` links as relative URLs between the pages.
fn rewrite_links(body: &str, rel: &str) -> String {
    let from = page_dir(rel);
    let dir = rel.rsplit_once('/').map_or("", |(d, _)| d);
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(i) = rest.find("](") {
        out.push_str(&rest[..i + 2]);
        rest = &rest[i + 2..];
        let Some(end) = rest.find(')') else { break };
        let target = &rest[..end];
        if target.ends_with(".md") {
            let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
            for seg in target.split('/') {
                match seg {
                    ".." => {
                        parts.pop();
                    }
                    "." => {}
                    s => parts.push(s),
                }
            }
            let to = page_dir(&parts.join("/"));
            let up = "../".repeat(from.matches('/').count());
            out.push_str(&format!("{up}{to}"));
        } else {
            out.push_str(target);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// A buddysite content file as a Hugo content file: front matter gets `title`, `type` and
/// build options; the body gets shortcodes and plain links; `{% if %}` blocks are left out.
fn convert(rel: &str, text: &str, kind: Option<&str>) -> String {
    let (front, body) = text
        .strip_prefix("---\n")
        .and_then(|t| t.split_once("\n---\n"))
        .expect("generated content has front matter");
    let mut fm = front.to_owned();
    if rel.starts_with("vragen/") && !rel.ends_with("_index.md") {
        let q = front
            .lines()
            .find_map(|l| l.strip_prefix("question: "))
            .unwrap_or("\"?\"");
        fm.push_str(&format!(
            "\ntitle: {q}\n_build:\n  render: never\n  list: always"
        ));
    }
    if rel.starts_with("buddys/") && !rel.ends_with("_index.md") {
        let n = front
            .lines()
            .find_map(|l| l.strip_prefix("name: "))
            .unwrap_or("?");
        fm.push_str(&format!("\ntitle: \"{n}\""));
    }
    if let Some(kind) = kind {
        fm.push_str(&format!("\ntype: {kind}"));
    }
    let mut kept = String::new();
    let mut skipping = false;
    for line in body.lines() {
        if line.starts_with("{% if") {
            skipping = true;
        } else if skipping && line == "{% endif %}" {
            skipping = false;
        } else if !skipping {
            kept.push_str(line);
            kept.push('\n');
        }
    }
    let mut body = rewrite_links(&kept, rel);
    for (from, to) in REPLACEMENTS {
        body = body.replace(from, to);
    }
    format!("---\n{fm}\n---\n{body}")
}

fn put(root: &Path, rel: &str, bytes: &[u8]) -> io::Result<()> {
    let path = root.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(path, bytes)
}

/// Writes the Hugo site of `n` schools into `root`. `assets` is the buddysite output's
/// `assets/` folder (the theme's static files), copied into every school as buddysite does.
pub fn write_site(root: &Path, n: usize, assets: &Path) -> io::Result<()> {
    put(root, "config.toml", CONFIG.as_bytes())?;
    for (rel, text) in [
        ("layouts/_default/baseof.html", BASEOF),
        ("layouts/partials/menu.html", MENU),
        ("layouts/partials/contact.html", CONTACT_DETAILS),
        ("layouts/partials/facts.html", FACTS),
        ("layouts/schoolhome/list.html", SCHOOL_HOME),
        ("layouts/letter/single.html", LETTER),
        ("layouts/contact/single.html", CONTACT),
        ("layouts/buddies/list.html", BUDDIES),
        ("layouts/buddy/single.html", BUDDY),
        ("layouts/faq/list.html", FAQ),
        ("layouts/index.html", OVERVIEW),
        ("layouts/404.html", NOT_FOUND),
        ("layouts/shortcodes/school.html", SHORTCODE_SCHOOL),
        ("layouts/shortcodes/swv.html", SHORTCODE_SWV),
        ("content/_index.md", "---\ntitle: \"Overzicht\"\n---\n"),
    ] {
        put(root, rel, text.as_bytes())?;
    }
    let mut shared: Vec<(String, String, Option<&str>)> = vec![
        ("_index.md".into(), synth::home(), Some("schoolhome")),
        ("brief.md".into(), synth::letter(), Some("letter")),
        ("contact.md".into(), synth::contact(), Some("contact")),
        (
            "buddys/_index.md".into(),
            synth::buddies_intro(),
            Some("buddies"),
        ),
        ("vragen/_index.md".into(), synth::faq_intro(), Some("faq")),
    ];
    for (i, (id, ..)) in synth::BUDDIES.iter().enumerate() {
        shared.push((format!("buddys/{id}.md"), synth::buddy(i), Some("buddy")));
    }
    for (i, (id, _)) in synth::FAQ.iter().enumerate() {
        shared.push((format!("vragen/{id}.md"), synth::faq_entry(i, 0), None));
    }
    let converted: Vec<(String, String)> = shared
        .iter()
        .map(|(rel, text, kind)| {
            // Links are resolved as if `_index.md` were `index.md`, the school's home.
            let as_rel = if rel == "_index.md" {
                "index.md"
            } else {
                rel.as_str()
            };
            (rel.clone(), convert(as_rel, text, *kind))
        })
        .collect();
    let static_files: Vec<(String, Vec<u8>)> = std::fs::read_dir(assets)?
        .filter_map(Result::ok)
        .filter(|e| e.path().is_file())
        .map(|e| {
            Ok((
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path())?,
            ))
        })
        .collect::<io::Result<_>>()?;
    for (name, bytes) in &static_files {
        put(root, &format!("static/assets/{name}"), bytes)?;
    }
    for (i, s) in synth::schools(n).iter().enumerate() {
        put(
            root,
            &format!("data/schools/{}.yaml", s.slug),
            s.yaml(i, 0).as_bytes(),
        )?;
        for (rel, text) in &converted {
            put(root, &format!("content/{}/{rel}", s.slug), text.as_bytes())?;
        }
        put(
            root,
            &format!("static/{}/logo.svg", s.slug),
            s.logo().as_bytes(),
        )?;
        for (name, bytes) in &static_files {
            put(root, &format!("static/{}/assets/{name}", s.slug), bytes)?;
        }
    }
    Ok(())
}
