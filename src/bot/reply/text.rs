//! User text made safe and short for Discord: Markdown escaped, mentions
//! broken, quotes marked, and anything cut to a limit counted in characters.

/// `text` cut to at most `max` characters, ending in "…" when cut.
pub fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    // Don't leave a dangling escape backslash before the ellipsis.
    while out.ends_with('\\') {
        out.pop();
    }
    out.push('…');
    out
}

/// Markdown quote: every line starts with "> ".
pub(super) fn blockquote(text: &str) -> String {
    text.lines()
        .map(|l| format!("> {}", escape(l)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Makes text safe to show back: Markdown is escaped, so it shows as typed,
/// and mentions are broken, so `@everyone`, `<@id>`, `<@&role>` and
/// `<#channel>` neither ping nor render as mentions.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' | '*' | '_' | '~' | '`' | '|' | '>' | '<' | '#' | '[' | ']' => {
                out.push('\\');
                out.push(c);
            }
            // A zero-width space after "@" keeps the text readable and
            // stops Discord from reading a mention.
            '@' => out.push_str("@\u{200B}"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cutting_counts_characters_not_bytes() {
        let cases = [
            ("", 5, ""),
            ("abc", 3, "abc"),
            ("abcd", 3, "ab…"),
            ("¶¶¶¶", 3, "¶¶…"),
            ("ab\\*cd", 4, "ab…"),
        ];
        for (text, max, want) in cases {
            assert_eq!(cut(text, max), want, "{text} {max}");
        }
    }
}
