//! Number formatting shared by tables, summaries, findings and charts, and the one reader of
//! numbers written with thousands commas (a student's answer, a number in a translated text).

/// Formats `value` with `decimals` decimals and thousands separators, e.g. `21305.0` → `21,305`.
pub fn number(value: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = match text.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (text.as_str(), None),
    };
    let mut grouped = String::with_capacity(text.len() + whole.len() / 3 + 1);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    if let Some(fraction) = fraction {
        grouped.push('.');
        grouped.push_str(fraction);
    }
    // A value that rounds to zero is shown without a sign.
    let rounds_to_zero = grouped.chars().all(|ch| matches!(ch, '0' | '.' | ','));
    if value < 0.0 && !rounds_to_zero {
        grouped.insert(0, '−');
    }
    grouped
}

/// A number as Chinese readers group it: by 亿 (10⁸) and 万 (10⁴) once it is that large, with at
/// most two decimals (`21305` → `2.13万`, `123456789` → `1.23亿`), and as usual below 10,000.
pub fn chinese(value: f64) -> String {
    let (scaled, unit) = if value.abs() >= 1e8 {
        (value / 1e8, "亿")
    } else if value.abs() >= 1e4 {
        (value / 1e4, "万")
    } else {
        return auto(value, 2);
    };
    let mut text = number(scaled, 2).replace(',', "");
    // 9,999.996万 reads as 1亿.
    if unit == "万" && text.trim_start_matches('−') == "10000.00" {
        return chinese(value.signum() * 1e8);
    }
    // A count of 万 is written without thousands commas (2500万) and without trailing zeros.
    if text.contains('.') {
        text = text.trim_end_matches('0').trim_end_matches('.').to_string();
    }
    text + unit
}

/// Digits with an optional decimal point and commas that group thousands ("1,343.5"); `None`
/// for anything else, such as a decimal comma ("12,3"), which would otherwise be misread.
pub fn read_grouped(digits: &str) -> Option<f64> {
    let (whole, fraction) = match digits.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (digits, None),
    };
    let mut groups = whole.split(',');
    let first = groups.next()?;
    let grouped = groups.all(|group| group.len() == 3 && !first.is_empty());
    let fraction_ok = fraction.is_none_or(|fraction| {
        !fraction.is_empty() && fraction.chars().all(|ch| ch.is_ascii_digit())
    });
    if !grouped || !fraction_ok || (first.is_empty() && fraction.is_none()) {
        return None;
    }
    // Whole numbers read as integers: std's float parser would cost the WebAssembly kilobytes.
    let whole: u64 = match whole.replace(',', "") {
        empty if empty.is_empty() => 0,
        whole => whole.parse().ok()?,
    };
    let fraction = fraction.unwrap_or_default();
    let tenths: u64 = if fraction.is_empty() {
        0
    } else {
        fraction.parse().ok()?
    };
    Some(whole as f64 + tenths as f64 / 10f64.powi(fraction.len() as i32))
}

/// Formats `value` with as many decimals as it needs, up to `max_decimals`
/// (`8.0` → `8`, `15.6` → `15.6`, `0.125` with 2 → `0.13`).
pub fn auto(value: f64, max_decimals: usize) -> String {
    let decimals = (0..=max_decimals)
        .find(|&decimals| {
            let scale = 10f64.powi(decimals as i32);
            ((value * scale).round() - value * scale).abs() < 1e-6
        })
        .unwrap_or(max_decimals);
    number(value, decimals)
}

/// A value in a plain export: no grouping, as many decimals as needed (at most 6), `-` for minus.
pub fn plain(value: f64) -> String {
    let text = format!("{:.6}", value);
    let trimmed = text.trim_end_matches('0').trim_end_matches('.');
    if trimmed == "-0" {
        "0".to_string()
    } else {
        trimmed.to_string()
    }
}

/// The precision a printed number was given to: half a unit of its last printed digit.
/// `15.6` → 0.05, `1225` → 0.5.
pub fn half_unit(value: f64) -> f64 {
    let decimals = (0..=3)
        .find(|&decimals| {
            let scale = 10f64.powi(decimals);
            ((value * scale).round() - value * scale).abs() < 1e-6
        })
        .unwrap_or(3);
    0.5 / 10f64.powi(decimals)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_and_signed() {
        assert_eq!(number(21305.0, 0), "21,305");
        assert_eq!(number(1234567.891, 2), "1,234,567.89");
        assert_eq!(number(-1.6, 1), "−1.6");
        assert_eq!(number(-0.01, 1), "0.0");
        assert_eq!(auto(8.0, 2), "8");
        assert_eq!(auto(15.6, 2), "15.6");
        assert_eq!(plain(0.4), "0.4");
        assert_eq!(plain(-1.6), "-1.6");
        assert_eq!(plain(16007.0), "16007");
        assert_eq!(half_unit(15.6), 0.05);
        assert_eq!(half_unit(1225.0), 0.5);
        assert_eq!(read_grouped("1,343.5"), Some(1343.5));
        assert_eq!(read_grouped(".5"), Some(0.5));
        for unread in ["12,3", "1,34", "", "1.", "1.2.3", "x"] {
            assert_eq!(read_grouped(unread), None, "{unread:?} read as a number");
        }
    }

    #[test]
    fn chinese_numbers_are_grouped_by_wan_and_yi() {
        for (value, chinese_style) in [
            (0.0, "0"),
            (9_999.0, "9,999"),
            (10_000.0, "1万"),
            (21_305.0, "2.13万"),
            (-45_000.0, "−4.5万"),
            (12_345_678.0, "1234.57万"),
            (99_999_999.0, "1亿"),
            (100_000_000.0, "1亿"),
            (123_456_789.0, "1.23亿"),
            (1_343_000_000.0, "13.43亿"),
            (250_000_000_000.0, "2500亿"),
        ] {
            assert_eq!(chinese(value), chinese_style, "{value} in Chinese style");
        }
    }
}
