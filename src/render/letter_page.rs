//! What the letter page needs from the letter's paper form: the PDF (made here, so the page
//! can give its size and page count), and the date, web address and QR code that its print
//! stylesheet shows. See [`super::letter`] for the PDF itself.

use super::letter::{self, Language, LetterInput};
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

impl SchoolRenderer<'_> {
    /// The letter's Markdown after placeholders and templates (what the page shows).
    fn letter_source(&self, item: &crate::project::Item) -> Option<String> {
        if !crate::placeholders::needs_template(&item.doc.body) {
            return Some(item.doc.body.clone());
        }
        let ctx = minijinja::context! {
            swv => self.globals.swv.clone(),
            school => self.school.clone(),
            t => self.globals.words.clone(),
            lang => self.globals.lang.clone(),
            page => minijinja::context! { path => crate::project::page_path(&item.doc.rel) },
        };
        // A failing template is reported by the page's own render.
        self.globals.templates.render(&item.doc.file, &ctx).ok()
    }

    fn word(&self, key: &str, fallback: &str) -> String {
        self.project
            .theme
            .words
            .get(key)
            .and_then(|v| v.as_str())
            .unwrap_or(fallback)
            .to_owned()
    }

    /// The letter's date: the school's `letter_date`, else the letter's `date:`, else the
    /// build's day (`SOURCE_DATE_EPOCH` / `BUDDYSITE_TODAY` / today in the Netherlands).
    fn letter_date(
        &self,
        item: &crate::project::Item,
        problems: &mut Vec<Diagnostic>,
    ) -> letter::Date {
        if let Some(d) = self.entry.school.letter_date {
            return d;
        }
        if let Meta::Page(m) = &item.doc.meta {
            if let Some(written) = &m.date {
                match crate::load::date::parse(written) {
                    Some(d) => return d,
                    None => {
                        let line = item
                            .text
                            .lines()
                            .position(|l| l.trim_start().starts_with("date:"))
                            .map_or(1, |i| i + 1);
                        problems.push(
                            Diagnostic::error(
                                &item.doc.file,
                                format!("`date` is not a date: `{written}`"),
                            )
                            .at(&item.text, line, 1)
                            .with_help("write the letter's date as \"YYYY-MM-DD\", e.g. `date: \"2026-11-30\"`, or leave it out to use the day of the build"),
                        );
                    }
                }
            }
        }
        self.project.today
    }

    /// Makes the letter's PDF (unless PDFs are off) into `site`, and the values the letter
    /// page shows about it and prints.
    pub(super) fn letter_page(
        &self,
        site: &mut Site,
        problems: &mut Vec<Diagnostic>,
    ) -> LetterPage {
        let Some(page) = self.plan.pages.iter().find(|p| p.kind == PageKind::Letter) else {
            return LetterPage::default();
        };
        let Some(item) = page.item else {
            return LetterPage::default();
        };
        let school = &self.entry.school;
        let page_url = school
            .base_url
            .as_ref()
            .map(|b| format!("{b}{}", super::pretty(&page.path)));
        if page_url.is_none() {
            problems.push(
                Diagnostic::warning(&school.file, "without `base_url` the printed letter cannot point to the site: it gets no web address and no QR code")
                    .with_help("add `base_url:` with the address where this school's site is published, e.g. `base_url: https://www.example.org/buddy/`"),
            );
        }
        let date = self.letter_date(item, problems);
        let months: Vec<String> = self
            .project
            .theme
            .words
            .get("months")
            .and_then(|v| v.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|m| m.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        let written = letter::written_date(date, &months);
        let qr_alt = self.word("letter_qr_alt", "QR-code naar {url}");
        let print = super::ser(&serde_json::json!({
            "date": written,
            "date_iso": date.to_string(),
            "url": page_url,
            "qr": page_url.as_deref().and_then(letter::qr::matrix).map(|m| m.svg(&qr_alt.replace("{url}", page_url.as_deref().unwrap_or("")))),
            "website_label": self.word("letter_website", "Meer informatie vind je op"),
        }));
        let mut out = LetterPage {
            pdf: Value::from(()),
            print,
        };
        let Some(cache) = &self.globals.letters else {
            return out;
        };
        let pdf_path = crate::plan::letter_pdf_path(&page.path, &school.slug);
        if self.only.is_some_and(|only| !only.contains(&page.path)) {
            site.known.push(pdf_path);
            return out;
        }
        let Some(markdown) = self.letter_source(item) else {
            return out;
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
        let name = typography::text(&school.name);
        let initials = super::school_initials(&school.name);
        let place = typography::text(&school.place);
        let swv = typography::text(&self.project.config.name);
        let c = super::contact_ctx(&school.contact);
        let website_label = self.word("letter_website", "Meer informatie vind je op");
        let code = self.project.config.language.as_str();
        let input = LetterInput {
            school: &name,
            initials: &initials,
            place: &place,
            swv: &swv,
            swv_website: self.project.config.website.as_deref(),
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
            website_label: &website_label,
            qr_alt: &qr_alt,
            language: Language {
                code,
                rtl: matches!(code, "ar" | "he" | "fa" | "ur"),
                months: &months,
            },
        };
        match letter::typeset(&input, cache) {
            Ok(pdf) => {
                let href = pdf_path
                    .rsplit('/')
                    .next()
                    .unwrap_or(&pdf_path)
                    .to_owned();
                let size = letter::human_size(pdf.bytes.len());
                let meta = if pdf.pages == 1 {
                    self.word("letter_pdf_meta_one", "PDF, {size}, 1 pagina")
                } else {
                    self.word("letter_pdf_meta", "PDF, {size}, {pages} pagina's")
                }
                .replace("{size}", &size)
                .replace("{pages}", &pdf.pages.to_string());
                out.pdf = super::ser(&serde_json::json!({
                    "href": href,
                    "size": size,
                    "pages": pdf.pages,
                    "meta": meta,
                }));
                site.files.push(SiteFile {
                    path: pdf_path,
                    body: Body::Shared(Arc::clone(&pdf.bytes)),
                });
                site.outside.push(SiteFile {
                    path: crate::plan::batch_letter_path(&school.slug),
                    body: Body::Shared(pdf.bytes),
                });
            }
            Err(why) => problems.push(
                Diagnostic::error(
                    &item.doc.file,
                    format!(
                        "the letter of school `{}` could not be typeset as PDF: {why}",
                        school.slug
                    ),
                )
                .with_help("this is most likely a bug in buddysite; build with `--no-pdf` meanwhile and report it"),
            ),
        }
        out
    }
}

/// The overview's list of every school's letter (`brieven/brief-<slug>.pdf`), for the
/// coordinator who prints them all; empty when no PDFs are made.
pub(super) fn overview_letters(
    project: &crate::project::Project,
    globals: &super::Globals,
) -> Value {
    if globals.letters.is_none() {
        return Value::from(Vec::<Value>::new());
    }
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
            serde_json::json!({
                "name": typography::text(&e.school.name),
                "slug": e.school.slug,
                "href": crate::plan::batch_letter_path(&e.school.slug),
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
        let end = rest[1..].find('<').map_or(rest.len(), |i| i + 1);
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
    }
}
