# buddysite's messages in English. Every key is listed in src/messages/registry.rs with its
# arguments; locales/nl/buddysite.ftl has the same keys. A key is the stable `code` of a
# diagnostic (docs/checks.md lists them).

## No words at all: a help that is not there.

empty = {""}

## How a problem is printed, and the summary line.

label-error = error
label-warning = warning
label-help = help
summary = { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
}
for-school = { $message } (school `{ $school }`)
for-schools = { $message } (schools { $schools } and { $last })
for-many-schools = { $message } (schools { $first }, { $second } and { $more } more)
while-rendering = { $message } (rendering { $from })
builtin-page = the built-in { $kind } page

## YAML files (src/load/yaml.rs)

yaml-tab-indent = this line is indented with a tab
yaml-tab-indent-help = YAML only understands spaces for indentation: replace the tab with spaces (two per level, like the lines around it)
yaml-nbsp-indent = this line is indented with a non-breaking space (often pasted from Word)
yaml-nbsp-indent-help = delete the spaces at the start of the line and type normal spaces instead
yaml-this-value = this value
yaml-did-you-mean-key = did you mean `{ $suggestion }`? Allowed keys here: { $allowed }
yaml-remove-key = remove this key
yaml-remove-or-allowed = remove it, or use one of the allowed keys: { $allowed }; put your own data under `extra:`
yaml-unknown-key = unknown key `{ $key }`
yaml-missing-key = the required key `{ $key }` is missing
yaml-under = {" "}under `{ $parent }:`
yaml-add-line = add a line `{ $key }: …`{ $under }{ $example }
yaml-duplicate-help-line = `{ $key }` is already set on line { $line }: keep one of the two lines
yaml-duplicate-help = keep one of the two lines
yaml-duplicate-key = the key `{ $key }` appears twice
yaml-did-you-mean-choose = did you mean `{ $suggestion }`? Choose one of: { $allowed }
yaml-choose-one = choose one of: { $allowed }
yaml-unknown-value = { $key } cannot be `{ $value }`
yaml-hash-comment-help = in YAML a `#` starts a comment, so the colour was not read: put it between quotes, e.g. `primary: "#0b5394"`
yaml-write-value-help = write a value after `{ $key }:`, or remove the line
yaml-no-value = { $key } has no value
yaml-single-word = { $key } must be a single word
yaml-single-word-help = write one of the allowed values, without brackets or a list
yaml-buddies-selection = `buddies` must be `all` or a list of buddy ids
yaml-buddies-selection-help = write `buddies: all`, or list ids like `buddies: [samira, peter]`: each id is a file name in content/buddys/ without .md
yaml-empty-file = this file is empty
yaml-empty-file-help = fill in the required keys (see the content model in README.md)
yaml-ends-in-value = the file ends in the middle of a value
yaml-ends-in-value-help = check that every quote, `[` and `{"{"}` is closed
yaml-too-large = this file is too large or too deeply nested to read ({ $reason })
yaml-too-large-help = YAML files hold settings only: put long texts in a Markdown file
yaml-multiple-documents = this file holds more than one YAML document (a second `---` line)
yaml-multiple-documents-help = remove the extra `---` line
yaml-unknown-anchor = this value uses `*`, which YAML reads as a reference to something that does not exist
yaml-quote-value-help = put the value between double quotes
yaml-unclosed-quote = a quote `"` is opened on this line but never closed
yaml-unclosed-quote-help = add the closing `"` at the end of the value
yaml-tab-indent-short-help = YAML only understands spaces for indentation: replace the tab with spaces
yaml-second-colon = this line has a second `: ` in it, which YAML reads as the start of another key
yaml-second-colon-help = put the value between double quotes, e.g. `name: "Let op: nieuw"`
yaml-quote-not-closed = a quote is opened but never closed
yaml-quote-not-closed-help = add the closing quote at the end of the value
yaml-bad-indent = the indentation of this line does not match the lines around it
yaml-bad-indent-help = keys at the same level must start in the same column; indent with spaces, two per level
yaml-reserved-start = this value starts with a character that YAML reserves (like `@`, `` ` ``, `%` or `*`)
yaml-bracket-not-closed = a list `[…]` or block `{"{"}…{"}"}` is not closed properly
yaml-bracket-not-closed-help = check the brackets and commas, or put the value between double quotes
yaml-anchor-start = this value starts with `&` or `*`, which YAML reserves
yaml-syntax = this line cannot be read as YAML ({ $detail })
yaml-quote-example-help = put the value between double quotes, e.g. `name: "Basisschool 't Anker"`
yaml-check-line-help = check the quotes, colons and indentation on this line and the line above it
yaml-not-value = , not `{ $value }`
yaml-must-be-list = { $key } must be a list{ $not }
yaml-must-be-list-help = write it like `{ $key }: [a, b]`, or one item per line starting with `- `
yaml-must-be-block = { $key } must be a block of keys{ $not }
yaml-must-be-block-help = write `{ $key }:` alone on its line and the keys under it, indented by two spaces (see README.md)
yaml-bool-hint-true = {" "}(for `ja`, write `true`)
yaml-bool-hint-false = {" "}(for `nee`, write `false`)
yaml-must-be-bool = { $key } must be `true` or `false`{ $not }
yaml-must-be-bool-help = write `{ $key }: true` or `{ $key }: false`{ $hint }
yaml-must-be-number = { $key } must be a whole number{ $not }
yaml-must-be-number-help = write a number without quotes, e.g. `{ $key }: 10`
yaml-bracket-text-help = text that starts with `[` or `{"{"}` must be put between double quotes
yaml-must-be-text-help = write a single piece of text after `{ $key }:`, between double quotes if it contains special characters
yaml-must-be-text = { $key } must be a piece of text{ $not }
yaml-wrong-kind = { $key } has a value of the wrong kind{ $not } (expected { $expected })
see-content-model = see the content model in README.md
yaml-budget-depth = too many levels of indentation
yaml-budget-aliases = too many `&` and `*` references
yaml-budget-values = too many values
yaml-example-title = {" "}with the page title, e.g. `title: "Welkom"`
yaml-example-question = , e.g. `question: "Wat kost een buddy?"`
yaml-example-kind = : basisschool, sbo, so, vo or vso
yaml-example-place = {" "}with the town or village, e.g. `place: Lingedijk`
yaml-example-brand = {" "}with the school colour under it, e.g. `brand:` and on the next line `  primary: "#1d4f91"`
yaml-example-primary = {" "}with the main colour, e.g. `primary: "#1d4f91"`
yaml-example-contact = {" "}with the contact person under it, e.g. `contact:` and on the next line `  name: Jan Jansen`
yaml-example-name = {" "}with the name
yaml-example-short-name = {" "}with the short name used in running text, e.g. `short_name: SWV Rivierenland`
yaml-example-summary = {" "}with one sentence for the buddy's card
yaml-example-themes = {" "}with the buddy's experience, e.g. `themes: [sbo, adhd]`
yaml-example-languages = {" "}with the languages the buddy speaks, e.g. `languages: [nl, en]`
yaml-example-meet = {" "}with how the buddy likes to meet, e.g. `meet: [koffie, telefoon]`
yaml-example-consent = {" "}with the date the buddy's consent ends, e.g. `consent_until: 2027-07-31`
yaml-example-other = {" "}(see the content model in README.md)

## Reading files, paths, dates (src/load, src/paths.rs)

path-empty = is empty
path-not-relative = must be a path relative to its folder, not `{ $path }`
path-outside = must stay inside the project: `{ $path }` uses `..`
path-wrong-capitals = the file is called `{ $real }`: write the name with exactly the same capitals and extension (web servers tell them apart)
output-is-project = it is the project folder itself
output-inside-input = it is inside `{ $input }`, which holds your own files
source-cannot-read = cannot read this file: { $error }
source-save-as-utf8 = save the file as UTF-8: in Notepad choose File > Save as and set Encoding to UTF-8; in Word choose Save as > Plain text and then Unicode (UTF-8)
source-utf16 = this file is saved as UTF-16 ("Unicode"), not as UTF-8 text (byte offset 0)
source-probably-ansi = {" "}(it was probably saved as ANSI or Windows-1252, which shows `é` and `ë` differently)
source-not-utf8 = this file is not UTF-8 text: the byte at offset { $offset } ({ $byte }) cannot be read{ $guess }
date-no-time-zone = cannot find the time zone { $zone }: { $error }
date-today-not-date = { $var } is not a date: `{ $value }`
date-today-not-date-help = write it as YYYY-MM-DD (e.g. { $var }=2027-07-31), or unset it to use today's date
date-epoch-not-number = SOURCE_DATE_EPOCH is not a number of seconds: `{ $value }`
date-epoch-not-number-help = unset SOURCE_DATE_EPOCH, or give seconds since 1970-01-01 UTC
key-empty = `{ $key }` is empty
key-empty-help = write the { $key } after `{ $key }:`
swv-name-empty-help = write the name of the samenwerkingsverband after `{ $key }:`
swv-short-name-empty-help = write the short name of the samenwerkingsverband after `{ $key }:`
school-name-empty-help = write the school's name as parents know it after `{ $key }:`
school-place-empty-help = write the town or village after `{ $key }:`
config-not-url = `{ $key }` must be a full web address, not `{ $url }`
config-not-url-help = write it with https:// in front, e.g. `https://www.example.org/`
config-bad-theme = `theme` must be a folder name, not `{ $theme }`
config-bad-theme-help = use lower-case letters, digits and `-` only, or remove `theme:` to use the built-in theme
config-bad-language = `language` must be a language code like `nl`, not `{ $language }`
config-bad-language-help = write `languages: [nl]` (a list: the first is the language the content is written in), or remove `language:`
config-output-clash = `output` cannot be `{ $output }`: that folder holds your own files
config-output-clash-help = choose a separate folder for the generated sites, e.g. `output: public`
config-bad-output = `output` { $why }
config-bad-output-help = give a folder inside the project, e.g. `output: public`; to build elsewhere, use `buddysite build --output FOLDER`
config-bad-host = `{ $host }` in `allowed_hosts` is not a host name
config-bad-host-help = write only the host name, without https:// or a path, e.g. `{ $bare }`
config-bad-theme-key = experience theme key `{ $key }` cannot be used
config-bad-theme-key-help = use lower-case letters, digits and `-` for the key; the label after `:` may be any text
config-bad-evaluated = `accessibility.evaluated` must be a date like `2026-09-30`, not `{ $date }`
config-bad-evaluated-help = write the day of the last evaluation as YYYY-MM-DD, in quotes
config-bad-report = `accessibility.report` must be a full web address, not `{ $url }`
config-bad-report-help = write the address of the evaluation report with https:// in front
contact-name-empty = `{ $prefix }.name` is empty
contact-name-empty-help = write the name of the person parents can contact
contact-bad-email = `{ $prefix }.email` is not an e-mail address: `{ $email }`
contact-bad-email-help = write one address like `naam@school.nl`, without spaces or other text; remove the line if there is none
contact-bad-phone = `{ $prefix }.phone` is not a phone number: `{ $phone }`
contact-bad-phone-help = write only the number, e.g. `"0344 00 00 00"`; put when to call under `hours:`
color-curly-quotes-help = remove the curly quotes (Word adds them): write straight quotes, e.g. `"#0b5394"`
color-no-hash-help = a colour starts with `#`: write `"#{ $hex }"`, with the quotes
color-rgb-help = write the colour as a hex code, e.g. `"#0b5394"`: a colour picker or the school's style guide shows it
color-hex-help = write the colour as `#` and six hex digits (0-9, a-f) between double quotes, e.g. `"#0b5394"`
school-not-colour = `{ $key }` is not a colour: `{ $value }`
school-bad-logo-path = `brand.logo` { $why }
school-bad-logo-path-help = put the logo in `schools/{ $slug }/` and give its file name, e.g. `logo: logo.svg`
school-bad-base-url = `base_url` must be an absolute URL: `{ $url }`
school-bad-base-url-help = write it with https://, e.g. `https://www.example.org/buddy/`
school-bad-buddies = `buddies` must be `all` or a list of buddy ids, not `{ $value }`
school-bad-buddies-help = write `buddies: all`, or list ids like `buddies: [samira, peter]`
content-bad-name = the name `{ $name }` cannot be used in a web address
content-bad-name-help = rename it to `{ $better }`: use letters, digits and `-` only (no spaces, accents, `#`, `?` or `%`)
content-empty-file = this file is empty
content-empty-file-help = start the file with a line `---`, then the settings (at least `title:`), then another `---` line, then the text
content-front-not-closed = the front matter is not closed
content-front-not-closed-help = add a line with only `---` after the settings (`title:` and so on), before the text
content-first-line = the first line of the file must be `---`
content-first-line-help = remove the empty lines above the `---` line
content-long-dash = the first line must be exactly three minus signs `---`
content-long-dash-help = Word may have changed `---` into a long dash (—): type three minus signs `---` again, and use a plain text editor such as Notepad
content-toml = this file starts with `+++`
content-toml-help = buddysite expects YAML front matter between two `---` lines
content-no-front = this file has no front matter
content-no-front-help = start the file with a line `---`, then the settings (at least `title:`), then another `---` line
content-bad-consent-date = `consent_until` is not a date: `{ $value }`
content-bad-consent-date-help = write the date as YYYY-MM-DD, e.g. `consent_until: 2027-07-31`
content-bad-photo-path = `photo` { $why }
content-bad-photo-path-help = put the photo next to the Markdown file and give its file name, e.g. `photo: samira.jpg`
content-photo-no-alt = a photo needs a text alternative
content-photo-no-alt-help = add `photo_alt:` describing the photo for parents who cannot see it
project-outside-link = this is a link to a folder or file outside the project
project-outside-link-help = copy the files into the project folder instead: a build only reads files inside the project
project-no-config = no buddysite.yaml in { $root }
project-no-config-help = run buddysite in the project folder, pass --root, or create a project with `buddysite init DIR`
project-bad-logo-path = `logo` { $why }
project-logo-not-found = logo file `{ $path }` not found
project-logo-not-found-help = put the file in the project folder, or remove `logo:`
project-missing-file = this required file is missing
project-missing-file-help = create it with front matter (`title:`) and some text; `buddysite init` shows an example
project-no-schools = there are no schools
project-no-schools-help = add a file schools/<name>.yaml for each school
vocab-theme = experience theme
vocab-language = language
vocab-meet = way to meet
buddy-did-you-mean-known = did you mean `{ $suggestion }`? Known: { $known }
buddy-use-one-of = use one of: { $known }
buddy-unknown-word = unknown { $what } `{ $word }`
buddy-did-you-mean-id = did you mean `{ $suggestion }`? Buddies: { $known }
buddy-id-help = a buddy id is a file name in content/buddys/ without .md: { $known }
buddy-not-found = there is no buddy `{ $id }`
consent-today = today is the last day
consent-tomorrow = tomorrow is the last day
consent-in-days = in { $days } days
consent-ends-soon = consent of buddy { $name } ends on { $date } ({ $when }): after that day the profile leaves every site
consent-ends-soon-help = ask the buddy whether they want to stay on the sites, and if so update `consent_until` to the new date
consent-delete-file = to delete the profile, delete the file { $file }
consent-delete-and-lists = to delete the profile, delete the file and also remove `{ $id }` from these school files: { $files }
consent-ended = consent of buddy { $name } ended on { $date }: the profile is left out of every site
consent-ended-help = renew `consent_until`; { $delete }
project-hidden-extension = the file name `{ $name }` looks like a mistake
project-hidden-extension-help = rename it to `{ $meant }` (Windows hides extensions: in Explorer, turn on View > File name extensions to see the whole name)
project-same-address = two school files have the same web address `{ $slug }/`
project-same-address-help = { $first } has it too (web addresses do not tell capitals, spaces and `-` apart); rename or remove one of them
project-reserved-slug = a school cannot be called `{ $slug }`: the overview uses `{ $slug }` for its own files
project-reserved-slug-help = rename the file (for example to `{ $slug }-school.yaml`); these names are reserved: { $reserved }
project-bad-slug = the file name `{ $slug }` cannot be used in a web address
project-bad-slug-help = rename the file to `{ $suggestion }.yaml`: lower-case letters, digits and `-` only
project-cannot-read-folder = cannot read folder: { $error }
project-link-not-followed = links to other places are not followed
project-cannot-read = cannot read: { $error }
project-school-logo-not-found = logo file `{ $path }` not found
project-school-logo-help = put the logo in the folder schools/{ $slug }/, or remove `logo:`
theme-walk-error = { $error }
theme-not-found = theme `{ $name }` not found: there is no folder themes/{ $name }
theme-not-found-help = remove `theme:` to use the built-in theme, or create the folder
theme-no-words = the theme has no words for language `{ $lang }` (no { $path })
theme-no-words-help = add themes/{ $name }/{ $path } (copy i18n/nl.yaml and translate the texts after each `:`), or remove the language from `languages:`
theme-bad-labels = the label maps are not right: { $error }
theme-bad-labels-help = `school_kinds`, `experience_themes`, `meet` and `languages` must map keys to text
pairs-bad-min = `min: { $min }` is not a contrast ratio
pairs-bad-min-help = use 4.5 for text, 3 for large text and parts of controls
pairs-bad-colour = `{ $value }` is not a colour the check understands
pairs-bad-colour-help = use primary, accent, on_primary, on_accent, primary_text, a colour like "#ffffff", or mix(primary 28%, #ffffff)

## The command line (src/main.rs, src/init.rs, src/live)

cli-unknown-lang = error: buddysite does not speak `{ $lang }`; use --lang en or --lang nl
cli-no-root = error: the project folder { $root } does not exist; pass the folder that holds buddysite.yaml with --root
cli-watching = watching { $root } for changes (Ctrl+C to stop)
cli-serving-at = serving { $dir } at { $url }
cli-serving-at-many = serving { $dir } at:
cli-bind-public = warning: with --bind { $bind } the site is now visible to other computers on the network; leave out --bind to keep it on this computer
cli-no-problems = no problems found
cli-init-done = created a new buddysite project in { $dir } ({ $count } files); build it with: buddysite build --root { $dir }
cli-init-new-done = created a new buddysite project in { $dir } ({ $count } files) with school `{ $school }`.
    next: open the folder in VS Code, read README.md, and preview with: buddysite serve --watch --root { $dir }
cli-error = error: { $message }
cli-build-failed-nothing = build failed: nothing was written
cli-left-as-it-was = was left as it was
cli-left-mixed = is a mix of the old and the new site; build again once the cause is fixed
cli-left-new = holds the new site, but build again once the cause is fixed
cli-build-failed = build failed: the output in { $dir } { $state }
cli-built = { $report } -> { $dir }
cli-rebuilt-everything = everything
cli-rebuilt-schools = school { $schools }
cli-rebuilt-content = the pages that show content/{ $files }
cli-rebuilt = rebuilt { $what } in { $elapsed }: { $written } files written, { $removed } removed
cli-still-serving = still serving the last good version
cli-preview-mixed = the preview shows a mix of the old and the new site until a rebuild succeeds
cli-preview-new = the new version is in place, but fix the cause
cli-rebuild-failed = rebuilding { $what } failed: { $state }
cli-open-in-browser = open { $url } in your browser
report-summary = built { $schools ->
        [one] 1 school
       *[other] { $schools } schools
    }: { $pages } pages, { $files } files ({ $written } written, { $unchanged } unchanged, { $removed } removed), { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    } in { $elapsed }
init-cannot-read = cannot read { $dir }: { $error }
init-not-empty = { $dir } is not empty; choose a new folder so nothing of yours is overwritten
init-cannot-create = cannot create { $dir }: { $error }
init-cannot-write = cannot write { $file }: { $error }
serve-cannot-start = cannot start the preview server: { $error }
serve-cannot-listen-help = cannot listen on { $bind }: { $error }; pass an address such as --bind 127.0.0.1
serve-no-address = cannot listen on { $bind }: it names no address
serve-port-in-use = port { $port } is already in use (perhaps another buddysite serve?); pick another port with --port, e.g. --port { $next }
serve-cannot-listen = cannot listen on { $addr }: { $error }
watch-cannot-poll = cannot start the polling watcher: { $error }
watch-cannot-watch = cannot watch { $path }: { $error }
watch-prefix = watch: { $message }
overlay-title = buddysite: the site could not be rebuilt
overlay-note = You are looking at the last good version. Fix the problem below and save; this page updates by itself.
watch-cannot-watch-files = cannot watch files: { $error } (on WSL, Docker mounts or network drives try --poll)

## Checks on the rendered sites (src/check)

leak-help = parents' visits must not be shared with other websites: put the file in the project, or, if the samenwerkingsverband agrees, add the host to `allowed_hosts` in buddysite.yaml
check-404-top-level = the 404 page of `{ $slug }` will only work for missing addresses at the top level of its site
check-404-top-level-help = add `base_url:` with the address where this school's site is published, e.g. `base_url: "https://buddy.example.org/school/"`; the 404 page then links from that path (see docs/publish.md)
check-unknown-placeholder = unknown placeholder `{ $placeholder }`
check-unknown-placeholder-help = write the text it stands for (or `\[` and `\]` to show brackets as they are); buddysite fills these: { $known }
check-unknown-placeholder-suggest-help = did you mean `[{ $suggestion }]`? buddysite fills these: { $known }. Otherwise write the text it stands for (or `\[` and `\]` to show brackets as they are)
check-css-other-host = the stylesheet loads `{ $url }` from another website ({ $host })
check-js-other-host = the script loads `{ $url }` from another website ({ $host })
check-template-other-host = the template loads `{ $url }` from another website ({ $host })
check-page-no-text = this page has no text
check-page-no-text-help = write the text for parents below the second `---` line
check-photo-capitals-help = the file is called `{ $name }`: write the name with the same capitals and extension
check-photo-put-help = put the photo `{ $name }` next to { $file }, or remove `photo:` to show the buddy's initials
check-photo-missing = the photo `{ $photo }` does not exist
check-placeholder-left = placeholder `{ $placeholder }` is not filled in
check-placeholder-left-help = replace it with the text it stands for; see the placeholder list in README.md
check-page-other-host = this page loads `{ $url }` from another website ({ $host })
check-link-rooted = the link `{ $url }` starts with `/`
check-link-rooted-help = links must be relative so the site works under any address and from disk; link to the .md file instead, e.g. `[de brief](brief.md)`
check-link-outside-site = the link `{ $url }` leads outside the site
check-link-folder = the link `{ $url }` points at a folder
check-link-folder-help = a folder link works on a web server but not when the site is opened from disk; link to the .md file instead, e.g. `[de buddy's](buddys/_index.md)`
check-image-missing = the image `{ $url }` does not exist
check-image-missing-help = check the file name (also capitals and the extension, like .jpg or .png)
check-link-missing = the link `{ $url }` leads to a page or file that does not exist
check-link-missing-help = check the file name; link to other pages by their .md file, e.g. `[de brief](brief.md)`
check-link-beside-md-help = write `{ $fixed }`: in a page, images and files are found from the page's own web address ({ $folder }), not from the folder of the .md file
check-anchor-missing = the link `{ $url }` leads to `#{ $fragment }`, which is not on that page
check-anchor-how = anchors are made from headings (`## Wat kost het?` becomes `#wat-kost-het`) and FAQ file names
check-anchor-did-you-mean = did you mean `#{ $suggestion }`? { $how }
check-anchor-no-headings = that page has no headings to link to; { $how }
check-anchor-list = the anchors on that page are { $anchors }; { $how }
check-link-outside-content = the link `{ $url }` leads outside the content folder
check-link-outside-content-help = link to a file inside content/, e.g. `[de brief](brief.md)` or from a subfolder `[de brief](../brief.md)`
check-link-did-you-mean = did you mean `{ $suggestion }`? Links are relative to the file they are in
check-link-existing-help = link to an existing .md file, relative to this file, e.g. `[de brief](brief.md)`
check-content-link-missing = the link `{ $url }` leads to content/{ $target }, which does not exist
check-link-buddy-not-offered = the link `{ $url }` leads to a buddy who is not on this school's site
check-link-buddy-not-offered-help = offer the buddy at this school (`buddies:` in schools/{ $slug }.yaml) and check the buddy's `consent_until`, or remove the link
check-contrast-theme = the theme's colours for { $what } have too little contrast: { $ratio } (needs at least { $min })
check-contrast-theme-help = change these colours in the theme's stylesheet and in theme.yaml
check-contrast-failing-pair = { $what } ({ $ratio }, needs at least { $min })
check-contrast-brand = the colour `{ $colour }` of `{ $key }` is hard to read: too little contrast for { $pairs }
check-contrast-shade-help = use `"{ $shade }"` instead: the nearest shade of this colour that everyone can read (WCAG AA); or choose another colour
check-contrast-no-shade-help = choose a clearly darker or lighter colour: text must stand out from its background so that everyone can read it (WCAG AA)
privacy-reason = contact goes through the school or the coordinator; remove it (to point parents to them, link to the contact page or write [telefoonnummer contactpersoon])
privacy-phone = a phone number
privacy-email = an e-mail address
privacy-address = a home address
privacy-link = a link to a chat app or social network
privacy-contact-in-profile = a buddy profile must not contain { $what }: `{ $text }`

## Writing the output (src/output)

lock-not-file = the lock file of the output folder is not a plain file
lock-not-file-help = remove it (buddysite makes it again) and build again
lock-cannot-lock = cannot lock the output folder: { $error }
lock-cannot-lock-help = check that you may write to this folder; nothing was changed
nothing-changed = nothing was changed
lock-busy = another buddysite{ $who } is writing here
lock-busy-help = waited { $seconds } s for it; nothing was changed. Wait until it is done (or stop it) and build again, or build into another folder with --output
output-separate-help = build into a separate folder, e.g. `--output public` (the default), or set `output:` in buddysite.yaml
output-holds-project = the output folder { $dir } holds the project itself: the sites would be mixed with your own files
output-clash = cannot build into { $dir }: { $why }, and the next build would read the generated pages back
output-holds-logo = cannot build into { $dir }: it holds the SWV logo `{ $logo }` that buddysite.yaml names
output-holds-logo-help = keep the logo outside the output folder, e.g. in the project folder itself
did-you-mean = did you mean `{ $suggestion }`?
school-slug-help = the slug is the school's file name in schools/ without .yaml
build-no-such-school = there is no school `{ $slug }`
staging-overview = the overview
staging-files-of = the files of { $prefix }
staging-cannot-prepare = cannot prepare { $what } in the staging folder: { $error }
staging-cannot-prepare-help = is the disk full? may buddysite write into the output folder? Nothing in the output was changed
write-updated = { $updated } of { $total } changed files were updated
write-removed = { $count ->
        [one] 1 old file was removed
       *[other] { $count } old files were removed
    }
write-and = { $first } and { $second }
write-new-site = cannot write the output: { $path }: { $cause }; the new site is in place, but buddysite's list of its files could not be updated
write-nothing-changed = cannot write the output: { $path }: { $cause }; nothing in the output was changed
write-mixed = cannot write the output: { $path }: { $cause }; { $done }: the output is now a mix of the old and the new site
write-failed-help = fix the cause (is the disk full? may buddysite write there?) and build again: the next build completes the site
write-failed-manifest-help = fix the cause (is the disk full? may buddysite write there?) and build again: the next build completes the site. The list of buddysite's files ({ $manifest }) could not be updated either ({ $error }): if the next build refuses the folder, empty it and build again
writer-output-is-file = the output path is a file, not a folder
writer-output-is-file-help = choose another output folder with --output
writer-cannot-create = cannot create the output folder: { $error }
writer-cannot-clear-staging = cannot clear the staging folder an earlier build left ({ $staging }): { $error }
writer-cannot-read = cannot read the output folder: { $error }
writer-foreign-files = the output folder already holds files that buddysite did not make
writer-foreign-files-help = buddysite will not overwrite or delete them: choose an empty or new folder with --output, or empty this one yourself
writer-twice = this output file would be written twice by this build, from two different sources
writer-twice-help = two files of the project make the same page (e.g. `buddys.md` next to `buddys/`): rename or remove one; nothing was changed
writer-file-for-folder = this is a file where a folder must go
remove-and-build-again = remove it and build again; nothing was changed
writer-foreign-folder = this is a folder with files buddysite did not make, where a file must go
writer-foreign-folder-help = move the folder elsewhere and build again; nothing was changed
writer-cannot-read-place = this place in the output cannot be read: { $error }
writer-folder-permissions = check the folder's permissions
writer-file-permissions = check the file's permissions
writer-foreign-file = this is a file that buddysite did not make, where a folder must go
writer-foreign-file-help = move the file elsewhere and build again; nothing was changed
writer-not-plain-file = this is not a plain file, where buddysite must write one
manifest-link = the manifest is a link to another place
manifest-link-help = buddysite only trusts a manifest it wrote itself: remove the link (what it points to is not touched) and empty the output folder, or choose another one with --output
manifest-cannot-read = cannot read the manifest: { $error }
manifest-bad-line = the manifest lists `{ $line }`, which is not a file inside the output folder: { $why }
manifest-bad-line-help = buddysite did not write this line and deletes nothing while it is there. Nothing was changed. If the folder holds only buddysite's output, delete the manifest and the folder's contents and build again; otherwise choose another folder with --output

## The site plan (src/plan)

plan-html-not-published = HTML files are not published
plan-html-not-published-help = a page is written in Markdown: move the text to `{ $md }` (with `title:` front matter); HTML in it is cleaned of scripts
plan-unused-file = nothing links to this file, so it is not published
plan-unused-file-help = link to it from a page (`[folder](folder.pdf)` or `![description](photo.jpg)`), or remove it
plan-path-collision = two files would be published as `{ $path }`: { $first } and { $second }
plan-collision-generated-help = `{ $path }` is made by buddysite or the theme ({ $theirs }); rename or remove { $mine }
plan-collision-help = { $first } and { $second } would both become `{ $path }` on the site; rename or remove one of them
writer-link = this is a link to another place: buddysite never writes or deletes through a link
writer-link-help = remove the link (what it points to is not touched) and build again, or choose another output folder with --output; nothing was changed
plan-builtin-404 = (the built-in 404 page)
plan-builtin-accessibility = (the built-in accessibility statement)

## Rendering pages and images (src/render)

md-image-no-alt = image without alt text
md-image-no-alt-help = describe the image between the brackets: `![a drawing of two parents talking](picture.png)`
md-raw-image-no-alt-help = add `alt="…"` to the `<img>` tag describing the image, or write `![description](picture.png)` instead
md-more-problems = … and { $count } more problems like the ones above in this file
md-more-problems-help = fix the problems above and run the check again to see the rest
md-heading-one = a heading with one `#` is not allowed in the text: the page title is already the main heading
md-heading-one-help = start the headings in the text with `##` (and change `title:` if this should be the page title)
md-heading-skips-title = this heading skips a level: `{ $level }` comes after the page title, which is level `#`
md-heading-skips = this heading skips a level: `{ $level }` comes after a `{ $previous }` heading
md-heading-skips-help = use `{ $next }` here: each heading may go only one level deeper than the one before it, so people using a screen reader can follow the page
md-link-address-removed = the link address `{ $url }` was removed: { $why } is not allowed
md-image-address-removed = the image address `{ $url }` was removed: { $why } is not allowed
md-address-removed-help = links and images may go to pages and files of the site, web addresses (https://…), `mailto:` and `tel:`; the text is kept without the link
md-heading-attributes-removed = { $count ->
    [one] heading attribute { $list } removed
   *[other] heading attributes { $list } removed
}
md-heading-attributes-removed-help = a heading may only get an id (`## Kop {"{"}#eigen-id{"}"}`) and class names (`{"{"}.naam{"}"}`); event handlers and other attributes could run scripts
md-raw-html-changed = raw HTML was changed: removed { $removed }
md-raw-html-changed-help = write it in Markdown, or set `allow_raw_html: true` in buddysite.yaml if you trust every editor
sanitize-element-with-content = the `<{ $name }>` element with its content
sanitize-tag = the `<{ $name }>` tag
sanitize-attribute = the `{ $name }` attribute
sanitize-address-in = { $why } in `{ $name }`
url-scheme-not-allowed = a `{ $scheme }:` address
url-unreadable = an address browsers cannot read ({ $error })
image-kind-jpeg = a JPEG image
image-kind-png = a PNG image
image-kind-webp = a WebP image
image-kind-svg = an SVG drawing
image-kind-gif = a GIF image
image-kind-avif = an AVIF image
image-kind-tiff = a TIFF image
image-kind-bmp = a BMP image
image-kind-unusual = an image in an unusual format
image-kind-heic = a HEIC photo
image-wrong-format = this file is called .{ $ext } but is { $what }, which browsers cannot all show
image-wrong-format-help = export it again as JPEG (photos) or PNG (logos and drawings)
image-is-svg = this file is called .{ $ext } but is an SVG drawing
image-is-svg-help = rename it to end in .svg
image-not-kind = this file is called .{ $ext } but is not { $kind }
image-not-kind-text = this file is called .{ $ext } but is not { $kind } (it contains text)
image-not-kind-help = export it again as JPEG or PNG from the program that made it, and check that the file opens in an image viewer
image-no-extension = this file has no extension, so buddysite cannot tell what kind of image it is
image-unsupported = `.{ $ext }` files are not published as images
image-heic-help = HEIC photos (from iPhones) do not show in every browser: export the photo as JPEG (on the iPhone: Settings > Camera > Formats > Most Compatible)
image-export-png-jpeg-help = export it as PNG (logos and drawings) or JPEG (photos)
image-use-formats-help = use a JPEG, PNG, WebP or SVG file
image-damaged = this { $format } image cannot be read: { $error }
image-damaged-help = the file may be damaged or cut short: export it again from the original photo or drawing and check that it opens in an image viewer
image-no-pixels = this { $format } image has no pixels ({ $width } × { $height })
image-no-pixels-help = export it again from the original photo or drawing
image-too-large = this image is too large to publish
image-too-large-help = make it smaller in a photo editor (about 2000 pixels on the longest side is plenty; at most { $max }) and save it again
image-too-many-pixels = this image is { $width } × { $height } pixels, too large to publish
image-too-many-pixels-help = make it smaller in a photo editor (about 2000 pixels on the longest side is plenty; at most { $max } on a side and { $megapixels } megapixels) and save it again
image-cannot-encode = this image could not be encoded again: { $error }
image-cannot-encode-help = export it again as an ordinary 8-bit RGB JPEG or PNG
svg-not-utf8 = this SVG file is not UTF-8 text
svg-not-utf8-help = save it again from the drawing program as "Plain SVG" (UTF-8)
svg-not-xml = this SVG file is not valid XML: { $error }
svg-not-xml-help = open it in a drawing program (Inkscape, Illustrator) and save it again as "Plain SVG"; or export the logo as PNG
svg-not-svg = this file is called .svg but its content is a <{ $root }> document, not an SVG drawing
svg-not-svg-help = export the logo from the drawing program as SVG or PNG
svg-too-deep = this SVG file nests elements more than { $max } deep
svg-too-deep-help = open it in a drawing program, ungroup the drawing (Inkscape: Object > Ungroup) and save it again; or export the logo as PNG
svg-removed-html = removed an HTML <{ $name }> element
svg-removed-link = removed a link (<a>) around part of the drawing
svg-removed-element = removed the <{ $name }> element
svg-removed-script = removed the <{ $name }> element (scripts never run in a published file)
svg-removed-foreign = removed the <{ $name }> element (it can hold a whole web page)
svg-removed-animation = removed the <{ $name }> element (animation can change links and attributes)
svg-removed-handler = removed the `{ $name }` attribute (scripts never run in a published file)
svg-removed-reference = removed a reference to `{ $url }` from a <{ $element }>: a logo may only use what is inside it
svg-removed-image = removed an image { $why }: a logo may only embed PNG, JPEG or WebP images
svg-image-loaded-from = loaded from `{ $url }`
svg-image-broken-data = with a broken data: address
svg-image-of-type = of type `{ $kind }`
svg-image-no-type = without a type
svg-image-not-base64 = that is not base64-encoded
svg-image-damaged-base64 = whose base64 data is damaged
svg-image-unreadable = that cannot be read
css-removed-function = removed a CSS `{ $name }()`, which can load an image from elsewhere
css-removed-import = removed a CSS `@import`, which loads a style sheet from elsewhere
css-removed-reference = removed a CSS reference to `{ $url }`: a logo may only use what is inside it
image-part-removed = removed from the image: { $what }
image-part-removed-help = scripts, links to other files and embedded web pages never reach a site; export the drawing again without them
template-syntax-error = template syntax error
template-unknown-name = unknown name in template
template-not-found = template not found
template-invalid-operation = invalid operation in template
template-unknown-function = unknown function in template
template-unknown-filter = unknown filter in template
template-other-error = template error
template-error = { $kind }: { $detail }
template-failed = { $detail }
template-undefined-help = check the spelling of the name; the variables you can use are listed in docs/themes.md
template-syntax-help = check that every `{"{{"}` has a `{"}}"}` and every `{"{"}% if %{"}"}` an `{"{"}% endif %{"}"}`
template-out-of-fuel-help = look for a loop that runs very often (or loops inside loops) and make it smaller; a page needs only a few thousand steps
template-did-you-mean = did you mean `{ $suggestion }`? The names you can use are listed in docs/themes.md
template-out-of-fuel = this template does too much work: it was stopped after { $millions } million steps
template-too-deep = this template nests too deeply: a macro or include that calls itself?
template-too-deep-help = make sure a macro does not call itself, and that templates do not include each other in a circle
template-placeholder-needs-school = placeholder `{ $placeholder }` needs `{ $key }`, which the school's YAML file does not set; fill it in there, or remove the placeholder
template-placeholder-needs-config = placeholder `{ $placeholder }` needs `{ $key }`, which buddysite.yaml does not set; fill it in there, or remove the placeholder
template-write-key = `{ $key }:`
template-write-key-under = `{ $key }:` under `{ $under }:`
template-placeholder-set-for-others = placeholder `{ $placeholder }` needs `{ $path }`, which is set for { $others ->
    [one] 1 other school
   *[other] { $others } other schools
} but not for this one: add it to { $file }
template-value-set-for-others = `school.{ $path }` is set for { $others ->
    [one] 1 other school
   *[other] { $others } other schools
} but not for this one: add it to { $file }
template-set-for-others-placeholder-help = write { $how } in { $file }, or remove the placeholder
template-set-for-others-help = write { $how } in { $file }; or, when this school has none, write `{"{"}% if school.{ $path } is defined %{"}"}…{"{"}% endif %{"}"}` around it
template-url-needs-page = url() needs a `page` to be rendered
template-bad-allowed-host = an allowed host contains a character that cannot be in a policy

## Languages, schools, themes and translations (src/load, src/check, src/plan)

config-not-language-code = `{ $code }` in `{ $key }` is not a language code
config-not-language-code-help = write BCP 47 codes such as `nl`, `en`, `ar`, `tr`, `pl`, `uk` (lower-case; a region after `-`, e.g. `pt-BR`)
config-language-twice = `{ $code }` is in `{ $key }` twice
config-language-twice-help = list each language once
config-language-and-languages = `language` and `languages` are both set
config-language-and-languages-help = remove `language:`; the first code in `languages:` is the language the content is written in
config-translations-not-language = `translations` has texts for `{ $lang }`, which is not in `languages`
config-translations-not-language-help = add `{ $lang }` to `languages:`, or remove its block; languages: { $languages }
config-translations-source = `{ $lang }` is the source language: its texts are the ones above
config-translations-source-help = remove this block and write the texts at their own keys
contact-name-form-of-address = `{ $prefix }.name` starts with `{ $written }`: in a sentence it reads “neem contact op met { $name }”
contact-name-form-of-address-help = write the name only, e.g. `name: { $bare }` (or with a first name); the role goes under `role:`
school-bad-phone = `{ $key }` is not a phone number: `{ $value }`
school-bad-phone-help = write only the school's number, e.g. `"0344 00 00 00"`
school-bad-email = `{ $key }` is not an e-mail address: `{ $value }`
school-bad-email-help = write one address like `info@school.nl`
school-bad-website = `{ $key }` is not a full web address: `{ $value }`
school-bad-website-help = write it with https://, e.g. `https://www.school.nl/`
theme-no-words-for-language = the theme has no words for language `{ $other }` (no i18n/{ $other }.yaml): pages in `{ $other }` show the `{ $lang }` words
theme-no-words-for-language-help = add themes/{ $name }/i18n/{ $other }.yaml: copy i18n/{ $lang }.yaml and translate the texts after each `:`
theme-words-missing = { $count ->
    [one] 1 word of { $origin } is missing here: { $missing }
   *[other] { $count } words of { $origin } are missing here: { $missing }
}
theme-words-missing-help = translate them into `{ $other }`; until then pages in `{ $other }` show the `{ $lang }` words
translation-no-source = this translation has no source: there is no `{ $base }` next to it
translation-no-source-help = a translation sits next to the file it translates: write `{ $written }/{ $base }` (in the source language, { $lang }) first, or correct the file name
translation-names-source = `{ $file }` names the source language `{ $lang }`
translation-names-source-help = files in the source language have no language in their name: rename it to `{ $base }`
translation-unknown-language = `{ $file }` is a translation into `{ $lang }`, which is not in `languages` of buddysite.yaml
translation-unknown-language-help = add `{ $lang }` to `languages:` in buddysite.yaml (now: { $languages }), or, if this is no translation, rename the file without the `.{ $lang }` part
school-slug-is-language = a school cannot be called `{ $slug }`: the overview uses `{ $slug }/` for its pages in that language
school-slug-is-language-help = rename the file, for example to `{ $slug }-school.yaml`
school-language-not-configured = `{ $code }` is not one of the languages of buddysite.yaml
school-language-not-configured-help = a school can only narrow the list; choose from: { $languages } (or add `{ $code }` to `languages:` in buddysite.yaml)
school-languages-without-source = `languages` leaves out `{ $lang }`, the language the content is written in
school-languages-without-source-help = every site is published in `{ $lang }`: start the list with it, e.g. `languages: [{ $lang }, en]`
school-translations-not-published = `translations` has texts for `{ $lang }`, which this school does not publish
school-translations-not-published-help = use one of this school's languages: { $languages }
toolkit-broken-paragraph = a paragraph breaks off in the middle of a sentence (text pasted from a PDF?)
toolkit-empty-line = the empty line { $line }
toolkit-empty-lines = the empty lines { $first } to { $last }
toolkit-broken-paragraph-help = line { $there } goes on with the sentence of line { $here }: remove { $empty } to join them into one paragraph (in Markdown an empty line starts a new paragraph)
toolkit-note-to-user = this paragraph is the toolkit's note to its user (“{ $marker }”), not text for parents
toolkit-line = line { $line }
toolkit-lines = lines { $first } to { $last }
toolkit-note-to-user-help = remove this paragraph ({ $which }): the toolkit explains there how to use its letter, and parents would read it on the site
toolkit-school-means-swv = `[naam school]` here means the samenwerkingsverband, not the school
toolkit-school-means-swv-help = the toolkit writes [naam school] where the samenwerkingsverband helps schools or runs the buddy programme; filled in, the sentence would say the school does that. Write `[naam samenwerkingsverband]` (or `{"{{"} swv.short_name {"}}"}`) here
translation-outdated = this { $lang } translation is outdated: { $source } changed since it was translated (`source: { $recorded }`, the text is now { $current })
translation-outdated-help = see what changed in { $source } (for example with `git log -p { $source }`), update this translation, then run `{ $command }`; until then the page is published with a notice that the { $source_lang } text is leading
translation-unmarked = this { $lang } translation does not record which version of { $source } it translates
translation-unmarked-help = once it matches { $source }, run `{ $command }`: it adds `source:` with the source's current hash, so that a later change to { $source } is noticed
translation-bad-hash = `source: { $value }` is not a source hash
translation-bad-hash-help = `source:` holds the 8-character hash of the text it translates, written by `{ $command }` (run it once the translation matches { $source }); the source file itself is found by the name
translation-source-missing = this file is named as a { $lang } translation, but there is no { $source } to translate
translation-source-missing-help = a translation is named like its source with the language before `.md` (`brief.{ $lang }.md` translates `brief.md`): rename it, or remove it if its source was removed
translation-not-configured = this is a translation into `{ $lang }`, which is not in `languages:` of buddysite.yaml
translation-not-configured-help = add `{ $lang }` to `languages:` in buddysite.yaml to publish it (configured now: { $languages })
keep-placeholder = the placeholder `{ $shown }`
keep-value = the template value `{ $shown }`
keep-condition = the template condition `{ $shown }`
keep-link = the link to `{ $shown }`
keep-anchor = the link to the anchor `{ $shown }`
keep-heading-id = the heading id `{"{"}#{ $shown }{"}"}`
keep-mail = the e-mail link `{ $shown }`
keep-phone = the phone link `{ $shown }`
keep-in-paragraph = the matching paragraph of the translation
keep-in-translation = the translation (its paragraphs do not line up with the source's, so this points at the top)
translation-lost-part = { $what } is missing from { $place }: { $source } uses it at line { $line }
translation-lost-part-help = put { $what } back into the { $lang } text, written exactly as { $source } line { $line } has it; translate only the words around it
school-base-url-is-overview = `base_url` `{ $url }` is the address of the overview (`base_url` in buddysite.yaml)
school-base-url-is-overview-help = each school's site has its own address, e.g. `base_url: "{ $own }"`
school-base-url-twice = `base_url` `{ $url }` is also the address of another school, in { $place }
school-base-url-twice-help = two school sites cannot be published at one address; was this file copied from { $other }? Give this school its own address
school-base-url-twice-example-help = two school sites cannot be published at one address; was this file copied from { $other }? Give this school its own address, e.g. `base_url: "{ $example }"`

## buddysite translations (src/check/translations, src/load/translations)

mark-not-utf8 = this file is not UTF-8 text; save it as UTF-8 first
mark-no-front-matter = this file has no front matter: it must start with a line `---`
mark-front-matter-not-closed = the front matter is not closed: add a line `---` after the settings
mark-file-problem = { $file }: { $why }
mark-cannot-read = cannot read it: { $error }
mark-cannot-write = { $file }: cannot write the file: { $error } (it was left as it was)
mark-no-such-file = there is no such file
mark-outside = this file is outside the project { $root }; --mark only changes translations in the project
mark-link = this is a link; buddysite never writes through links
mark-not-file = this is not a file
mark-not-content = `{ $file }` is not a Markdown file in content/ or schools/<school>/; --mark only changes translations
mark-not-translation = `{ $file }` is not a translation: a translation is named like its source with the language before `.md` (`brief.en.md` translates `brief.md`)
mark-no-source = `{ $file }` has no source text to translate: there is no { $source }
translations-no-config = no buddysite.yaml in { $root }; pass the project folder with --root
translations-cannot-read = { $problem }
tr-count-up-to-date = { $count } up to date
tr-count-outdated = { $count } outdated
tr-count-unmarked = { $count } unmarked
tr-count-missing = { $count } missing
tr-count-no-source = { $count } without a source
tr-count-not-configured = { $count } in a language not configured
tr-list = { $parts }
tr-up-to-date = up to date
tr-outdated = outdated
tr-unmarked = unmarked
tr-missing = missing
tr-no-source = no source
tr-not-configured = not configured
tr-one-language = the sites are in { $lang } only: add languages to `languages:` in buddysite.yaml (for example `languages: [{ $lang }, en]`) to translate them
tr-note-outdated = { $source } changed since { $recorded } (now { $current })
tr-note-unmarked = no `source:` yet
tr-note-missing = translate { $source }
tr-note-no-source = there is no { $source }
tr-note-not-configured = `{ $lang }` is not in `languages:`
tr-total = translations: { $summary } ({ $languages ->
    [one] 1 language
   *[other] { $languages } languages
})
tr-consistency-warnings = { $count ->
    [one] 1 consistency warning
   *[other] { $count } consistency warnings
} (above): a translation dropped something its source uses
tr-mark-hint = once a translation matches its source again, record that with: buddysite translations --mark FILE…
tr-source-language = `{ $lang }` is the source language: its files are the sources, not translations
tr-unknown-language = `{ $lang }` is not one of the languages in buddysite.yaml: { $languages }
cli-marked = marked { $file }: translates { $source } as it is now (source: { $hash })
cli-already-marked = already marked { $file }: translates { $source } as it is now (source: { $hash })
cli-marked-short = marked { $file } (source: { $hash })
cli-no-file-changed = no file was changed

## Questions and answers of init, new, schema and consents (src/cli)

prompt-indented =   { $text }
prompt-missing = these values are needed; give them as flags (or run this in a terminal to be asked):
    { $flags }
prompt-invalid = these values cannot be used:
    { $flags }
prompt-missing-and-invalid = these values are needed; give them as flags (or run this in a terminal to be asked):
    { $missing }
    these values cannot be used:
    { $invalid }
prompt-enter-to-skip = (Enter to skip)
prompt-needed = this one is needed
prompt-not-email = `{ $value }` is not an e-mail address; write one address like `naam@school.nl`
prompt-not-phone = `{ $value }` is not a phone number; write only the number, e.g. `0344 00 00 00`
prompt-not-url = `{ $value }` is not a full web address; write it with https:// in front
prompt-not-kind = `{ $value }` is not a kind of school; write basisschool, sbo, so, vo or vso
prompt-not-date = `{ $value }` is not a date; write it as YYYY-MM-DD, e.g. 2027-07-31
prompt-some-missing = some values are missing
init-intro = A new buddysite project. Press Enter to take the suggestion in [brackets].
init-swv = The samenwerkingsverband:
init-coordinator = The coordinator of the buddy programme:
init-first-school = The first school (add more later with: buddysite new school):
init-school-contact = The school's contact for the programme (often the intern begeleider):
q-swv-name = full name of the SWV
q-swv-short-name = short name of the SWV
q-swv-website = website of the SWV
who-coordinator = coordinator
who-school-contact = school's contact
q-contact-name = name of the { $who }
q-contact-role = role of the { $who }
q-contact-email = e-mail of the { $who }
q-contact-phone = phone of the { $who }
q-contact-hours = when the { $who } can be reached
q-school-name = name of the school
q-school-slug = folder name of the school's site
q-school-kind = kind of school: basisschool, sbo, so, vo or vso
q-school-place = town or village of the school
q-school-color = brand colour of the school, e.g. #1d4f91
q-school-url = web address of the school's site (https://…)
q-buddy-name = first name of the buddy
q-buddy-summary = one sentence for the card
q-buddy-themes = experience themes, comma-separated (e.g. gedrag,autisme)
q-buddy-languages = languages, comma-separated
q-buddy-meet = ways to be in touch (telefoon, app, videobellen, koffie, schoolgesprek, meegaan)
q-buddy-consent-until = last day of consent (YYYY-MM-DD)
q-question = the question, as a parent would ask it
q-page-title = title of the page
new-bad-slug = `{ $slug }` cannot be a school's folder name: use lower-case letters, digits and `-` only
new-bad-slug-example = `{ $slug }` cannot be a school's folder name: use lower-case letters, digits and `-` only, e.g. `{ $better }`
new-reserved-slug = `{ $slug }` is the name of one of the overview's own files; choose another name for the school
new-not-colour = `{ $value }` is not a colour; write `#` and six hex digits (0-9, a-f), e.g. `#1d4f91`
new-colour-shade = { $problem }; the nearest shade that passes is `{ $shade }`
new-problem-and-help = { $problem }; { $help }
new-exists = { $file } already exists; nothing was changed
new-no-project = { $root } holds no buddysite.yaml; run this in the project folder, pass it with --root, or start one with: buddysite init FOLDER
new-created = created { $file }; open it, fill it in, and see it with: buddysite serve --watch
new-bad-buddy-id = `{ $id }` cannot be the name of a buddy: use lower-case letters, digits and `-` only, e.g. `{ $better }`
new-bad-question-id = `{ $id }` cannot be the name of a question: use lower-case letters, digits and `-` only, e.g. `{ $better }`
new-school-exists = the school `{ $slug }` already exists ({ $file }); choose another name
new-question-missing = the question is missing
new-title-missing = the title is missing
new-page-is-buddy-or-question = `{ $path }` would be a buddy or a question, not a page; use `buddysite new buddy` or `buddysite new vraag`
cli-schemas-written = wrote { $count } schemas to { $dir }; VS Code's YAML extension uses them through .vscode/settings.json
consents-ended = ended { $days ->
    [one] 1 day
   *[other] { $days } days
} ago (not published)
consents-last-day = today is the last day
consents-days-left = { $days ->
    [one] 1 day left
   *[other] { $days } days left
}
consents-title = consent of buddy profiles on { $date } (Dutch time)
consents-no-buddies = there are no buddy profiles
consents-no-school = no school offers this buddy
consents-schools = schools: { $schools }
consents-alert = { $count ->
    [one] 1 consent ends
   *[other] { $count } consents end
} within { $within } days or ended: ask the buddy to renew and change `consent_until`, or remove the profile
consents-none-due = no consent ends within { $within } days

## The output folder's manifest (src/output)

manifest-absolute = it is an absolute path
manifest-backslash = it contains a backslash
manifest-control = it contains a control character
manifest-drive = it starts with a drive letter
manifest-empty-part = it has an empty part (`//` or a `/` at an end)
manifest-dots = it uses `.` or `..`
manifest-own-file = it names one of buddysite's own files

## Answers of the preview server (src/live/serve)

serve-not-found = not found
serve-bad-path = bad path
serve-forbidden = forbidden
serve-only-get = only GET and HEAD
serve-internal-error = internal error
serve-other-host = buddysite serve answers only to its own address (such as localhost); to preview from another computer, start it with --bind and open an address it prints
serve-not-found-title = Not found
serve-not-found-page = This page does not exist (yet).

## The command line's help (src/cli/help.rs): clap's own words

clap-usage = Usage:
clap-options = Options
clap-arguments = Arguments
clap-commands = Commands
clap-help = Print help
clap-version = Print version
clap-default = [default: { $value }]
clap-possible = [possible values: { $values }]
clap-help-command = Print this message or the help of the given subcommand(s)
clap-unknown-argument = unexpected argument `{ $arg }`
clap-unknown-command = unrecognized subcommand `{ $command }`
clap-no-value = a value is required for `{ $arg }` but none was supplied
clap-invalid-value = invalid value `{ $value }` for `{ $arg }`; possible values: { $valid }
clap-bad-value = invalid value `{ $value }` for `{ $arg }`
clap-missing-arguments = the following required arguments were not provided: { $args }
clap-missing-command = a subcommand is required but one was not provided
clap-suggestion = tip: did you mean { $suggestion }?
clap-more = For more information, try '--help'.

## The command line's help (src/cli/help.rs): commands and arguments

help = Static site generator for the parent-buddy programme of a Dutch samenwerkingsverband
help-arg-lang = Language of the messages: en or nl (default: BUDDYSITE_LANG, else the system's language, else en)
help-build = Build every school's site and the overview into the output folder
help-arg-root = Project folder (holds buddysite.yaml)
help-arg-output = Output folder (default: `output:` in buddysite.yaml, else `public`)
help-arg-schools = Build only this school (its slug); may be repeated
help-arg-watch = Keep running and rebuild what changed whenever a file is saved
help-arg-no-pdf = Skip the letters' PDFs (quicker; the letter pages then link no PDF)
help-arg-poll = Use polling instead of file system events (WSL, Docker mounts, network drives)
help-arg-debounce = How long to gather the events of one save before rebuilding, in milliseconds
help-serve = Build, then serve the sites on this computer for previewing
help-serve-watch = Rebuild on every save and reload open pages
help-arg-port = Port to listen on
help-arg-bind = Address to listen on; the default only accepts this computer
help-arg-open = Open the overview in the browser
help-check = Render everything in memory and report every problem; writes nothing
help-arg-strict = Fail on warnings too
help-arg-format = How to print the problems: text (for people), json (JSON Lines) or github (workflow annotations)
help-translations = List per language which translations are up to date, outdated, unmarked or missing; with --mark, record that translations match their source again
help-arg-language = Only this language of the sites (its code, e.g. `en`); `--lang` chooses the language of buddysite's own messages
help-translations-strict = Also fail on missing translations and consistency warnings
help-arg-mark = Record the current hash of its source in each of these translations (the only files this command ever changes)
help-init = Create a new SWV project (asks on a terminal, or give every value as a flag)
help-arg-dir = Folder to create (must be new or empty)
help-arg-example = Write the fictional example SWV with eight schools instead
help-arg-swv-name = Full name of the SWV, e.g. "Samenwerkingsverband Passend Onderwijs Rivierenland"
help-arg-short-name = Short name for running text, e.g. "SWV Rivierenland"
help-arg-website = The SWV's website (https://…)
help-arg-contact-name = Name of the programme coordinator
help-arg-contact-role = Role of the coordinator
help-arg-contact-email = E-mail address of the coordinator
help-arg-contact-phone = Phone number of the coordinator
help-arg-contact-hours = When the coordinator can be reached
help-arg-school-name = Name of the school as parents know it
help-arg-school-slug = File and folder name of the school (default: made from its name)
help-arg-school-kind = basisschool, sbo, so, vo or vso (default basisschool)
help-arg-school-place = Town or village
help-arg-school-color = Brand colour, e.g. "#1d4f91"
help-arg-school-url = Where the school's site will be published (https://…)
help-arg-school-contact-name = Name of the school's contact for the programme (often the intern begeleider)
help-arg-school-contact-role = Role of the school's contact
help-arg-school-contact-email = E-mail address of the school's contact
help-arg-school-contact-phone = Phone number of the school's contact
help-arg-school-contact-hours = When the school's contact can be reached
help-new = Add a school, buddy, FAQ question or page from a commented template
help-new-school = A school: schools/<slug>.yaml
help-arg-slug = File and folder name (lower-case letters, digits and `-`)
help-new-buddy = A buddy profile: content/buddys/<id>.md
help-arg-id = File name without .md (lower-case letters, digits and `-`)
help-arg-name = First name only
help-arg-summary = One sentence for the card
help-arg-themes = Experience themes, comma-separated (e.g. "gedrag,autisme")
help-arg-languages = Languages as codes, comma-separated (default "nl")
help-arg-meet = Ways to be in touch, comma-separated (default "telefoon")
help-arg-consent-until = Last day of consent, YYYY-MM-DD
help-new-vraag = A question for the FAQ: content/vragen/<id>.md
help-new-vraag-id = File name without .md; also the question's #anchor
help-arg-question = The question, as a parent would ask it
help-new-page = A page: content/<path>.md
help-arg-path = Path under content/ without .md (e.g. `aanmelden` or `info/privacy`)
help-arg-title = Title of the page
help-schema = Write the JSON Schemas that give VS Code autocompletion for the YAML files
help-schema-root = Project folder (holds buddysite.yaml); the schemas go into its `schemas/` folder
help-arg-out = Folder to write the schemas into instead (created when missing)
help-consents = List every buddy's consent; exit code 1 when one ends within the window
help-arg-within = Exit with code 1 when a consent ends within this many days (or has ended)

# The parent letter on paper (src/render/letter, src/output/letters.rs)
letter-bad-school-date = `letter_date` is not a date: `{ $value }`
letter-bad-school-date-help = write the date as "YYYY-MM-DD", e.g. `letter_date: "2026-11-30"`
letter-bad-date = `date` is not a date: `{ $value }`
letter-bad-date-help = write the letter's date as "YYYY-MM-DD", e.g. `date: "2026-11-30"`, or leave it out to use the day of the build
letter-no-base-url = without `base_url` the printed letter cannot point to the site: it gets no web address and no QR code
letter-no-base-url-help = add `base_url:` with the address where this school's site is published, e.g. `base_url: https://www.example.org/buddy/`
letter-typeset-failed = the letter of school `{ $school }` ({ $lang }) could not be typeset as PDF: { $why }
letter-typeset-failed-help = this is most likely a bug in buddysite; build with `--no-pdf` meanwhile and report it
letter-not-ua = the PDF letter of school `{ $school }` ({ $lang }) is tagged but does not claim PDF/UA-1: { $why }
letter-not-ua-help = screen readers can still read it; shorten or simplify what the message names (an image without description, a table) and build again
letter-too-long = the PDF letter of school `{ $school }` ({ $lang }) has { $pages } pages; a letter to hand out should fit on 2
letter-too-long-help = shorten the letter (`content/brief.md`, or its translation), or leave out a section that the website already explains
letter-pdf-not-built = this buddysite was built without PDF support (cargo feature `pdf`): the letters are published as web pages only
letter-pdf-not-built-help = install buddysite with its default features (`cargo install buddysite`) to make the letters as PDF too
