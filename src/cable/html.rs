//! Saved cable web pages: the cable text lives in `<pre>` blocks (2010
//! Cablegate viewer, `PlusD`); the 2010 viewer also has a metadata table
//! (`<table class='cable'>`) that we keep apart from what the text says.
//!
//! This is not a general HTML parser. It finds a few known shapes, strips
//! tags, and decodes character references. Nothing here ever executes or
//! renders markup: the output is plain text.

use super::model::PageMeta;

/// Whether the input looks like an HTML page rather than cable text.
///
/// A cable never starts with `<`, while saved pages start with a doctype, an
/// XML declaration or a tag (possibly after a BOM and white space).
pub fn looks_like_html(input: &str) -> bool {
    let head = input.trim_start_matches(super::lines::is_space);
    if !head.starts_with('<') {
        return false;
    }
    let probe = &head[..floor_char_boundary(head, 4096)];
    let lower = probe.to_ascii_lowercase();
    ["<!doctype", "<?xml", "<html", "<head", "<body", "<pre", "<div", "<table", "<meta", "<p>", "<p "]
        .iter()
        .any(|tag| lower.contains(tag))
}

/// The cable text of a page: the `<pre>` blocks joined by blank lines, or the
/// page's text when it has no `<pre>`.
pub fn extract_text(page: &str) -> String {
    let lower = page.to_ascii_lowercase();
    let mut blocks = Vec::new();
    let mut from = 0;
    while let Some(open) = lower[from..].find("<pre").map(|i| i + from) {
        let Some(body_start) = lower[open..].find('>').map(|i| open + i + 1) else { break };
        let body_end = lower[body_start..].find("</pre").map_or(page.len(), |i| body_start + i);
        blocks.push(text_of(&page[body_start..body_end]));
        from = body_end;
    }
    if blocks.is_empty() {
        // No <pre>: take the body's text, skipping scripts and styles entirely.
        let start = lower.find("<body").unwrap_or(0);
        return text_of(&page[start..]);
    }
    blocks.join("\n\n")
}

/// The 2010 viewer's `<table class='cable'>`: header cells name the columns.
pub fn page_meta(page: &str) -> Option<PageMeta> {
    let lower = page.to_ascii_lowercase();
    let start = lower.find("<table class='cable'").or_else(|| lower.find("<table class=\"cable\""))?;
    let end = lower[start..].find("</table").map_or(page.len(), |i| start + i);
    let table = &page[start..end];
    let lower_table = &lower[start..end];
    let headers = cells(table, lower_table, "<th");
    let values = cells(table, lower_table, "<td");
    let mut meta = PageMeta::default();
    for (header, value) in headers.iter().zip(values) {
        let value = (!value.is_empty()).then_some(value);
        match header.to_ascii_lowercase().as_str() {
            "reference id" => meta.id = value,
            "created" => meta.created = value,
            "released" => meta.released = value,
            "classification" => meta.classification = value,
            "origin" => meta.origin = value,
            _ => {}
        }
    }
    Some(meta)
}

fn cells(table: &str, lower: &str, tag: &str) -> Vec<String> {
    let close = format!("</{}", &tag[1..]);
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = lower[from..].find(tag).map(|i| i + from) {
        let Some(body) = lower[open..].find('>').map(|i| open + i + 1) else { break };
        let end = lower[body..].find(&close).map_or(table.len(), |i| body + i);
        out.push(super::lines::collapse_ws(&text_of(&table[body..end])));
        from = end;
    }
    out
}

/// Strips tags (turning `<br>` and block ends into line breaks), drops
/// `<script>`/`<style>` contents, and decodes character references.
fn text_of(markup: &str) -> String {
    let mut out = String::with_capacity(markup.len());
    let mut rest = markup;
    while let Some(lt) = rest.find('<') {
        decode_into(&rest[..lt], &mut out);
        let tag_area = &rest[lt..];
        let Some(gt) = tag_area.find('>') else {
            // A lone `<` is text, not a tag.
            decode_into(tag_area, &mut out);
            return out;
        };
        let tag = tag_area[1..gt].trim_start_matches('/').to_ascii_lowercase();
        let name: String = tag.chars().take_while(char::is_ascii_alphanumeric).collect();
        rest = &tag_area[gt + 1..];
        match name.as_str() {
            "br" | "p" | "div" | "tr" | "li" | "h1" | "h2" | "h3" | "table" => out.push('\n'),
            "script" | "style" if !tag_area.starts_with("</") => {
                let closing = format!("</{name}");
                let lower = rest.to_ascii_lowercase();
                rest = lower.find(&closing).map_or("", |i| &rest[i..]);
            }
            _ => {}
        }
    }
    decode_into(rest, &mut out);
    out
}

/// `text` with its character references decoded (see [`decode_into`]).
pub fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    decode_into(text, &mut out);
    out
}

/// Decodes `&amp;`, `&#x000A;`, `&#39;` and the few named references cable
/// pages use; an unknown or malformed reference is kept as written.
fn decode_into(text: &str, out: &mut String) {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let semi = after.find(';').filter(|&i| i <= 12);
        let decoded = semi.and_then(|i| decode_reference(&after[..i]));
        if let (Some(i), Some(c)) = (semi, decoded) {
            out.push(c);
            rest = &after[i + 1..];
        } else {
            out.push('&');
            rest = after;
        }
    }
    out.push_str(rest);
}

fn decode_reference(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        // NUL and surrogates are not characters; keep the reference as text.
        return char::from_u32(code).filter(|&c| c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "para" => '¶',
        "sect" => '§',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "hellip" => '…',
        _ => return None,
    })
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extracts_pre_blocks_and_decodes() {
        let page =
            "<html><body><pre>A &amp; B&#x000A;<a href='#x'>¶</a>1. x &lt;y&gt;</pre><pre>two</pre></body></html>";
        assert!(looks_like_html(page));
        assert_eq!(extract_text(page), "A & B\n¶1. x <y>\n\ntwo");
    }

    #[test]
    fn keeps_malformed_references_and_lone_brackets() {
        let page = "<pre>a &bogus; b &#xD800; c &#0; 1 < 2</pre>";
        assert_eq!(extract_text(page), "a &bogus; b &#xD800; c &#0; 1 < 2");
    }

    #[test]
    fn drops_scripts_without_pre() {
        let page = "<html><body><script>alert(1)</script><p>text</p></body></html>";
        assert_eq!(extract_text(page).trim(), "text");
    }

    #[test]
    fn cable_text_is_not_html() {
        assert!(!looks_like_html("VZCZCXYZ0001\nOO RUEHWEB"));
        assert!(!looks_like_html("<<< not a page"));
    }
}
