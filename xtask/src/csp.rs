//! Trunk post-build step: a strict Content-Security-Policy for the built page, as a meta tag.
//! Only the app's own origin may be reached; the page's inline scripts (Trunk's Wasm loader and
//! `boot.js`) and styles are allowed by their hashes, Wasm compilation by 'wasm-unsafe-eval',
//! nothing more.

use std::path::Path;

use base64::Engine as _;
use sha2::{Digest, Sha256};

/// The policy, with `{scripts}` and `{styles}` replaced by the hashes of the page's inline
/// scripts and styles. `frame-src
/// 'self'` is for the embed page's preview; `frame-ancestors` cannot be set by a meta tag (see
/// the README for the server header).
const POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {scripts}; style-src 'self' {styles}; \
img-src 'self' data:; font-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'; \
frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

fn base64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// The text of every `<tag>` element without a `src` (a `<script>` or `<style>` written in the page).
/// A tag inside a comment or a script's text would add a hash too: harmless, the policy only
/// allows a little more of what the page itself holds.
fn inline<'h>(html: &'h str, tag: &str) -> Vec<&'h str> {
    let (open, close) = (format!("<{tag}"), format!("</{tag}>"));
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find(&open) {
        let after = &rest[start..];
        let Some(open_end) = after.find('>') else {
            break;
        };
        let attributes = &after[..open_end];
        let body_start = open_end + 1;
        let Some(end) = after[body_start..].find(&close) else {
            break;
        };
        if !attributes.contains("src=") {
            out.push(&after[body_start..body_start + end]);
        }
        rest = &after[body_start + end..];
    }
    out
}

/// The browser hashes an element's text after its parser turned every CR LF and lone CR into LF,
/// so a file checked out with Windows line endings must be hashed the same way.
fn hashes(html: &str, tag: &str) -> String {
    inline(html, tag)
        .iter()
        .map(|s| s.replace("\r\n", "\n").replace('\r', "\n"))
        .map(|s| format!("'sha256-{}'", base64(&Sha256::digest(s.as_bytes()))))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Writes the policy into `index.html` in `dir`; returns it.
pub fn write(dir: &Path) -> Result<String, String> {
    let path = dir.join("index.html");
    let html = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    if html.contains("Content-Security-Policy") {
        return Err(format!(
            "{}: already has a Content-Security-Policy",
            path.display()
        ));
    }
    let policy = POLICY
        .replace("{scripts}", &hashes(&html, "script"))
        .replace("{styles}", &hashes(&html, "style"));
    let meta = format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\" />");
    let anchor = "<meta charset=\"utf-8\" />";
    if !html.contains(anchor) {
        return Err(format!(
            "{}: no {anchor} to put the policy after",
            path.display()
        ));
    }
    std::fs::write(
        &path,
        html.replacen(anchor, &format!("{anchor}\n    {meta}"), 1),
    )
    .map_err(|e| e.to_string())?;
    Ok(policy)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        // sha256("") in base64, as browsers expect in CSP hashes.
        assert_eq!(
            base64(&Sha256::digest(b"")),
            "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="
        );
    }

    #[test]
    fn hashes_inline_scripts_and_styles_only() {
        let html = "<script src=\"a.js\"></script><script type=\"module\">\nrun();\n</script><style>p{}</style>";
        assert_eq!(inline(html, "script"), ["\nrun();\n"]);
        assert_eq!(inline(html, "style"), ["p{}"]);
        assert_eq!(
            hashes(html, "style"),
            format!("'sha256-{}'", base64(&Sha256::digest(b"p{}")))
        );
    }

    #[test]
    fn windows_line_endings_hash_as_the_browser_reads_them() {
        assert_eq!(
            hashes("<style>p{}\r\nq{}\r</style>", "style"),
            hashes("<style>p{}\nq{}\n</style>", "style")
        );
    }
}
