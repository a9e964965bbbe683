//! What the letter page needs from the letter's paper form, in each language the school
//! publishes: the PDF (asked for here, so the page can give its size and page count), and
//! the date, web address and QR code that its print stylesheet shows. See [`super::letter`]
//! for the PDF itself; the output stage's typesetter (`output::letters`) makes it.

use super::lang::View;
use super::letter::{self, Language, LetterInput, LetterJob};
use super::{typography, Body, SchoolRenderer, Site, SiteFile};
use crate::diagnostics::Diagnostic;
use crate::load::content::Meta;
use crate::plan::PageKind;
use minijinja::value::Value;
use std::sync::Arc;

/// The letter page's extra context: `letter_pdf` (absent without a PDF) and `letter_print`.
#[derive(Default)]
pub(super) struct LetterPage {
    pub pdf: Value,
    pub print: Value,
}

/// The month names of language `lang` (theme words `months`), January first.
pub(super) fn months(project: &crate::project::Project, lang: &str) -> Vec<String> {
    project
        .theme
        .words_in(lang)
        .0
        .get("months")
        .and_then(|v| v.as_array())
        .map(|a| {
            a.iter()
                .filter_map(|m| m.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// The date an item's front matter gives (`date:`), with a diagnostic when it is not one.
fn own_date(item: &crate::project::Item, problems: &mut Vec<Diagnostic>) -> Option<letter::Date> {
    let Meta::Page(m) = &item.doc.meta else {
        return None;
    };
    let written = m.date.as_ref()?;
    if let Some(d) = crate::load::date::parse(written) {
        return Some(d);
    }
    let line = item
        .text
        .lines()
        .position(|l| l.trim_start().starts_with("date:"))
        .map_or(1, |i| i + 1);
    problems.push(
        Diagnostic::error_text(
            &item.doc.file,
            crate::text!(LETTER_BAD_DATE, value = written),
        )
        .at(&item.text, line, 1)
        .help(crate::text!(LETTER_BAD_DATE_HELP)),
    );
    None
}

impl SchoolRenderer<'_> {
    fn word(&self, lang: &str, key: &str, fallback: &str) -> String {
        self.project
            .theme
            .words_in(lang)
            .0
            .get(key)
            .and_then(|v| v.as_str())
            .unwrap_or(fallback)
            .to_owned()
    }

    /// The letter's date: the school's `letter_date`, else the letter's `date:` (its
    /// translation's, else the source letter's), else the build's day (`SOURCE_DATE_EPOCH` /
    /// `BUDDYSITE_TODAY` / today in the Netherlands).
    pub(super) fn letter_date(
        &self,
        item: &crate::project::Item,
        problems: &mut Vec<Diagnostic>,
    ) -> letter::Date {
        if let Some(d) = self.entry.school.letter_date {
            return d;
        }
        let source = self
            .plan
            .pages
            .iter()
            .find(|p| p.kind == PageKind::Letter)
            .and_then(|p| p.item)
            .filter(|s| !std::ptr::eq(*s, item));
        let mut ignored = Vec::new();
        own_date(item, problems)
            .or_else(|| source.and_then(|s| own_date(s, &mut ignored)))
            .unwrap_or(self.project.today)
    }

    /// Makes the letter's PDF in `view`'s language (unless PDFs are off) into `site`, and
    /// the values the letter page shows about it and prints.
    pub(super) fn letter_page(
        &self,
        view: &View,
        school_value: &Value,
        site: &mut Site,
        problems: &mut Vec<Diagnostic>,
    ) -> LetterPage {
        let Some(page) = view.pages.iter().find(|p| p.kind == PageKind::Letter) else {
            return LetterPage::default();
        };
        let Some(item) = page.item else {
            return LetterPage::default();
        };
        let lang = view.lang;
        let is_source = lang == self.plan.source_lang;
        let school = &self.entry.school;
        let page_url = school
            .base_url
            .as_ref()
            .map(|b| format!("{b}{}", super::pretty(&page.path)));
        if page_url.is_none() && is_source {
            problems.push(
                Diagnostic::warning_text(&school.file, crate::text!(LETTER_NO_BASE_URL))
                    .help(crate::text!(LETTER_NO_BASE_URL_HELP)),
            );
        }
        let date = self.letter_date(item, problems);
        let months = months(self.project, lang);
        let written = letter::written_date(date, &months);
        let qr_alt = self.word(lang, "letter_qr_alt", "QR-code naar {url}");
        let website_label = self.word(lang, "letter_website", "Meer informatie vind je op");
        let qr = page_url.as_deref().and_then(letter::qr::code);
        let print = super::ser(&serde_json::json!({
            "date": written,
            "date_iso": date.to_string(),
            "url": page_url,
            "qr": qr.as_ref().map(|c| c.matrix.svg(&qr_alt.replace("{url}", page_url.as_deref().unwrap_or("")))),
            "website_label": website_label,
        }));
        let mut out = LetterPage {
            pdf: Value::from(()),
            print,
        };
        let Some(typesetter) = self.globals.letters.as_deref() else {
            return out;
        };
        let own_lang = (!is_source).then_some(lang);
        let pdf_path = crate::plan::letter_pdf_path(&page.path, &school.slug, own_lang);
        let batch_path = crate::plan::batch_letter_path(&school.slug, own_lang);
        if self.only.is_some_and(|only| !only.contains(&page.path)) {
            site.known.push(pdf_path);
            return out;
        }
        let markdown = match self.templated(view, school_value, item) {
            Some(Ok(m)) => m,
            // The page's own render reports the problem.
            _ => return out,
        };
        let title = match &item.doc.meta {
            Meta::Page(m) => typography::text(&m.title),
            _ => String::new(),
        };
        let palette = crate::color::Palette::new(school.brand.primary, school.brand.accent);
        let logo = school.brand.logo.as_ref().and_then(|l| {
            let candidate = self.plan.candidates.get(l)?;
            let processed = super::publish_image(
                &self.globals.images,
                candidate.asset,
                super::ImageKind::Logo,
            )?
            .ok()?;
            let v = processed.variants.last()?;
            Some((Arc::clone(&v.bytes), v.ext))
        });
        let own = school.translations.get(lang).cloned().unwrap_or_default();
        let raw_name = own.name.as_deref().unwrap_or(&school.name);
        let name = typography::text(raw_name);
        let initials = super::school_initials(raw_name);
        let place = typography::text(own.place.as_deref().unwrap_or(&school.place));
        let config = &self.project.config;
        let swv_own = config.translations.get(lang).cloned().unwrap_or_default();
        let swv = typography::text(swv_own.name.as_deref().unwrap_or(&config.name));
        let c = super::contact_ctx(&own.contact.apply(&school.contact));
        let logo_alt = self.word(lang, "letter_logo_alt", "Logo van {school}");
        let source_lang = self.plan.source_lang;
        // A link to another page goes to its version in the letter's language where this
        // school has one (as on the web letter), else to the source language's.
        let page_of = |target: &str| -> String {
            let (rel, written_in) = match crate::load::names::split_translation(target) {
                Some((stem, code)) => (format!("{stem}.md"), Some(code)),
                None => (target.to_owned(), None),
            };
            super::lang::version_path(view, source_lang, &rel, written_in)
                .unwrap_or_else(|| crate::content::url_of(&rel))
        };
        let input = LetterInput {
            school: &name,
            initials: &initials,
            place: &place,
            swv: &swv,
            swv_website: config.website.as_deref(),
            title: &title,
            markdown: &markdown,
            doc_rel: &item.doc.rel,
            contact: [
                Some(c.name.as_str()),
                c.role.as_deref(),
                c.email.as_deref(),
                c.phone.as_deref(),
            ],
            colours: [
                palette.primary.to_string(),
                palette.primary_text.to_string(),
                palette.on_primary.to_string(),
            ],
            logo,
            date,
            base_url: school.base_url.as_deref(),
            page_url,
            qr,
            page_of: Some(letter::PageOf(&page_of)),
            logo_alt: &logo_alt,
            website_label: &website_label,
            qr_alt: &qr_alt,
            language: Language {
                code: lang,
                rtl: crate::config::direction(lang) == "rtl",
                months: &months,
            },
        };
        let job = LetterJob::new(&input, &school.slug, pdf_path.clone(), batch_path.clone());
        let href = pdf_path.rsplit('/').next().unwrap_or(&pdf_path).to_owned();
        match typesetter.pdf(&job) {
            // The live preview makes it when it is opened: the link works, without size.
            None => {
                // Not in this render's files, but there when it is opened (links resolve).
                site.known.push(pdf_path);
                out.pdf = super::ser(&serde_json::json!({
                    "href": href,
                    "size": null,
                    "pages": null,
                    "meta": null,
                }));
            }
            Some(Ok(pdf)) => {
                let size = letter::human_size(pdf.bytes.len());
                let meta = if pdf.pages == 1 {
                    self.word(lang, "letter_pdf_meta_one", "PDF, {size}, 1 pagina")
                } else {
                    self.word(lang, "letter_pdf_meta", "PDF, {size}, {pages} pagina's")
                }
                .replace("{size}", &size)
                .replace("{pages}", &pdf.pages.to_string());
                out.pdf = super::ser(&serde_json::json!({
                    "href": href,
                    "size": size,
                    "pages": pdf.pages,
                    "meta": meta,
                }));
                if pdf.pages > 2 {
                    problems.push(
                        Diagnostic::warning_text(
                            &item.doc.file,
                            crate::text!(
                                LETTER_TOO_LONG,
                                school = &school.slug,
                                lang = lang,
                                pages = pdf.pages
                            ),
                        )
                        .help(crate::text!(LETTER_TOO_LONG_HELP)),
                    );
                }
                if let Some(why) = &pdf.not_ua {
                    problems.push(
                        Diagnostic::warning_text(
                            &item.doc.file,
                            crate::text!(
                                LETTER_NOT_UA,
                                school = &school.slug,
                                lang = lang,
                                why = why
                            ),
                        )
                        .help(crate::text!(LETTER_NOT_UA_HELP)),
                    );
                }
                site.files.push(SiteFile {
                    path: pdf_path,
                    body: Body::Shared(Arc::clone(&pdf.bytes)),
                });
                site.outside.push(SiteFile {
                    path: batch_path,
                    body: Body::Shared(pdf.bytes),
                });
            }
            Some(Err(why)) => problems.push(
                Diagnostic::error_text(
                    &item.doc.file,
                    crate::text!(
                        LETTER_TYPESET_FAILED,
                        school = &school.slug,
                        lang = lang,
                        why = why
                    ),
                )
                .help(crate::text!(LETTER_TYPESET_FAILED_HELP)),
            ),
        }
        out
    }
}

/// The overview's list of every school's letters in every language it publishes
/// (`brieven/brief-<slug>.pdf`, `brieven/brief-<slug>.<lang>.pdf`), for the coordinator
/// who prints them all; empty when no PDFs are made. `lang` is the overview's language:
/// the school names are given in it.
pub(super) fn overview_letters(
    project: &crate::project::Project,
    globals: &super::Globals,
    lang: &str,
) -> Value {
    if globals.letters.is_none() {
        return Value::from(Vec::<Value>::new());
    }
    let source = project.config.source_language();
    let endonyms = globals.in_lang(lang).and_then(|g| g.endonyms.as_ref());
    let list: Vec<serde_json::Value> = project
        .schools
        .values()
        .filter(|e| {
            project
                .content_for(e)
                .values()
                .any(|i| i.doc.role == crate::load::content::Role::Letter)
        })
        .map(|e| {
            let own = e.school.translations.get(lang);
            let name = own
                .and_then(|t| t.name.as_deref())
                .unwrap_or(&e.school.name);
            let letters: Vec<serde_json::Value> = crate::plan::published_languages(project, e)
                .into_iter()
                .map(|l| {
                    let own_lang = (l != source).then_some(l);
                    serde_json::json!({
                        "lang": l,
                        "dir": crate::config::direction(l),
                        "name": super::lang::endonym(endonyms, l),
                        "href": crate::plan::batch_letter_path(&e.school.slug, own_lang),
                    })
                })
                .collect();
            serde_json::json!({
                "name": typography::text(name),
                "slug": e.school.slug,
                "href": letters.first().and_then(|l| l.get("href")).cloned(),
                "letters": letters,
            })
        })
        .collect();
    super::ser(&list)
}

/// The letter's HTML with every e-mail address in running text in a
/// `<span class="nobreak">`, so neither screen nor paper breaks it at a hyphen (a parent
/// types it from the printout). Addresses inside tags and links are left alone.
pub(super) fn nobreak_emails(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + 64);
    let mut in_link = 0usize;
    let mut rest = html;
    while !rest.is_empty() {
        if let Some(tag_end) = rest.starts_with('<').then(|| rest.find('>')).flatten() {
            let tag = &rest[..=tag_end];
            if tag.starts_with("<a ") || tag == "<a>" {
                in_link += 1;
            } else if tag == "</a>" {
                in_link = in_link.saturating_sub(1);
            }
            out.push_str(tag);
            rest = &rest[tag_end + 1..];
            continue;
        }
        // At least one character (a `<` that opens no tag is text), on a char boundary.
        let first = rest.chars().next().map_or(1, char::len_utf8);
        let end = rest[first..].find('<').map_or(rest.len(), |i| i + first);
        let text = &rest[..end];
        if in_link > 0 {
            out.push_str(text);
        } else {
            let mut first = true;
            for word in text.split(' ') {
                if !first {
                    out.push(' ');
                }
                first = false;
                out.push_str(&wrap_email(word));
            }
        }
        rest = &rest[end..];
    }
    out
}

fn wrap_email(word: &str) -> String {
    let core = word.trim_end_matches(['.', ',', ';', ':', '!', '?', ')']);
    let core = core.trim_start_matches('(');
    let is_email = core.split_once('@').is_some_and(|(a, b)| {
        !a.is_empty()
            && b.contains('.')
            && !b.ends_with('.')
            && core
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | '+' | '@'))
    });
    if !is_email {
        return word.to_owned();
    }
    word.replacen(core, &format!("<span class=\"nobreak\">{core}</span>"), 1)
}

#[cfg(test)]
mod tests {
    use super::nobreak_emails;

    #[test]
    fn emails_in_text_are_kept_whole_and_links_are_left_alone() {
        let html =
            "<p>Mail jan-de.vries@school.nl. Of <a href=\"mailto:a-b@c.nl\">a-b@c.nl</a></p>";
        assert_eq!(
            nobreak_emails(html),
            "<p>Mail <span class=\"nobreak\">jan-de.vries@school.nl</span>. Of <a href=\"mailto:a-b@c.nl\">a-b@c.nl</a></p>"
        );
        // Text that starts with a character of more than one byte (Arabic), and a lone `<`.
        assert_eq!(
            nobreak_emails("<p>عزيزي a-b@c.nl</p>< x"),
            "<p>عزيزي <span class=\"nobreak\">a-b@c.nl</span></p>< x"
        );
    }
}
