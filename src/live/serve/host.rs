//! Which names the preview answers to, and which addresses it tells the editor to open.
//!
//! A web page on any site can make the browser send requests to `127.0.0.1:4848` under its
//! own domain name (DNS rebinding) and read the answers. The browser always sends the name
//! it used in the `Host` header, so the server answers only to its own names: `localhost`
//! and other loopback names, the address it is bound to, the name given with `--bind`, and
//! with a wildcard bind the machine's own name. An IP address in `Host` can never be a
//! rebinding attack (that needs a name the attacker controls).

use std::net::{IpAddr, SocketAddr};

/// The `Host` values this server answers to.
#[derive(Debug, Clone)]
pub struct AllowedHosts {
    bound: IpAddr,
    /// Lower-case names without a trailing dot.
    names: Vec<String>,
}

impl AllowedHosts {
    /// The names for a server bound to `addr` after `--bind bind`.
    pub fn new(bind: &str, addr: SocketAddr) -> Self {
        let mut names = vec!["localhost".to_owned()];
        let bind = normalise(bind);
        if bind.parse::<IpAddr>().is_err() && !bind.is_empty() {
            names.push(bind);
        }
        if addr.ip().is_unspecified() {
            if let Some(host) = hostname() {
                if !host.contains('.') {
                    names.push(format!("{host}.local"));
                }
                names.push(host);
            }
        }
        AllowedHosts {
            bound: addr.ip(),
            names,
        }
    }

    /// Whether a request with this `Host` header (name or address, optional port) is for
    /// this server.
    pub fn allows(&self, host: &str) -> bool {
        let name = normalise(strip_port(host));
        if let Ok(ip) = name.parse::<IpAddr>() {
            return ip.is_loopback() || ip == self.bound || self.bound.is_unspecified();
        }
        name.ends_with(".localhost") || self.names.contains(&name)
    }
}

/// `Host: [::1]:4848` → `[::1]`, `Host: localhost:4848` → `localhost`.
fn strip_port(host: &str) -> &str {
    if let Some(end) = host.find(']') {
        return &host[..=end];
    }
    match host.rsplit_once(':') {
        Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => host,
    }
}

/// Lower case, no brackets around an IPv6 address, no trailing dot.
fn normalise(host: &str) -> String {
    let host = host.trim();
    let host = host
        .strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .unwrap_or(host);
    host.trim_end_matches('.').to_ascii_lowercase()
}

/// This computer's name, as other computers on the network may know it.
fn hostname() -> Option<String> {
    let name = normalise(&system_hostname()?);
    let valid = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.');
    valid.then_some(name)
}

#[cfg(unix)]
fn system_hostname() -> Option<String> {
    let mut buf = [0u8; 256];
    // SAFETY: gethostname writes at most `buf.len()` bytes into the buffer passed to it.
    let rc = unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) };
    if rc != 0 {
        return None;
    }
    let end = buf.iter().position(|&b| b == 0)?;
    String::from_utf8(buf[..end].to_vec()).ok()
}

#[cfg(not(unix))]
fn system_hostname() -> Option<String> {
    std::env::var("COMPUTERNAME").ok()
}

/// Whether other computers can reach a server bound to `addr`.
pub fn is_public(addr: SocketAddr) -> bool {
    !addr.ip().is_loopback()
}

/// The addresses to open, best first. For a wildcard bind (`0.0.0.0`, `::`) that is
/// loopback for this computer, then the machine's own addresses and name for the others;
/// `http://0.0.0.0:4848/` itself works nowhere.
pub fn urls(bind: &str, addr: SocketAddr) -> Vec<String> {
    let port = addr.port();
    let url = |host: &str| format!("http://{host}:{port}/");
    if !addr.ip().is_unspecified() {
        let bind = normalise(bind);
        let named = bind.parse::<IpAddr>().is_err() && !bind.is_empty() && bind != "localhost";
        let mut list = vec![format!("http://{addr}/")];
        if named {
            list.insert(0, url(&bind));
        }
        return list;
    }
    let v6 = addr.is_ipv6();
    let mut list = vec![if v6 { url("[::1]") } else { url("127.0.0.1") }];
    list.push(url("localhost"));
    let mut own: Vec<IpAddr> = if_addrs::get_if_addrs()
        .unwrap_or_default()
        .iter()
        .filter(|i| !i.is_loopback() && !i.is_link_local() && i.is_oper_up())
        .map(if_addrs::Interface::ip)
        .filter(|ip| ip.is_ipv6() == v6)
        .collect();
    own.sort();
    own.dedup();
    list.extend(
        own.into_iter()
            .map(|ip| format!("http://{}/", SocketAddr::new(ip, port))),
    );
    if let Some(host) = hostname() {
        list.push(url(&host));
    }
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hosts(bind: &str, addr: &str) -> AllowedHosts {
        AllowedHosts::new(bind, addr.parse().expect("address"))
    }

    #[test]
    fn loopback_answers_only_to_loopback_names() {
        let h = hosts("127.0.0.1", "127.0.0.1:4848");
        for ok in [
            "localhost",
            "localhost:4848",
            "LOCALHOST.",
            "127.0.0.1:4848",
            "127.1.2.3",
            "[::1]:4848",
            "de-brucke.localhost:4848",
        ] {
            assert!(h.allows(ok), "{ok}");
        }
        for evil in [
            "evil.example",
            "evil.example:4848",
            "localhost.evil.example",
            "192.168.1.10:4848",
            "",
            "[::1",
        ] {
            assert!(!h.allows(evil), "{evil}");
        }
    }

    #[test]
    fn a_bind_name_and_a_wildcard_widen_it_as_far_as_needed() {
        let named = hosts("laptop.lan", "192.168.1.10:4848");
        assert!(named.allows("laptop.lan:4848"));
        assert!(named.allows("192.168.1.10:4848"));
        assert!(!named.allows("192.168.1.11:4848"));
        assert!(!named.allows("evil.example"));
        let any = hosts("0.0.0.0", "0.0.0.0:4848");
        assert!(any.allows("10.1.2.3:4848"));
        assert!(!any.allows("evil.example:4848"));
    }

    #[test]
    fn a_wildcard_bind_prints_no_wildcard_address() {
        let list = urls("0.0.0.0", "0.0.0.0:4848".parse().expect("address"));
        assert_eq!(list[0], "http://127.0.0.1:4848/");
        assert!(list.iter().all(|u| !u.contains("0.0.0.0")), "{list:?}");
        let list = urls("127.0.0.1", "127.0.0.1:4848".parse().expect("address"));
        assert_eq!(list, ["http://127.0.0.1:4848/"]);
    }
}
