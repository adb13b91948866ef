//! Numbers written with Chinese, Japanese and Korean units: "1億2808万", "8천만",
//! "3.5亿", "三千", "47都道府県" (47 and a counter). Ten thousand (万, 만) and a hundred
//! million (億, 억) are units of their own in these languages, so "1億2808万" is one
//! number, 128,080,000.

/// The value of a Han or Hangul digit.
fn digit(c: char) -> Option<f64> {
    let d = match c {
        '〇' | '零' => 0,
        '一' | '壱' => 1,
        '二' | '两' | '兩' | '弐' => 2,
        '三' | '参' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    };
    Some(f64::from(d))
}

/// Ten, a hundred and a thousand: they multiply the digit before them within a group.
fn small_unit(c: char) -> Option<f64> {
    match c {
        '十' | '拾' | '십' => Some(10.0),
        '百' | '佰' | '백' => Some(100.0),
        '千' | '仟' | '천' => Some(1e3),
        _ => None,
    }
}

/// Ten thousand, a hundred million, a trillion: they close a group.
fn big_unit(c: char) -> Option<f64> {
    match c {
        '万' | '萬' | '만' => Some(1e4),
        '億' | '亿' | '억' => Some(1e8),
        '兆' | '조' => Some(1e12),
        _ => None,
    }
}

/// Whether `c` can carry on a number written with units.
pub fn is_numeral(c: char) -> bool {
    digit(c).is_some() || small_unit(c).is_some() || big_unit(c).is_some()
}

/// Whether a number may start with `c` without digits before it: Han numerals only, as
/// many Korean words begin with the syllables of 백, 천, 만 or 조 (백제, 조선).
pub fn starts_number(c: char) -> bool {
    is_numeral(c) && !('\u{ac00}'..='\u{d7a3}').contains(&c)
}

/// Reads a number that goes on in CJK units after `lead` (the digits already read, if
/// any) in `text`: the value and what follows it (a counter, a unit or nothing). `None`
/// when `text` does not start with a CJK digit or unit. Arabic digits between units
/// ("1億2808万") are read with a point for decimals.
pub fn read(lead: Option<f64>, text: &str) -> Option<(f64, &str)> {
    if !text.starts_with(is_numeral) {
        return None;
    }
    let (mut total, mut group, mut current) = (0.0, 0.0, lead);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c.is_ascii_digit() {
            let end = rest
                .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                .unwrap_or(rest.len());
            current = Some(rest[..end].parse().ok()?);
            rest = &rest[end..];
            continue;
        }
        if let Some(d) = digit(c) {
            // Positional Han digits: 二〇二一 is 2021.
            current = Some(current.map_or(d, |v| v * 10.0 + d));
        } else if let Some(u) = small_unit(c) {
            group += current.unwrap_or(1.0) * u;
            current = None;
        } else if let Some(u) = big_unit(c) {
            let amount = group + current.unwrap_or(0.0);
            total += if amount == 0.0 { 1.0 } else { amount } * u;
            group = 0.0;
            current = None;
        } else {
            break;
        }
        rest = &rest[c.len_utf8()..];
    }
    Some((total + group + current.unwrap_or(0.0), rest))
}

/// `text` with the space removed between a group closed by 万, 億, 만 or 억 and the digits
/// that go on ("1억 2808만" → "1억2808만"), as Korean writes large numbers.
pub fn join_groups(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if big_unit(c).is_some() {
            let mut spaces = String::new();
            while let Some(s) = chars.next_if(|s| s.is_whitespace()) {
                spaces.push(s);
            }
            let goes_on = chars
                .peek()
                .is_some_and(|n| n.is_ascii_digit() || digit(*n).is_some());
            if !goes_on {
                out.push_str(&spaces);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(lead: Option<f64>, text: &str) -> Option<(f64, &str)> {
        read(lead, text)
    }

    #[test]
    fn units_of_ten_thousand_and_a_hundred_million() {
        assert_eq!(value(Some(1.0), "億2808万"), Some((128_080_000.0, "")));
        assert_eq!(value(Some(8.0), "천만"), Some((80_000_000.0, "")));
        assert_eq!(value(Some(3.5), "亿"), Some((350_000_000.0, "")));
        assert_eq!(value(None, "三千"), Some((3000.0, "")));
        assert_eq!(value(None, "二千二十四年"), Some((2024.0, "年")));
        assert_eq!(value(None, "二〇二一"), Some((2021.0, "")));
        assert_eq!(value(None, "千万"), Some((10_000_000.0, "")));
        assert_eq!(value(None, "万"), Some((10_000.0, "")));
        assert_eq!(value(Some(5.0), "백만 명"), Some((5_000_000.0, " 명")));
        assert_eq!(value(Some(47.0), "都道府県"), None);
    }

    #[test]
    fn korean_groups_are_joined_across_a_space() {
        assert_eq!(join_groups("1억 2808만 명"), "1억2808만 명");
        assert_eq!(join_groups("8천만 명"), "8천만 명");
    }
}
