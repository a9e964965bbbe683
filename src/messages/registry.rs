//! Every message key buddysite uses, with the names of its arguments, in one place.
//!
//! The catalogues are checked against this list (tests in `messages::tests`): a key missing
//! in a catalogue, a catalogue entry no code uses, or an argument that differs fails the
//! tests, and so does a docs/checks.md that does not list every diagnostic code.
//!
//! To add a message: add a line here (a `code` for the message of a diagnostic, a `text`
//! for help, parts of sentences and command-line output), add the key to both
//! `locales/*/buddysite.ftl`, and build it with `text!(NAME, arg = value)`.

/// A message: its key in the catalogues and the arguments it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Msg {
    /// The key in both catalogues; for a diagnostic also its stable `code`.
    pub key: &'static str,
    /// The names of its arguments (`$key` in the catalogue).
    pub args: &'static [&'static str],
    /// True for the message of a diagnostic (listed in docs/checks.md).
    pub is_code: bool,
}

macro_rules! registry {
    ($( $kind:ident $name:ident = $key:literal ( $($arg:ident),* ) ; )*) => {
        $(
            #[doc = concat!("The message `", $key, "` (see the catalogues in locales/).")]
            pub const $name: Msg = Msg {
                key: $key,
                args: &[$(stringify!($arg)),*],
                is_code: registry!(@code $kind),
            };
        )*
        /// Every message, for the tests that check the catalogues and docs/checks.md.
        pub const ALL: &[Msg] = &[$($name),*];
    };
    (@code code) => { true };
    (@code text) => { false };
}

registry! {
    // Transitional: English written in the code (the old `Diagnostic::error` API).
    code UNTRANSLATED = "untranslated" (text);

    // How a diagnostic is printed, and the summary line.
    text LABEL_ERROR = "label-error" ();
    text LABEL_WARNING = "label-warning" ();
    text LABEL_HELP = "label-help" ();
    text SUMMARY = "summary" (errors, warnings);
    text FOR_SCHOOL = "for-school" (message, school);
    text FOR_SCHOOLS = "for-schools" (message, schools, last);
    text FOR_MANY_SCHOOLS = "for-many-schools" (message, first, second, more);
    text WHILE_RENDERING = "while-rendering" (message, from);
    text BUILTIN_PAGE = "builtin-page" (kind);

    // YAML files (src/load/yaml.rs)
    code YAML_TAB_INDENT = "yaml-tab-indent" ();
    text YAML_TAB_INDENT_HELP = "yaml-tab-indent-help" ();
    code YAML_NBSP_INDENT = "yaml-nbsp-indent" ();
    text YAML_NBSP_INDENT_HELP = "yaml-nbsp-indent-help" ();
    text YAML_THIS_VALUE = "yaml-this-value" ();
    text YAML_DID_YOU_MEAN_KEY = "yaml-did-you-mean-key" (suggestion, allowed);
    text YAML_REMOVE_KEY = "yaml-remove-key" ();
    text YAML_REMOVE_OR_ALLOWED = "yaml-remove-or-allowed" (allowed);
    code YAML_UNKNOWN_KEY = "yaml-unknown-key" (key);
    code YAML_MISSING_KEY = "yaml-missing-key" (key);
    text YAML_UNDER = "yaml-under" (parent);
    text YAML_ADD_LINE = "yaml-add-line" (key, under, example);
    text YAML_DUPLICATE_HELP_LINE = "yaml-duplicate-help-line" (key, line);
    text YAML_DUPLICATE_HELP = "yaml-duplicate-help" ();
    code YAML_DUPLICATE_KEY = "yaml-duplicate-key" (key);
    text YAML_DID_YOU_MEAN_CHOOSE = "yaml-did-you-mean-choose" (suggestion, allowed);
    text YAML_CHOOSE_ONE = "yaml-choose-one" (allowed);
    code YAML_UNKNOWN_VALUE = "yaml-unknown-value" (key, value);
    text YAML_HASH_COMMENT_HELP = "yaml-hash-comment-help" ();
    text YAML_WRITE_VALUE_HELP = "yaml-write-value-help" (key);
    code YAML_NO_VALUE = "yaml-no-value" (key);
    code YAML_SINGLE_WORD = "yaml-single-word" (key);
    text YAML_SINGLE_WORD_HELP = "yaml-single-word-help" ();
    code YAML_BUDDIES_SELECTION = "yaml-buddies-selection" ();
    text YAML_BUDDIES_SELECTION_HELP = "yaml-buddies-selection-help" ();
    code YAML_EMPTY_FILE = "yaml-empty-file" ();
    text YAML_EMPTY_FILE_HELP = "yaml-empty-file-help" ();
    code YAML_ENDS_IN_VALUE = "yaml-ends-in-value" ();
    text YAML_ENDS_IN_VALUE_HELP = "yaml-ends-in-value-help" ();
    code YAML_TOO_LARGE = "yaml-too-large" (reason);
    text YAML_TOO_LARGE_HELP = "yaml-too-large-help" ();
    code YAML_MULTIPLE_DOCUMENTS = "yaml-multiple-documents" ();
    text YAML_MULTIPLE_DOCUMENTS_HELP = "yaml-multiple-documents-help" ();
    code YAML_UNKNOWN_ANCHOR = "yaml-unknown-anchor" ();
    text YAML_QUOTE_VALUE_HELP = "yaml-quote-value-help" ();
    code YAML_UNCLOSED_QUOTE = "yaml-unclosed-quote" ();
    text YAML_UNCLOSED_QUOTE_HELP = "yaml-unclosed-quote-help" ();
    text YAML_TAB_INDENT_SHORT_HELP = "yaml-tab-indent-short-help" ();
    code YAML_SECOND_COLON = "yaml-second-colon" ();
    text YAML_SECOND_COLON_HELP = "yaml-second-colon-help" ();
    code YAML_QUOTE_NOT_CLOSED = "yaml-quote-not-closed" ();
    text YAML_QUOTE_NOT_CLOSED_HELP = "yaml-quote-not-closed-help" ();
    code YAML_BAD_INDENT = "yaml-bad-indent" ();
    text YAML_BAD_INDENT_HELP = "yaml-bad-indent-help" ();
    code YAML_RESERVED_START = "yaml-reserved-start" ();
    code YAML_BRACKET_NOT_CLOSED = "yaml-bracket-not-closed" ();
    text YAML_BRACKET_NOT_CLOSED_HELP = "yaml-bracket-not-closed-help" ();
    code YAML_ANCHOR_START = "yaml-anchor-start" ();
    code YAML_SYNTAX = "yaml-syntax" (detail);
    text YAML_QUOTE_EXAMPLE_HELP = "yaml-quote-example-help" ();
    text YAML_CHECK_LINE_HELP = "yaml-check-line-help" ();
    text YAML_NOT_VALUE = "yaml-not-value" (value);
    code YAML_MUST_BE_LIST = "yaml-must-be-list" (key, not);
    text YAML_MUST_BE_LIST_HELP = "yaml-must-be-list-help" (key);
    code YAML_MUST_BE_BLOCK = "yaml-must-be-block" (key, not);
    text YAML_MUST_BE_BLOCK_HELP = "yaml-must-be-block-help" (key);
    text YAML_BOOL_HINT_TRUE = "yaml-bool-hint-true" ();
    text YAML_BOOL_HINT_FALSE = "yaml-bool-hint-false" ();
    code YAML_MUST_BE_BOOL = "yaml-must-be-bool" (key, not);
    text YAML_MUST_BE_BOOL_HELP = "yaml-must-be-bool-help" (key, hint);
    code YAML_MUST_BE_NUMBER = "yaml-must-be-number" (key, not);
    text YAML_MUST_BE_NUMBER_HELP = "yaml-must-be-number-help" (key);
    text YAML_BRACKET_TEXT_HELP = "yaml-bracket-text-help" ();
    text YAML_MUST_BE_TEXT_HELP = "yaml-must-be-text-help" (key);
    code YAML_MUST_BE_TEXT = "yaml-must-be-text" (key, not);
    code YAML_WRONG_KIND = "yaml-wrong-kind" (key, not, expected);
    text SEE_CONTENT_MODEL = "see-content-model" ();
    text YAML_BUDGET_DEPTH = "yaml-budget-depth" ();
    text YAML_BUDGET_ALIASES = "yaml-budget-aliases" ();
    text YAML_BUDGET_VALUES = "yaml-budget-values" ();
    text YAML_EXAMPLE_TITLE = "yaml-example-title" ();
    text YAML_EXAMPLE_QUESTION = "yaml-example-question" ();
    text YAML_EXAMPLE_KIND = "yaml-example-kind" ();
    text YAML_EXAMPLE_PLACE = "yaml-example-place" ();
    text YAML_EXAMPLE_BRAND = "yaml-example-brand" ();
    text YAML_EXAMPLE_PRIMARY = "yaml-example-primary" ();
    text YAML_EXAMPLE_CONTACT = "yaml-example-contact" ();
    text YAML_EXAMPLE_NAME = "yaml-example-name" ();
    text YAML_EXAMPLE_SHORT_NAME = "yaml-example-short-name" ();
    text YAML_EXAMPLE_SUMMARY = "yaml-example-summary" ();
    text YAML_EXAMPLE_THEMES = "yaml-example-themes" ();
    text YAML_EXAMPLE_LANGUAGES = "yaml-example-languages" ();
    text YAML_EXAMPLE_MEET = "yaml-example-meet" ();
    text YAML_EXAMPLE_CONSENT = "yaml-example-consent" ();
    text YAML_EXAMPLE_OTHER = "yaml-example-other" ();

    // Reading files, paths, dates (src/load, src/paths.rs)
    text PATH_EMPTY = "path-empty" ();
    text PATH_NOT_RELATIVE = "path-not-relative" (path);
    text PATH_OUTSIDE = "path-outside" (path);
    text PATH_WRONG_CAPITALS = "path-wrong-capitals" (real);
    text OUTPUT_IS_PROJECT = "output-is-project" ();
    text OUTPUT_INSIDE_INPUT = "output-inside-input" (input);
    code SOURCE_CANNOT_READ = "source-cannot-read" (error);
    text SOURCE_SAVE_AS_UTF8 = "source-save-as-utf8" ();
    code SOURCE_UTF16 = "source-utf16" ();
    text SOURCE_PROBABLY_ANSI = "source-probably-ansi" ();
    code SOURCE_NOT_UTF8 = "source-not-utf8" (offset, byte, guess);
    code DATE_NO_TIME_ZONE = "date-no-time-zone" (zone, error);
    code DATE_TODAY_NOT_DATE = "date-today-not-date" (var, value);
    text DATE_TODAY_NOT_DATE_HELP = "date-today-not-date-help" (var);
    code DATE_EPOCH_NOT_NUMBER = "date-epoch-not-number" (value);
    text DATE_EPOCH_NOT_NUMBER_HELP = "date-epoch-not-number-help" ();
    code KEY_EMPTY = "key-empty" (key);
    text KEY_EMPTY_HELP = "key-empty-help" (key);
    text SWV_NAME_EMPTY_HELP = "swv-name-empty-help" (key);
    text SWV_SHORT_NAME_EMPTY_HELP = "swv-short-name-empty-help" (key);
    text SCHOOL_NAME_EMPTY_HELP = "school-name-empty-help" (key);
    text SCHOOL_PLACE_EMPTY_HELP = "school-place-empty-help" (key);
    code CONFIG_NOT_URL = "config-not-url" (key, url);
    text CONFIG_NOT_URL_HELP = "config-not-url-help" ();
    code CONFIG_BAD_THEME = "config-bad-theme" (theme);
    text CONFIG_BAD_THEME_HELP = "config-bad-theme-help" ();
    code CONFIG_BAD_LANGUAGE = "config-bad-language" (language);
    text CONFIG_BAD_LANGUAGE_HELP = "config-bad-language-help" ();
    code CONFIG_OUTPUT_CLASH = "config-output-clash" (output);
    text CONFIG_OUTPUT_CLASH_HELP = "config-output-clash-help" ();
    code CONFIG_BAD_OUTPUT = "config-bad-output" (why);
    text CONFIG_BAD_OUTPUT_HELP = "config-bad-output-help" ();
    code CONFIG_BAD_HOST = "config-bad-host" (host);
    text CONFIG_BAD_HOST_HELP = "config-bad-host-help" (bare);
    code CONFIG_BAD_THEME_KEY = "config-bad-theme-key" (key);
    text CONFIG_BAD_THEME_KEY_HELP = "config-bad-theme-key-help" ();
    code CONFIG_BAD_EVALUATED = "config-bad-evaluated" (date);
    text CONFIG_BAD_EVALUATED_HELP = "config-bad-evaluated-help" ();
    code CONFIG_BAD_REPORT = "config-bad-report" (url);
    text CONFIG_BAD_REPORT_HELP = "config-bad-report-help" ();
    code CONTACT_NAME_EMPTY = "contact-name-empty" (prefix);
    text CONTACT_NAME_EMPTY_HELP = "contact-name-empty-help" ();
    code CONTACT_BAD_EMAIL = "contact-bad-email" (prefix, email);
    text CONTACT_BAD_EMAIL_HELP = "contact-bad-email-help" ();
    code CONTACT_BAD_PHONE = "contact-bad-phone" (prefix, phone);
    text CONTACT_BAD_PHONE_HELP = "contact-bad-phone-help" ();
    text COLOR_CURLY_QUOTES_HELP = "color-curly-quotes-help" ();
    text COLOR_NO_HASH_HELP = "color-no-hash-help" (hex);
    text COLOR_RGB_HELP = "color-rgb-help" ();
    text COLOR_HEX_HELP = "color-hex-help" ();
    code SCHOOL_NOT_COLOUR = "school-not-colour" (key, value);
    code SCHOOL_BAD_LOGO_PATH = "school-bad-logo-path" (why);
    text SCHOOL_BAD_LOGO_PATH_HELP = "school-bad-logo-path-help" (slug);
    code SCHOOL_BAD_BASE_URL = "school-bad-base-url" (url);
    text SCHOOL_BAD_BASE_URL_HELP = "school-bad-base-url-help" ();
    code SCHOOL_BAD_BUDDIES = "school-bad-buddies" (value);
    text SCHOOL_BAD_BUDDIES_HELP = "school-bad-buddies-help" ();
    code CONTENT_BAD_NAME = "content-bad-name" (name);
    text CONTENT_BAD_NAME_HELP = "content-bad-name-help" (better);
    code CONTENT_EMPTY_FILE = "content-empty-file" ();
    text CONTENT_EMPTY_FILE_HELP = "content-empty-file-help" ();
    code CONTENT_FRONT_NOT_CLOSED = "content-front-not-closed" ();
    text CONTENT_FRONT_NOT_CLOSED_HELP = "content-front-not-closed-help" ();
    code CONTENT_FIRST_LINE = "content-first-line" ();
    text CONTENT_FIRST_LINE_HELP = "content-first-line-help" ();
    code CONTENT_LONG_DASH = "content-long-dash" ();
    text CONTENT_LONG_DASH_HELP = "content-long-dash-help" ();
    code CONTENT_TOML = "content-toml" ();
    text CONTENT_TOML_HELP = "content-toml-help" ();
    code CONTENT_NO_FRONT = "content-no-front" ();
    text CONTENT_NO_FRONT_HELP = "content-no-front-help" ();
    code CONTENT_BAD_CONSENT_DATE = "content-bad-consent-date" (value);
    text CONTENT_BAD_CONSENT_DATE_HELP = "content-bad-consent-date-help" ();
    code CONTENT_BAD_PHOTO_PATH = "content-bad-photo-path" (why);
    text CONTENT_BAD_PHOTO_PATH_HELP = "content-bad-photo-path-help" ();
    code CONTENT_PHOTO_NO_ALT = "content-photo-no-alt" ();
    text CONTENT_PHOTO_NO_ALT_HELP = "content-photo-no-alt-help" ();
    code PROJECT_OUTSIDE_LINK = "project-outside-link" ();
    text PROJECT_OUTSIDE_LINK_HELP = "project-outside-link-help" ();
    code PROJECT_NO_CONFIG = "project-no-config" (root);
    text PROJECT_NO_CONFIG_HELP = "project-no-config-help" ();
    code PROJECT_BAD_LOGO_PATH = "project-bad-logo-path" (why);
    code PROJECT_LOGO_NOT_FOUND = "project-logo-not-found" (path);
    text PROJECT_LOGO_NOT_FOUND_HELP = "project-logo-not-found-help" ();
    code PROJECT_MISSING_FILE = "project-missing-file" ();
    text PROJECT_MISSING_FILE_HELP = "project-missing-file-help" ();
    code PROJECT_NO_SCHOOLS = "project-no-schools" ();
    text PROJECT_NO_SCHOOLS_HELP = "project-no-schools-help" ();
    text VOCAB_THEME = "vocab-theme" ();
    text VOCAB_LANGUAGE = "vocab-language" ();
    text VOCAB_MEET = "vocab-meet" ();
    text BUDDY_DID_YOU_MEAN_KNOWN = "buddy-did-you-mean-known" (suggestion, known);
    text BUDDY_USE_ONE_OF = "buddy-use-one-of" (known);
    code BUDDY_UNKNOWN_WORD = "buddy-unknown-word" (what, word);
    text BUDDY_DID_YOU_MEAN_ID = "buddy-did-you-mean-id" (suggestion, known);
    text BUDDY_ID_HELP = "buddy-id-help" (known);
    code BUDDY_NOT_FOUND = "buddy-not-found" (id);
    text CONSENT_TODAY = "consent-today" ();
    text CONSENT_TOMORROW = "consent-tomorrow" ();
    text CONSENT_IN_DAYS = "consent-in-days" (days);
    code CONSENT_ENDS_SOON = "consent-ends-soon" (name, date, when);
    text CONSENT_ENDS_SOON_HELP = "consent-ends-soon-help" ();
    text CONSENT_DELETE_FILE = "consent-delete-file" (file);
    text CONSENT_DELETE_AND_LISTS = "consent-delete-and-lists" (id, files);
    code CONSENT_ENDED = "consent-ended" (name, date);
    text CONSENT_ENDED_HELP = "consent-ended-help" (delete);
    code PROJECT_HIDDEN_EXTENSION = "project-hidden-extension" (name);
    text PROJECT_HIDDEN_EXTENSION_HELP = "project-hidden-extension-help" (meant);
    code PROJECT_SAME_ADDRESS = "project-same-address" (slug);
    text PROJECT_SAME_ADDRESS_HELP = "project-same-address-help" (first);
    code PROJECT_RESERVED_SLUG = "project-reserved-slug" (slug);
    text PROJECT_RESERVED_SLUG_HELP = "project-reserved-slug-help" (slug, reserved);
    code PROJECT_BAD_SLUG = "project-bad-slug" (slug);
    text PROJECT_BAD_SLUG_HELP = "project-bad-slug-help" (suggestion);
    code PROJECT_CANNOT_READ_FOLDER = "project-cannot-read-folder" (error);
    code PROJECT_LINK_NOT_FOLLOWED = "project-link-not-followed" ();
    code PROJECT_CANNOT_READ = "project-cannot-read" (error);
    code PROJECT_SCHOOL_LOGO_NOT_FOUND = "project-school-logo-not-found" (path);
    text PROJECT_SCHOOL_LOGO_HELP = "project-school-logo-help" (slug);
    code THEME_WALK_ERROR = "theme-walk-error" (error);
    code THEME_NOT_FOUND = "theme-not-found" (name);
    text THEME_NOT_FOUND_HELP = "theme-not-found-help" ();
    code THEME_NO_WORDS = "theme-no-words" (lang, path);
    text THEME_NO_WORDS_HELP = "theme-no-words-help" (name, path);
    code THEME_BAD_LABELS = "theme-bad-labels" (error);
    text THEME_BAD_LABELS_HELP = "theme-bad-labels-help" ();
    code PAIRS_BAD_MIN = "pairs-bad-min" (min);
    text PAIRS_BAD_MIN_HELP = "pairs-bad-min-help" ();
    code PAIRS_BAD_COLOUR = "pairs-bad-colour" (value);
    text PAIRS_BAD_COLOUR_HELP = "pairs-bad-colour-help" ();

    // The command line (src/main.rs, src/init.rs, src/live)
    text CLI_UNKNOWN_LANG = "cli-unknown-lang" (lang);
    text CLI_NO_ROOT = "cli-no-root" (root);
    text CLI_WATCHING = "cli-watching" (root);
    text CLI_SERVING_AT = "cli-serving-at" (dir, url);
    text CLI_SERVING_AT_MANY = "cli-serving-at-many" (dir);
    text CLI_BIND_PUBLIC = "cli-bind-public" (bind);
    text CLI_NO_PROBLEMS = "cli-no-problems" ();
    text CLI_INIT_DONE = "cli-init-done" (dir, count);
    text CLI_INIT_NEW_DONE = "cli-init-new-done" (dir, count, school);
    text CLI_ERROR = "cli-error" (message);
    text CLI_BUILD_FAILED_NOTHING = "cli-build-failed-nothing" ();
    text CLI_LEFT_AS_IT_WAS = "cli-left-as-it-was" ();
    text CLI_LEFT_MIXED = "cli-left-mixed" ();
    text CLI_LEFT_NEW = "cli-left-new" ();
    text CLI_BUILD_FAILED = "cli-build-failed" (dir, state);
    text CLI_BUILT = "cli-built" (report, dir);
    text CLI_REBUILT_EVERYTHING = "cli-rebuilt-everything" ();
    text CLI_REBUILT_SCHOOLS = "cli-rebuilt-schools" (schools);
    text CLI_REBUILT_CONTENT = "cli-rebuilt-content" (files);
    text CLI_REBUILT = "cli-rebuilt" (what, elapsed, written, removed);
    text CLI_STILL_SERVING = "cli-still-serving" ();
    text CLI_PREVIEW_MIXED = "cli-preview-mixed" ();
    text CLI_PREVIEW_NEW = "cli-preview-new" ();
    text CLI_REBUILD_FAILED = "cli-rebuild-failed" (what, state);
    text CLI_OPEN_IN_BROWSER = "cli-open-in-browser" (url);
    text REPORT_SUMMARY = "report-summary" (schools, pages, files, written, unchanged, removed, warnings, elapsed);
    text INIT_CANNOT_READ = "init-cannot-read" (dir, error);
    text INIT_NOT_EMPTY = "init-not-empty" (dir);
    text INIT_CANNOT_CREATE = "init-cannot-create" (dir, error);
    text INIT_CANNOT_WRITE = "init-cannot-write" (file, error);
    text SERVE_CANNOT_START = "serve-cannot-start" (error);
    text SERVE_CANNOT_LISTEN_HELP = "serve-cannot-listen-help" (bind, error);
    text SERVE_NO_ADDRESS = "serve-no-address" (bind);
    text SERVE_PORT_IN_USE = "serve-port-in-use" (port, next);
    text SERVE_CANNOT_LISTEN = "serve-cannot-listen" (addr, error);
    text WATCH_CANNOT_POLL = "watch-cannot-poll" (error);
    text WATCH_CANNOT_WATCH = "watch-cannot-watch" (path, error);
    text WATCH_PREFIX = "watch-prefix" (message);
    text OVERLAY_TITLE = "overlay-title" ();
    text OVERLAY_NOTE = "overlay-note" ();
    text WATCH_CANNOT_WATCH_FILES = "watch-cannot-watch-files" (error);

    // Checks on the rendered sites (src/check)
    text LEAK_HELP = "leak-help" ();
    code CHECK_404_TOP_LEVEL = "check-404-top-level" (slug);
    text CHECK_404_TOP_LEVEL_HELP = "check-404-top-level-help" ();
    code CHECK_UNKNOWN_PLACEHOLDER = "check-unknown-placeholder" (placeholder);
    text CHECK_UNKNOWN_PLACEHOLDER_HELP = "check-unknown-placeholder-help" (known);
    text CHECK_UNKNOWN_PLACEHOLDER_SUGGEST_HELP = "check-unknown-placeholder-suggest-help" (suggestion, known);
    code CHECK_CSS_OTHER_HOST = "check-css-other-host" (url, host);
    code CHECK_JS_OTHER_HOST = "check-js-other-host" (url, host);
    code CHECK_TEMPLATE_OTHER_HOST = "check-template-other-host" (url, host);
    code CHECK_PAGE_NO_TEXT = "check-page-no-text" ();
    text CHECK_PAGE_NO_TEXT_HELP = "check-page-no-text-help" ();
    text CHECK_PHOTO_CAPITALS_HELP = "check-photo-capitals-help" (name);
    text CHECK_PHOTO_PUT_HELP = "check-photo-put-help" (name, file);
    code CHECK_PHOTO_MISSING = "check-photo-missing" (photo);
    code CHECK_PLACEHOLDER_LEFT = "check-placeholder-left" (placeholder);
    text CHECK_PLACEHOLDER_LEFT_HELP = "check-placeholder-left-help" ();
    code CHECK_PAGE_OTHER_HOST = "check-page-other-host" (url, host);
    code CHECK_LINK_ROOTED = "check-link-rooted" (url);
    text CHECK_LINK_ROOTED_HELP = "check-link-rooted-help" ();
    code CHECK_LINK_OUTSIDE_SITE = "check-link-outside-site" (url);
    code CHECK_LINK_FOLDER = "check-link-folder" (url);
    text CHECK_LINK_FOLDER_HELP = "check-link-folder-help" ();
    code CHECK_IMAGE_MISSING = "check-image-missing" (url);
    text CHECK_IMAGE_MISSING_HELP = "check-image-missing-help" ();
    code CHECK_LINK_MISSING = "check-link-missing" (url);
    text CHECK_LINK_MISSING_HELP = "check-link-missing-help" ();
    text CHECK_LINK_BESIDE_MD_HELP = "check-link-beside-md-help" (fixed, folder);
    code CHECK_ANCHOR_MISSING = "check-anchor-missing" (url, fragment);
    text CHECK_ANCHOR_HOW = "check-anchor-how" ();
    text CHECK_ANCHOR_DID_YOU_MEAN = "check-anchor-did-you-mean" (suggestion, how);
    text CHECK_ANCHOR_NO_HEADINGS = "check-anchor-no-headings" (how);
    text CHECK_ANCHOR_LIST = "check-anchor-list" (anchors, how);
    code CHECK_LINK_OUTSIDE_CONTENT = "check-link-outside-content" (url);
    text CHECK_LINK_OUTSIDE_CONTENT_HELP = "check-link-outside-content-help" ();
    text CHECK_LINK_DID_YOU_MEAN = "check-link-did-you-mean" (suggestion);
    text CHECK_LINK_EXISTING_HELP = "check-link-existing-help" ();
    code CHECK_CONTENT_LINK_MISSING = "check-content-link-missing" (url, target);
    code CHECK_LINK_BUDDY_NOT_OFFERED = "check-link-buddy-not-offered" (url);
    text CHECK_LINK_BUDDY_NOT_OFFERED_HELP = "check-link-buddy-not-offered-help" (slug);
    code CONTRAST_THEME = "check-contrast-theme" (what, ratio, min);
    text CONTRAST_THEME_HELP = "check-contrast-theme-help" ();
    text CONTRAST_FAILING_PAIR = "check-contrast-failing-pair" (what, ratio, min);
    code CONTRAST_BRAND = "check-contrast-brand" (colour, key, pairs);
    text CONTRAST_SHADE_HELP = "check-contrast-shade-help" (shade);
    text CONTRAST_NO_SHADE_HELP = "check-contrast-no-shade-help" ();
    text PRIVACY_REASON = "privacy-reason" ();
    text PRIVACY_PHONE = "privacy-phone" ();
    text PRIVACY_EMAIL = "privacy-email" ();
    text PRIVACY_ADDRESS = "privacy-address" ();
    text PRIVACY_LINK = "privacy-link" ();
    code PRIVACY_CONTACT_IN_PROFILE = "privacy-contact-in-profile" (what, text);

    // Writing the output (src/output)
    code LOCK_NOT_FILE = "lock-not-file" ();
    text LOCK_NOT_FILE_HELP = "lock-not-file-help" ();
    code LOCK_CANNOT_LOCK = "lock-cannot-lock" (error);
    text LOCK_CANNOT_LOCK_HELP = "lock-cannot-lock-help" ();
    text NOTHING_CHANGED = "nothing-changed" ();
    code LOCK_BUSY = "lock-busy" (who);
    text LOCK_BUSY_HELP = "lock-busy-help" (seconds);
    text OUTPUT_SEPARATE_HELP = "output-separate-help" ();
    code OUTPUT_HOLDS_PROJECT = "output-holds-project" (dir);
    code OUTPUT_CLASH = "output-clash" (dir, why);
    code OUTPUT_HOLDS_LOGO = "output-holds-logo" (dir, logo);
    text OUTPUT_HOLDS_LOGO_HELP = "output-holds-logo-help" ();
    text DID_YOU_MEAN = "did-you-mean" (suggestion);
    text SCHOOL_SLUG_HELP = "school-slug-help" ();
    code BUILD_NO_SUCH_SCHOOL = "build-no-such-school" (slug);
    text STAGING_OVERVIEW = "staging-overview" ();
    text STAGING_FILES_OF = "staging-files-of" (prefix);
    code STAGING_CANNOT_PREPARE = "staging-cannot-prepare" (what, error);
    text STAGING_CANNOT_PREPARE_HELP = "staging-cannot-prepare-help" ();
    text WRITE_UPDATED = "write-updated" (updated, total);
    text WRITE_REMOVED = "write-removed" (count);
    text WRITE_AND = "write-and" (first, second);
    code WRITE_NEW_SITE = "write-new-site" (path, cause);
    code WRITE_NOTHING_CHANGED = "write-nothing-changed" (path, cause);
    code WRITE_MIXED = "write-mixed" (path, cause, done);
    text WRITE_FAILED_HELP = "write-failed-help" ();
    text WRITE_FAILED_MANIFEST_HELP = "write-failed-manifest-help" (manifest, error);
    code WRITER_OUTPUT_IS_FILE = "writer-output-is-file" ();
    text WRITER_OUTPUT_IS_FILE_HELP = "writer-output-is-file-help" ();
    code WRITER_CANNOT_CREATE = "writer-cannot-create" (error);
    code WRITER_CANNOT_CLEAR_STAGING = "writer-cannot-clear-staging" (staging, error);
    code WRITER_CANNOT_READ = "writer-cannot-read" (error);
    code WRITER_FOREIGN_FILES = "writer-foreign-files" ();
    text WRITER_FOREIGN_FILES_HELP = "writer-foreign-files-help" ();
    code WRITER_TWICE = "writer-twice" ();
    text WRITER_TWICE_HELP = "writer-twice-help" ();
    code WRITER_FILE_FOR_FOLDER = "writer-file-for-folder" ();
    text REMOVE_AND_BUILD_AGAIN = "remove-and-build-again" ();
    code WRITER_FOREIGN_FOLDER = "writer-foreign-folder" ();
    text WRITER_FOREIGN_FOLDER_HELP = "writer-foreign-folder-help" ();
    code WRITER_CANNOT_READ_PLACE = "writer-cannot-read-place" (error);
    text WRITER_FOLDER_PERMISSIONS = "writer-folder-permissions" ();
    text WRITER_FILE_PERMISSIONS = "writer-file-permissions" ();
    code WRITER_FOREIGN_FILE = "writer-foreign-file" ();
    text WRITER_FOREIGN_FILE_HELP = "writer-foreign-file-help" ();
    code WRITER_NOT_PLAIN_FILE = "writer-not-plain-file" ();
    code MANIFEST_LINK = "manifest-link" ();
    text MANIFEST_LINK_HELP = "manifest-link-help" ();
    code MANIFEST_CANNOT_READ = "manifest-cannot-read" (error);
    code MANIFEST_BAD_LINE = "manifest-bad-line" (line, why);
    text MANIFEST_BAD_LINE_HELP = "manifest-bad-line-help" ();

    // The site plan (src/plan)
    code PLAN_HTML_NOT_PUBLISHED = "plan-html-not-published" ();
    text PLAN_HTML_NOT_PUBLISHED_HELP = "plan-html-not-published-help" (md);
    code PLAN_UNUSED_FILE = "plan-unused-file" ();
    text PLAN_UNUSED_FILE_HELP = "plan-unused-file-help" ();
    code PLAN_PATH_COLLISION = "plan-path-collision" (path, first, second);
    text PLAN_COLLISION_GENERATED_HELP = "plan-collision-generated-help" (path, theirs, mine);
    text PLAN_COLLISION_HELP = "plan-collision-help" (path, first, second);
    code WRITER_LINK = "writer-link" ();
    text WRITER_LINK_HELP = "writer-link-help" ();

    // The parent letter on paper (src/render/letter, src/output/letters.rs)
    code LETTER_BAD_SCHOOL_DATE = "letter-bad-school-date" (value);
    text LETTER_BAD_SCHOOL_DATE_HELP = "letter-bad-school-date-help" ();
    code LETTER_BAD_DATE = "letter-bad-date" (value);
    text LETTER_BAD_DATE_HELP = "letter-bad-date-help" ();
    code LETTER_NO_BASE_URL = "letter-no-base-url" ();
    text LETTER_NO_BASE_URL_HELP = "letter-no-base-url-help" ();
    code LETTER_TYPESET_FAILED = "letter-typeset-failed" (school, lang, why);
    text LETTER_TYPESET_FAILED_HELP = "letter-typeset-failed-help" ();
    code LETTER_NOT_UA = "letter-not-ua" (school, lang, why);
    text LETTER_NOT_UA_HELP = "letter-not-ua-help" ();
    code LETTER_TOO_LONG = "letter-too-long" (school, lang, pages);
    text LETTER_TOO_LONG_HELP = "letter-too-long-help" ();
    code LETTER_PDF_NOT_BUILT = "letter-pdf-not-built" ();
    text LETTER_PDF_NOT_BUILT_HELP = "letter-pdf-not-built-help" ();
}
