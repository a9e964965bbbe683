# De berichten van buddysite in het Nederlands: eenvoudige taal (B1), je-vorm, voor wie
# geen programmeur is. Elke sleutel staat in src/messages/registry.rs, met dezelfde
# argumenten als in locales/en/buddysite.ftl.

## Tijdelijk: een bericht dat nog in het Engels in de code staat.

untranslated = { $text }

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
