//! What an address means to a browser: whether it leaves the site, and whether it is fetched.

/// The host of a URL that goes to another site (`https://`, `http://`, protocol-relative
/// `//`, `ws:`, `ftp:`), read as browsers read it; `None` for relative addresses and for
/// schemes without a host (`mailto:`, `tel:`, `data:`).
pub fn host(url: &str) -> Option<String> {
    // Most addresses on a page are relative (`../brief/index.html`): without a scheme and
    // not starting with a slash, they cannot name a host, and need no parsing.
    let start = url.trim_start_matches(|c: char| c <= ' ');
    if !start.starts_with(['/', '\\']) && !url.contains(['\t', '\n', '\r']) {
        let (scheme, _) = start.split_once(':')?;
        // `mailto:`, `tel:`, `data:`: a scheme that has no host.
        if !["http", "https", "ws", "wss", "ftp"]
            .iter()
            .any(|s| s.eq_ignore_ascii_case(scheme))
        {
            return None;
        }
    }
    let parsed = match url::Url::parse(url) {
        Ok(u) => u,
        Err(url::ParseError::RelativeUrlWithoutBase) => {
            let t = url.trim_matches(|c: char| c <= ' ');
            let t: String = t
                .chars()
                .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
                .collect();
            if !(t.starts_with("//")
                || t.starts_with("\\\\")
                || t.starts_with("/\\")
                || t.starts_with("\\/"))
            {
                return None;
            }
            url::Url::parse(&format!("https:{t}")).ok()?
        }
        Err(_) => return None,
    };
    if !matches!(parsed.scheme(), "http" | "https" | "ws" | "wss" | "ftp") {
        return None;
    }
    parsed
        .host_str()
        .filter(|h| !h.is_empty())
        .map(str::to_owned)
}

/// True for `mailto:x`, `tel:1`, `data:…`: a scheme before any `/`, `?` or `#`.
pub fn has_scheme(url: &str) -> bool {
    let first = url.split(['/', '?', '#']).next().unwrap_or("");
    first.split_once(':').is_some_and(|(scheme, _)| {
        !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}

/// Whether a URL attribute makes the browser fetch something (rather than a link to click
/// or a form to send). `<base href>` counts: it moves every relative address of the page.
pub fn is_resource(tag: &str, attr: &str) -> bool {
    let link = attr == "href" && matches!(tag, "a" | "area");
    let form = matches!(attr, "action" | "formaction");
    !link && !form && attr != "cite" && attr != "longdesc"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts() {
        assert_eq!(
            host("https://fonts.example.com/x.css").as_deref(),
            Some("fonts.example.com")
        );
        assert_eq!(host("//cdn.example/x").as_deref(), Some("cdn.example"));
        assert_eq!(
            host(" HTTPS:\\\\evil.example\\x").as_deref(),
            Some("evil.example")
        );
        assert_eq!(host("\\\\evil.example/x").as_deref(), Some("evil.example"));
        assert_eq!(
            host("ht\ttps://evil.example/").as_deref(),
            Some("evil.example")
        );
        assert_eq!(
            host("https://user@EVIL.example:8080/").as_deref(),
            Some("evil.example")
        );
        assert_eq!(host("x.html"), None);
        assert_eq!(host("../a/b.png"), None);
        assert_eq!(host("mailto:a@b.nl"), None);
        assert_eq!(host("data:text/css,x"), None);
    }
}
