//! One school's site: every page of every language it publishes, rendered from its plan.

use super::*;

impl<'a> SchoolRenderer<'a> {
    /// How many other schools set `school.<path>`, for an error about this school lacking it.
    pub(super) fn setters(&self, path: &str) -> Option<templates::Setters> {
        let all = self.globals.school_values.get_or_init(|| {
            self.project
                .schools
                .iter()
                .map(|(slug, e)| {
                    (
                        slug.clone(),
                        school_value(self.project, e, "", self.project.config.source_language()),
                    )
                })
                .collect()
        });
        let own = &self.entry.school.slug;
        let others = all
            .iter()
            .filter(|(slug, v)| slug != own && is_set(v, path))
            .count();
        Some(templates::Setters {
            others,
            file: self.entry.school.file.clone(),
        })
    }

    /// The Markdown of `item` after placeholders and templates in `view`'s language (the
    /// letter's PDF is made from it too); `None` when its template did not compile (the
    /// error is in the globals' problems).
    pub(super) fn templated(
        &self,
        view: &lang::View,
        school: &Value,
        item: &Item,
    ) -> Option<Result<String, Diagnostic>> {
        if !crate::placeholders::needs_template(&item.doc.body) {
            return Some(Ok(item.doc.body.clone()));
        }
        let template = &item.doc.file;
        if !self.globals.templates.has(template) {
            return None;
        }
        let path = format!("{}{}", view.prefix, page_path(&item.doc.rel));
        let words = self
            .globals
            .in_lang(view.lang)
            .map_or_else(|| self.globals.words.clone(), |g| g.words.clone());
        let swv = self
            .globals
            .in_lang(view.lang)
            .map_or_else(|| self.globals.swv.clone(), |g| g.swv.clone());
        let front_matter = item
            .text
            .lines()
            .take(item.doc.body_line_offset)
            .collect::<Vec<_>>()
            .join("\n");
        let date = if item.doc.role == Role::Letter {
            // The date the paper letter carries, in this language (the PDF's too).
            let date = self.letter_date(item, &mut Vec::new());
            letter::written_date(date, &letter_page::months(self.project, view.lang))
        } else {
            crate::placeholders::letter_date(&front_matter, self.project.today)
        };
        let ctx = context! {
            swv => swv,
            school => school.clone(),
            t => words,
            lang => view.lang,
            page => context! { path => path.clone(), date => date },
        };
        let setters = |path: &str| self.setters(path);
        Some(
            self.globals
                .templates
                .render_for(template, &ctx, &setters)
                .map_err(|d| d.for_school(&self.entry.school.slug)),
        )
    }

    /// The rendered body of a content item for this school, on its page in `view`.
    pub(super) fn body(
        &self,
        view: &lang::View,
        school: &Value,
        item: &Item,
        problems: &mut Vec<Diagnostic>,
    ) -> Option<Arc<Rendered>> {
        if !crate::placeholders::needs_template(&item.doc.body) {
            return self.globals.shared.get(&item.doc.file).cloned();
        }
        let path = format!("{}{}", view.prefix, page_path(&item.doc.rel));
        let source = match self.templated(view, school, item)? {
            Ok(s) => s,
            Err(d) => {
                problems.push(d);
                return None;
            }
        };
        let key = format!("{}{}", view.prefix, item.doc.rel);
        let rendered = self.cache.get_or_render(&key, &source, || {
            markdown::render(&source, &item.doc.rel, &path, self.raw_html)
        });
        for f in &rendered.findings {
            let (line, _) = crate::diagnostics::line_col(&source, f.offset);
            let rendered_line = source.lines().nth(line - 1).unwrap_or("");
            let source_line = item
                .doc
                .body
                .lines()
                .position(|l| l == rendered_line)
                .unwrap_or(line - 1)
                + 1;
            let mut d = Diagnostic::error_text(&item.doc.file, f.message.clone())
                .at(&item.text, source_line + item.doc.body_line_offset, 0)
                .help(f.help.clone());
            if f.warning {
                d.severity = crate::diagnostics::Severity::Warning;
            }
            problems.push(d);
        }
        Some(rendered)
    }

    pub(super) fn render(&self, site: &mut Site) {
        let views = lang::views(self.plan);
        let mut out = Rendering::default();
        for view in &views {
            self.render_view(view, &views, site, &mut out);
        }
        self.content_files(site, &out.used);
        if self.only.is_none() {
            self.theme_files(site);
            self.extras(site, &out.sitemap);
        } else {
            let mut rest = Site::default();
            self.theme_files(&mut rest);
            site.known.extend(rest.files.into_iter().map(|f| f.path));
            site.known
                .extend(["robots.txt".to_owned(), "sitemap.xml".to_owned()]);
        }
        site.sources = out.sources;
        site.problems.extend(out.problems);
    }

    /// Renders the pages of one language of the site.
    pub(super) fn render_view(
        &self,
        view: &lang::View<'a>,
        views: &'a [lang::View<'a>],
        site: &mut Site,
        out: &mut Rendering,
    ) {
        let (words, labels) = self.project.theme.words_in(view.lang);
        let word = |key: &str, fallback: &'static str| -> Cow<'a, str> {
            words
                .get(key)
                .and_then(|v| v.as_str())
                .map_or(Cow::Borrowed(fallback), |s| Cow::Owned(s.to_owned()))
        };
        let source_lang = self.plan.source_lang;
        let is_source = view.lang == source_lang;
        let globals = self.globals.in_lang(view.lang);
        let t = globals.map_or_else(|| self.globals.words.clone(), |g| g.words.clone());
        let swv = globals.map_or_else(|| self.globals.swv.clone(), |g| g.swv.clone());
        let a11y = globals.map_or_else(
            || self.globals.accessibility.clone(),
            |g| g.accessibility.clone(),
        );
        let marker = globals.map_or("", |g| g.in_source.as_str());
        let endonyms = globals.and_then(|g| g.endonyms.as_ref());
        let school = school_value(self.project, self.entry, "", view.lang);
        let mut jobs: Vec<PageJob> = view
            .pages
            .iter()
            .map(|p| {
                let (title, description, extra) = match p.item.map(|i| &i.doc.meta) {
                    Some(Meta::Page(m)) => (
                        Cow::Borrowed(m.title.as_str()),
                        m.description.as_deref(),
                        Some(&m.extra),
                    ),
                    Some(Meta::Buddy(m)) => (
                        Cow::Borrowed(m.name.as_str()),
                        Some(m.summary.as_str()),
                        Some(&m.extra),
                    ),
                    Some(Meta::Faq(m)) => (Cow::Borrowed(m.question.as_str()), None, None),
                    None if p.kind == PageKind::Accessibility => (
                        word("a11y_title", "Toegankelijkheidsverklaring"),
                        None,
                        None,
                    ),
                    None => (word("not_found_title", "404"), None, None),
                };
                PageJob {
                    item: p.item,
                    kind: p.kind.key(),
                    template: p.kind.template(),
                    path: p.path.clone(),
                    title: Cow::Owned(typography::text(&title)),
                    description,
                    extra,
                }
            })
            .collect();
        let base = self.entry.school.base_url.as_deref();
        for j in jobs.iter().filter(|j| j.kind != "404") {
            let alternates = lang::alternates(views, lang::source_path(view, &j.path), base);
            out.sitemap.push((j.path.clone(), alternates));
        }
        out.sources.extend(jobs_sources(&jobs));
        let nav = self.menu(view);
        let mut letter_problems = Vec::new();
        let letter_page = self.letter_page(view, &school, site, &mut letter_problems);
        out.problems.extend(letter_problems);
        if let Some(only) = self.only {
            let (kept, other): (Vec<PageJob>, Vec<PageJob>) =
                jobs.into_iter().partition(|j| only.contains(&j.path));
            site.known.extend(other.into_iter().map(|j| j.path));
            jobs = kept;
        }
        // Every published body is rendered, also for a partial render: what the pages use
        // decides which content files are published, and that must not depend on which
        // pages were re-rendered.
        let published = view
            .pages
            .iter()
            .filter_map(|p| p.item)
            .chain(view.buddies.iter().filter(|b| b.1).map(|b| b.0))
            .chain(view.faq.iter().filter(|f| f.1).map(|f| f.0));
        let mut bodies: HashMap<&str, Arc<Rendered>> = HashMap::new();
        let buddies_page = view
            .pages
            .iter()
            .find(|p| p.kind == PageKind::Buddies)
            .map(|p| p.path.as_str());
        let faq_page = view
            .pages
            .iter()
            .find(|p| p.kind == PageKind::Faq)
            .map(|p| p.path.as_str());
        for item in published {
            if bodies.contains_key(item.doc.rel.as_str()) {
                continue;
            }
            if let Some(mut r) = self.body(view, &school, item, &mut out.problems) {
                let own = format!("{}{}", view.prefix, page_path(&item.doc.rel));
                if !is_source {
                    // Shared content is the same Arc for every school; a body made from a
                    // template (the letter names the school) is this school's alone.
                    let shared = !crate::placeholders::needs_template(&item.doc.body);
                    r = lang::localized(
                        &self.cache.localized,
                        &r,
                        shared,
                        &own,
                        view,
                        source_lang,
                        marker,
                    );
                }
                let shown_on: Vec<&str> = match item.doc.role {
                    Role::FaqEntry => faq_page.into_iter().collect(),
                    Role::Buddy => std::iter::once(own.as_str()).chain(buddies_page).collect(),
                    _ => vec![own.as_str()],
                };
                for url in crate::scan::scan(&r.html).urls.iter().map(|(_, _, u)| u) {
                    for base in &shown_on {
                        if let Some(path) = local_target(base, url) {
                            out.used.insert(path);
                        }
                    }
                }
                bodies.insert(item.doc.rel.as_str(), r);
            }
        }
        let empty = Arc::new(Rendered::default());
        let body_of = |item: &Item| {
            bodies
                .get(item.doc.rel.as_str())
                .cloned()
                .unwrap_or_else(|| empty.clone())
        };
        // Links the theme writes to pages of the site: this language's version, or the
        // source language's page, marked.
        let link_to = |source_url: &str| -> (String, Option<&str>) {
            match view.version_of(&format!("{source_url}index.html")) {
                Some(own) => (pretty(&own).to_owned(), None),
                None => (source_url.to_owned(), Some(source_lang)),
            }
        };
        let (buddies_url, buddies_lang) = link_to("buddys/");
        for job in &jobs {
            let content = job.item.map(&body_of).unwrap_or_else(|| empty.clone());
            // A 404 page is only ever shown by a server, for any missing address: with a
            // `base_url` its links start at the site's own path (`/buddy/…`), so they work
            // at any depth; `url()` reads `page.root`.
            let root = (job.kind == "404")
                .then(|| self.entry.school.base_url.as_deref().map(url_path))
                .flatten();
            let page = context! {
                kind => job.kind,
                title => job.title.as_ref(),
                description => job.description.map(typography::text),
                content => Value::from_safe_string(content.typeset().to_owned()),
                path => job.path.clone(),
                root => root,
                extra => job.extra.map_or(Value::from(()), ser),
            };
            let nav_here: Vec<NavItem> = nav
                .iter()
                .map(|(title, target)| NavItem {
                    title: title.clone(),
                    url: target.clone(),
                    current: job.path == format!("{target}index.html"),
                })
                .collect();
            let canonical = base.map(|base| format!("{base}{}", pretty(&job.path)));
            let source_path = lang::source_path(view, &job.path);
            let mut ctx = context! {
                lang => view.lang,
                dir => crate::config::direction(view.lang),
                source_lang => source_lang,
                t => t.clone(),
                swv => swv.clone(),
                school => school.clone(),
                page => page,
                nav => ser(&nav_here),
                canonical => canonical,
                accessibility_url => format!("{}{}", view.prefix, crate::plan::ACCESSIBILITY_PATH.trim_end_matches("index.html")),
                home_url => view.prefix,
                buddies_url => buddies_url.clone(),
                buddies_lang => buddies_lang,
                languages => ser(&lang::switcher(views, view.lang, source_path, endonyms)),
                alternates => ser(&lang::alternates(views, source_path, base)),
            };
            match job.kind {
                // A server shows the one 404 page for every missing address, whatever the
                // reader's language: it says so in every language the school publishes.
                "404" if is_source => {
                    // A language whose words lack the message (they fell back to the source
                    // language's) is left out: the same text marked as another language
                    // would be read out wrongly.
                    let own_words = |t: &Value| {
                        ["not_found_title", "not_found_text"]
                            .iter()
                            .any(|k| t.get_attr(k).ok() != self.globals.words.get_attr(k).ok())
                    };
                    let others: Vec<Value> = views
                        .iter()
                        .filter(|v| v.lang != source_lang)
                        .filter_map(|v| {
                            let t = self.globals.in_lang(v.lang)?.words.clone();
                            own_words(&t).then(|| {
                                context! {
                                    code => v.lang,
                                    dir => crate::config::direction(v.lang),
                                    home_url => v.prefix,
                                    t => t,
                                }
                            })
                        })
                        .collect();
                    ctx = context! { ..ctx, ..context! {
                        not_found_languages => others,
                    }};
                }
                "accessibility" => {
                    ctx = context! { ..ctx, ..context! {
                        accessibility => a11y.clone(),
                    }};
                }
                "buddies" => {
                    let list: Vec<BuddyCtx> = view
                        .buddies
                        .iter()
                        .map(|(b, own)| {
                            let mut c = self.buddy_ctx(b, &body_of(b), labels);
                            if *own {
                                c.url = format!("{}{}", view.prefix, c.url);
                            } else {
                                c.lang = Some(source_lang);
                            }
                            c
                        })
                        .collect();
                    let mut used: Vec<&str> = view
                        .buddies
                        .iter()
                        .filter_map(|(b, _)| match &b.doc.meta {
                            Meta::Buddy(m) => Some(m.themes.iter().map(|k| k.key.as_str())),
                            _ => None,
                        })
                        .flatten()
                        .collect();
                    used.sort_by_key(|k| self.theme_label(k, labels));
                    used.dedup();
                    let themes_used: Vec<Labelled> = used
                        .iter()
                        .map(|k| Labelled {
                            key: k,
                            label: typography::text(self.theme_label(k, labels)),
                        })
                        .collect();
                    ctx = context! { ..ctx, ..context! {
                        buddies => ser(&list),
                        themes_used => ser(&themes_used),
                    }};
                }
                "letter" => {
                    ctx = context! { ..ctx, ..context! {
                        letter_pdf => letter_page.pdf.clone(),
                        letter_print => letter_page.print.clone(),
                        letter_content => Value::from_safe_string(letter_page::nobreak_emails(
                            content.typeset(),
                        )),
                    }};
                }
                "buddy" => {
                    if let Some(item) = job.item {
                        let b = self.buddy_ctx(item, &body_of(item), labels);
                        ctx = context! { ..ctx, ..context! { buddy => ser(&b) } };
                    }
                }
                "faq" => {
                    let list: Vec<FaqCtx> = view
                        .faq
                        .iter()
                        .filter(|(_, own)| *own)
                        .filter_map(|(f, _)| match &f.doc.meta {
                            Meta::Faq(m) => {
                                let r = body_of(f);
                                Some(FaqCtx {
                                    id: f.doc.id(),
                                    question: typography::text(&m.question),
                                    answer: Value::from_safe_string(r.typeset().to_owned()),
                                    answer_text: r.text.clone(),
                                })
                            }
                            _ => None,
                        })
                        .collect();
                    let elsewhere: Vec<FaqElsewhere> = view
                        .faq
                        .iter()
                        .filter(|(_, own)| !*own)
                        .filter_map(|(f, _)| match &f.doc.meta {
                            Meta::Faq(m) => Some(FaqElsewhere {
                                id: f.doc.id(),
                                question: typography::text(&m.question),
                                url: crate::content::url_of(&f.doc.rel),
                                lang: source_lang,
                            }),
                            _ => None,
                        })
                        .collect();
                    ctx = context! { ..ctx, ..context! {
                        faq => ser(&list),
                        faq_elsewhere => ser(&elsewhere),
                    } };
                }
                _ => {}
            }
            let setters = |path: &str| self.setters(path);
            match self
                .globals
                .templates
                .render_for(job.template, &ctx, &setters)
            {
                Ok(html) => {
                    site.pages += 1;
                    site.files.push(SiteFile {
                        path: job.path.clone(),
                        body: Body::Owned(html.into_bytes()),
                    });
                }
                Err(mut d) => {
                    let from = job.item.map_or_else(
                        || crate::messages::Arg::from(crate::text!(BUILTIN_PAGE, kind = job.kind)),
                        |i| crate::messages::Arg::from(&i.doc.file),
                    );
                    d.message = crate::text!(WHILE_RENDERING, message = d.message, from = from);
                    let d = d.for_school(&self.entry.school.slug);
                    out.problems.push(d);
                }
            }
        }
        if is_source {
            site.bodies = bodies.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
        }
    }
}
