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
pub fn status(days_left: i32) -> String {
    match days_left {
        d if d < 0 => format!("ended {} day{} ago (not published)", -d, plural(-d)),
        0 => "today is the last day".into(),
        d => format!("{d} day{} left", plural(d)),
    }
}

fn plural(n: i32) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The table `buddysite consents` prints, and whether any consent ends within `within` days
/// (or has ended).
pub fn report(project: &Project, within: i32) -> (String, bool) {
    let rows = rows(project);
    let mut out = format!(
        "consent of buddy profiles on {} (Dutch time)\n",
        project.today
    );
    if rows.is_empty() {
        out.push_str("there are no buddy profiles\n");
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
            "no school offers this buddy".to_owned()
        } else {
            format!("schools: {}", r.schools.join(", "))
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
    if alert > 0 {
        out.push_str(&format!(
            "{alert} consent{} end{} within {within} days or ended: ask the buddy to renew and change `consent_until`, or remove the profile\n",
            plural(alert as i32),
            if alert == 1 { "s" } else { "" },
        ));
    } else {
        out.push_str(&format!("no consent ends within {within} days\n"));
    }
    (out, alert > 0)
}
