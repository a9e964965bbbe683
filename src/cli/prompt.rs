//! Asking for values: on a terminal one question per line (Enter takes the suggestion in
//! brackets), otherwise from flags only, naming every required flag that is missing at once.
//!
//! Plain lines on standard input instead of a prompt library: the questions are few, and
//! plain lines work the same in Windows Terminal, VS Code's terminal and an old `cmd.exe`.

use std::io::{BufRead, Write};

/// Checks an answer; `Err` says what is wrong, in one sentence with advice.
pub type Validate<'v> = &'v dyn Fn(&str) -> Result<(), String>;

/// Where answers come from.
pub struct Asker<'io> {
    io: Option<(&'io mut dyn BufRead, &'io mut dyn Write)>,
    /// Required flags that were not given (non-interactive), as `--flag (what)`.
    pub missing: Vec<String>,
    /// Flags given with a value that is not valid, with why.
    pub invalid: Vec<String>,
    ended: bool,
}

impl<'io> Asker<'io> {
    /// Asks on `input`/`output` (a terminal).
    pub fn interactive(input: &'io mut dyn BufRead, output: &'io mut dyn Write) -> Self {
        Asker {
            io: Some((input, output)),
            missing: Vec::new(),
            invalid: Vec::new(),
            ended: false,
        }
    }

    /// Takes flags only.
    pub fn flags_only() -> Self {
        Asker {
            io: None,
            missing: Vec::new(),
            invalid: Vec::new(),
            ended: false,
        }
    }

    /// Runs `f` with questions on this terminal when standard input is one, and with flags
    /// only otherwise (`init` and `new` both ask this way).
    pub fn on_stdin<T>(f: impl FnOnce(&mut Asker<'_>) -> T) -> T {
        use std::io::IsTerminal;
        let stdin = std::io::stdin();
        if stdin.is_terminal() {
            let mut input = stdin.lock();
            let mut output = std::io::stdout();
            f(&mut Asker::interactive(&mut input, &mut output))
        } else {
            f(&mut Asker::flags_only())
        }
    }

    /// True when questions are asked.
    pub fn is_interactive(&self) -> bool {
        self.io.is_some()
    }

    /// Prints a line to the person answering (nothing when not interactive).
    pub fn say(&mut self, text: &str) {
        if let Some((_, output)) = &mut self.io {
            let _ = writeln!(output, "{text}");
        }
    }

    /// One value: the flag's when given (and valid), else the answer to `question`, else
    /// `default`. An empty optional answer is `None`. Problems are collected in `missing` and
    /// `invalid`.
    pub fn ask(
        &mut self,
        flag: &str,
        question: &str,
        given: Option<String>,
        default: Option<String>,
        required: bool,
        validate: Validate<'_>,
    ) -> Option<String> {
        if let Some(value) = given {
            match validate(value.trim()) {
                Ok(()) => return Some(value.trim().to_owned()),
                Err(why) if !self.is_interactive() => {
                    self.invalid.push(format!("--{flag}: {why}"));
                    return None;
                }
                Err(why) => self.say(&format!("  {why}")),
            }
        }
        let ended = self.ended;
        let answer = match self.io.as_mut() {
            Some((input, output)) if !ended => read_answer(
                &mut **input,
                &mut **output,
                question,
                &default,
                required,
                validate,
            ),
            _ => None,
        };
        match answer {
            Some(Answer::Value(v)) => Some(v),
            Some(Answer::Empty) => default,
            Some(Answer::Ended) | None => {
                self.ended |= answer.is_some();
                if required && default.is_none() {
                    self.missing.push(format!("--{flag} ({question})"));
                }
                default
            }
        }
    }

    /// The usage error for what is missing or invalid, if anything is.
    pub fn problems(&self) -> Option<String> {
        if self.missing.is_empty() && self.invalid.is_empty() {
            return None;
        }
        let mut text = String::new();
        if !self.missing.is_empty() {
            text.push_str("these values are needed; give them as flags (or run this in a terminal to be asked):\n");
            for m in &self.missing {
                text.push_str(&format!("  {m}\n"));
            }
        }
        if !self.invalid.is_empty() {
            text.push_str("these values cannot be used:\n");
            for m in &self.invalid {
                text.push_str(&format!("  {m}\n"));
            }
        }
        Some(text.trim_end().to_owned())
    }
}

/// What one question got.
enum Answer {
    /// A valid answer.
    Value(String),
    /// Enter on an optional question, or on one with a suggestion.
    Empty,
    /// The input ended (Ctrl+D, Ctrl+Z): no more questions.
    Ended,
}

fn read_answer(
    input: &mut dyn BufRead,
    output: &mut dyn Write,
    question: &str,
    default: &Option<String>,
    required: bool,
    validate: Validate<'_>,
) -> Option<Answer> {
    loop {
        let hint = match (default, required) {
            (Some(d), _) => format!(" [{d}]"),
            (None, false) => " (Enter to skip)".to_owned(),
            (None, true) => String::new(),
        };
        let _ = write!(output, "{question}{hint}: ");
        let _ = output.flush();
        let mut line = String::new();
        if matches!(input.read_line(&mut line), Ok(0) | Err(_)) {
            let _ = writeln!(output);
            return Some(Answer::Ended);
        }
        let answer = line.trim();
        if answer.is_empty() {
            if default.is_some() || !required {
                return Some(Answer::Empty);
            }
            let _ = writeln!(output, "  this one is needed");
            continue;
        }
        match validate(answer) {
            Ok(()) => return Some(Answer::Value(answer.to_owned())),
            Err(why) => {
                let _ = writeln!(output, "  {why}");
            }
        }
    }
}

/// Accepts anything.
pub fn any(_: &str) -> Result<(), String> {
    Ok(())
}

/// An e-mail address, as `check` accepts it.
pub fn email(s: &str) -> Result<(), String> {
    if crate::load::config::is_email(s) {
        Ok(())
    } else {
        Err(format!(
            "`{s}` is not an e-mail address; write one address like `naam@school.nl`"
        ))
    }
}

/// A phone number, as `check` accepts it.
pub fn phone(s: &str) -> Result<(), String> {
    if crate::load::config::is_phone(s) {
        Ok(())
    } else {
        Err(format!(
            "`{s}` is not a phone number; write only the number, e.g. `0344 00 00 00`"
        ))
    }
}

/// A full web address.
pub fn url(s: &str) -> Result<(), String> {
    if crate::load::config::is_http_url(s) {
        Ok(())
    } else {
        Err(format!(
            "`{s}` is not a full web address; write it with https:// in front"
        ))
    }
}

/// A school kind.
pub fn kind(s: &str) -> Result<(), String> {
    if ["basisschool", "sbo", "so", "vo", "vso"].contains(&s) {
        Ok(())
    } else {
        Err(format!(
            "`{s}` is not a kind of school; write basisschool, sbo, so, vo or vso"
        ))
    }
}

/// A date `YYYY-MM-DD`.
pub fn date(s: &str) -> Result<(), String> {
    match crate::load::date::parse(s) {
        Some(_) => Ok(()),
        None => Err(format!(
            "`{s}` is not a date; write it as YYYY-MM-DD, e.g. 2027-07-31"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enter_takes_the_suggestion_and_bad_answers_are_asked_again() {
        let mut input: &[u8] = b"\nnot-a-mail\nib@school.nl\n";
        let mut output = Vec::new();
        let mut asker = Asker::interactive(&mut input, &mut output);
        let slug = asker.ask("slug", "Slug", None, Some("de-eik".into()), true, &any);
        let mail = asker.ask("email", "E-mail", None, None, false, &email);
        assert_eq!(slug.as_deref(), Some("de-eik"));
        assert_eq!(mail.as_deref(), Some("ib@school.nl"));
        let shown = String::from_utf8_lossy(&output).into_owned();
        assert!(shown.contains("Slug [de-eik]: "), "{shown}");
        assert!(shown.contains("is not an e-mail address"), "{shown}");
    }

    #[test]
    fn without_a_terminal_every_missing_flag_is_named() {
        let mut asker = Asker::flags_only();
        asker.ask("swv-name", "name of the SWV", None, None, true, &any);
        asker.ask(
            "contact-email",
            "e-mail",
            Some("x".into()),
            None,
            false,
            &email,
        );
        asker.ask(
            "school-kind",
            "kind",
            None,
            Some("basisschool".into()),
            true,
            &kind,
        );
        let text = asker.problems().unwrap_or_default();
        assert!(text.contains("--swv-name (name of the SWV)"), "{text}");
        assert!(
            text.contains("--contact-email: `x` is not an e-mail address"),
            "{text}"
        );
        assert!(!text.contains("school-kind"), "{text}");
    }
}
