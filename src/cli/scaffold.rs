//! The commented templates `init` and `new` write: every key explained in Dutch for the
//! SWV's editors, who open these files in VS Code or Notepad++ and are not programmers. Each
//! template passes `check` as it is written (the tests make sure).

use crate::load::config::Contact;

/// A YAML double-quoted string for `value` (JSON strings are valid YAML).
pub fn q(value: &str) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "\"\"".into())
}

/// A `contact:` block at `indent` spaces; keys without a value are written as comments, so
/// the editor sees what can go there.
pub fn contact_yaml(c: &Contact, indent: usize) -> String {
    let pad = " ".repeat(indent);
    let mut out = format!(
        "{pad}# Naam zoals ouders die gebruiken (verplicht).\n{pad}name: {}\n",
        q(&c.name)
    );
    let optional = [
        (
            "role",
            &c.role,
            "Functie, bijvoorbeeld intern begeleider.",
            "intern begeleider",
        ),
        ("email", &c.email, "E-mailadres.", "naam@school.nl"),
        (
            "phone",
            &c.phone,
            "Telefoonnummer, alleen het nummer.",
            "0344 00 00 00",
        ),
        (
            "hours",
            &c.hours,
            "Wanneer bereikbaar.",
            "maandag tot en met donderdag, 9.00-15.00 uur",
        ),
    ];
    for (key, value, comment, example) in optional {
        out.push_str(&format!("{pad}# {comment}\n"));
        match value {
            Some(v) => out.push_str(&format!("{pad}{key}: {}\n", q(v))),
            None => out.push_str(&format!("{pad}# {key}: {}\n", q(example))),
        }
    }
    out
}

/// What `buddysite.yaml` says about the SWV.
pub struct SwvInput {
    /// Full name.
    pub name: String,
    /// Short name.
    pub short_name: String,
    /// The SWV's website.
    pub website: Option<String>,
    /// The coordinator.
    pub contact: Contact,
}

/// A new `buddysite.yaml`.
pub fn config_yaml(swv: &SwvInput) -> String {
    let website = match &swv.website {
        Some(w) => format!("website: {}\n", q(w)),
        None => "# website: \"https://www.swv-voorbeeld.nl\"\n".into(),
    };
    format!(
        "{modeline}# Instellingen van het samenwerkingsverband (SWV). Elke sleutel staat in de README.\n\
         # Volledige naam van het SWV.\n\
         name: {name}\n\
         # Korte naam, voor lopende tekst en de paginatitel.\n\
         short_name: {short}\n\
         # De eigen website van het SWV, met https:// ervoor (mag weg).\n\
         {website}\
         # De coördinator van het buddyprogramma (of het ouder- en jeugdsteunpunt).\n\
         contact:\n{contact}\
         # Waar het overzicht van alle scholen online komt (mag weg; zie docs/publish.md).\n\
         # base_url: \"https://buddy.swv-voorbeeld.nl/\"\n\
         # De toegankelijkheidsverklaring van elke school-site (toegankelijkheid/).\n\
         accessibility:\n\
         \x20 # voldoet, voldoet-gedeeltelijk, eerste-maatregelen, voldoet-niet of niet-onderzocht.\n\
         \x20 status: niet-onderzocht\n",
        modeline = crate::schema::modeline(crate::schema::DEFAULT_DIR, "buddysite.json"),
        name = q(&swv.name),
        short = q(&swv.short_name),
        contact = contact_yaml(&swv.contact, 2),
    )
}

/// What a new school file says.
pub struct SchoolInput {
    /// File name without `.yaml`, the site's folder.
    pub slug: String,
    /// Name as parents know it.
    pub name: String,
    /// `basisschool`, `sbo`, `so`, `vo` or `vso`.
    pub kind: String,
    /// Town or village.
    pub place: String,
    /// Brand colour, `#rrggbb`.
    pub color: String,
    /// The school's contact.
    pub contact: Contact,
    /// Where the school's site is published.
    pub base_url: Option<String>,
}

/// A new `schools/<slug>.yaml`.
pub fn school_yaml(s: &SchoolInput) -> String {
    let base_url = match &s.base_url {
        Some(u) => format!("base_url: {}\n", q(u)),
        None => format!(
            "# base_url: \"https://buddy.swv-voorbeeld.nl/{}/\"\n",
            s.slug
        ),
    };
    format!(
        "{modeline}# Eén school. De bestandsnaam ({slug}.yaml) is ook de map van haar site: {slug}/.\n\
         # Naam van de school zoals ouders die kennen.\n\
         name: {name}\n\
         # Soort school: basisschool, sbo, so, vo of vso.\n\
         kind: {kind}\n\
         # Richting, zoals u die wilt tonen (mag weg).\n\
         # denomination: openbaar\n\
         # Plaats of dorp.\n\
         place: {place}\n\
         brand:\n\
         \x20 # Hoofdkleur: # en zes tekens (0-9, a-f), tussen aanhalingstekens.\n\
         \x20 primary: {color}\n\
         \x20 # Tweede kleur (mag weg; dan een tint van de hoofdkleur).\n\
         \x20 # accent: \"#ee9b00\"\n\
         \x20 # Logo: een bestand in de map schools/{slug}/ (mag weg).\n\
         \x20 # logo: logo.svg\n\
         # De contactpersoon van de school voor het buddyprogramma (vaak de intern begeleider).\n\
         contact:\n{contact}\
         # Welke buddy's de school aanbiedt: all (allemaal) of een lijst, bijvoorbeeld [samira, peter].\n\
         buddies: all\n\
         # Het adres waar de site van deze school online komt (zie docs/publish.md).\n\
         {base_url}",
        modeline = crate::schema::modeline(&format!("../{}", crate::schema::DEFAULT_DIR), "school.json"),
        slug = s.slug,
        name = q(&s.name),
        kind = s.kind,
        place = q(&s.place),
        color = q(&s.color),
        contact = contact_yaml(&s.contact, 2),
    )
}

/// What a new buddy profile says.
pub struct BuddyInput {
    /// First name.
    pub name: String,
    /// One sentence for the card.
    pub summary: String,
    /// Experience themes.
    pub themes: Vec<String>,
    /// Languages (ISO 639-1).
    pub languages: Vec<String>,
    /// Ways to be in touch.
    pub meet: Vec<String>,
    /// Last day of consent, `YYYY-MM-DD`.
    pub consent_until: String,
    /// The story (Markdown).
    pub story: String,
}

fn list(items: &[String]) -> String {
    format!("[{}]", items.join(", "))
}

/// A new `content/buddys/<id>.md`.
pub fn buddy_md(b: &BuddyInput) -> String {
    format!(
        "---\n\
         # Profiel van een buddy. Alleen de voornaam, nooit een telefoonnummer, e-mailadres of\n\
         # adres: ouders bereiken een buddy via de school of de coördinator.\n\
         # Voornaam.\n\
         name: {name}\n\
         # Eén zin voor op de kaart.\n\
         summary: {summary}\n\
         # Ervaringen: chronisch-ziek, sbo, so, gedrag, autisme, adhd, dyslexie, hoogbegaafd,\n\
         # thuiszitten, nieuwkomer, overstap-vo (en die uit experience_themes in buddysite.yaml).\n\
         themes: {themes}\n\
         # Talen die de buddy spreekt, als code: nl, en, ar, tr, pl, uk, so, ti, fy, pap, ...\n\
         languages: {languages}\n\
         # Hoe de buddy contact wil: telefoon, app, videobellen, koffie, schoolgesprek, meegaan.\n\
         meet: {meet}\n\
         # Laatste dag (JJJJ-MM-DD) waarop de buddy toestemming geeft om op de sites te staan.\n\
         # Vanaf 30 dagen ervoor waarschuwt buddysite; daarna staat het profiel niet meer online.\n\
         consent_until: {until}\n\
         # Foto naast dit bestand, met een beschrijving voor wie de foto niet ziet (mag weg).\n\
         # photo: foto.jpg\n\
         # photo_alt: \"Een vrouw met krullend haar lacht in de camera.\"\n\
         # Volgorde op het overzicht (lager eerst).\n\
         # weight: 10\n\
         ---\n\n{story}\n",
        name = q(&b.name),
        summary = q(&b.summary),
        themes = list(&b.themes),
        languages = list(&b.languages),
        meet = list(&b.meet),
        until = b.consent_until,
        story = b.story.trim_end(),
    )
}

/// A new `content/vragen/<id>.md`; `id` is its anchor on the FAQ page.
pub fn vraag_md(id: &str, question: &str, answer: &str) -> String {
    format!(
        "---\n\
         # Eén vraag op de pagina Veelgestelde vragen. De bestandsnaam is het anker: vragen/#{id}.\n\
         # De vraag, zoals een ouder die stelt.\n\
         question: {question}\n\
         # Volgorde op de pagina (lager eerst; daarna op de vraag).\n\
         # weight: 10\n\
         ---\n\n{answer}\n",
        question = q(question),
        answer = answer.trim_end(),
    )
}

/// A new page `content/<path>.md`.
pub fn page_md(title: &str, body: &str) -> String {
    format!(
        "---\n\
         # Een pagina op de site van elke school. De bestandsnaam is het adres van de pagina.\n\
         # Titel van de pagina (ook de kop bovenaan).\n\
         title: {title}\n\
         # Eén zin voor zoekmachines en voorbeelden van links (mag weg).\n\
         # description: \"\"\n\
         # Plaats in het menu (lager eerst).\n\
         weight: 60\n\
         # false houdt de pagina uit het menu.\n\
         # menu: false\n\
         # Korte naam voor in het menu (mag weg; anders de titel).\n\
         # menu_title: \"\"\n\
         ---\n\n{body}\n",
        title = q(title),
        body = body.trim_end(),
    )
}
