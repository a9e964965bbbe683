# De berichten van buddysite in het Nederlands: eenvoudige taal (B1), je-vorm, voor wie
# geen programmeur is. Elke sleutel staat in src/messages/registry.rs, met dezelfde
# argumenten als in locales/en/buddysite.ftl.

## Geen woorden: een tip die er niet is.

empty = {""}

## Zo wordt een probleem getoond, en de regel met het totaal.

label-error = fout
label-warning = waarschuwing
label-help = tip
summary = { $errors ->
    [one] 1 fout
   *[other] { $errors } fouten
}, { $warnings ->
    [one] 1 waarschuwing
   *[other] { $warnings } waarschuwingen
}
for-school = { $message } (school `{ $school }`)
for-schools = { $message } (scholen { $schools } en { $last })
for-many-schools = { $message } (scholen { $first }, { $second } en nog { $more })
while-rendering = { $message } (bij het maken van { $from })
builtin-page = de ingebouwde pagina { $kind }

## YAML-bestanden (src/load/yaml.rs)

yaml-tab-indent = deze regel springt in met een tab
yaml-tab-indent-help = YAML begrijpt alleen spaties om in te springen: vervang de tab door spaties (twee per niveau, zoals de regels eromheen)
yaml-nbsp-indent = deze regel springt in met een harde spatie (vaak geplakt uit Word)
yaml-nbsp-indent-help = haal de spaties aan het begin van de regel weg en typ gewone spaties
yaml-this-value = deze waarde
yaml-did-you-mean-key = bedoel je `{ $suggestion }`? Hier kun je deze instellingen gebruiken: { $allowed }
yaml-remove-key = haal deze instelling weg
yaml-remove-or-allowed = haal hem weg, of gebruik een van deze instellingen: { $allowed }; eigen gegevens zet je onder `extra:`
yaml-unknown-key = onbekende instelling `{ $key }`
yaml-missing-key = de verplichte instelling `{ $key }` ontbreekt
yaml-under = {" "}onder `{ $parent }:`
yaml-add-line = voeg een regel `{ $key }: …` toe{ $under }{ $example }
yaml-duplicate-help-line = `{ $key }` staat al op regel { $line }: houd een van de twee regels over
yaml-duplicate-help = houd een van de twee regels over
yaml-duplicate-key = de instelling `{ $key }` staat er twee keer
yaml-did-you-mean-choose = bedoel je `{ $suggestion }`? Kies een van: { $allowed }
yaml-choose-one = kies een van: { $allowed }
yaml-unknown-value = { $key } kan niet `{ $value }` zijn
yaml-hash-comment-help = in YAML begint een `#` een opmerking, dus de kleur is niet gelezen: zet hem tussen aanhalingstekens, bijvoorbeeld `primary: "#0b5394"`
yaml-write-value-help = schrijf een waarde achter `{ $key }:`, of haal de regel weg
yaml-no-value = { $key } heeft geen waarde
yaml-single-word = { $key } moet één woord zijn
yaml-single-word-help = schrijf een van de toegestane waarden, zonder haakjes en niet als lijst
yaml-buddies-selection = `buddies` moet `all` zijn of een lijst met buddy-namen
yaml-buddies-selection-help = schrijf `buddies: all`, of een lijst zoals `buddies: [samira, peter]`: elke naam is de naam van een bestand in content/buddys/ zonder .md
yaml-empty-file = dit bestand is leeg
yaml-empty-file-help = vul de verplichte instellingen in (zie de uitleg over de inhoud in README.md)
yaml-ends-in-value = het bestand houdt midden in een waarde op
yaml-ends-in-value-help = kijk of elk aanhalingsteken, elke `[` en elke `{"{"}` ook weer gesloten is
yaml-too-large = dit bestand is te groot of te diep ingesprongen om te lezen ({ $reason })
yaml-too-large-help = in YAML-bestanden staan alleen instellingen: zet lange teksten in een Markdown-bestand
yaml-multiple-documents = in dit bestand staan meer YAML-documenten (een tweede regel `---`)
yaml-multiple-documents-help = haal de extra regel `---` weg
yaml-unknown-anchor = deze waarde gebruikt `*`, en YAML leest dat als een verwijzing naar iets dat niet bestaat
yaml-quote-value-help = zet de waarde tussen dubbele aanhalingstekens
yaml-unclosed-quote = op deze regel begint een aanhalingsteken `"` dat nergens wordt gesloten
yaml-unclosed-quote-help = zet een sluitend `"` aan het eind van de waarde
yaml-tab-indent-short-help = YAML begrijpt alleen spaties om in te springen: vervang de tab door spaties
yaml-second-colon = op deze regel staat een tweede `: `, en YAML leest dat als het begin van een nieuwe instelling
yaml-second-colon-help = zet de waarde tussen dubbele aanhalingstekens, bijvoorbeeld `name: "Let op: nieuw"`
yaml-quote-not-closed = er begint een aanhalingsteken dat nergens wordt gesloten
yaml-quote-not-closed-help = zet een sluitend aanhalingsteken aan het eind van de waarde
yaml-bad-indent = deze regel springt anders in dan de regels eromheen
yaml-bad-indent-help = instellingen op hetzelfde niveau moeten even ver inspringen; spring in met spaties, twee per niveau
yaml-reserved-start = deze waarde begint met een teken dat YAML zelf gebruikt (zoals `@`, `` ` ``, `%` of `*`)
yaml-bracket-not-closed = een lijst `[…]` of blok `{"{"}…{"}"}` is niet goed gesloten
yaml-bracket-not-closed-help = kijk de haakjes en komma's na, of zet de waarde tussen dubbele aanhalingstekens
yaml-anchor-start = deze waarde begint met `&` of `*`, en die tekens gebruikt YAML zelf
yaml-syntax = deze regel is geen geldige YAML ({ $detail })
yaml-quote-example-help = zet de waarde tussen dubbele aanhalingstekens, bijvoorbeeld `name: "Basisschool 't Anker"`
yaml-check-line-help = kijk de aanhalingstekens, dubbele punten en inspringing na op deze regel en de regel erboven
yaml-not-value = , niet `{ $value }`
yaml-must-be-list = { $key } moet een lijst zijn{ $not }
yaml-must-be-list-help = schrijf het zo: `{ $key }: [a, b]`, of elk onderdeel op een eigen regel die begint met `- `
yaml-must-be-block = { $key } moet een blok met instellingen zijn{ $not }
yaml-must-be-block-help = zet `{ $key }:` alleen op een regel, met de instellingen eronder, twee spaties ingesprongen (zie README.md)
yaml-bool-hint-true = {" "}(schrijf `true` voor `ja`)
yaml-bool-hint-false = {" "}(schrijf `false` voor `nee`)
yaml-must-be-bool = { $key } moet `true` of `false` zijn{ $not }
yaml-must-be-bool-help = schrijf `{ $key }: true` of `{ $key }: false`{ $hint }
yaml-must-be-number = { $key } moet een heel getal zijn{ $not }
yaml-must-be-number-help = schrijf een getal zonder aanhalingstekens, bijvoorbeeld `{ $key }: 10`
yaml-bracket-text-help = tekst die begint met `[` of `{"{"}` moet tussen dubbele aanhalingstekens staan
yaml-must-be-text-help = schrijf één stuk tekst achter `{ $key }:`, tussen dubbele aanhalingstekens als er bijzondere tekens in staan
yaml-must-be-text = { $key } moet een stuk tekst zijn{ $not }
yaml-wrong-kind = { $key } heeft een verkeerd soort waarde{ $not } (verwacht: { $expected })
see-content-model = zie de uitleg over de inhoud in README.md
yaml-budget-depth = te veel niveaus van inspringen
yaml-budget-aliases = te veel verwijzingen met `&` en `*`
yaml-budget-values = te veel waarden
yaml-example-title = {" "}met de titel van de pagina, bijvoorbeeld `title: "Welkom"`
yaml-example-question = , bijvoorbeeld `question: "Wat kost een buddy?"`
yaml-example-kind = : basisschool, sbo, so, vo of vso
yaml-example-place = {" "}met de plaats, bijvoorbeeld `place: Lingedijk`
yaml-example-brand = {" "}met de kleur van de school eronder, bijvoorbeeld `brand:` en op de volgende regel `  primary: "#1d4f91"`
yaml-example-primary = {" "}met de hoofdkleur, bijvoorbeeld `primary: "#1d4f91"`
yaml-example-contact = {" "}met de contactpersoon eronder, bijvoorbeeld `contact:` en op de volgende regel `  name: Jan Jansen`
yaml-example-name = {" "}met de naam
yaml-example-short-name = {" "}met de korte naam die in de tekst staat, bijvoorbeeld `short_name: SWV Rivierenland`
yaml-example-summary = {" "}met één zin voor het kaartje van de buddy
yaml-example-themes = {" "}met de ervaring van de buddy, bijvoorbeeld `themes: [sbo, adhd]`
yaml-example-languages = {" "}met de talen die de buddy spreekt, bijvoorbeeld `languages: [nl, en]`
yaml-example-meet = {" "}met hoe de buddy graag contact heeft, bijvoorbeeld `meet: [koffie, telefoon]`
yaml-example-consent = {" "}met de datum waarop de toestemming van de buddy stopt, bijvoorbeeld `consent_until: 2027-07-31`
yaml-example-other = {" "}(zie de uitleg over de inhoud in README.md)

## Bestanden lezen, paden, datums (src/load, src/paths.rs)

path-empty = is leeg
path-not-relative = moet een pad zijn vanaf de eigen map, niet `{ $path }`
path-outside = moet binnen het project blijven: `{ $path }` gebruikt `..`
path-wrong-capitals = het bestand heet `{ $real }`: schrijf de naam met precies dezelfde hoofdletters en extensie (webservers zien het verschil)
output-is-project = het is de projectmap zelf
output-inside-input = hij staat in `{ $input }`, en daar staan je eigen bestanden
source-cannot-read = dit bestand kan niet worden gelezen: { $error }
source-save-as-utf8 = sla het bestand op als UTF-8: kies in Kladblok Bestand > Opslaan als en zet Codering op UTF-8; kies in Word Opslaan als > Platte tekst en dan Unicode (UTF-8)
source-utf16 = dit bestand is opgeslagen als UTF-16 ("Unicode"), niet als UTF-8-tekst (byte-positie 0)
source-probably-ansi = {" "}(het is waarschijnlijk opgeslagen als ANSI of Windows-1252, en dan zien `é` en `ë` er anders uit)
source-not-utf8 = dit bestand is geen UTF-8-tekst: de byte op positie { $offset } ({ $byte }) kan niet worden gelezen{ $guess }
date-no-time-zone = de tijdzone { $zone } is niet gevonden: { $error }
date-today-not-date = { $var } is geen datum: `{ $value }`
date-today-not-date-help = schrijf het als JJJJ-MM-DD (bijvoorbeeld { $var }=2027-07-31), of haal het weg om de datum van vandaag te gebruiken
date-epoch-not-number = SOURCE_DATE_EPOCH is geen aantal seconden: `{ $value }`
date-epoch-not-number-help = haal SOURCE_DATE_EPOCH weg, of geef het aantal seconden sinds 1970-01-01 UTC
key-empty = `{ $key }` is leeg
key-empty-help = schrijf de { $key } achter `{ $key }:`
swv-name-empty-help = schrijf de naam van het samenwerkingsverband achter `{ $key }:`
swv-short-name-empty-help = schrijf de korte naam van het samenwerkingsverband achter `{ $key }:`
school-name-empty-help = schrijf de naam van de school zoals ouders die kennen achter `{ $key }:`
school-place-empty-help = schrijf de plaats achter `{ $key }:`
config-not-url = `{ $key }` moet een volledig webadres zijn, niet `{ $url }`
config-not-url-help = schrijf het met https:// ervoor, bijvoorbeeld `https://www.example.org/`
config-bad-theme = `theme` moet de naam van een map zijn, niet `{ $theme }`
config-bad-theme-help = gebruik alleen kleine letters, cijfers en `-`, of haal `theme:` weg om het ingebouwde thema te gebruiken
config-bad-language = `language` moet een taalcode zijn zoals `nl`, niet `{ $language }`
config-bad-language-help = schrijf `languages: [nl]` (een lijst: de eerste is de taal waarin de teksten geschreven zijn), of haal `language:` weg
config-output-clash = `output` kan niet `{ $output }` zijn: in die map staan je eigen bestanden
config-output-clash-help = kies een aparte map voor de gemaakte sites, bijvoorbeeld `output: public`
config-bad-output = `output` { $why }
config-bad-output-help = geef een map binnen het project, bijvoorbeeld `output: public`; wil je de sites ergens anders hebben, gebruik dan `buddysite build --output MAP`
config-bad-host = `{ $host }` in `allowed_hosts` is geen hostnaam
config-bad-host-help = schrijf alleen de hostnaam, zonder https:// en zonder pad, bijvoorbeeld `{ $bare }`
config-bad-theme-key = de sleutel `{ $key }` voor een ervaringsthema kan niet worden gebruikt
config-bad-theme-key-help = gebruik kleine letters, cijfers en `-` voor de sleutel; de tekst na `:` mag van alles zijn
config-bad-evaluated = `accessibility.evaluated` moet een datum zijn zoals `2026-09-30`, niet `{ $date }`
config-bad-evaluated-help = schrijf de dag van het laatste onderzoek als JJJJ-MM-DD, tussen aanhalingstekens
config-bad-report = `accessibility.report` moet een volledig webadres zijn, niet `{ $url }`
config-bad-report-help = schrijf het adres van het onderzoeksrapport met https:// ervoor
contact-name-empty = `{ $prefix }.name` is leeg
contact-name-empty-help = schrijf de naam van de persoon met wie ouders contact kunnen opnemen
contact-bad-email = `{ $prefix }.email` is geen e-mailadres: `{ $email }`
contact-bad-email-help = schrijf één adres zoals `naam@school.nl`, zonder spaties of andere tekst; haal de regel weg als er geen adres is
contact-bad-phone = `{ $prefix }.phone` is geen telefoonnummer: `{ $phone }`
contact-bad-phone-help = schrijf alleen het nummer, bijvoorbeeld `"0344 00 00 00"`; wanneer ouders kunnen bellen zet je onder `hours:`
color-curly-quotes-help = haal de krulletjes-aanhalingstekens weg (Word zet die erin): typ rechte aanhalingstekens, bijvoorbeeld `"#0b5394"`
color-no-hash-help = een kleur begint met `#`: schrijf `"#{ $hex }"`, met de aanhalingstekens
color-rgb-help = schrijf de kleur als hexcode, bijvoorbeeld `"#0b5394"`: een kleurkiezer of de huisstijlgids van de school laat die zien
color-hex-help = schrijf de kleur als `#` met zes hextekens (0-9, a-f) tussen dubbele aanhalingstekens, bijvoorbeeld `"#0b5394"`
school-not-colour = `{ $key }` is geen kleur: `{ $value }`
school-bad-logo-path = `brand.logo` { $why }
school-bad-logo-path-help = zet het logo in `schools/{ $slug }/` en geef de bestandsnaam, bijvoorbeeld `logo: logo.svg`
school-bad-base-url = `base_url` moet een volledig webadres zijn: `{ $url }`
school-bad-base-url-help = schrijf het met https://, bijvoorbeeld `https://www.example.org/buddy/`
school-bad-buddies = `buddies` moet `all` zijn of een lijst met buddy-namen, niet `{ $value }`
school-bad-buddies-help = schrijf `buddies: all`, of een lijst zoals `buddies: [samira, peter]`
content-bad-name = de naam `{ $name }` kan niet in een webadres staan
content-bad-name-help = geef het de naam `{ $better }`: gebruik alleen letters, cijfers en `-` (geen spaties, accenten, `#`, `?` of `%`)
content-empty-file = dit bestand is leeg
content-empty-file-help = begin het bestand met een regel `---`, dan de instellingen (minstens `title:`), dan weer een regel `---`, en dan de tekst
content-front-not-closed = de kop met instellingen is niet afgesloten
content-front-not-closed-help = zet een regel met alleen `---` na de instellingen (`title:` en zo), vóór de tekst
content-first-line = de eerste regel van het bestand moet `---` zijn
content-first-line-help = haal de lege regels boven de regel `---` weg
content-long-dash = de eerste regel moet precies drie mintekens zijn: `---`
content-long-dash-help = Word heeft `---` misschien veranderd in een lang streepje (—): typ opnieuw drie mintekens `---`, en gebruik een gewone teksteditor zoals Kladblok
content-toml = dit bestand begint met `+++`
content-toml-help = buddysite verwacht de instellingen (YAML) tussen twee regels `---`
content-no-front = dit bestand heeft geen kop met instellingen
content-no-front-help = begin het bestand met een regel `---`, dan de instellingen (minstens `title:`), en dan weer een regel `---`
content-bad-consent-date = `consent_until` is geen datum: `{ $value }`
content-bad-consent-date-help = schrijf de datum als JJJJ-MM-DD, bijvoorbeeld `consent_until: 2027-07-31`
content-bad-photo-path = `photo` { $why }
content-bad-photo-path-help = zet de foto naast het Markdown-bestand en geef de bestandsnaam, bijvoorbeeld `photo: samira.jpg`
content-photo-no-alt = een foto heeft een beschrijving nodig
content-photo-no-alt-help = voeg `photo_alt:` toe met een beschrijving van de foto, voor ouders die hem niet kunnen zien
project-outside-link = dit is een snelkoppeling naar een map of bestand buiten het project
project-outside-link-help = kopieer de bestanden liever naar de projectmap: buddysite leest alleen bestanden binnen het project
project-no-config = geen buddysite.yaml in { $root }
project-no-config-help = start buddysite in de projectmap, geef de map met --root, of maak een project met `buddysite init MAP`
project-bad-logo-path = `logo` { $why }
project-logo-not-found = logobestand `{ $path }` niet gevonden
project-logo-not-found-help = zet het bestand in de projectmap, of haal `logo:` weg
project-missing-file = dit verplichte bestand ontbreekt
project-missing-file-help = maak het aan met een kop met instellingen (`title:`) en wat tekst; `buddysite init` laat een voorbeeld zien
project-no-schools = er zijn geen scholen
project-no-schools-help = maak voor elke school een bestand schools/<naam>.yaml
vocab-theme = ervaringsthema
vocab-language = taal
vocab-meet = manier van contact
buddy-did-you-mean-known = bedoel je `{ $suggestion }`? Bekend zijn: { $known }
buddy-use-one-of = gebruik een van: { $known }
buddy-unknown-word = onbekende waarde `{ $word }` voor { $what }
buddy-did-you-mean-id = bedoel je `{ $suggestion }`? Buddy's: { $known }
buddy-id-help = de naam van een buddy is de naam van een bestand in content/buddys/ zonder .md: { $known }
buddy-not-found = er is geen buddy `{ $id }`
consent-today = vandaag is de laatste dag
consent-tomorrow = morgen is de laatste dag
consent-in-days = over { $days } dagen
consent-ends-soon = de toestemming van buddy { $name } stopt op { $date } ({ $when }): na die dag verdwijnt het profiel van alle sites
consent-ends-soon-help = vraag de buddy of die op de sites wil blijven, en zet `consent_until` dan op de nieuwe datum
consent-delete-file = wil je het profiel weghalen, verwijder dan het bestand { $file }
consent-delete-and-lists = wil je het profiel weghalen, verwijder dan het bestand en haal `{ $id }` ook weg uit deze schoolbestanden: { $files }
consent-ended = de toestemming van buddy { $name } is gestopt op { $date }: het profiel staat op geen enkele site meer
consent-ended-help = verleng `consent_until`; { $delete }
project-hidden-extension = de bestandsnaam `{ $name }` lijkt een vergissing
project-hidden-extension-help = geef het de naam `{ $meant }` (Windows verbergt extensies: zet in Verkenner Beeld > Bestandsnaamextensies aan om de hele naam te zien)
project-same-address = twee schoolbestanden hebben hetzelfde webadres `{ $slug }/`
project-same-address-help = { $first } heeft het ook (in webadressen zijn hoofdletters, spaties en `-` niet te onderscheiden); geef er een een andere naam of haal er een weg
project-reserved-slug = een school kan niet `{ $slug }` heten: het overzicht gebruikt `{ $slug }` voor eigen bestanden
project-reserved-slug-help = geef het bestand een andere naam (bijvoorbeeld `{ $slug }-school.yaml`); deze namen zijn al in gebruik: { $reserved }
project-bad-slug = de bestandsnaam `{ $slug }` kan niet in een webadres staan
project-bad-slug-help = geef het bestand de naam `{ $suggestion }.yaml`: alleen kleine letters, cijfers en `-`
project-cannot-read-folder = de map kan niet worden gelezen: { $error }
project-link-not-followed = snelkoppelingen naar andere plekken worden niet gevolgd
project-cannot-read = kan niet worden gelezen: { $error }
project-school-logo-not-found = logobestand `{ $path }` niet gevonden
project-school-logo-help = zet het logo in de map schools/{ $slug }/, of haal `logo:` weg
theme-walk-error = { $error }
theme-not-found = thema `{ $name }` niet gevonden: er is geen map themes/{ $name }
theme-not-found-help = haal `theme:` weg om het ingebouwde thema te gebruiken, of maak de map
theme-no-words = het thema heeft geen woorden voor de taal `{ $lang }` (geen { $path })
theme-no-words-help = voeg themes/{ $name }/{ $path } toe (kopieer i18n/nl.yaml en vertaal de teksten na elke `:`), of haal de taal weg uit `languages:`
theme-bad-labels = de lijsten met labels kloppen niet: { $error }
theme-bad-labels-help = `school_kinds`, `experience_themes`, `meet` en `languages` moeten bij elke sleutel een tekst hebben
pairs-bad-min = `min: { $min }` is geen contrastverhouding
pairs-bad-min-help = gebruik 4.5 voor tekst, 3 voor grote tekst en onderdelen van knoppen
pairs-bad-colour = `{ $value }` is geen kleur die de controle begrijpt
pairs-bad-colour-help = gebruik primary, accent, on_primary, on_accent, primary_text, een kleur zoals "#ffffff", of mix(primary 28%, #ffffff)

## De opdrachtregel (src/main.rs, src/init.rs, src/live)

cli-unknown-lang = fout: buddysite spreekt geen `{ $lang }`; gebruik --lang en of --lang nl
cli-no-root = fout: de projectmap { $root } bestaat niet; geef met --root de map waarin buddysite.yaml staat
cli-watching = buddysite let op wijzigingen in { $root } (stoppen met Ctrl+C)
cli-serving-at = { $dir } is te zien op { $url }
cli-serving-at-many = { $dir } is te zien op:
cli-bind-public = waarschuwing: met --bind { $bind } kunnen andere computers in het netwerk de site nu zien; laat --bind weg om hem alleen op deze computer te houden
cli-no-problems = geen problemen gevonden
cli-init-done = nieuw buddysite-project gemaakt in { $dir } ({ $count } bestanden); maak de sites met: buddysite build --root { $dir }
cli-init-new-done = nieuw buddysite-project gemaakt in { $dir } ({ $count } bestanden) met school `{ $school }`.
    Zo ga je verder: open de map in VS Code, lees README.md en bekijk de site met: buddysite serve --watch --root { $dir }
cli-error = fout: { $message }
cli-build-failed-nothing = bouwen mislukt: er is niets geschreven
cli-left-as-it-was = is gebleven zoals hij was
cli-left-mixed = is een mengsel van de oude en de nieuwe site; bouw opnieuw zodra de oorzaak is opgelost
cli-left-new = bevat de nieuwe site, maar bouw opnieuw zodra de oorzaak is opgelost
cli-build-failed = bouwen mislukt: de uitvoer in { $dir } { $state }
cli-built = { $report } -> { $dir }
cli-rebuilt-everything = alles
cli-rebuilt-schools = school { $schools }
cli-rebuilt-content = de pagina's met content/{ $files }
cli-rebuilt = { $what } opnieuw gemaakt in { $elapsed }: { $written } bestanden geschreven, { $removed } verwijderd
cli-still-serving = de laatste goede versie blijft te zien
cli-preview-mixed = de voorvertoning laat een mengsel van de oude en de nieuwe site zien tot het opnieuw maken lukt
cli-preview-new = de nieuwe versie staat klaar, maar los de oorzaak op
cli-rebuild-failed = { $what } opnieuw maken is mislukt: { $state }
cli-open-in-browser = open { $url } in je browser
report-summary = { $schools ->
        [one] 1 school
       *[other] { $schools } scholen
    } gemaakt: { $pages } pagina's, { $files } bestanden ({ $written } geschreven, { $unchanged } ongewijzigd, { $removed } verwijderd), { $warnings ->
        [one] 1 waarschuwing
       *[other] { $warnings } waarschuwingen
    } in { $elapsed }
init-cannot-read = { $dir } kan niet worden gelezen: { $error }
init-not-empty = { $dir } is niet leeg; kies een nieuwe map, zodat er niets van jou wordt overschreven
init-cannot-create = { $dir } kan niet worden gemaakt: { $error }
init-cannot-write = { $file } kan niet worden geschreven: { $error }
serve-cannot-start = de server voor de voorvertoning kan niet starten: { $error }
serve-cannot-listen-help = kan niet luisteren op { $bind }: { $error }; geef een adres zoals --bind 127.0.0.1
serve-no-address = kan niet luisteren op { $bind }: dat is geen adres
serve-port-in-use = poort { $port } is al in gebruik (misschien door een andere buddysite serve?); kies een andere poort met --port, bijvoorbeeld --port { $next }
serve-cannot-listen = kan niet luisteren op { $addr }: { $error }
watch-cannot-poll = het controleren op wijzigingen (--poll) kan niet starten: { $error }
watch-cannot-watch = kan { $path } niet in de gaten houden: { $error }
watch-prefix = wijzigingen volgen: { $message }
overlay-title = buddysite: de site kon niet opnieuw worden gemaakt
overlay-note = Je ziet de laatste goede versie. Los het probleem hieronder op en sla het bestand op; deze pagina ververst dan vanzelf.
watch-cannot-watch-files = kan de bestanden niet in de gaten houden: { $error } (probeer --poll op WSL, Docker-mappen of netwerkschijven)

## Controles op de gemaakte sites (src/check)

leak-help = bezoeken van ouders mogen niet worden gedeeld met andere websites: zet het bestand in het project, of zet de host bij `allowed_hosts` in buddysite.yaml als het samenwerkingsverband dat goedvindt
check-404-top-level = de 404-pagina van `{ $slug }` werkt alleen voor adressen die niet bestaan op het hoogste niveau van de site
check-404-top-level-help = voeg `base_url:` toe met het adres waar de site van deze school staat, bijvoorbeeld `base_url: "https://buddy.example.org/school/"`; de 404-pagina linkt dan vanaf dat pad (zie docs/publish.md)
check-unknown-placeholder = onbekende invulplek `{ $placeholder }`
check-unknown-placeholder-help = schrijf de tekst die er moet staan (of `\[` en `\]` om de haken zelf te laten zien); buddysite vult deze in: { $known }
check-unknown-placeholder-suggest-help = bedoel je `[{ $suggestion }]`? buddysite vult deze in: { $known }. Anders: schrijf de tekst die er moet staan (of `\[` en `\]` om de haken zelf te laten zien)
check-css-other-host = het stijlblad laadt `{ $url }` van een andere website ({ $host })
check-js-other-host = het script laadt `{ $url }` van een andere website ({ $host })
check-template-other-host = de template laadt `{ $url }` van een andere website ({ $host })
check-page-no-text = deze pagina heeft geen tekst
check-page-no-text-help = schrijf de tekst voor ouders onder de tweede regel `---`
check-photo-capitals-help = het bestand heet `{ $name }`: schrijf de naam met dezelfde hoofdletters en extensie
check-photo-put-help = zet de foto `{ $name }` naast { $file }, of haal `photo:` weg om de voorletters van de buddy te laten zien
check-photo-missing = de foto `{ $photo }` bestaat niet
check-placeholder-left = de invulplek `{ $placeholder }` is niet ingevuld
check-placeholder-left-help = vervang het door de tekst die er moet staan; zie de lijst met invulplekken in README.md
check-page-other-host = deze pagina laadt `{ $url }` van een andere website ({ $host })
check-link-rooted = de link `{ $url }` begint met `/`
check-link-rooted-help = links moeten relatief zijn, zodat de site op elk adres en vanaf de schijf werkt; link liever naar het .md-bestand, bijvoorbeeld `[de brief](brief.md)`
check-link-outside-site = de link `{ $url }` gaat naar buiten de site
check-link-folder = de link `{ $url }` wijst naar een map
check-link-folder-help = een link naar een map werkt op een webserver, maar niet als je de site vanaf de schijf opent; link liever naar het .md-bestand, bijvoorbeeld `[de buddy's](buddys/_index.md)`
check-image-missing = de afbeelding `{ $url }` bestaat niet
check-image-missing-help = kijk de bestandsnaam na (ook hoofdletters en de extensie, zoals .jpg of .png)
check-link-missing = de link `{ $url }` gaat naar een pagina of bestand dat niet bestaat
check-link-missing-help = kijk de bestandsnaam na; link naar andere pagina's via hun .md-bestand, bijvoorbeeld `[de brief](brief.md)`
check-link-beside-md-help = schrijf `{ $fixed }`: in een pagina worden afbeeldingen en bestanden gezocht vanaf het webadres van de pagina zelf ({ $folder }), niet vanaf de map van het .md-bestand
check-anchor-missing = de link `{ $url }` gaat naar `#{ $fragment }`, maar dat staat niet op die pagina
check-anchor-how = ankers komen van kopjes (`## Wat kost het?` wordt `#wat-kost-het`) en van de bestandsnamen van vragen
check-anchor-did-you-mean = bedoel je `#{ $suggestion }`? { $how }
check-anchor-no-headings = die pagina heeft geen kopjes om naar te linken; { $how }
check-anchor-list = de ankers op die pagina zijn { $anchors }; { $how }
check-link-outside-content = de link `{ $url }` gaat naar buiten de map content
check-link-outside-content-help = link naar een bestand in content/, bijvoorbeeld `[de brief](brief.md)` of vanuit een submap `[de brief](../brief.md)`
check-link-did-you-mean = bedoel je `{ $suggestion }`? Links gaan uit van het bestand waarin ze staan
check-link-existing-help = link naar een .md-bestand dat bestaat, vanaf dit bestand, bijvoorbeeld `[de brief](brief.md)`
check-content-link-missing = de link `{ $url }` gaat naar content/{ $target }, maar dat bestaat niet
check-link-buddy-not-offered = de link `{ $url }` gaat naar een buddy die niet op de site van deze school staat
check-link-buddy-not-offered-help = bied de buddy aan op deze school (`buddies:` in schools/{ $slug }.yaml) en kijk `consent_until` van de buddy na, of haal de link weg
check-contrast-theme = de kleuren van het thema voor { $what } hebben te weinig contrast: { $ratio } (minstens { $min } nodig)
check-contrast-theme-help = verander deze kleuren in het stijlblad van het thema en in theme.yaml
check-contrast-failing-pair = { $what } ({ $ratio }, minstens { $min } nodig)
check-contrast-brand = de kleur `{ $colour }` van `{ $key }` is slecht te lezen: te weinig contrast voor { $pairs }
check-contrast-shade-help = gebruik liever `"{ $shade }"`: de dichtstbijzijnde tint van deze kleur die iedereen kan lezen (WCAG AA); of kies een andere kleur
check-contrast-no-shade-help = kies een duidelijk donkerdere of lichtere kleur: tekst moet goed afsteken tegen de achtergrond, zodat iedereen hem kan lezen (WCAG AA)
privacy-reason = contact loopt via de school of de coördinator; haal het weg (wil je ouders naar hen verwijzen, link dan naar de contactpagina of schrijf [telefoonnummer contactpersoon])
privacy-phone = een telefoonnummer
privacy-email = een e-mailadres
privacy-address = een huisadres
privacy-link = een link naar een chat-app of sociaal netwerk
privacy-contact-in-profile = in een buddyprofiel mag geen { $what } staan: `{ $text }`

## De uitvoer schrijven (src/output)

lock-not-file = het slotbestand van de uitvoermap is geen gewoon bestand
lock-not-file-help = haal het weg (buddysite maakt het opnieuw) en bouw opnieuw
lock-cannot-lock = de uitvoermap kan niet op slot: { $error }
lock-cannot-lock-help = kijk of je in deze map mag schrijven; er is niets veranderd
nothing-changed = er is niets veranderd
lock-busy = een andere buddysite{ $who } schrijft hier
lock-busy-help = { $seconds } s gewacht; er is niets veranderd. Wacht tot hij klaar is (of stop hem) en bouw opnieuw, of bouw in een andere map met --output
output-separate-help = bouw in een aparte map, bijvoorbeeld `--output public` (de standaard), of zet `output:` in buddysite.yaml
output-holds-project = in de uitvoermap { $dir } staat het project zelf: de sites zouden tussen je eigen bestanden komen
output-clash = kan niet bouwen in { $dir }: { $why }, en de volgende keer zou buddysite de gemaakte pagina's weer inlezen
output-holds-logo = kan niet bouwen in { $dir }: daar staat het logo `{ $logo }` van het SWV dat in buddysite.yaml staat
output-holds-logo-help = zet het logo buiten de uitvoermap, bijvoorbeeld in de projectmap zelf
did-you-mean = bedoel je `{ $suggestion }`?
school-slug-help = de korte naam van een school is de bestandsnaam in schools/ zonder .yaml
build-no-such-school = er is geen school `{ $slug }`
staging-overview = het overzicht
staging-files-of = de bestanden van { $prefix }
staging-cannot-prepare = kan { $what } niet klaarzetten in de tijdelijke map: { $error }
staging-cannot-prepare-help = is de schijf vol? mag buddysite in de uitvoermap schrijven? Er is niets in de uitvoer veranderd
write-updated = { $updated } van de { $total } gewijzigde bestanden zijn bijgewerkt
write-removed = { $count ->
        [one] 1 oud bestand is verwijderd
       *[other] { $count } oude bestanden zijn verwijderd
    }
write-and = { $first } en { $second }
write-new-site = kan de uitvoer niet schrijven: { $path }: { $cause }; de nieuwe site staat klaar, maar de lijst met bestanden van buddysite kon niet worden bijgewerkt
write-nothing-changed = kan de uitvoer niet schrijven: { $path }: { $cause }; er is niets in de uitvoer veranderd
write-mixed = kan de uitvoer niet schrijven: { $path }: { $cause }; { $done }: de uitvoer is nu een mengsel van de oude en de nieuwe site
write-failed-help = los de oorzaak op (is de schijf vol? mag buddysite daar schrijven?) en bouw opnieuw: dan wordt de site afgemaakt
write-failed-manifest-help = los de oorzaak op (is de schijf vol? mag buddysite daar schrijven?) en bouw opnieuw: dan wordt de site afgemaakt. Ook de lijst met bestanden van buddysite ({ $manifest }) kon niet worden bijgewerkt ({ $error }): weigert buddysite de map de volgende keer, maak hem dan leeg en bouw opnieuw
writer-output-is-file = de uitvoer is een bestand, geen map
writer-output-is-file-help = kies een andere uitvoermap met --output
writer-cannot-create = de uitvoermap kan niet worden gemaakt: { $error }
writer-cannot-clear-staging = de tijdelijke map van een eerdere keer bouwen ({ $staging }) kan niet worden leeggemaakt: { $error }
writer-cannot-read = de uitvoermap kan niet worden gelezen: { $error }
writer-foreign-files = in de uitvoermap staan al bestanden die buddysite niet heeft gemaakt
writer-foreign-files-help = buddysite overschrijft of verwijdert ze niet: kies een lege of nieuwe map met --output, of maak deze map zelf leeg
writer-twice = dit uitvoerbestand zou twee keer worden geschreven, uit twee verschillende bronnen
writer-twice-help = twee bestanden van het project maken dezelfde pagina (bijvoorbeeld `buddys.md` naast `buddys/`): geef er een een andere naam of haal er een weg; er is niets veranderd
writer-file-for-folder = hier staat een bestand waar een map moet komen
remove-and-build-again = haal het weg en bouw opnieuw; er is niets veranderd
writer-foreign-folder = hier staat een map met bestanden die buddysite niet heeft gemaakt, waar een bestand moet komen
writer-foreign-folder-help = zet de map ergens anders neer en bouw opnieuw; er is niets veranderd
writer-cannot-read-place = deze plek in de uitvoer kan niet worden gelezen: { $error }
writer-folder-permissions = kijk de rechten van de map na
writer-file-permissions = kijk de rechten van het bestand na
writer-foreign-file = hier staat een bestand dat buddysite niet heeft gemaakt, waar een map moet komen
writer-foreign-file-help = zet het bestand ergens anders neer en bouw opnieuw; er is niets veranderd
writer-not-plain-file = dit is geen gewoon bestand, en buddysite moet hier een bestand schrijven
manifest-link = het manifest is een snelkoppeling naar een andere plek
manifest-link-help = buddysite vertrouwt alleen een manifest dat het zelf heeft geschreven: haal de snelkoppeling weg (waar die naar wijst, blijft zoals het is) en maak de uitvoermap leeg, of kies een andere met --output
manifest-cannot-read = het manifest kan niet worden gelezen: { $error }
manifest-bad-line = het manifest noemt `{ $line }`, maar dat is geen bestand in de uitvoermap: { $why }
manifest-bad-line-help = buddysite heeft deze regel niet geschreven en verwijdert niets zolang hij er staat. Er is niets veranderd. Staat in de map alleen uitvoer van buddysite, verwijder dan het manifest en de inhoud van de map en bouw opnieuw; kies anders een andere map met --output

## Het plan van de site (src/plan)

plan-html-not-published = HTML-bestanden worden niet gepubliceerd
plan-html-not-published-help = een pagina schrijf je in Markdown: zet de tekst in `{ $md }` (met `title:` bovenaan); HTML daarin wordt ontdaan van scripts
plan-unused-file = niets linkt naar dit bestand, dus het wordt niet gepubliceerd
plan-unused-file-help = link ernaar vanaf een pagina (`[folder](folder.pdf)` of `![beschrijving](foto.jpg)`), of haal het weg
plan-path-collision = twee bestanden zouden als `{ $path }` worden gepubliceerd: { $first } en { $second }
plan-collision-generated-help = `{ $path }` wordt gemaakt door buddysite of het thema ({ $theirs }); geef { $mine } een andere naam of haal het weg
plan-collision-help = { $first } en { $second } zouden allebei `{ $path }` worden op de site; geef er een een andere naam of haal er een weg
writer-link = dit is een snelkoppeling naar een andere plek: buddysite schrijft of verwijdert nooit via een snelkoppeling
writer-link-help = haal de snelkoppeling weg (waar die naar wijst, blijft zoals het is) en bouw opnieuw, of kies een andere uitvoermap met --output; er is niets veranderd
plan-builtin-404 = (de ingebouwde 404-pagina)
plan-builtin-accessibility = (de ingebouwde toegankelijkheidsverklaring)

## Pagina's en afbeeldingen maken (src/render)

md-image-no-alt = afbeelding zonder beschrijving (alt-tekst)
md-image-no-alt-help = beschrijf de afbeelding tussen de haken: `![een tekening van twee ouders die praten](plaatje.png)`
md-raw-image-no-alt-help = zet `alt="…"` met een beschrijving van de afbeelding in de `<img>`-tag, of schrijf `![beschrijving](plaatje.png)`
md-more-problems = … en nog { $count } problemen zoals hierboven in dit bestand
md-more-problems-help = los de problemen hierboven op en controleer opnieuw om de rest te zien
md-heading-one = een kop met één `#` mag niet in de tekst: de titel van de pagina is al de hoofdkop
md-heading-one-help = begin de koppen in de tekst met `##` (en pas `title:` aan als dit de titel van de pagina moet zijn)
md-heading-skips-title = deze kop slaat een niveau over: `{ $level }` komt na de titel van de pagina, en die is niveau `#`
md-heading-skips = deze kop slaat een niveau over: `{ $level }` komt na een kop `{ $previous }`
md-heading-skips-help = gebruik hier `{ $next }`: elke kop mag maar één niveau dieper gaan dan de kop ervoor, zodat mensen met een schermlezer de pagina kunnen volgen
md-link-address-removed = het adres van de link `{ $url }` is weggehaald: { $why } mag niet
md-image-address-removed = het adres van de afbeelding `{ $url }` is weggehaald: { $why } mag niet
md-address-removed-help = links en afbeeldingen mogen gaan naar pagina's en bestanden van de site, webadressen (https://…), `mailto:` en `tel:`; de tekst blijft staan zonder de link
md-heading-attributes-removed = { $count ->
    [one] eigenschap { $list } van de kop weggehaald
   *[other] eigenschappen { $list } van de kop weggehaald
}
md-heading-attributes-removed-help = een kop mag alleen een id krijgen (`## Kop {"{"}#eigen-id{"}"}`) en klassenamen (`{"{"}.naam{"}"}`); andere eigenschappen kunnen scripts laten draaien
md-raw-html-changed = de HTML in de tekst is aangepast: weggehaald zijn { $removed }
md-raw-html-changed-help = schrijf het in Markdown, of zet `allow_raw_html: true` in buddysite.yaml als je elke redacteur vertrouwt
sanitize-element-with-content = het element `<{ $name }>` met wat erin staat
sanitize-tag = de tag `<{ $name }>`
sanitize-attribute = de eigenschap `{ $name }`
sanitize-address-in = { $why } in `{ $name }`
url-scheme-not-allowed = een adres met `{ $scheme }:`
url-unreadable = een adres dat browsers niet kunnen lezen ({ $error })
image-kind-jpeg = een JPEG-afbeelding
image-kind-png = een PNG-afbeelding
image-kind-webp = een WebP-afbeelding
image-kind-svg = een SVG-tekening
image-kind-gif = een GIF-afbeelding
image-kind-avif = een AVIF-afbeelding
image-kind-tiff = een TIFF-afbeelding
image-kind-bmp = een BMP-afbeelding
image-kind-unusual = een afbeelding in een ongewoon formaat
image-kind-heic = een HEIC-foto
image-wrong-format = dit bestand heet .{ $ext }, maar het is { $what }, en die kan niet elke browser laten zien
image-wrong-format-help = sla het opnieuw op als JPEG (foto's) of PNG (logo's en tekeningen)
image-is-svg = dit bestand heet .{ $ext }, maar het is een SVG-tekening
image-is-svg-help = geef het een naam die eindigt op .svg
image-not-kind = dit bestand heet .{ $ext }, maar het is geen { $kind }
image-not-kind-text = dit bestand heet .{ $ext }, maar het is geen { $kind } (er staat tekst in)
image-not-kind-help = sla het opnieuw op als JPEG of PNG in het programma waarmee het is gemaakt, en kijk of het bestand opent in een fotoviewer
image-no-extension = dit bestand heeft geen extensie, dus buddysite weet niet wat voor afbeelding het is
image-unsupported = bestanden met `.{ $ext }` worden niet als afbeelding gepubliceerd
image-heic-help = HEIC-foto's (van iPhones) zijn niet in elke browser te zien: sla de foto op als JPEG (op de iPhone: Instellingen > Camera > Structuur > Meest compatibel)
image-export-png-jpeg-help = sla het op als PNG (logo's en tekeningen) of JPEG (foto's)
image-use-formats-help = gebruik een JPEG-, PNG-, WebP- of SVG-bestand
image-damaged = deze { $format }-afbeelding kan niet gelezen worden: { $error }
image-damaged-help = het bestand is misschien beschadigd of niet helemaal opgeslagen: sla het opnieuw op vanuit de echte foto of tekening en kijk of het opent in een fotoviewer
image-no-pixels = deze { $format }-afbeelding heeft geen pixels ({ $width } × { $height })
image-no-pixels-help = sla het opnieuw op vanuit de echte foto of tekening
image-too-large = deze afbeelding is te groot om te publiceren
image-too-large-help = maak hem kleiner in een fotoprogramma (zo'n 2000 pixels aan de langste kant is genoeg; hoogstens { $max }) en sla hem opnieuw op
image-too-many-pixels = deze afbeelding is { $width } × { $height } pixels, te groot om te publiceren
image-too-many-pixels-help = maak hem kleiner in een fotoprogramma (zo'n 2000 pixels aan de langste kant is genoeg; hoogstens { $max } per kant en { $megapixels } megapixel) en sla hem opnieuw op
image-cannot-encode = deze afbeelding kon niet opnieuw opgeslagen worden: { $error }
image-cannot-encode-help = sla hem opnieuw op als gewone 8-bit RGB JPEG of PNG
svg-not-utf8 = dit SVG-bestand is geen UTF-8-tekst
svg-not-utf8-help = sla het opnieuw op in het tekenprogramma als "Plain SVG" (UTF-8)
svg-not-xml = dit SVG-bestand is geen geldige XML: { $error }
svg-not-xml-help = open het in een tekenprogramma (Inkscape, Illustrator) en sla het opnieuw op als "Plain SVG"; of sla het logo op als PNG
svg-not-svg = dit bestand heet .svg, maar er staat een <{ $root }>-document in, geen SVG-tekening
svg-not-svg-help = sla het logo in het tekenprogramma op als SVG of PNG
svg-too-deep = in dit SVG-bestand zitten elementen meer dan { $max } lagen diep in elkaar
svg-too-deep-help = open het in een tekenprogramma, hef de groepen op (Inkscape: Object > Groep opheffen) en sla het opnieuw op; of sla het logo op als PNG
svg-removed-html = een HTML-element <{ $name }> is weggehaald
svg-removed-link = een link (<a>) om een deel van de tekening is weggehaald
svg-removed-element = het element <{ $name }> is weggehaald
svg-removed-script = het element <{ $name }> is weggehaald (scripts draaien nooit in een gepubliceerd bestand)
svg-removed-foreign = het element <{ $name }> is weggehaald (er kan een hele webpagina in zitten)
svg-removed-animation = het element <{ $name }> is weggehaald (een animatie kan links en eigenschappen veranderen)
svg-removed-handler = de eigenschap `{ $name }` is weggehaald (scripts draaien nooit in een gepubliceerd bestand)
svg-removed-reference = een verwijzing naar `{ $url }` in een <{ $element }> is weggehaald: een logo mag alleen gebruiken wat erin zelf staat
svg-removed-image = een afbeelding { $why } is weggehaald: in een logo mogen alleen PNG-, JPEG- of WebP-afbeeldingen zitten
svg-image-loaded-from = van `{ $url }`
svg-image-broken-data = met een kapot data:-adres
svg-image-of-type = van het type `{ $kind }`
svg-image-no-type = zonder type
svg-image-not-base64 = die niet in base64 staat
svg-image-damaged-base64 = met beschadigde base64-gegevens
svg-image-unreadable = die niet gelezen kan worden
css-removed-function = een CSS-`{ $name }()` is weggehaald: die kan een afbeelding van ergens anders laden
css-removed-import = een CSS-`@import` is weggehaald: die laadt een stijlblad van ergens anders
css-removed-reference = een CSS-verwijzing naar `{ $url }` is weggehaald: een logo mag alleen gebruiken wat erin zelf staat
image-part-removed = uit de afbeelding gehaald: { $what }
image-part-removed-help = scripts, links naar andere bestanden en ingebouwde webpagina's komen nooit op een site; sla de tekening opnieuw op zonder die onderdelen
template-syntax-error = fout in de opbouw van de template
template-unknown-name = onbekende naam in de template
template-not-found = template niet gevonden
template-invalid-operation = ongeldige bewerking in de template
template-unknown-function = onbekende functie in de template
template-unknown-filter = onbekend filter in de template
template-other-error = fout in de template
template-error = { $kind }: { $detail }
template-failed = { $detail }
template-undefined-help = kijk de spelling van de naam na; de namen die je kunt gebruiken staan in docs/themes.md
template-syntax-help = kijk of elke `{"{{"}` een `{"}}"}` heeft en elke `{"{"}% if %{"}"}` een `{"{"}% endif %{"}"}`
template-out-of-fuel-help = zoek een lus die heel vaak draait (of lussen in lussen) en maak die kleiner; een pagina heeft maar een paar duizend stappen nodig
template-did-you-mean = bedoel je `{ $suggestion }`? De namen die je kunt gebruiken staan in docs/themes.md
template-out-of-fuel = deze template doet te veel werk: hij is gestopt na { $millions } miljoen stappen
template-too-deep = deze template gaat te diep: een macro of include die zichzelf aanroept?
template-too-deep-help = zorg dat een macro zichzelf niet aanroept, en dat templates elkaar niet in een kring laden
template-placeholder-needs-school = de invulplek `{ $placeholder }` heeft `{ $key }` nodig, maar die staat niet in het YAML-bestand van de school; vul het daar in, of haal de invulplek weg
template-placeholder-needs-config = de invulplek `{ $placeholder }` heeft `{ $key }` nodig, maar die staat niet in buddysite.yaml; vul het daar in, of haal de invulplek weg
template-write-key = `{ $key }:`
template-write-key-under = `{ $key }:` onder `{ $under }:`
template-placeholder-set-for-others = de invulplek `{ $placeholder }` heeft `{ $path }` nodig; die staat bij { $others ->
    [one] 1 andere school
   *[other] { $others } andere scholen
}, maar niet bij deze: zet hem in { $file }
template-value-set-for-others = `school.{ $path }` staat bij { $others ->
    [one] 1 andere school
   *[other] { $others } andere scholen
}, maar niet bij deze: zet hem in { $file }
template-set-for-others-placeholder-help = schrijf { $how } in { $file }, of haal de invulplek weg
template-set-for-others-help = schrijf { $how } in { $file }; of, als deze school er geen heeft, zet er `{"{"}% if school.{ $path } is defined %{"}"}…{"{"}% endif %{"}"}` omheen
template-url-needs-page = url() heeft een `page` nodig om te maken
template-bad-allowed-host = een toegestane website bevat een teken dat niet in een beveiligingsregel mag

## Talen, scholen, thema's en vertalingen (src/load, src/check, src/plan)

config-not-language-code = `{ $code }` in `{ $key }` is geen taalcode
config-not-language-code-help = schrijf BCP 47-codes zoals `nl`, `en`, `ar`, `tr`, `pl`, `uk` (kleine letters; een regio na `-`, bijvoorbeeld `pt-BR`)
config-language-twice = `{ $code }` staat twee keer in `{ $key }`
config-language-twice-help = noem elke taal maar één keer
config-language-and-languages = `language` en `languages` zijn allebei ingevuld
config-language-and-languages-help = haal `language:` weg; de eerste code in `languages:` is de taal waarin de teksten geschreven zijn
config-translations-not-language = `translations` heeft teksten voor `{ $lang }`, maar die taal staat niet in `languages`
config-translations-not-language-help = zet `{ $lang }` bij `languages:`, of haal het blok weg; talen: { $languages }
config-translations-source = `{ $lang }` is de brontaal: de teksten daarvan staan hierboven
config-translations-source-help = haal dit blok weg en schrijf de teksten bij hun eigen instellingen
contact-name-form-of-address = `{ $prefix }.name` begint met `{ $written }`: in een zin staat er dan “neem contact op met { $name }”
contact-name-form-of-address-help = schrijf alleen de naam, bijvoorbeeld `name: { $bare }` (of met een voornaam); de functie zet je onder `role:`
school-bad-phone = `{ $key }` is geen telefoonnummer: `{ $value }`
school-bad-phone-help = schrijf alleen het nummer van de school, bijvoorbeeld `"0344 00 00 00"`
school-bad-email = `{ $key }` is geen e-mailadres: `{ $value }`
school-bad-email-help = schrijf één adres, zoals `info@school.nl`
school-bad-website = `{ $key }` is geen volledig webadres: `{ $value }`
school-bad-website-help = schrijf het met https://, bijvoorbeeld `https://www.school.nl/`
theme-no-words-for-language = het thema heeft geen woorden voor de taal `{ $other }` (er is geen i18n/{ $other }.yaml): pagina's in het `{ $other }` tonen de woorden in het `{ $lang }`
theme-no-words-for-language-help = maak themes/{ $name }/i18n/{ $other }.yaml: kopieer i18n/{ $lang }.yaml en vertaal de teksten na elke `:`
theme-words-missing = { $count ->
    [one] 1 woord uit { $origin } ontbreekt hier: { $missing }
   *[other] { $count } woorden uit { $origin } ontbreken hier: { $missing }
}
theme-words-missing-help = vertaal ze in het `{ $other }`; tot dan tonen pagina's in het `{ $other }` de woorden in het `{ $lang }`
translation-no-source = deze vertaling heeft geen bron: er staat geen `{ $base }` naast
translation-no-source-help = een vertaling staat naast het bestand dat ze vertaalt: schrijf eerst `{ $written }/{ $base }` (in de brontaal, { $lang }), of verbeter de bestandsnaam
translation-names-source = in de naam `{ $file }` staat de brontaal `{ $lang }`
translation-names-source-help = bestanden in de brontaal hebben geen taal in hun naam: noem het `{ $base }`
translation-unknown-language = `{ $file }` is een vertaling in het `{ $lang }`, maar die taal staat niet in `languages` van buddysite.yaml
translation-unknown-language-help = zet `{ $lang }` bij `languages:` in buddysite.yaml (nu: { $languages }), of, als dit geen vertaling is, haal `.{ $lang }` uit de bestandsnaam
school-slug-is-language = een school kan niet `{ $slug }` heten: het overzicht gebruikt `{ $slug }/` voor zijn pagina's in die taal
school-slug-is-language-help = geef het bestand een andere naam, bijvoorbeeld `{ $slug }-school.yaml`
school-language-not-configured = `{ $code }` is geen van de talen in buddysite.yaml
school-language-not-configured-help = een school kan de lijst alleen kleiner maken; kies uit: { $languages } (of zet `{ $code }` bij `languages:` in buddysite.yaml)
school-languages-without-source = in `languages` ontbreekt `{ $lang }`, de taal waarin de teksten geschreven zijn
school-languages-without-source-help = elke site verschijnt in het `{ $lang }`: begin de lijst daarmee, bijvoorbeeld `languages: [{ $lang }, en]`
school-translations-not-published = `translations` heeft teksten voor `{ $lang }`, maar deze school publiceert die taal niet
school-translations-not-published-help = gebruik een van de talen van deze school: { $languages }
toolkit-broken-paragraph = een alinea stopt midden in een zin (tekst geplakt uit een pdf?)
toolkit-empty-line = de lege regel { $line }
toolkit-empty-lines = de lege regels { $first } tot en met { $last }
toolkit-broken-paragraph-help = regel { $there } gaat verder met de zin van regel { $here }: haal { $empty } weg, dan worden ze één alinea (in Markdown begint een lege regel een nieuwe alinea)
toolkit-note-to-user = deze alinea is een aanwijzing van de toolkit voor jou (“{ $marker }”), geen tekst voor ouders
toolkit-line = regel { $line }
toolkit-lines = regels { $first } tot en met { $last }
toolkit-note-to-user-help = haal deze alinea weg ({ $which }): de toolkit legt daar uit hoe je de brief gebruikt, en ouders zouden het op de site lezen
toolkit-school-means-swv = `[naam school]` betekent hier het samenwerkingsverband, niet de school
toolkit-school-means-swv-help = de toolkit schrijft [naam school] waar het samenwerkingsverband scholen helpt of het buddyprogramma regelt; ingevuld zegt de zin dan dat de school dat doet. Schrijf hier `[naam samenwerkingsverband]` (of `{"{{"} swv.short_name {"}}"}`)
translation-outdated = deze vertaling ({ $lang }) is verouderd: { $source } is veranderd sinds de vertaling (`source: { $recorded }`, de tekst is nu { $current })
translation-outdated-help = kijk wat er in { $source } veranderd is (bijvoorbeeld met `git log -p { $source }`), werk deze vertaling bij en voer dan `{ $command }` uit; tot die tijd staat er op de pagina dat de tekst in het { $source_lang } leidend is
translation-unmarked = bij deze vertaling ({ $lang }) staat niet welke versie van { $source } ze vertaalt
translation-unmarked-help = voer `{ $command }` uit als de vertaling klopt met { $source }: dat zet `source:` erbij met de hash van de bron, zodat een latere wijziging in { $source } opvalt
translation-bad-hash = `source: { $value }` is geen hash van een bron
translation-bad-hash-help = in `source:` staat de hash van 8 tekens van de tekst die vertaald is; `{ $command }` schrijft hem (voer het uit als de vertaling klopt met { $source }); het bronbestand zelf wordt gevonden via de naam
translation-source-missing = dit bestand heeft de naam van een vertaling ({ $lang }), maar er is geen { $source } om te vertalen
translation-source-missing-help = een vertaling heet zoals de bron, met de taal voor `.md` (`brief.{ $lang }.md` vertaalt `brief.md`): geef het een andere naam, of haal het weg als de bron weg is
translation-not-configured = dit is een vertaling in het `{ $lang }`, maar die taal staat niet in `languages:` van buddysite.yaml
translation-not-configured-help = zet `{ $lang }` bij `languages:` in buddysite.yaml om hem te publiceren (nu ingesteld: { $languages })
keep-placeholder = de invulplek `{ $shown }`
keep-value = de templatewaarde `{ $shown }`
keep-condition = de templatevoorwaarde `{ $shown }`
keep-link = de link naar `{ $shown }`
keep-anchor = de link naar het anker `{ $shown }`
keep-heading-id = de id van de kop `{"{"}#{ $shown }{"}"}`
keep-mail = de e-maillink `{ $shown }`
keep-phone = de telefoonlink `{ $shown }`
keep-in-paragraph = de alinea die erbij hoort in de vertaling
keep-in-translation = de vertaling (de alinea's komen niet overeen met die van de bron, dus dit wijst naar het begin)
translation-lost-part = { $what } ontbreekt in { $place }: { $source } gebruikt het op regel { $line }
translation-lost-part-help = zet { $what } terug in de tekst ({ $lang }), precies zoals het op regel { $line } van { $source } staat; vertaal alleen de woorden eromheen
school-base-url-is-overview = `base_url` `{ $url }` is het adres van het overzicht (`base_url` in buddysite.yaml)
school-base-url-is-overview-help = de site van elke school heeft een eigen adres, bijvoorbeeld `base_url: "{ $own }"`
school-base-url-twice = `base_url` `{ $url }` is ook het adres van een andere school, in { $place }
school-base-url-twice-help = twee scholen kunnen niet op hetzelfde adres staan; is dit bestand gekopieerd van { $other }? Geef deze school een eigen adres
school-base-url-twice-example-help = twee scholen kunnen niet op hetzelfde adres staan; is dit bestand gekopieerd van { $other }? Geef deze school een eigen adres, bijvoorbeeld `base_url: "{ $example }"`

## buddysite translations (src/check/translations, src/load/translations)

mark-not-utf8 = dit bestand is geen UTF-8-tekst; sla het eerst op als UTF-8
mark-no-front-matter = dit bestand heeft geen kop met instellingen: de eerste regel moet `---` zijn
mark-front-matter-not-closed = de kop met instellingen is niet afgesloten: zet een regel `---` na de instellingen
mark-file-problem = { $file }: { $why }
mark-cannot-read = kan het niet lezen: { $error }
mark-cannot-write = { $file }: kan het bestand niet schrijven: { $error } (het is gebleven zoals het was)
mark-no-such-file = dit bestand bestaat niet
mark-outside = dit bestand staat buiten het project { $root }; --mark verandert alleen vertalingen in het project
mark-link = dit is een link; buddysite schrijft nooit via een link
mark-not-file = dit is geen bestand
mark-not-content = `{ $file }` is geen Markdown-bestand in content/ of schools/<school>/; --mark verandert alleen vertalingen
mark-not-translation = `{ $file }` is geen vertaling: een vertaling heet zoals de bron, met de taal voor `.md` (`brief.en.md` vertaalt `brief.md`)
mark-no-source = `{ $file }` heeft geen brontekst om te vertalen: er is geen { $source }
translations-no-config = geen buddysite.yaml in { $root }; geef de projectmap op met --root
translations-cannot-read = { $problem }
tr-count-up-to-date = { $count } bijgewerkt
tr-count-outdated = { $count } verouderd
tr-count-unmarked = { $count } niet gemarkeerd
tr-count-missing = { $count } ontbreken
tr-count-no-source = { $count } zonder bron
tr-count-not-configured = { $count } in een taal die niet is ingesteld
tr-list = { $parts }
tr-up-to-date = bijgewerkt
tr-outdated = verouderd
tr-unmarked = niet gemarkeerd
tr-missing = ontbreekt
tr-no-source = geen bron
tr-not-configured = niet ingesteld
tr-one-language = de sites zijn alleen in het { $lang }: zet talen bij `languages:` in buddysite.yaml (bijvoorbeeld `languages: [{ $lang }, en]`) om ze te vertalen
tr-note-outdated = { $source } is veranderd sinds { $recorded } (nu { $current })
tr-note-unmarked = nog geen `source:`
tr-note-missing = vertaal { $source }
tr-note-no-source = er is geen { $source }
tr-note-not-configured = `{ $lang }` staat niet in `languages:`
tr-total = vertalingen: { $summary } ({ $languages ->
    [one] 1 taal
   *[other] { $languages } talen
})
tr-consistency-warnings = { $count ->
    [one] 1 waarschuwing
   *[other] { $count } waarschuwingen
} over samenhang (hierboven): in een vertaling ontbreekt iets wat de bron gebruikt
tr-mark-hint = klopt een vertaling weer met de bron, leg dat dan vast met: buddysite translations --mark BESTAND…
tr-source-language = `{ $lang }` is de brontaal: die bestanden zijn de bronnen, geen vertalingen
tr-unknown-language = `{ $lang }` is geen van de talen in buddysite.yaml: { $languages }
cli-marked = gemarkeerd: { $file } vertaalt { $source } zoals het nu is (source: { $hash })
cli-already-marked = al gemarkeerd: { $file } vertaalt { $source } zoals het nu is (source: { $hash })
cli-marked-short = gemarkeerd: { $file } (source: { $hash })
cli-no-file-changed = er is geen bestand veranderd

## Vragen en antwoorden van init, new, schema en consents (src/cli)

prompt-indented =   { $text }
prompt-missing = deze gegevens zijn nodig; geef ze op als opties (of start dit in een terminal, dan wordt het je gevraagd):
    { $flags }
prompt-invalid = deze gegevens kunnen niet gebruikt worden:
    { $flags }
prompt-missing-and-invalid = deze gegevens zijn nodig; geef ze op als opties (of start dit in een terminal, dan wordt het je gevraagd):
    { $missing }
    deze gegevens kunnen niet gebruikt worden:
    { $invalid }
prompt-enter-to-skip = (Enter om over te slaan)
prompt-needed = dit is nodig
prompt-not-email = `{ $value }` is geen e-mailadres; schrijf één adres, zoals `naam@school.nl`
prompt-not-phone = `{ $value }` is geen telefoonnummer; schrijf alleen het nummer, bijvoorbeeld `0344 00 00 00`
prompt-not-url = `{ $value }` is geen volledig webadres; zet er https:// voor
prompt-not-kind = `{ $value }` is geen soort school; schrijf basisschool, sbo, so, vo of vso
prompt-not-date = `{ $value }` is geen datum; schrijf hem als JJJJ-MM-DD, bijvoorbeeld 2027-07-31
prompt-some-missing = er ontbreken gegevens
init-intro = Een nieuw buddysite-project. Druk op Enter om het voorstel tussen [haken] te nemen.
init-swv = Het samenwerkingsverband:
init-coordinator = De coördinator van het buddyprogramma:
init-first-school = De eerste school (meer scholen voeg je later toe met: buddysite new school):
init-school-contact = De contactpersoon van de school voor het programma (vaak de intern begeleider):
q-swv-name = volledige naam van het SWV
q-swv-short-name = korte naam van het SWV
q-swv-website = website van het SWV
who-coordinator = coördinator
who-school-contact = contactpersoon van de school
q-contact-name = naam van de { $who }
q-contact-role = functie van de { $who }
q-contact-email = e-mailadres van de { $who }
q-contact-phone = telefoonnummer van de { $who }
q-contact-hours = wanneer de { $who } bereikbaar is
q-school-name = naam van de school
q-school-slug = mapnaam van de site van de school
q-school-kind = soort school: basisschool, sbo, so, vo of vso
q-school-place = plaats van de school
q-school-color = huiskleur van de school, bijvoorbeeld #1d4f91
q-school-url = webadres van de site van de school (https://…)
q-buddy-name = voornaam van de buddy
q-buddy-summary = één zin voor op de kaart
q-buddy-themes = thema's van ervaring, met komma's ertussen (bijvoorbeeld gedrag,autisme)
q-buddy-languages = talen, met komma's ertussen
q-buddy-meet = manieren van contact (telefoon, app, videobellen, koffie, schoolgesprek, meegaan)
q-buddy-consent-until = laatste dag van de toestemming (JJJJ-MM-DD)
q-question = de vraag, zoals een ouder hem zou stellen
q-page-title = titel van de pagina
new-bad-slug = `{ $slug }` kan geen mapnaam van een school zijn: gebruik alleen kleine letters, cijfers en `-`
new-bad-slug-example = `{ $slug }` kan geen mapnaam van een school zijn: gebruik alleen kleine letters, cijfers en `-`, bijvoorbeeld `{ $better }`
new-reserved-slug = `{ $slug }` is de naam van een bestand van het overzicht zelf; kies een andere naam voor de school
new-not-colour = `{ $value }` is geen kleur; schrijf `#` en zes hexadecimale tekens (0-9, a-f), bijvoorbeeld `#1d4f91`
new-colour-shade = { $problem }; de dichtstbijzijnde tint die wel goed is: `{ $shade }`
new-problem-and-help = { $problem }; { $help }
new-exists = { $file } bestaat al; er is niets veranderd
new-no-project = in { $root } staat geen buddysite.yaml; start dit in de projectmap, geef de map op met --root, of begin een project met: buddysite init MAP
new-created = { $file } is gemaakt; open het, vul het in, en bekijk het met: buddysite serve --watch
new-bad-buddy-id = `{ $id }` kan geen naam van een buddy zijn: gebruik alleen kleine letters, cijfers en `-`, bijvoorbeeld `{ $better }`
new-bad-question-id = `{ $id }` kan geen naam van een vraag zijn: gebruik alleen kleine letters, cijfers en `-`, bijvoorbeeld `{ $better }`
new-school-exists = de school `{ $slug }` bestaat al ({ $file }); kies een andere naam
new-question-missing = de vraag ontbreekt
new-title-missing = de titel ontbreekt
new-page-is-buddy-or-question = `{ $path }` zou een buddy of een vraag worden, geen pagina; gebruik `buddysite new buddy` of `buddysite new vraag`
cli-schemas-written = { $count } schema's geschreven naar { $dir }; de YAML-extensie van VS Code gebruikt ze via .vscode/settings.json
consents-ended = gestopt, { $days ->
    [one] 1 dag
   *[other] { $days } dagen
} geleden (niet gepubliceerd)
consents-last-day = vandaag is de laatste dag
consents-days-left = { $days ->
    [one] nog 1 dag
   *[other] nog { $days } dagen
}
consents-title = toestemming van de buddyprofielen op { $date } (Nederlandse tijd)
consents-no-buddies = er zijn geen buddyprofielen
consents-no-school = geen school biedt deze buddy aan
consents-schools = scholen: { $schools }
consents-alert = { $count ->
    [one] 1 toestemming stopt binnen { $within } dagen of is al gestopt
   *[other] { $count } toestemmingen stoppen binnen { $within } dagen of zijn al gestopt
}: vraag de buddy om te verlengen en pas `consent_until` aan, of haal het profiel weg
consents-none-due = er stopt geen toestemming binnen { $within } dagen

## De lijst van de uitvoermap (src/output)

manifest-absolute = het is een absoluut pad
manifest-backslash = er staat een backslash in
manifest-control = er staat een stuurteken in
manifest-drive = het begint met een stationsletter
manifest-empty-part = er is een leeg deel (`//` of een `/` aan het eind)
manifest-dots = het gebruikt `.` of `..`
manifest-own-file = het noemt een van de eigen bestanden van buddysite

## Antwoorden van de voorbeeldserver (src/live/serve)

serve-not-found = niet gevonden
serve-bad-path = ongeldig pad
serve-forbidden = niet toegestaan
serve-only-get = alleen GET en HEAD
serve-internal-error = interne fout
serve-other-host = buddysite serve antwoordt alleen op zijn eigen adres (zoals localhost); wil je kijken vanaf een andere computer, start het dan met --bind en open een adres dat het laat zien
serve-not-found-title = Niet gevonden
serve-not-found-page = Deze pagina bestaat (nog) niet.

## De hulp van de opdrachtregel (src/cli/help.rs): de woorden van clap zelf

clap-usage = Gebruik:
clap-options = Opties
clap-arguments = Argumenten
clap-commands = Opdrachten
clap-help = Laat deze hulp zien
clap-version = Laat het versienummer zien
clap-default = [standaard: { $value }]
clap-possible = [mogelijk: { $values }]
clap-help-command = Laat deze hulp zien, of de hulp bij de genoemde opdracht(en)
clap-unknown-argument = onbekende optie `{ $arg }`
clap-unknown-command = onbekende opdracht `{ $command }`
clap-no-value = `{ $arg }` heeft een waarde nodig, maar er is er geen gegeven
clap-invalid-value = `{ $value }` kan niet bij `{ $arg }`; kies uit: { $valid }
clap-bad-value = `{ $value }` kan niet bij `{ $arg }`
clap-missing-arguments = deze verplichte gegevens ontbreken: { $args }
clap-missing-command = er is een opdracht nodig, maar er is er geen gegeven
clap-suggestion = tip: bedoel je { $suggestion }?
clap-more = Meer weten? Probeer '--help'.

## De hulp van de opdrachtregel (src/cli/help.rs): opdrachten en opties

help = Maakt de websites voor het buddyprogramma voor ouders van een samenwerkingsverband
help-arg-lang = Taal van de berichten: en of nl (standaard: BUDDYSITE_LANG, anders de taal van het systeem, anders en)
help-build = Maak de site van elke school en het overzicht in de uitvoermap
help-arg-root = Projectmap (daarin staat buddysite.yaml)
help-arg-output = Uitvoermap (standaard: `output:` in buddysite.yaml, anders `public`)
help-arg-schools = Maak alleen deze school (de mapnaam); mag vaker
help-arg-watch = Blijf draaien en maak opnieuw wat veranderd is, telkens als je een bestand opslaat
help-arg-no-pdf = Maak de brieven niet als PDF (sneller; de briefpagina's linken dan geen PDF)
help-arg-poll = Kijk steeds zelf of er iets veranderd is, in plaats van te wachten op meldingen van het systeem (WSL, Docker-mappen, netwerkschijven)
help-arg-debounce = Hoe lang de meldingen van één keer opslaan worden verzameld voordat er opnieuw gemaakt wordt, in milliseconden
help-serve = Maak de sites en laat ze zien op deze computer, om ze te bekijken
help-serve-watch = Maak opnieuw bij elke keer opslaan en laad open pagina's opnieuw
help-arg-port = Poort om op te luisteren
help-arg-bind = Adres om op te luisteren; standaard alleen voor deze computer
help-arg-open = Open het overzicht in de browser
help-check = Maak alles in het geheugen en meld elk probleem; schrijft niets
help-arg-strict = Stop ook bij waarschuwingen
help-arg-format = Hoe de problemen getoond worden: text (voor mensen), json (JSON Lines) of github (meldingen in een workflow)
help-translations = Toon per taal welke vertalingen bijgewerkt, verouderd, niet gemarkeerd of ontbrekend zijn; met --mark leg je vast dat vertalingen weer kloppen met de bron
help-arg-language = Alleen deze taal van de sites (de code, bijvoorbeeld `en`); `--lang` kiest de taal van de berichten van buddysite zelf
help-translations-strict = Stop ook bij ontbrekende vertalingen en waarschuwingen over samenhang
help-arg-mark = Zet de huidige hash van de bron in elk van deze vertalingen (de enige bestanden die deze opdracht ooit verandert)
help-init = Maak een nieuw project voor een SWV (vraagt het in een terminal, of geef alles op als optie)
help-arg-dir = Map om te maken (moet nieuw of leeg zijn)
help-arg-example = Schrijf in plaats daarvan het verzonnen voorbeeld-SWV met acht scholen
help-arg-swv-name = Volledige naam van het SWV, bijvoorbeeld "Samenwerkingsverband Passend Onderwijs Rivierenland"
help-arg-short-name = Korte naam voor in de tekst, bijvoorbeeld "SWV Rivierenland"
help-arg-website = De website van het SWV (https://…)
help-arg-contact-name = Naam van de coördinator van het programma
help-arg-contact-role = Functie van de coördinator
help-arg-contact-email = E-mailadres van de coördinator
help-arg-contact-phone = Telefoonnummer van de coördinator
help-arg-contact-hours = Wanneer de coördinator bereikbaar is
help-arg-school-name = Naam van de school, zoals ouders die kennen
help-arg-school-slug = Bestands- en mapnaam van de school (standaard: gemaakt van de naam)
help-arg-school-kind = basisschool, sbo, so, vo of vso (standaard basisschool)
help-arg-school-place = Plaats
help-arg-school-color = Huiskleur, bijvoorbeeld "#1d4f91"
help-arg-school-url = Waar de site van de school komt te staan (https://…)
help-arg-school-contact-name = Naam van de contactpersoon van de school voor het programma (vaak de intern begeleider)
help-arg-school-contact-role = Functie van de contactpersoon van de school
help-arg-school-contact-email = E-mailadres van de contactpersoon van de school
help-arg-school-contact-phone = Telefoonnummer van de contactpersoon van de school
help-arg-school-contact-hours = Wanneer de contactpersoon van de school bereikbaar is
help-new = Voeg een school, buddy, vraag of pagina toe vanuit een voorbeeld met uitleg
help-new-school = Een school: schools/<mapnaam>.yaml
help-arg-slug = Bestands- en mapnaam (kleine letters, cijfers en `-`)
help-new-buddy = Een buddyprofiel: content/buddys/<naam>.md
help-arg-id = Bestandsnaam zonder .md (kleine letters, cijfers en `-`)
help-arg-name = Alleen de voornaam
help-arg-summary = Eén zin voor op de kaart
help-arg-themes = Thema's van ervaring, met komma's ertussen (bijvoorbeeld "gedrag,autisme")
help-arg-languages = Talen als codes, met komma's ertussen (standaard "nl")
help-arg-meet = Manieren van contact, met komma's ertussen (standaard "telefoon")
help-arg-consent-until = Laatste dag van de toestemming, JJJJ-MM-DD
help-new-vraag = Een vraag voor de veelgestelde vragen: content/vragen/<naam>.md
help-new-vraag-id = Bestandsnaam zonder .md; ook het #anker van de vraag
help-arg-question = De vraag, zoals een ouder hem zou stellen
help-new-page = Een pagina: content/<pad>.md
help-arg-path = Pad onder content/ zonder .md (bijvoorbeeld `aanmelden` of `info/privacy`)
help-arg-title = Titel van de pagina
help-schema = Schrijf de JSON-schema's waarmee VS Code de YAML-bestanden aanvult en controleert
help-schema-root = Projectmap (daarin staat buddysite.yaml); de schema's komen in de map `schemas/` daarin
help-arg-out = Map om de schema's in te schrijven in plaats daarvan (wordt gemaakt als hij er niet is)
help-consents = Toon de toestemming van elke buddy; afsluitcode 1 als er een binnen de termijn stopt
help-arg-within = Sluit af met code 1 als een toestemming binnen zoveel dagen stopt (of al gestopt is)

# De brief op papier (src/render/letter, src/output/letters.rs)
letter-bad-school-date = `letter_date` is geen datum: `{ $value }`
letter-bad-school-date-help = schrijf de datum als "JJJJ-MM-DD", bijvoorbeeld `letter_date: "2026-11-30"`
letter-bad-date = `date` is geen datum: `{ $value }`
letter-bad-date-help = schrijf de datum van de brief als "JJJJ-MM-DD", bijvoorbeeld `date: "2026-11-30"`, of laat de regel weg om de dag van het bouwen te gebruiken
letter-no-base-url = zonder `base_url` kan de geprinte brief niet naar de site verwijzen: er komt geen webadres en geen QR-code op
letter-no-base-url-help = voeg `base_url:` toe met het adres waar de site van deze school staat, bijvoorbeeld `base_url: https://www.example.org/buddy/`
letter-typeset-failed = de brief van school `{ $school }` ({ $lang }) kon niet als PDF worden opgemaakt: { $why }
letter-typeset-failed-help = dit is waarschijnlijk een fout in buddysite; bouw intussen met `--no-pdf` en meld de fout
letter-not-ua = de PDF-brief van school `{ $school }` ({ $lang }) is getagd, maar voldoet niet aan PDF/UA-1: { $why }
letter-not-ua-help = schermlezers kunnen hem nog lezen; maak korter of eenvoudiger wat de melding noemt (een afbeelding zonder beschrijving, een tabel) en bouw opnieuw
letter-too-long = de PDF-brief van school `{ $school }` ({ $lang }) heeft { $pages } pagina's; een brief om uit te delen past op 2
letter-too-long-help = maak de brief korter (`content/brief.md` of de vertaling), of laat een deel weg dat de website al uitlegt
letter-pdf-not-built = deze buddysite is gebouwd zonder PDF (cargo-feature `pdf`): de brieven verschijnen alleen als webpagina
letter-pdf-not-built-help = installeer buddysite met de standaardfeatures (`cargo install buddysite`) om de brieven ook als PDF te maken
