//! `buddysite consents`: every buddy, their consent date, the days left and the schools that
//! offer them, so the coordinator sees in one list whom to ask for a renewal. Exit code 1 when
//! one ends (or has ended) within the window, so a scheduled job can send an alert.

use crate::load::content::Meta;
use crate::load::date::{days_until, Date};
use crate::project::Project;
use std::sync::Arc;

/// One buddy profile and its consent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The buddy's id (file name without `.md`).
    pub id: String,
    /// The profile file, relative to the project root.
    pub file: String,
    /// First name, as on the sites.
    pub name: String,
    /// Last day consent holds.
    pub until: Date,
    /// Days from today until that day: 0 is the last day, negative when it has passed.
    pub days_left: i32,
    /// Slugs of the schools that offer this profile.
    pub schools: Vec<String>,
}

/// Every buddy profile of the project (shared and school-own), soonest end first.
pub fn rows(project: &Project) -> Vec<Row> {
    let mut rows = Vec::new();
    for item in project.all_items() {
        let Meta::Buddy(b) = &item.doc.meta else {
            continue;
        };
        let id = item.doc.id().to_owned();
        let schools = project
            .schools
            .iter()
            .filter(|(_, entry)| {
                project
                    .content_for(entry)
                    .get(item.doc.rel.as_str())
                    .is_some_and(|shown| Arc::ptr_eq(shown, item))
                    && crate::plan::offers(entry, &id)
            })
            .map(|(slug, _)| slug.clone())
            .collect();
        rows.push(Row {
            id,
            file: item.doc.file.clone(),
            name: b.name.clone(),
            until: b.consent_until,
            days_left: days_until(project.today, b.consent_until),
            schools,
        });
    }
    rows.sort_by(|a, b| (a.until, &a.file).cmp(&(b.until, &b.file)));
    rows
}

/// What a row's days left mean, in words.
pub fn status(days_left: i32) -> crate::messages::Text {
    match days_left {
        d if d < 0 => crate::text!(CONSENTS_ENDED, days = -d),
        0 => crate::text!(CONSENTS_LAST_DAY),
        d => crate::text!(CONSENTS_DAYS_LEFT, days = d),
    }
}

/// The table `buddysite consents` prints, and whether any consent ends within `within` days
/// (or has ended).
pub fn report(project: &Project, within: i32) -> (String, bool) {
    let rows = rows(project);
    let mut out = format!(
        "{}\n",
        crate::text!(CONSENTS_TITLE, date = project.today.to_string())
    );
    if rows.is_empty() {
        out.push_str(&format!("{}\n", crate::text!(CONSENTS_NO_BUDDIES)));
        return (out, false);
    }
    let width = rows
        .iter()
        .map(|r| r.file.chars().count())
        .max()
        .unwrap_or(0);
    let mut alert = 0;
    for r in &rows {
        let due = r.days_left <= within;
        alert += usize::from(due);
        let schools = if r.schools.is_empty() {
            crate::text!(CONSENTS_NO_SCHOOL)
        } else {
            crate::text!(CONSENTS_SCHOOLS, schools = r.schools.join(", "))
        };
        out.push_str(&format!(
            "{} {:width$}  {:<12}  {}  {}  {}\n",
            if due { "!" } else { " " },
            r.file,
            r.name,
            r.until,
            status(r.days_left),
            schools,
        ));
    }
    let summary = if alert > 0 {
        crate::text!(CONSENTS_ALERT, count = alert, within = within)
    } else {
        crate::text!(CONSENTS_NONE_DUE, within = within)
    };
    out.push_str(&format!("{summary}\n"));
    (out, alert > 0)
}
