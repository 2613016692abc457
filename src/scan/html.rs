//! The text of an HTML page: tags stripped, `script` and `style` dropped, entities decoded.
//!
//! Mentions found in an HTML document have offsets into this extracted text, not into the file's bytes. Block
//! elements (`p`, `div`, `br`, `li`, headings, table rows…) end a line, so that a name never runs across two
//! paragraphs; inline elements (`b`, `a`, `span`…) leave no trace, so that `<b>فلاديمير</b> بوتين` stays one name.
//!
//! ```
//! use qamus::scan::html::extract_text;
//! let page = "<html><head><style>p{}</style></head><body><p>بوتين &amp; <b>باشينيان</b></p>\
//!             <script>var x = '<p>';</script><p>قره&nbsp;باغ</p></body></html>";
//! assert_eq!(extract_text(page), "\nبوتين & باشينيان\n\nقره\u{a0}باغ\n");
//! ```

/// Elements whose content is not text.
const SKIPPED: [&str; 5] = ["script", "style", "noscript", "template", "svg"];

/// Elements that start or end a line.
const BLOCKS: [&str; 28] = [
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "tr",
    "td",
    "th",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "title",
    "hr",
    "dd",
    "dt",
    "figcaption",
    "nav",
];

/// The text of an HTML page (see the module documentation).
pub fn extract_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            decode_entities(rest, &mut out);
            break;
        };
        decode_entities(rest.get(..lt).unwrap_or_default(), &mut out);
        rest = rest.get(lt..).unwrap_or_default();
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after
                .find("-->")
                .map_or("", |e| after.get(e + 3..).unwrap_or_default());
            continue;
        }
        let Some(gt) = rest.find('>') else {
            // A lone '<' in text.
            decode_entities(rest, &mut out);
            break;
        };
        let tag = rest.get(1..gt).unwrap_or_default();
        rest = rest.get(gt + 1..).unwrap_or_default();
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() {
            continue;
        }
        if !tag.starts_with('/') && SKIPPED.contains(&name.as_str()) && !tag.ends_with('/') {
            let close = format!("</{name}");
            rest = match find_ascii_ci(rest, &close) {
                Some(at) => {
                    let after = rest.get(at..).unwrap_or_default();
                    after
                        .find('>')
                        .map_or("", |e| after.get(e + 1..).unwrap_or_default())
                }
                None => "",
            };
            continue;
        }
        if BLOCKS.contains(&name.as_str()) {
            out.push('\n');
        }
    }
    out
}

/// The byte offset of `needle` (ASCII) in `hay`, ignoring ASCII case.
fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let n = needle.len();
    hay.as_bytes()
        .windows(n)
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Appends `text` with its character references decoded (`&amp;`, `&#1576;`, `&#x628;` and the common named ones);
/// an unknown or malformed reference is kept as written.
fn decode_entities(text: &str, out: &mut String) {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or_default());
        rest = rest.get(amp..).unwrap_or_default();
        let end = rest
            .char_indices()
            .take(12)
            .find(|&(_, c)| c == ';')
            .map(|(i, _)| i);
        let decoded = end.and_then(|e| entity(rest.get(1..e).unwrap_or_default()).map(|c| (e, c)));
        match decoded {
            Some((e, c)) => {
                out.push(c);
                rest = rest.get(e + 1..).unwrap_or_default();
            }
            None => {
                out.push('&');
                rest = rest.get(1..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        return char::from_u32(code).filter(|&c| c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "laquo" => '«',
        "raquo" => '»',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "zwnj" => '\u{200c}',
        "zwj" => '\u{200d}',
        "lrm" => '\u{200e}',
        "rlm" => '\u{200f}',
        "shy" => '\u{ad}',
        "copy" => '©',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_go_inline_tags_leave_no_trace() {
        assert_eq!(extract_text("<b>فلاديمير</b> بوتين"), "فلاديمير بوتين");
        assert_eq!(extract_text("a<br/>b"), "a\nb");
        assert_eq!(extract_text("<P>x</P>"), "\nx\n");
    }

    #[test]
    fn scripts_styles_comments_are_dropped() {
        assert_eq!(
            extract_text("a<SCRIPT type=x>if (a<b) {}</Script>b<!-- c -->d<style>e</style>"),
            "abd"
        );
        assert_eq!(extract_text("a<script>never closed"), "a");
        assert_eq!(extract_text("a<!-- never closed"), "a");
    }

    #[test]
    fn entities() {
        assert_eq!(extract_text("&amp;&lt;&#1576;&#x628;&nbsp;"), "&<بب\u{a0}");
        assert_eq!(
            extract_text("AT&T &unknown; &#xZZ; &"),
            "AT&T &unknown; &#xZZ; &"
        );
        assert_eq!(extract_text("1 < 2"), "1 < 2");
    }
}
