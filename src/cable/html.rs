//! Saved cable web pages: the cable text lives in `<pre>` blocks (2010
//! Cablegate viewer, `PlusD`); the 2010 viewer also has a metadata table
//! (`<table class='cable'>`) that we keep apart from what the text says.
//!
//! This is not a general HTML parser. It finds a few known shapes, strips
//! tags, and decodes character references. Nothing here ever executes or
//! renders markup: the output is plain text.

use super::model::PageMeta;

/// Where `needle` first occurs in `hay` (a lower-cased page). Natively, `memchr`'s substring
/// search (vector instructions) where `str::find` walked every page a needle is not in: 30% of
/// the command's instructions over the 2010 pages. In the browser it is barely faster (no vector
/// instructions there) and would add 2.6 KB (brotli) to the first visit, so `str::find` stays.
fn find(hay: &str, needle: &str) -> Option<usize> {
    #[cfg(not(target_arch = "wasm32"))]
    return memchr::memmem::find(hay.as_bytes(), needle.as_bytes());
    #[cfg(target_arch = "wasm32")]
    return hay.find(needle);
}

fn contains(hay: &str, needle: &str) -> bool {
    find(hay, needle).is_some()
}

/// A saved page's cable text and, when asked, its own metadata; the page is lower-cased once
/// for both.
pub fn read_page(page: &str, with_meta: bool) -> (String, Option<PageMeta>) {
    let lower = page.to_ascii_lowercase();
    let meta = if with_meta { page_meta(page, &lower) } else { None };
    (extract_text(page, &lower), meta)
}

/// Whether the input looks like an HTML page rather than cable text.
///
/// A cable never starts with `<`, while saved pages start with a doctype, an
/// XML declaration or a tag (possibly after a BOM and white space).
pub fn looks_like_html(input: &str) -> bool {
    let head = input.trim_start_matches(super::lines::is_space);
    if !head.starts_with('<') {
        return false;
    }
    let probe = &head[..crate::lines::floor_char_boundary(head, 4096)];
    let lower = probe.to_ascii_lowercase();
    ["<!doctype", "<?xml", "<html", "<head", "<body", "<pre", "<div", "<table", "<meta", "<p>", "<p "]
        .iter()
        .any(|tag| lower.contains(tag))
}

/// The cable text of a page: the `<pre>` blocks joined by blank lines, or the
/// page's text when it has no `<pre>`.
fn extract_text(page: &str, lower: &str) -> String {
    // A PlusD page: the telegram sits in `<div class="text-content">`, among navigation that
    // is not the cable's.
    if let Some(text) = plusd_text(page, lower) {
        return text;
    }
    let mut blocks = Vec::new();
    let mut from = 0;
    while let Some(open) = find(&lower[from..], "<pre").map(|i| i + from) {
        let Some(body_start) = lower[open..].find('>').map(|i| open + i + 1) else { break };
        let body_end = find(&lower[body_start..], "</pre").map_or(page.len(), |i| body_start + i);
        blocks.push(text_of(&page[body_start..body_end]));
        from = body_end;
    }
    if blocks.is_empty() {
        // No <pre>: take the body's text, skipping scripts, styles and the page's own parts
        // (navigation, header, footer: see `text_of`). Where lines end in `<br>`, the source's
        // own line breaks are its markup's layout, and would double them.
        let start = find(lower, "<body").unwrap_or(0);
        return one_blank_line(&broken_text_of(&page[start..], &lower[start..]));
    }
    blocks.join("\n\n")
}

/// `text` with each run of blank lines one blank line: the blocks a page's markup sets apart
/// (a row's cells in `<div>`s, a `<div>` in a `<div>`) give as many line breaks as they nest,
/// which are its layout's, not the text's.
fn one_blank_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.split('\n') {
        if line.trim().is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line);
    }
    out
}

/// The inner text of `PlusD`'s `<div class="text-content">` (nested divs counted).
fn plusd_text(page: &str, lower: &str) -> Option<String> {
    // One search of the page: `text-content` inside a tag's class attribute.
    let class = find(lower, "text-content")?;
    let open = lower[..class].rfind('<')?;
    if lower[open..class].contains('>') || !contains(&lower[open..class], "class=") {
        return None;
    }
    let body_start = lower[class..].find('>').map(|i| class + i + 1)?;
    let mut depth = 1usize;
    let mut at = body_start;
    let tag_name = lower[open + 1..].split(|c: char| !c.is_ascii_alphanumeric()).next().unwrap_or("div").to_owned();
    let (opening, closing) = (format!("<{tag_name}"), format!("</{tag_name}"));
    let end = loop {
        let next_open = find(&lower[at..], &opening).map(|i| at + i);
        let Some(next_close) = find(&lower[at..], &closing).map(|i| at + i) else { break page.len() };
        match next_open {
            Some(o) if o < next_close => {
                depth += 1;
                at = o + opening.len();
            }
            _ => {
                depth -= 1;
                if depth == 0 {
                    break next_close;
                }
                at = next_close + closing.len();
            }
        }
    };
    let text = broken_text_of(&page[body_start..end], &lower[body_start..end]);
    (!text.trim().is_empty()).then_some(text)
}

/// The labels of `PlusD`'s metadata block whose field [`plusd_slot`] fills (the block's other
/// rows are the archive's record's, `container::record_row`).
const PLUSD_LABELS: [&str; 10] = [
    "Canonical ID",
    "Date",
    "Original Classification",
    "Current Classification",
    "Handling Restrictions",
    "TAGS",
    "From",
    "To",
    "Markings",
    "Character Count",
];

/// Every label of `PlusD`'s metadata block, as the page writes them and in its order.
pub(crate) const PLUSD_ORDER: [&str; 18] = [
    "Canonical ID",
    "Date",
    "Original Classification",
    "Current Classification",
    "Handling Restrictions",
    "Character Count",
    "Executive Order",
    "Locator",
    "TAGS",
    "Concepts",
    "Enclosure",
    "Type",
    "Office Origin",
    "Office Action",
    "Archive Status",
    "From",
    "Markings",
    "To",
];

/// A row of `PlusD`'s metadata as a copy that lost its tabs gives it: the label as the page
/// writes it, one space, the value (`Canonical ID 1974ATHENS02959_b`, `Locator TEXT ON
/// MICROFILM`). Only among the rows of such a block (`header::read_plusd_rows`).
pub fn plusd_row_spaced(line: &str) -> Option<(&'static str, &str)> {
    PLUSD_ORDER.iter().find_map(|label| {
        let value = line.strip_prefix(label)?.strip_prefix(' ')?.trim();
        (!value.is_empty()).then_some((*label, value))
    })
}

/// A TAGS value as `PlusD` gives it, each code with its title (`PFOR - Foreign Policy,
/// Relations | GR - Greece`): the page's, never a telegram's TAGS line.
pub fn is_plusd_tags(value: &str) -> bool {
    let first = value.split(" | ").next().unwrap_or(value);
    first.split_once(" - ").is_some_and(|(code, title)| {
        (2..=8).contains(&code.len())
            && code.bytes().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && title.bytes().any(|c| c.is_ascii_lowercase())
    })
}

/// Whether `label` is one of [`PLUSD_LABELS`], in any case.
pub fn is_plusd_label(label: &str) -> bool {
    PLUSD_LABELS.iter().any(|l| l.eq_ignore_ascii_case(label))
}

/// `PlusD`'s metadata block: each label stands in a cell or line of its own with its value in
/// the next one (or after a colon on the same line).
fn plusd_meta(page: &str, lower: &str) -> Option<PageMeta> {
    let end = find(lower, "text-content")?;
    if !contains(lower, "canonical id") {
        return None;
    }
    let text = text_of(&page[..end]);
    let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let mut meta = PageMeta { source: Some("PlusD page"), ..PageMeta::default() };
    for (k, line) in lines.iter().enumerate() {
        let Some(label) =
            PLUSD_LABELS.iter().find(|l| line.get(..l.len()).is_some_and(|head| head.eq_ignore_ascii_case(l)))
        else {
            continue;
        };
        let after = line[label.len()..].trim_start_matches(':').trim();
        // `Date` must not take `Dates of …`: what follows the label starts a value.
        if line[label.len()..].starts_with(|c: char| c.is_ascii_lowercase()) {
            continue;
        }
        let value = if after.is_empty() {
            lines.get(k + 1).filter(|next| !is_plusd_label(next)).map(|v| (*v).to_owned())
        } else {
            Some(after.to_owned())
        };
        let Some(slot) = plusd_slot(&mut meta, label) else { continue };
        if slot.is_none() {
            *slot = value.as_deref().and_then(crate::container::given);
        }
    }
    Some(meta)
}

/// The field of the page's metadata a `PlusD` label fills.
pub fn plusd_slot<'m>(meta: &'m mut PageMeta, label: &str) -> Option<&'m mut Option<String>> {
    Some(match label {
        "Canonical ID" => &mut meta.id,
        "Date" => &mut meta.created,
        "Original Classification" => &mut meta.classification,
        "Current Classification" => &mut meta.current_classification,
        "Handling Restrictions" => &mut meta.handling,
        "TAGS" => &mut meta.tags,
        "From" => &mut meta.origin,
        "To" => &mut meta.to,
        "Markings" => &mut meta.markings,
        _ => return None,
    })
}

/// A row of `PlusD`'s metadata block as a copy of the page's text gives it: the label, then a
/// tab, a colon or a run of spaces, then the value (`Canonical ID\t1974ATHENS02959_b`); or a
/// row of the archive's record it shows among them (`Executive Order\tGS`, `Locator\t…`), whose
/// label is the record's (`"record"` then, no field of the page's).
pub fn plusd_row(line: &str) -> Option<(&'static str, &str)> {
    let Some(label) =
        PLUSD_LABELS.iter().find(|l| line.get(..l.len()).is_some_and(|head| head.eq_ignore_ascii_case(l)))
    else {
        return crate::container::record_row(line)
            .filter(|(_, value)| !value.is_empty())
            .map(|(_, value)| ("record", value));
    };
    let rest = &line[label.len()..];
    let separated = rest.starts_with(['\t', ':']) || rest.starts_with("  ");
    let value = rest.trim_start_matches([':', ' ', '\t']).trim_end();
    (separated && !value.is_empty()).then_some((*label, value))
}

/// The page's own metadata: the 2010 viewer's table, or `PlusD`'s block.
fn page_meta(page: &str, lower: &str) -> Option<PageMeta> {
    cablegate_meta(page, lower).or_else(|| plusd_meta(page, lower))
}

/// The 2010 viewer's `<table class='cable'>`: header cells name the columns.
fn cablegate_meta(page: &str, lower: &str) -> Option<PageMeta> {
    let start = find(lower, "<table class='cable'").or_else(|| find(lower, "<table class=\"cable\""))?;
    let end = find(&lower[start..], "</table").map_or(page.len(), |i| start + i);
    let table = &page[start..end];
    let lower_table = &lower[start..end];
    let headers = cells(table, lower_table, "<th");
    let values = cells(table, lower_table, "<td");
    let mut meta = PageMeta { source: Some("Cablegate page"), ..PageMeta::default() };
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
    while let Some(open) = find(&lower[from..], tag).map(|i| i + from) {
        let Some(body) = lower[open..].find('>').map(|i| open + i + 1) else { break };
        let end = find(&lower[body..], &close).map_or(table.len(), |i| body + i);
        out.push(super::lines::collapse_ws(&text_of(&table[body..end])));
        from = end;
    }
    out
}

/// [`text_of`] markup (and its lower-cased copy) that is not preformatted: where its lines end
/// in `<br>`, its own line breaks are the markup's layout, and would double them.
fn broken_text_of(markup: &str, lower: &str) -> String {
    if contains(lower, "<br") { text_of(&markup.replace(['\n', '\r'], "")) } else { text_of(markup) }
}

/// Elements whose content is never a cable's text: code, and the parts of a page around what
/// it shows (its navigation, header, footer, sidebars, buttons). Not a form: a tool's page may
/// hold the cable in a form's text box.
const SKIPPED: [&str; 9] = ["script", "style", "noscript", "template", "nav", "header", "footer", "aside", "button"];

/// Strips tags (turning `<br>` and block ends into line breaks), drops the contents of the
/// [`SKIPPED`] elements, and decodes character references.
fn text_of(markup: &str) -> String {
    let mut out = String::with_capacity(markup.len());
    let mut rest = markup;
    let mut parts_closed = true;
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
        let opening = !tag_area.starts_with("</");
        match name.as_str() {
            "div" | "ul" if opening && parts_closed && names_page_part(&tag) => {
                // A page's part by its class or id (`<div class="footer">`, `<ul id="nav">`), its
                // own elements of the same name inside it counted; kept if it is never closed
                // (and then no other is looked for: each would be looked for to the end).
                match after_element(rest, &name) {
                    Some(after) => rest = after,
                    None => parts_closed = false,
                }
                out.push('\n');
            }
            "br" | "p" | "div" | "tr" | "li" | "h1" | "h2" | "h3" | "table" | "td" | "th" | "dd" | "dt" => {
                out.push('\n');
            }
            skipped if opening && SKIPPED.contains(&skipped) => {
                // Its closing tag, in any case, found without a lower-cased copy of the rest of
                // the page for each element skipped.
                let closes = |&(at, _): &(usize, &str)| {
                    rest.get(at + 2..at + 2 + name.len()).is_some_and(|n| n.eq_ignore_ascii_case(&name))
                };
                rest = rest.match_indices("</").find(closes).map_or("", |(at, _)| &rest[at..]);
            }
            _ => {}
        }
    }
    decode_into(rest, &mut out);
    out
}

/// Whether an opening tag (lower case, without its `<`) names by its class or id one of the
/// page's parts around what it shows: a class or id that is one of [`PAGE_PARTS`] whole
/// (`class="nav"`, `id="footer"`), not a word of a longer name (`class="content-header"`).
fn names_page_part(tag: &str) -> bool {
    ["class=", "id="].iter().any(|attribute| {
        let Some(at) = tag.find(attribute).filter(|&at| at > 0 && tag.as_bytes()[at - 1] == b' ') else {
            return false;
        };
        let value = tag[at + attribute.len()..].trim_start_matches(['"', '\'']);
        let value = value.split(['"', '\'', '>']).next().unwrap_or("");
        value.split_ascii_whitespace().any(|name| PAGE_PARTS.contains(&name))
    })
}

/// Classes and ids that name a page's navigation, header, footer and sidebars.
const PAGE_PARTS: [&str; 12] = [
    "nav",
    "navbar",
    "navigation",
    "menu",
    "header",
    "footer",
    "sidebar",
    "breadcrumb",
    "breadcrumbs",
    "pagination",
    "pager",
    "masthead",
];

/// The markup after the element `name` whose opening tag `rest` follows: from its closing tag,
/// with the elements of the same name inside it counted; `None` when it is never closed.
fn after_element<'a>(rest: &'a str, name: &str) -> Option<&'a str> {
    let mut depth = 1usize;
    let mut at = 0;
    while let Some(lt) = rest[at..].find('<').map(|k| at + k) {
        let tag = &rest[lt + 1..];
        let closing = tag.starts_with('/');
        let tag = tag.trim_start_matches('/');
        let named = tag.get(..name.len()).is_some_and(|n| n.eq_ignore_ascii_case(name))
            && !tag[name.len()..].starts_with(|c: char| c.is_ascii_alphanumeric());
        if named && closing {
            depth -= 1;
            if depth == 0 {
                return Some(&rest[lt..]);
            }
        } else if named {
            depth += 1;
        }
        at = lt + 1;
    }
    None
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

pub(crate) fn decode_reference(name: &str) -> Option<char> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extracts_pre_blocks_and_decodes() {
        let page =
            "<html><body><pre>A &amp; B&#x000A;<a href='#x'>¶</a>1. x &lt;y&gt;</pre><pre>two</pre></body></html>";
        assert!(looks_like_html(page));
        assert_eq!(read_page(page, false).0, "A & B\n¶1. x <y>\n\ntwo");
    }

    #[test]
    fn keeps_malformed_references_and_lone_brackets() {
        let page = "<pre>a &bogus; b &#xD800; c &#0; 1 < 2</pre>";
        assert_eq!(read_page(page, false).0, "a &bogus; b &#xD800; c &#0; 1 < 2");
    }

    #[test]
    fn drops_scripts_without_pre() {
        let page = "<html><body><script>alert(1)</script><p>text</p></body></html>";
        assert_eq!(read_page(page, false).0.trim(), "text");
    }

    /// A page with no `<pre>`: its navigation, header and footer dropped by class or id as by
    /// element (nested elements of the same name counted), a longer class name kept, an element
    /// never closed kept; each run of blank lines its blocks give one blank line.
    #[test]
    fn drops_a_pages_parts_named_by_class_or_id() {
        let page = "<body><div id=\"header\">Site | About</div><div class='nav'><div>1973</div><div>1974</div></div>\
                    <div><div><div>Canonical ID</div></div><div><div>1974ATHENS02959_b</div></div></div>\
                    <div class=\"content-header\">TEXT</div><div class=\"footer x\">Next | Previous</div></body>";
        assert_eq!(read_page(page, false).0, "Canonical ID\n\n1974ATHENS02959_b\n\nTEXT");
        let unclosed = "<body><p>ONE</p><div class=\"footer\">TWO<p>THREE</p></body>";
        assert_eq!(read_page(unclosed, false).0, "ONE\n\nTWO\nTHREE");
        // Only a whole class or id, as an attribute (not `data-id=`, not a word inside a value).
        assert!(names_page_part("div class=\"a nav\""));
        assert!(!names_page_part("div data-id=\"nav\" class=\"navy\""));
    }

    /// Found by `make fuzz` (target `parse`): a `PlusD` page whose metadata line holds a multi-byte
    /// character where a label's length ends made the label test slice inside it.
    #[test]
    fn plusd_labels_never_split_a_character() {
        let page = "<div class=\"x\"><table><tr><td>Canonical ID</td></tr><tr><td>Dat\u{e9}e</td></tr>\
                    <tr><td>\u{e9}\u{e9}\u{e9}</td></tr></table></div><div class=\"text-content\">UNCLAS X 1</div>";
        let meta = read_page(&format!("{page} canonical id"), true).1.expect("a PlusD page");
        assert_eq!(meta.source, Some("PlusD page"));
    }

    #[test]
    fn cable_text_is_not_html() {
        assert!(!looks_like_html("VZCZCXYZ0001\nOO RUEHWEB"));
        assert!(!looks_like_html("<<< not a page"));
    }
}
