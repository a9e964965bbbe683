//! The checks that need the whole loaded project: the pages every site needs, and whether
//! every buddy a school lists is there and still has consent.

use super::{Item, Project};
use crate::content::{self, Meta, Role};
use crate::diagnostics::{suggest, Diagnostic, Diagnostics};
use crate::messages::Text;
use crate::text;

impl Project {
    /// The files every site needs.
    pub(super) fn check_required(&self, problems: &mut Diagnostics) {
        for rel in [
            "index.md",
            "brief.md",
            "contact.md",
            "buddys/_index.md",
            "vragen/_index.md",
        ] {
            if !self.content.contains_key(rel) && !self.root.join("content").join(rel).is_file() {
                problems.push(
                    Diagnostic::error_text(format!("content/{rel}"), text!(PROJECT_MISSING_FILE))
                        .help(text!(PROJECT_MISSING_FILE_HELP)),
                );
            }
        }
        let school_files_exist = std::fs::read_dir(self.root.join("schools")).is_ok_and(|mut d| {
            d.any(|e| {
                e.is_ok_and(|e| {
                    e.path()
                        .extension()
                        .is_some_and(|x| x == "yaml" || x == "yml")
                })
            })
        });
        if self.schools.is_empty() && !school_files_exist {
            problems.push(
                Diagnostic::error_text("schools/", text!(PROJECT_NO_SCHOOLS))
                    .help(text!(PROJECT_NO_SCHOOLS_HELP)),
            );
        }
    }

    /// Buddy vocabulary, consent and the schools' buddy lists.
    pub(super) fn check_buddies(&self, problems: &mut Diagnostics) {
        let labels = &self.theme.labels;
        let themes: Vec<&str> = labels
            .experience_themes
            .keys()
            .chain(self.config.experience_themes.keys())
            .map(String::as_str)
            .collect();
        for item in self.all_items() {
            let Meta::Buddy(b) = &item.doc.meta else {
                continue;
            };
            let vocab: [(Text, &Vec<content::Key>, Vec<&str>); 3] = [
                (text!(VOCAB_THEME), &b.themes, themes.clone()),
                (
                    text!(VOCAB_LANGUAGE),
                    &b.languages,
                    labels.languages.keys().map(String::as_str).collect(),
                ),
                (
                    text!(VOCAB_MEET),
                    &b.meet,
                    labels.meet.keys().map(String::as_str).collect(),
                ),
            ];
            for (what, keys, allowed) in vocab {
                for k in keys {
                    if !allowed.contains(&k.key.as_str()) {
                        let help = match suggest(&k.key, allowed.iter().copied()) {
                            Some(s) => text!(
                                BUDDY_DID_YOU_MEAN_KNOWN,
                                suggestion = s,
                                known = allowed.join(", ")
                            ),
                            None => text!(BUDDY_USE_ONE_OF, known = allowed.join(", ")),
                        };
                        problems.push(
                            Diagnostic::error_text(
                                &item.doc.file,
                                text!(BUDDY_UNKNOWN_WORD, what = what.clone(), word = &k.key),
                            )
                            .at(&item.text, k.line, k.column)
                            .help(help),
                        );
                    }
                }
            }
            problems.extend(self.consent_warning(item, b));
        }
        for entry in self.schools.values() {
            let crate::school::Selection::Only(ids) = &entry.school.buddies else {
                continue;
            };
            let known: Vec<&str> = self
                .content
                .keys()
                .chain(entry.overrides.keys())
                .filter(|rel| Role::of(rel) == Role::Buddy)
                .filter_map(|rel| rel.strip_prefix("buddys/")?.strip_suffix(".md"))
                .collect();
            for (id, line, column) in ids {
                let failed_to_load = self
                    .root
                    .join("content/buddys")
                    .join(format!("{id}.md"))
                    .is_file();
                if !known.contains(&id.as_str()) && !failed_to_load {
                    let help = match suggest(id, known.iter().copied()) {
                        Some(s) => text!(
                            BUDDY_DID_YOU_MEAN_ID,
                            suggestion = s,
                            known = known.join(", ")
                        ),
                        None => text!(BUDDY_ID_HELP, known = known.join(", ")),
                    };
                    problems.push(
                        Diagnostic::error_text(&entry.school.file, text!(BUDDY_NOT_FOUND, id = id))
                            .at(&entry.text, *line, *column)
                            .help(help),
                    );
                }
            }
        }
    }

    /// The warning for a buddy whose consent has ended or ends within
    /// [`crate::date::WARN_DAYS`] days, at the `consent_until:` line. An ended one says how
    /// to renew it, and how to delete the profile without breaking the school files that list
    /// it.
    fn consent_warning(&self, item: &Item, b: &content::BuddyMeta) -> Option<Diagnostic> {
        use crate::date::Consent;
        let (message, help) = match crate::date::consent(self.today, b.consent_until) {
            Consent::Holds => return None,
            Consent::EndsSoon { days } => (
                text!(
                    CONSENT_ENDS_SOON,
                    name = &b.name,
                    date = b.consent_until.to_string(),
                    when = match days {
                        0 => text!(CONSENT_TODAY),
                        1 => text!(CONSENT_TOMORROW),
                        n => text!(CONSENT_IN_DAYS, days = n),
                    }
                ),
                text!(CONSENT_ENDS_SOON_HELP),
            ),
            Consent::Ended => {
                let id = item.doc.id();
                let listed: Vec<String> = self
                    .schools
                    .values()
                    .filter_map(|entry| match &entry.school.buddies {
                        crate::school::Selection::Only(ids) => ids
                            .iter()
                            .find(|(i, _, _)| i == id)
                            .map(|(_, line, _)| format!("{}:{line}", entry.school.file)),
                        crate::school::Selection::All => None,
                    })
                    .collect();
                let delete = if listed.is_empty() {
                    text!(CONSENT_DELETE_FILE, file = &item.doc.file)
                } else {
                    text!(CONSENT_DELETE_AND_LISTS, id = id, files = listed.join(", "))
                };
                (
                    text!(
                        CONSENT_ENDED,
                        name = &b.name,
                        date = b.consent_until.to_string()
                    ),
                    text!(CONSENT_ENDED_HELP, delete = delete),
                )
            }
        };
        let mut d = Diagnostic::warning_text(&item.doc.file, message).help(help);
        if b.consent_at.0 > 0 {
            d = d.at(&item.text, b.consent_at.0, b.consent_at.1);
        }
        Some(d)
    }
}
