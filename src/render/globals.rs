//! The work shared by every school of one build ([`Globals`]): templates compiled once,
//! the words and texts of every language, the SWV as templates see it.

use super::*;

/// A school as templates see it; paths in it are prefixed with `prefix`, the school's
/// folder as seen from the page (`""` on its own pages, `"slug/"` on the overview).
pub(super) fn school_value(
    project: &Project,
    entry: &SchoolEntry,
    prefix: &str,
    lang: &str,
) -> Value {
    let s = &entry.school;
    let primary = s.brand.primary;
    let palette = crate::color::Palette::new(primary, s.brand.accent);
    let own = s.translations.get(lang).cloned().unwrap_or_default();
    let name = own.name.as_deref().unwrap_or(&s.name);
    let labels = project.theme.words_in(lang).1;
    ser(&SchoolCtx {
        slug: &s.slug,
        name: typography::text(name),
        initials: school_initials(name),
        kind: s.kind.key(),
        kind_label: typography::text(label(&labels.school_kinds, s.kind.key())),
        denomination: own
            .denomination
            .as_deref()
            .or(s.denomination.as_deref())
            .map(typography::text),
        place: typography::text(own.place.as_deref().unwrap_or(&s.place)),
        contact: contact_ctx(&own.contact.apply(&s.contact)).into(),
        base_url: s.base_url.as_deref(),
        phone: s.phone.as_deref(),
        email: s.email.as_deref(),
        website: s.website.as_deref(),
        extra: &s.extra,
        brand: BrandCtx {
            primary: palette.primary.to_string(),
            accent: palette.accent.to_string(),
            on_primary: palette.on_primary.to_string(),
            on_accent: palette.on_accent.to_string(),
            primary_text: palette.primary_text.to_string(),
            primary_dark: palette.primary_dark.to_string(),
            on_primary_dark: palette.on_primary_dark.to_string(),
            logo: s.brand.logo.as_ref().map(|l| format!("{prefix}{l}")),
        },
        url: prefix.to_owned(),
    })
}

/// The SWV as templates in language `lang` see it (its `translations:` texts applied).
pub(super) fn swv_value(project: &Project, lang: &str) -> Value {
    let c = &project.config;
    let own = c.translations.get(lang).cloned().unwrap_or_default();
    ser(&SwvCtx {
        name: typography::text(own.name.as_deref().unwrap_or(&c.name)),
        short_name: typography::text(own.short_name.as_deref().unwrap_or(&c.short_name)),
        website: c.website.as_deref(),
        logo: project
            .swv_logo
            .as_ref()
            .map(|(p, _)| crate::plan::swv_logo_path(p)),
        contact: contact_ctx(&own.contact.apply(&c.contact)).into(),
        extra: &c.extra,
    })
}

/// The accessibility statement as templates in language `lang` see it.
pub(super) fn accessibility_value(project: &Project, lang: &str) -> Value {
    let c = &project.config;
    let a: &Accessibility = &c.accessibility;
    let own = c.translations.get(lang).cloned().unwrap_or_default();
    let contact = a.contact.as_ref().unwrap_or(&c.contact);
    let contact = if a.contact.is_some() {
        contact.clone()
    } else {
        own.contact.apply(contact)
    };
    ser(&AccessibilityCtx {
        status: a.status.key(),
        evaluated: a
            .evaluated
            .as_deref()
            .and_then(crate::date::parse)
            .map(|d| DateCtx {
                iso: d.to_string(),
                year: i32::from(d.year()),
                month: u32::try_from(d.month()).unwrap_or(1),
                day: u32::try_from(d.day()).unwrap_or(1),
            }),
        report: a.report.as_deref(),
        known_issues: a.known_issues.iter().map(|i| typography::text(i)).collect(),
        contact: contact_ctx(&contact).into(),
    })
}

impl Globals {
    /// The values every page in language `lang` shares.
    pub(super) fn in_lang(&self, lang: &str) -> Option<&LangGlobals> {
        self.by_lang.get(lang)
    }

    /// Builds the shared values, templates and Markdown once per build.
    pub fn new(project: &Project) -> Globals {
        let c = &project.config;
        let mut problems = Vec::new();
        let mut templates = Templates::new();
        templates.allow_hosts(&c.allowed_hosts);
        for (name, file) in project.theme.templates() {
            match crate::source::decode(&file.origin, file.bytes.to_vec()) {
                Ok(src) => {
                    let origin = Origin {
                        file: file.origin.clone(),
                        line_offset: 0,
                        text: Arc::from(src.text.as_str()),
                    };
                    if let Err(d) = templates.add(name, src.text, origin) {
                        problems.push(d);
                    }
                }
                Err(d) => problems.push(d),
            }
        }
        let raw_html = c.raw_html();
        let mut shared = HashMap::new();
        let translations = project
            .translations
            .iter()
            .chain(project.schools.values().flat_map(|s| &s.translations))
            .flat_map(|(lang, m)| m.values().map(move |i| (format!("{lang}/"), i)));
        let items = project
            .all_items()
            .map(|i| (String::new(), i))
            .chain(translations);
        for (prefix, item) in items {
            let doc = &item.doc;
            if crate::placeholders::needs_template(&doc.body) {
                let origin = Origin {
                    file: doc.file.clone(),
                    line_offset: doc.body_line_offset,
                    text: item.text.clone(),
                };
                let source = crate::placeholders::to_template(&doc.body);
                if let Err(d) = templates.add(&doc.file, source, origin) {
                    problems.push(d);
                }
                continue;
            }
            let page = format!("{prefix}{}", page_path(&doc.rel));
            let r = markdown::render(&doc.body, &doc.rel, &page, raw_html);
            let body_start = item.text.len() - doc.body.len();
            for f in &r.findings {
                let mut d = Diagnostic::error_text(&doc.file, f.message.clone())
                    .at_offset(&item.text, body_start + f.offset)
                    .help(f.help.clone());
                if f.warning {
                    d.severity = crate::diagnostics::Severity::Warning;
                }
                problems.push(d);
            }
            shared.insert(doc.file.clone(), Arc::new(r));
        }
        let mut by_lang = HashMap::new();
        for lang in &c.languages {
            let (words, _) = project.theme.words_in(lang);
            by_lang.insert(
                lang.clone(),
                LangGlobals {
                    swv: swv_value(project, lang),
                    words: ser(&typography::json(words)),
                    accessibility: accessibility_value(project, lang),
                    in_source: words
                        .get("in_source_language")
                        .and_then(|v| v.as_str())
                        .map_or_else(|| format!("({})", c.language), typography::text),
                    endonyms: words.get("language_endonyms").cloned(),
                },
            );
        }
        Globals {
            swv: swv_value(project, c.source_language()),
            words: ser(&typography::json(&project.theme.words)),
            accessibility: accessibility_value(project, c.source_language()),
            by_lang,
            templates,
            shared,
            problems,
            images: ImageCache::read_only(ImageCache::project_dir(&project.root)),
            letters: None,
            school_values: std::sync::OnceLock::new(),
        }
    }

    /// The same, making the letters' PDFs with `letters`, or none at all with `None`.
    pub fn with_letters(mut self, letters: Option<Arc<dyn letter::Typesetter>>) -> Globals {
        self.letters = letters;
        self
    }

    /// The same, with an image cache that may also save what it encodes (a build that
    /// writes); [`Globals::new`] only reads saved images, so `check` writes nothing.
    pub fn with_images(mut self, images: ImageCache) -> Globals {
        self.images = images;
        self
    }
}

pub(super) fn label<'a>(map: &'a BTreeMap<String, String>, key: &'a str) -> &'a str {
    map.get(key).map_or(key, String::as_str)
}
