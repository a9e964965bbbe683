//! A synthetic SWV of N schools with content of realistic size, the same structure as the
//! repository's own `content/`, and the real default theme (the one compiled into the library).
//!
//! Per school the build makes 13 content pages (home, letter, FAQ, buddies overview, 8 buddy
//! profiles, contact) plus the theme's 404 page; the school's name is on every page. Every
//! second buddy has a 1200 × 1200 JPEG photo with EXIF GPS data, as a phone makes it. The
//! letter uses the toolkit's bracket placeholders and `{{ school.name }}`, so it really renders
//! per school; buddies and FAQ are shared files. Everything is deterministic.

use std::fmt::Write as _;
use std::io;
use std::path::Path;

/// Buddy ids (file names), with name, themes, languages and ways to meet.
pub const BUDDIES: [(&str, &str, &str, &str, &str); 8] = [
    (
        "anouk",
        "Anouk",
        "[chronisch-ziek, thuiszitten]",
        "[nl]",
        "[telefoon, videobellen, app]",
    ),
    (
        "bas",
        "Bas",
        "[adhd, gedrag]",
        "[nl, en]",
        "[koffie, schoolgesprek]",
    ),
    (
        "emre",
        "Emre",
        "[sbo, overstap-vo]",
        "[nl, tr]",
        "[telefoon, meegaan]",
    ),
    (
        "ingrid",
        "Ingrid",
        "[autisme, so]",
        "[nl, fy]",
        "[koffie, app]",
    ),
    (
        "jeroen",
        "Jeroen",
        "[dyslexie, hoogbegaafd]",
        "[nl]",
        "[videobellen, schoolgesprek]",
    ),
    (
        "kasia",
        "Kasia",
        "[nieuwkomer, gedrag]",
        "[nl, pl, en]",
        "[app, koffie]",
    ),
    (
        "olena",
        "Olena",
        "[nieuwkomer, thuiszitten]",
        "[uk, en, nl]",
        "[telefoon, meegaan]",
    ),
    (
        "samira",
        "Samira",
        "[sbo, autisme]",
        "[nl, ar]",
        "[koffie, meegaan, app]",
    ),
];

/// FAQ ids (file names, and so anchors) with their questions.
pub const FAQ: [(&str, &str); 15] = [
    ("kosten", "Wat kost een buddy?"),
    ("hoe-word-ik-gekoppeld", "Hoe krijg ik een buddy?"),
    ("wachttijd", "Hoe lang moet ik wachten?"),
    ("hoe-vaak", "Hoe vaak spreek ik mijn buddy?"),
    ("geheim", "Vertelt de buddy wat ik zeg aan anderen?"),
    ("school-weet-het", "Weet de school dat ik een buddy heb?"),
    ("stoppen", "Mag ik stoppen met de buddy?"),
    ("andere-buddy", "Kan ik een andere buddy krijgen?"),
    ("andere-taal", "Spreekt de buddy ook mijn taal?"),
    (
        "geen-diagnose",
        "Mijn kind heeft geen diagnose. Kan ik toch een buddy krijgen?",
    ),
    (
        "verschil-hulpverlener",
        "Wat is het verschil met een hulpverlener?",
    ),
    ("wat-doet-een-buddy-niet", "Wat doet een buddy niet?"),
    ("meegaan-naar-school", "Gaat de buddy mee naar school?"),
    ("privacy-gegevens", "Wat gebeurt er met mijn gegevens?"),
    ("klacht", "Wat doe ik als ik niet tevreden ben?"),
];

/// The shared file that a "shared content change" edits: an FAQ answer, on every school's
/// FAQ page.
pub const SHARED_FILE: &str = "content/vragen/kosten.md";

/// Sentences of plain (B1) Dutch that fill the bodies, in a fixed order.
const SENTENCES: [&str; 40] = [
    "Een buddy is een ouder die zelf heeft meegemaakt hoe het is als het op school niet vanzelf gaat.",
    "De buddy luistert naar je en denkt met je mee.",
    "Je bepaalt samen hoe vaak jullie elkaar spreken.",
    "Voor de een is een telefoontje genoeg, een ander drinkt liever samen een kopje koffie.",
    "De buddy neemt niets over van jou of van de school.",
    "Jij en de school beslissen samen wat goed is voor je kind.",
    "Een buddy is geen hulpverlener, maar iemand die weet hoe het voelt.",
    "Je mag altijd stoppen, zonder dat je hoeft uit te leggen waarom.",
    "Wat je vertelt, blijft tussen jou en de buddy.",
    "Soms helpt het om je verhaal eerst aan iemand buiten school te vertellen.",
    "De coördinator zoekt samen met jou een buddy die bij je past.",
    "Daarbij kijken we naar de ervaring van de buddy en naar wat jij nodig hebt.",
    "Spreek je liever een andere taal? Vraag dan naar een buddy die jouw taal spreekt.",
    "Alle buddy's hebben een training gevolgd en krijgen begeleiding.",
    "Ze doen dit werk als vrijwilliger, omdat ze andere ouders willen helpen.",
    "Het kan helpen om een gesprek op school samen voor te bereiden.",
    "Je hoeft niets voor te bereiden voordat je contact opneemt.",
    "Zeg gewoon dat je interesse hebt in een buddy.",
    "Veel ouders vinden het fijn dat de buddy het zelf heeft meegemaakt.",
    "Daardoor voelt het contact anders dan met een professional.",
    "Het maakt niet uit of je kind een diagnose heeft.",
    "Ook als je alleen wilt praten over je zorgen, ben je welkom.",
    "De eerste afspraak is meestal binnen twee weken.",
    "Jullie spreken samen af wanneer en waar jullie elkaar zien.",
    "Sommige ouders spreken hun buddy een paar keer, anderen een heel schooljaar.",
    "Na een paar maanden vraagt de coördinator hoe het gaat.",
    "Past de buddy toch niet bij je? Dan zoeken we samen een ander.",
    "Je gegevens worden alleen gebruikt om je met een buddy in contact te brengen.",
    "We bewaren niet meer dan nodig is, en niet langer dan nodig.",
    "Ben je niet tevreden? Vertel het de coördinator, dan zoeken we samen een oplossing.",
    "De buddy geeft geen advies over medicijnen of behandelingen.",
    "Wel kan de buddy vertellen wat bij hem of haar thuis heeft geholpen.",
    "Het gaat om steun van ouder tot ouder.",
    "Je staat er niet alleen voor.",
    "Geen vraag is te klein.",
    "Op school kunnen ze je ook vertellen welke hulp er in de buurt is.",
    "Een buddy kan uitleggen hoe een gesprek over een ontwikkelingsperspectief verloopt.",
    "Ook weet de buddy bij wie je terechtkunt als je je zorgen maakt.",
    "Het programma is er voor ouders van kinderen in het basisonderwijs en het voortgezet onderwijs.",
    "Veel buddy's hebben zelf een kind op een school voor speciaal onderwijs gehad.",
];

/// About `bytes` of prose in paragraphs of three to five sentences, starting at `seed`.
fn prose(seed: usize, bytes: usize) -> String {
    let mut out = String::new();
    let mut i = seed;
    let mut in_paragraph = 0;
    while out.len() < bytes {
        if in_paragraph == 3 + (i % 3) {
            out.push_str("\n\n");
            in_paragraph = 0;
        } else if in_paragraph > 0 {
            out.push(' ');
        }
        out.push_str(SENTENCES[i % SENTENCES.len()]);
        in_paragraph += 1;
        i = i * 7 + 3;
    }
    out.push('\n');
    out
}

const PREFIXES: [&str; 6] = [
    "OBS",
    "CBS",
    "Basisschool",
    "Kindcentrum",
    "SBO",
    "RK Basisschool",
];
const NAMES: [&str; 40] = [
    "De Regenboog",
    "'t Klaverblad",
    "De Wegwijzer",
    "De Vlonder",
    "Zon & Maan",
    "De Brücke",
    "De Kompasroos",
    "Het Palet",
    "De Linde",
    "De Wilgenhoek",
    "De Sterrenwacht",
    "Het Kompas",
    "De Boomgaard",
    "De Vlinder",
    "De Notenbalk",
    "Het Anker",
    "De Dijk",
    "De Uiterwaard",
    "De Ark",
    "De Schakel",
    "Het Baken",
    "De Bron",
    "De Meander",
    "De Morgenster",
    "De Fontein",
    "Het Mozaïek",
    "De Toermalijn",
    "De Zevensprong",
    "De Springplank",
    "De Hoeksteen",
    "Het Ooievaarsnest",
    "De Waaier",
    "De Windroos",
    "De Triangel",
    "De Wereldwijzer",
    "Het Vogelnest",
    "De Parel",
    "De Zonnewijzer",
    "De Lindehof",
    "De Kleine Prins",
];
const PLACES: [&str; 50] = [
    "Lingedijk",
    "Oeverdonk",
    "Waalhoven",
    "Meerwaarde",
    "Rivierzicht",
    "Beesdijk",
    "Asperen-Oost",
    "Heukelom",
    "Spijkwaard",
    "Gellicum",
    "Rumpt",
    "Acquoy",
    "Leerdam-Noord",
    "Kedichem",
    "Arkel",
    "Hoornaar",
    "Haaften",
    "Hellouw",
    "Tuil",
    "Opijnen",
    "Neerijnen",
    "Varik",
    "Ophemert",
    "Zennewijnen",
    "Wadenoijen",
    "Kapel-Avezaath",
    "Echteld",
    "IJzendoorn",
    "Ochten",
    "Dodewaard",
    "Kesteren",
    "Opheusden",
    "Lienden",
    "Ingen",
    "Eck en Wiel",
    "Maurik",
    "Rijswijk-Gld",
    "Ravenswaaij",
    "Buren",
    "Erichem",
    "Asch",
    "Zoelen",
    "Zoelmond",
    "Beusichem",
    "Culemborg-Oost",
    "Everdingen",
    "Zijderveld",
    "Hagestein",
    "Vianen-Zuid",
    "Lexmond",
];
const CONTACTS: [&str; 12] = [
    "Lotte de Boer",
    "Henk Jansen",
    "Yasmina El Idrissi",
    "Anne Bakker",
    "Sanne Visser",
    "Mark de Vries",
    "Fatma Yilmaz",
    "Pieter van Leeuwen",
    "Ilse Mulder",
    "Karin Smit",
    "Tom Bos",
    "Nadia Haddou",
];

/// One synthetic school.
#[derive(Debug, Clone)]
pub struct School {
    /// File name in `schools/` without `.yaml`.
    pub slug: String,
    /// Name as parents know it.
    pub name: String,
    /// Kind key.
    pub kind: &'static str,
    /// Town.
    pub place: &'static str,
    /// Primary colour.
    pub primary: String,
    /// Accent colour.
    pub accent: String,
    /// Contact person.
    pub contact: &'static str,
    /// Published address, for some schools.
    pub base_url: Option<String>,
}

fn slugify(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'ü' => 'u',
            'ï' => 'i',
            other => other,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

fn colour(i: usize, salt: usize) -> String {
    // Darkish primaries, lighter accents: a spread over the hue wheel.
    let h = (i * 47 + salt * 97) % 360;
    let (r, g, b) = hsl(h as f64, 0.6, if salt == 0 { 0.24 } else { 0.6 });
    format!("#{r:02x}{g:02x}{b:02x}")
}

fn hsl(h: f64, s: f64, l: f64) -> (u8, u8, u8) {
    let c = (1.0 - (2.0 * l - 1.0).abs()) * s;
    let x = c * (1.0 - ((h / 60.0) % 2.0 - 1.0).abs());
    let m = l - c / 2.0;
    let (r, g, b) = match (h / 60.0) as u32 {
        0 => (c, x, 0.0),
        1 => (x, c, 0.0),
        2 => (0.0, c, x),
        3 => (0.0, x, c),
        4 => (x, 0.0, c),
        _ => (c, 0.0, x),
    };
    let f = |v: f64| ((v + m) * 255.0).round() as u8;
    (f(r), f(g), f(b))
}

/// The `n` schools, with unique slugs.
pub fn schools(n: usize) -> Vec<School> {
    let mut seen = std::collections::HashSet::new();
    (0..n)
        .map(|i| {
            let prefix = PREFIXES[i % PREFIXES.len()];
            let name = NAMES[(i / PREFIXES.len()) % NAMES.len()];
            let place = PLACES[(i / (PREFIXES.len() * NAMES.len())) % PLACES.len()];
            let kind = match prefix {
                "SBO" => "sbo",
                _ if i % 17 == 5 => "so",
                _ if i % 13 == 7 => "vo",
                _ => "basisschool",
            };
            let full = format!("{prefix} {name}");
            let mut slug = slugify(&format!("{full} {place}"));
            if !seen.insert(slug.clone()) {
                slug = format!("{slug}-{i}");
                seen.insert(slug.clone());
            }
            School {
                base_url: Some(format!("https://{slug}.example.org/buddy/")),
                slug,
                name: full,
                kind,
                place,
                primary: colour(i, 0),
                accent: colour(i, 1),
                contact: CONTACTS[i % CONTACTS.len()],
            }
        })
        .collect()
}

fn yaml_str(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

impl School {
    /// The email address of the contact.
    pub fn email(&self) -> String {
        format!("ib@{}.example.org", self.slug)
    }

    /// The contact's phone number; `variant` changes it (the "school YAML change").
    pub fn phone(&self, index: usize, variant: usize) -> String {
        format!(
            "0344 {:02} {:02} {:02}",
            variant % 100,
            (index / 100) % 100,
            index % 100
        )
    }

    /// `schools/<slug>.yaml`.
    pub fn yaml(&self, index: usize, variant: usize) -> String {
        let mut y = String::new();
        let _ = writeln!(y, "name: {}", yaml_str(&self.name));
        let _ = writeln!(y, "kind: {}", self.kind);
        let _ = writeln!(
            y,
            "denomination: {}",
            [
                "openbaar",
                "protestants-christelijk",
                "katholiek",
                "algemeen bijzonder"
            ][index % 4]
        );
        let _ = writeln!(y, "place: {}", yaml_str(self.place));
        let _ = writeln!(
            y,
            "brand:\n  primary: \"{}\"\n  accent: \"{}\"\n  logo: logo.svg",
            self.primary, self.accent
        );
        let _ = writeln!(
            y,
            "contact:\n  name: {}\n  role: intern begeleider",
            yaml_str(self.contact)
        );
        let _ = writeln!(
            y,
            "  email: {}\n  phone: \"{}\"",
            self.email(),
            self.phone(index, variant)
        );
        if index.is_multiple_of(3) {
            let _ = writeln!(y, "  hours: maandag, dinsdag en donderdag");
        }
        if let Some(url) = &self.base_url {
            let _ = writeln!(y, "base_url: \"{url}\"");
        }
        y
    }

    /// The school's logo: a small SVG in its colours with its initial.
    pub fn logo(&self) -> String {
        let initial = self
            .name
            .split(' ')
            .next_back()
            .and_then(|w| w.chars().next())
            .unwrap_or('S');
        let initial = if initial.is_ascii_alphanumeric() {
            initial
        } else {
            'S'
        };
        format!(
            r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 120" width="120" height="120" role="img">
<title>Logo</title>
<rect width="120" height="120" rx="24" fill="{p}"/>
<circle cx="86" cy="34" r="18" fill="{a}"/>
<path d="M14 104c10-30 30-44 46-44s36 14 46 44z" fill="{a}" opacity="0.8"/>
<text x="40" y="62" font-family="sans-serif" font-size="44" font-weight="700" fill="#ffffff" text-anchor="middle">{initial}</text>
</svg>
"##,
            p = self.primary,
            a = self.accent,
        )
    }
}

/// `buddysite.yaml`.
pub fn config() -> String {
    "# Synthetic SWV for the build benchmark.
name: Samenwerkingsverband Passend Onderwijs Benchmarkland
short_name: SWV Benchmarkland
website: \"https://www.example.org\"
base_url: \"https://buddy.example.org/\"
contact:
  name: Marieke van Dijk
  role: coördinator ouder- en jeugdsteunpunt
  email: ouders@example.org
  phone: \"0344 00 00 00\"
  hours: maandag tot en met donderdag, van 9.00 tot 16.00 uur
"
    .to_owned()
}

/// `content/index.md`: per school (`{{ school.name }}`, a kind test).
pub fn home() -> String {
    format!(
        "---
title: \"Een buddy voor jou als ouder\"
description: \"Gaat het op school niet vanzelf met je kind? Een buddy is een andere ouder die het zelf heeft meegemaakt.\"
weight: 0
---

Welkom bij het buddyprogramma van {{{{ school.name }}}}! {}
{{% if school.kind == \"sbo\" or school.kind == \"so\" %}}
Je kind zit op {{{{ school.name }}}}, een school voor {{% if school.kind == \"sbo\" %}}speciaal basisonderwijs{{% else %}}speciaal onderwijs{{% endif %}}. Een paar buddy's hebben zelf een kind op zo'n school gehad.
{{% endif %}}
{{{{ school.name }}}} werkt samen met {{{{ swv.short_name }}}}. {}
Bekijk [de buddy's](buddys/_index.md), lees [de brief voor ouders](brief.md) of kijk bij de [veelgestelde vragen](vragen/_index.md). Wil je een buddy? Neem dan [contact](contact.md) op.
",
        prose(1, 500).trim_end(),
        prose(11, 350).trim_end()
    )
}

/// `content/brief.md`: the parent letter, about 2.5 KB, with the toolkit's placeholders.
pub fn letter() -> String {
    format!(
        "---
title: \"Informatiebrief voor ouders over buddy's\"
description: \"Wat is een buddy, wat kan een buddy voor jou als ouder doen en hoe krijg je een buddy?\"
weight: 40
---

Beste ouder,

[naam samenwerkingsverband] helpt scholen om extra hulp te bieden aan kinderen die dat op school nodig hebben. Samen met [naam school] in [plaats school] biedt [naam samenwerkingsverband] nu ook steun aan ouders, door ouders te koppelen aan een buddy.

{}
Denk je dat een buddy jou kan helpen? Neem dan contact op met [naam contactpersoon], [functie contactpersoon] van [naam school]. Je kunt mailen naar [e-mailadres contactpersoon] of bellen naar [telefoonnummer contactpersoon]. Je kunt ook zelf contact opnemen met [naam coördinator], de coördinator van het buddyprogramma bij {{{{ swv.short_name }}}}: [e-mailadres coördinator]. Lees ook de [veelgestelde vragen](vragen/_index.md).

Met vriendelijke groet,

[naam contactpersoon]\\
[functie contactpersoon]\\
{{{{ school.name }}}}
",
        prose(3, 1500)
    )
}

/// `content/contact.md`: per school.
pub fn contact() -> String {
    format!(
        "---
title: \"Contact\"
description: \"Wil je een buddy of heb je een vraag? Neem contact op met de contactpersoon van school of met de coördinator.\"
weight: 50
---

Wil je een buddy? Of wil je eerst meer weten? Je kunt op twee manieren contact opnemen.

- **Via school.** Neem contact op met de contactpersoon van {{{{ school.name }}}}. Die kent de school en je kind.
- **Via {{{{ swv.short_name }}}}.** Je kunt ook zelf de coördinator van het samenwerkingsverband bellen of mailen.

{}",
        prose(17, 420)
    )
}

/// `content/buddys/_index.md`.
pub fn buddies_intro() -> String {
    format!(
        "---
title: \"Buddy's\"
description: \"Maak kennis met de buddy's: ouders die zelf hebben meegemaakt dat hun kind extra hulp nodig had op school.\"
weight: 20
---

Hier stellen de buddy's zich voor. {}Zie je iemand die bij je past? Neem [contact](../contact.md) op.
",
        prose(5, 250)
    )
}

/// True for the buddies that have a photo: every second one.
pub fn has_photo(index: usize) -> bool {
    index.is_multiple_of(2)
}

/// `content/buddys/<id>.md`: about 1.2 KB; every second one names its photo, `<id>.jpg`.
pub fn buddy(index: usize) -> String {
    let (id, name, themes, languages, meet) = BUDDIES[index];
    let photo = if has_photo(index) {
        format!("photo: {id}.jpg\nphoto_alt: \"{name} lacht in de tuin\"\n")
    } else {
        String::new()
    };
    format!(
        "---
name: {name}
summary: \"{}\"
themes: {themes}
languages: {languages}
meet: {meet}
{photo}consent_until: 2099-12-31
weight: {}
---

{}",
        SENTENCES[(index * 5 + 9) % SENTENCES.len()],
        (index + 1) * 10,
        prose(index * 3 + 2, 820)
    )
}

/// `content/vragen/_index.md`.
pub fn faq_intro() -> String {
    format!(
        "---
title: \"Veelgestelde vragen\"
description: \"Antwoorden op vragen die ouders vaak stellen over een buddy: kosten, privacy, stoppen en meer.\"
weight: 30
---

Hier vind je antwoorden op vragen die ouders vaak stellen. Staat jouw vraag er niet bij? Stel je vraag dan aan de coördinator van {{{{ swv.short_name }}}}. {}",
        prose(21, 180)
    )
}

/// `content/vragen/<id>.md`: about 330 bytes; `variant` changes the answer (the "shared
/// content change").
pub fn faq_entry(index: usize, variant: usize) -> String {
    let (_, question) = FAQ[index];
    let mut body = prose(index * 2 + 7, 240);
    match index % 5 {
        0 => body = format!("{{{{ swv.short_name }}}} betaalt de kosten. {body}"),
        2 => body.push_str("Lees ook [de brief](../brief.md).\n"),
        4 => body.push_str("Je vindt de gegevens bij [contact](../contact.md).\n"),
        _ => {}
    }
    if variant > 0 {
        let _ = writeln!(body, "\nDit antwoord is bijgewerkt (versie {variant}).");
    }
    format!(
        "---\nquestion: \"{question}\"\nweight: {}\n---\n\n{body}",
        (index + 1) * 10
    )
}

/// What was written.
#[derive(Debug, Default, Clone, Copy)]
pub struct Written {
    /// Files.
    pub files: usize,
    /// Bytes.
    pub bytes: u64,
}

fn put(root: &Path, rel: &str, text: &str, w: &mut Written) -> io::Result<()> {
    put_bytes(root, rel, text.as_bytes(), w)
}

fn put_bytes(root: &Path, rel: &str, bytes: &[u8], w: &mut Written) -> io::Result<()> {
    let path = root.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(path, bytes)?;
    w.files += 1;
    w.bytes += bytes.len() as u64;
    Ok(())
}

/// Side of the buddies' photos in pixels: a phone photo already made smaller, as editors
/// usually send them.
pub const PHOTO_SIDE: u32 = 1200;

/// A 1200 × 1200 JPEG as a phone makes it (about 300 KB): photo-like pixels (gradients with
/// sensor noise, different per buddy) and an APP1 EXIF block with camera make, orientation
/// and a GPS position, which the build must not publish.
pub fn photo(index: usize) -> Vec<u8> {
    let side = PHOTO_SIDE;
    let mut seed = 0x9e37_79b9_u32.wrapping_mul(index as u32 + 1);
    let img = image::RgbImage::from_fn(side, side, |x, y| {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        let noise = (seed % 24) as i32 - 12;
        let shade = |base: u32| {
            let v = (base % 256) as i32 + noise;
            v.clamp(0, 255) as u8
        };
        image::Rgb([
            shade(x * 255 / side + index as u32 * 40),
            shade(y * 200 / side + 30),
            shade((x + y) * 120 / side + 60),
        ])
    });
    let mut jpeg = Vec::new();
    let encoded = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 90).encode(
        img.as_raw(),
        side,
        side,
        image::ExtendedColorType::Rgb8,
    );
    if encoded.is_err() || jpeg.len() < 2 {
        return jpeg;
    }
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend_from_slice(&exif_with_gps());
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xff, 0xe1]);
    out.extend_from_slice(&((app1.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(&app1);
    out.extend_from_slice(&jpeg[2..]);
    out
}

/// A little-endian TIFF block: IFD0 with Make, Orientation and a GPS IFD pointer; the GPS IFD
/// with latitude and longitude (somewhere in Utrecht).
fn exif_with_gps() -> Vec<u8> {
    let (ifd0, gps) = (8u32, 8 + 42);
    let make_at = gps + 66;
    let make = b"BenchPhone\0";
    let lat_at = make_at + make.len() as u32;
    let lon_at = lat_at + 24;
    let mut t = b"II*\0".to_vec();
    t.extend_from_slice(&ifd0.to_le_bytes());
    let entry = |t: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: u32| {
        t.extend_from_slice(&tag.to_le_bytes());
        t.extend_from_slice(&kind.to_le_bytes());
        t.extend_from_slice(&count.to_le_bytes());
        t.extend_from_slice(&value.to_le_bytes());
    };
    t.extend_from_slice(&3u16.to_le_bytes());
    entry(&mut t, 0x010f, 2, make.len() as u32, make_at);
    entry(&mut t, 0x0112, 3, 1, 1);
    entry(&mut t, 0x8825, 4, 1, gps);
    t.extend_from_slice(&0u32.to_le_bytes());
    t.extend_from_slice(&4u16.to_le_bytes());
    entry(&mut t, 0x0001, 2, 2, u32::from(b'N'));
    entry(&mut t, 0x0002, 5, 3, lat_at);
    entry(&mut t, 0x0003, 2, 2, u32::from(b'E'));
    entry(&mut t, 0x0004, 5, 3, lon_at);
    t.extend_from_slice(&0u32.to_le_bytes());
    // Four GPS entries instead of five: pad to where the data was planned.
    t.resize(make_at as usize, 0);
    t.extend_from_slice(make);
    for (n, d) in [(52u32, 1u32), (5, 1), (234, 10), (5, 1), (7, 1), (89, 10)] {
        t.extend_from_slice(&n.to_le_bytes());
        t.extend_from_slice(&d.to_le_bytes());
    }
    t
}

/// Writes the project of `n` schools into `root` (which must be new or empty).
pub fn write_project(root: &Path, n: usize) -> io::Result<Written> {
    let mut w = Written::default();
    put(root, "buddysite.yaml", &config(), &mut w)?;
    put(root, "content/index.md", &home(), &mut w)?;
    put(root, "content/brief.md", &letter(), &mut w)?;
    put(root, "content/contact.md", &contact(), &mut w)?;
    put(root, "content/buddys/_index.md", &buddies_intro(), &mut w)?;
    for (i, (id, ..)) in BUDDIES.iter().enumerate() {
        put(root, &format!("content/buddys/{id}.md"), &buddy(i), &mut w)?;
        if has_photo(i) {
            put_bytes(root, &format!("content/buddys/{id}.jpg"), &photo(i), &mut w)?;
        }
    }
    put(root, "content/vragen/_index.md", &faq_intro(), &mut w)?;
    for (i, (id, _)) in FAQ.iter().enumerate() {
        put(
            root,
            &format!("content/vragen/{id}.md"),
            &faq_entry(i, 0),
            &mut w,
        )?;
    }
    for (i, s) in schools(n).iter().enumerate() {
        put(
            root,
            &format!("schools/{}.yaml", s.slug),
            &s.yaml(i, 0),
            &mut w,
        )?;
        put(
            root,
            &format!("schools/{}/logo.svg", s.slug),
            &s.logo(),
            &mut w,
        )?;
    }
    write_languages(root, languages(), &mut w)?;
    Ok(w)
}

/// The languages of the synthetic SWV after Dutch, in order; `--languages N` uses the first
/// N - 1 of them.
pub const LANGUAGES: [&str; 5] = ["en", "ar", "tr", "pl", "uk"];

/// How many languages the synthetic SWV has (1 to 6): `--languages N` of the benchmark, which
/// passes it to `write_project` (and to its child processes) as `BUDDYSITE_BENCH_LANGUAGES`.
pub fn languages() -> usize {
    std::env::var("BUDDYSITE_BENCH_LANGUAGES")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(1)
        .clamp(1, LANGUAGES.len() + 1)
}

/// A translation of content file `text`: the same file with its texts marked as being in
/// `lang` (the size and the work of rendering are what matter here, not the words).
fn translated(text: &str, lang: &str) -> String {
    text.replace("title: \"", &format!("title: \"[{lang}] "))
        .replace("question: \"", &format!("question: \"[{lang}] "))
}

/// Adds `languages:` and the translations of every language after Dutch: home page, letter,
/// buddies and FAQ intros and contact (so the language is published with a full menu), half
/// of the buddy profiles and FAQ answers (the rest falls back to Dutch), and the theme's
/// words for that language (a copy of the Dutch ones).
fn write_languages(root: &Path, n: usize, w: &mut Written) -> io::Result<()> {
    if n < 2 {
        return Ok(());
    }
    let langs = &LANGUAGES[..n - 1];
    let config = format!("{}languages: [nl, {}]\n", config(), langs.join(", "));
    put(root, "buddysite.yaml", &config, w)?;
    let words = include_str!("../../themes/default/i18n/nl.yaml");
    for lang in langs {
        put(root, &format!("themes/default/i18n/{lang}.yaml"), words, w)?;
        for (rel, text) in [
            ("index", home()),
            ("brief", letter()),
            ("contact", contact()),
            ("buddys/_index", buddies_intro()),
            ("vragen/_index", faq_intro()),
        ] {
            put(
                root,
                &format!("content/{rel}.{lang}.md"),
                &translated(&text, lang),
                w,
            )?;
        }
        for (i, (id, ..)) in BUDDIES.iter().enumerate().filter(|(i, _)| i % 2 == 0) {
            let text = buddy(i);
            let (_, rest) = text.split_once("\nsummary: ").unwrap_or(("", &text));
            let summary = rest.lines().next().unwrap_or("\"\"");
            let body = text.splitn(3, "---\n").nth(2).unwrap_or("");
            put(
                root,
                &format!("content/buddys/{id}.{lang}.md"),
                &format!("---\nsummary: {summary}\n---\n{body}"),
                w,
            )?;
        }
        for (i, (id, _)) in FAQ.iter().enumerate().filter(|(i, _)| i % 2 == 0) {
            put(
                root,
                &format!("content/vragen/{id}.{lang}.md"),
                &translated(&faq_entry(i, 0), lang),
                w,
            )?;
        }
    }
    // Every translation records its source's hash, as `buddysite translations --mark` does,
    // so the project builds without warnings (the benchmark requires a clean project).
    let (tree, _) = buddysite::load::translations::read_tree(root);
    let files: Vec<std::path::PathBuf> = tree
        .keys()
        .filter(|f| {
            f.strip_suffix(".md")
                .and_then(|s| s.rsplit_once('.'))
                .is_some_and(|(_, l)| langs.contains(&l))
        })
        .map(|f| root.join(f))
        .collect();
    buddysite::load::translations::mark::mark(root, &tree, &files)
        .map_err(|e| io::Error::other(format!("{e:?}")))?;
    Ok(())
}
