//! Text out of the simple HTML that Anki keeps in note fields: line breaks become newlines,
//! other tags and media references go, entities are decoded.

/// The text of an HTML field.
pub fn to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some(end) = rest.find('>')
        {
            let tag = rest[1..end].trim().to_ascii_lowercase();
            let name = tag
                .trim_start_matches('/')
                .split(|c: char| c.is_whitespace() || c == '/')
                .next()
                .unwrap_or("");
            let closing = tag.starts_with('/');
            if name == "br"
                || (closing && matches!(name, "div" | "p" | "li" | "tr" | "h1" | "h2" | "h3"))
            {
                out.push('\n');
            }
            rest = &rest[end + 1..];
        } else if c == '&'
            && let Some((decoded, len)) = entity(rest)
        {
            out.push(decoded);
            rest = &rest[len..];
        } else if rest.starts_with("[sound:")
            && let Some(end) = rest.find(']')
        {
            rest = &rest[end + 1..];
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out.trim().to_owned()
}

/// The HTML of an answer split at its first `<hr>`: the answer, and what follows (shown in
/// factdeck as the card's note). factdeck's own Anki export puts the explanation there.
pub fn split_at_rule(html: &str) -> (&str, Option<&str>) {
    let lower = html.to_ascii_lowercase();
    match lower.find("<hr") {
        Some(at) => {
            let after = html[at..].find('>').map_or(html.len(), |e| at + e + 1);
            (&html[..at], Some(&html[after..]))
        }
        None => (html, None),
    }
}

/// Text as HTML: `&`, `<`, `>` and `"` escaped, newlines as `<br>`, and `[` as an entity
/// so that text like "[sound:x]" is not taken for an Anki media reference.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '[' => out.push_str("&#91;"),
            '\n' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
    out
}

/// Decodes the entity at the start of `s`: its character and length.
fn entity(s: &str) -> Option<(char, usize)> {
    let end = s
        .char_indices()
        .take(12)
        .find(|(_, c)| *c == ';')
        .map(|(i, _)| i)?;
    let name = &s[1..end];
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" | "#39" => '\'',
        "nbsp" => ' ',
        _ => {
            let code = name.strip_prefix('#')?;
            let n = match code.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => code.parse().ok()?,
            };
            char::from_u32(n)?
        }
    };
    Some((c, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_go_breaks_stay_entities_decode() {
        assert_eq!(
            to_text("<div><b>Paris</b>&nbsp;&amp; Lyon</div><div>two<br/>lines</div>"),
            "Paris & Lyon\ntwo\nlines"
        );
        assert_eq!(
            to_text("a &lt;b&gt; &#233;t&#xE9; &bogus; [sound:x.mp3]"),
            "a <b> été &bogus;"
        );
        assert_eq!(to_text("<img src=\"x.jpg\">"), "");
    }

    #[test]
    fn escaping_round_trips() {
        let text = "a < b & \"c\" > d\nnext [sound:x] <hr> &amp;";
        assert_eq!(to_text(&escape(text)), text);
    }

    #[test]
    fn a_rule_splits_answer_from_note() {
        assert_eq!(
            split_at_rule("Paris<hr id=x>Capital"),
            ("Paris", Some("Capital"))
        );
        assert_eq!(split_at_rule("Paris"), ("Paris", None));
    }
}
