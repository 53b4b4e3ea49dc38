//! Times for people. The store keeps UTC as ISO 8601
//! (`2026-11-30T19:31:01.123Z`, SQLite's `strftime`); people read
//! `2026-11-30 19:31 UTC (5 min ago)`. Pure: the caller says what now is.

/// Seconds in a minute, an hour, a day.
const MINUTE: i64 = 60;
const HOUR: i64 = 60 * MINUTE;
const DAY: i64 = 24 * HOUR;
/// Past this, "N days ago" says less than the date beside it.
const RELATIVE_UP_TO: i64 = 60 * DAY;

/// Now, in Unix seconds (0 on a clock set before 1970).
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// `at` as Unix seconds, if it is a UTC time as the store writes it
/// (`YYYY-MM-DDTHH:MM[:SS[.fff]]Z`; a space for the `T` is read too).
pub fn unix(at: &str) -> Option<i64> {
    let at = at.trim().strip_suffix('Z')?;
    let (date, time) = at.split_once(['T', ' '])?;
    let mut d = date.splitn(3, '-').map(|p| p.parse::<i64>().ok());
    let (year, month, day) = (d.next()??, d.next()??, d.next()??);
    let mut t = time.splitn(3, ':');
    let hour: i64 = t.next()?.parse().ok()?;
    let minute: i64 = t.next()?.parse().ok()?;
    let second: i64 = match t.next() {
        // Fractions of a second do not matter to a person.
        Some(s) => s.split('.').next()?.parse().ok()?,
        None => 0,
    };
    let valid = (1..=12).contains(&month)
        && (1..=31).contains(&day)
        && (0..24).contains(&hour)
        && (0..60).contains(&minute)
        && (0..=60).contains(&second);
    valid.then(|| days_from_civil(year, month, day) * DAY + hour * HOUR + minute * MINUTE + second)
}

/// `at` for a person at a terminal: the minute in UTC, and how long ago
/// when that is recent. Text that is not a time is shown as it is.
pub fn human(at: &str, now_unix: i64) -> String {
    let Some(t) = unix(at) else {
        return at.to_string();
    };
    let (year, month, day) = civil_from_days(t.div_euclid(DAY));
    let of_day = t.rem_euclid(DAY);
    let mut text = format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02} UTC",
        of_day / HOUR,
        of_day % HOUR / MINUTE
    );
    if let Some(ago) = ago(now_unix - t) {
        text.push_str(&format!(" ({ago})"));
    }
    text
}

/// Whether `text` is a calendar date written `YYYY-MM-DD` (a four-digit
/// year; the month and day two digits each, and a day that month has).
pub fn is_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [year, month, day] = parts[..] else {
        return false;
    };
    let digits =
        |part: &str, len: usize| part.len() == len && part.bytes().all(|b| b.is_ascii_digit());
    if !(digits(year, 4) && digits(month, 2) && digits(day, 2)) {
        return false;
    }
    let number = |part: &str| part.parse::<i64>().unwrap_or(0);
    let (year, month, day) = (number(year), number(month), number(day));
    // A day past the month's end (02-30) comes back as another date.
    (1..=12).contains(&month)
        && (1..=31).contains(&day)
        && civil_from_days(days_from_civil(year, month, day)) == (year, month, day)
}

fn ago(seconds: i64) -> Option<String> {
    Some(match seconds {
        // A clock a little behind the database's is still "just now".
        s if (-MINUTE..MINUTE).contains(&s) => "just now".to_string(),
        s if !(0..RELATIVE_UP_TO).contains(&s) => return None,
        s if s < HOUR => format!("{} min ago", s / MINUTE),
        s if s < DAY => format!("{} h ago", s / HOUR),
        s if s < 2 * DAY => "yesterday".to_string(),
        s => format!("{} days ago", s / DAY),
    })
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
/// `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse of [`days_from_civil`].
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if month <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        month,
        day,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2026-11-30T19:31:00Z.
    const NOW: i64 = 1_796_067_060;

    #[test]
    fn store_times_read_as_unix_seconds() {
        let cases = [
            ("1970-01-01T00:00:00.000Z", Some(0)),
            ("2026-11-30T19:31:00.000Z", Some(NOW)),
            ("2026-11-30 19:31:00Z", Some(NOW)),
            ("2026-11-30T19:31Z", Some(NOW)),
            ("2024-02-29T00:00:00Z", Some(1_709_164_800)),
            ("2026-11-30T19:31:00", None),
            ("2026-13-01T00:00:00Z", None),
            ("yesterday", None),
            ("", None),
        ];
        for (at, want) in cases {
            assert_eq!(unix(at), want, "{at}");
        }
    }

    #[test]
    fn dates_are_calendar_days_written_yyyy_mm_dd() {
        let cases = [
            ("2018-09-07", true),
            ("2024-02-29", true),
            ("2000-02-29", true),
            ("1999-12-31", true),
            ("2023-02-29", false),
            ("1900-02-29", false),
            ("2018-09-31", false),
            ("2018-13-01", false),
            ("2018-00-10", false),
            ("2018-09-00", false),
            ("2018-9-7", false),
            ("18-09-07", false),
            ("2018-09-07 ", false),
            ("2018-09-07T00:00Z", false),
            ("+018-09-07", false),
            ("２０１８-09-07", false),
            ("next tuesday", false),
            ("", false),
        ];
        for (text, want) in cases {
            assert_eq!(is_date(text), want, "{text:?}");
        }
    }

    #[test]
    fn times_read_as_the_minute_in_utc_and_how_long_ago() {
        let cases = [
            (
                "2026-11-30T19:30:30.500Z",
                "2026-11-30 19:30 UTC (just now)",
            ),
            ("2026-11-30T19:31:30Z", "2026-11-30 19:31 UTC (just now)"),
            ("2026-11-30T19:26:00Z", "2026-11-30 19:26 UTC (5 min ago)"),
            ("2026-11-30T16:00:00Z", "2026-11-30 16:00 UTC (3 h ago)"),
            ("2026-11-29T12:00:00Z", "2026-11-29 12:00 UTC (yesterday)"),
            ("2026-11-20T19:31:00Z", "2026-11-20 19:31 UTC (10 days ago)"),
            ("2025-01-02T03:04:05Z", "2025-01-02 03:04 UTC"),
            ("2027-01-01T00:00:00Z", "2027-01-01 00:00 UTC"),
            ("not a time", "not a time"),
        ];
        for (at, want) in cases {
            assert_eq!(human(at, NOW), want, "{at}");
        }
    }
}
