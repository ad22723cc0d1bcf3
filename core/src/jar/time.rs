//! Times without a clock: the request's epoch seconds become zip entry times and manifest text.

use crate::{Error, Result};

/// The entry time used when the request carries no output timestamp: 1980-02-01T00:00:00, the
/// constant Gradle and Spring Boot use (1980-01-01 is avoided because some tools read it as "unset").
pub const DEFAULT_ENTRY_TIME: (u16, u8, u8, u8, u8, u8) = (1980, 2, 1, 0, 0, 0);

/// A UTC civil time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Civil {
    pub year: i64,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
}

/// Converts epoch seconds to a UTC civil time (proleptic Gregorian; days-from-civil inverse).
pub fn civil_from_epoch(secs: i64) -> Civil {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    // Shift the epoch to 0000-03-01 so leap days fall at the end of a 400-year era.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = yoe + era * 400 + i64::from(month <= 2);
    Civil { year, month, day, hour: (rem / 3600) as u8, minute: (rem % 3600 / 60) as u8, second: (rem % 60) as u8 }
}

/// Epoch seconds of a UTC civil date (the inverse of [`civil_from_epoch`]).
pub fn epoch_from_civil(year: i64, month: u8, day: u8) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    (era * 146_097 + doe - 719_468) * 86_400
}

/// Parses `project.build.outputTimestamp` as Maven accepts it: epoch seconds, or ISO-8601
/// `yyyy-MM-ddTHH:mm:ss[.SSS](Z|+HH:mm|-HH:mm)`. `None` for a value that is not a timestamp.
pub fn parse_output_timestamp(value: &str) -> Option<i64> {
    let v = value.trim();
    if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) {
        return v.parse().ok();
    }
    let b = v.as_bytes();
    let num = |from: usize, len: usize| -> Option<i64> {
        let s = v.get(from..from + len)?;
        s.bytes().all(|c| c.is_ascii_digit()).then(|| s.parse().ok()).flatten()
    };
    if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || b[10] != b'T' || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let (year, month, day) = (num(0, 4)?, num(5, 2)?, num(8, 2)?);
    let (hour, minute, second) = (num(11, 2)?, num(14, 2)?, num(17, 2)?);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let mut rest = &v[19..];
    if let Some(frac) = rest.strip_prefix('.') {
        let digits = frac.bytes().take_while(u8::is_ascii_digit).count();
        rest = &frac[digits..];
    }
    let offset = match rest {
        "Z" => 0,
        _ if rest.len() == 6 && (rest.starts_with('+') || rest.starts_with('-')) && &rest[3..4] == ":" => {
            let h: i64 = rest[1..3].parse().ok()?;
            let m: i64 = rest[4..6].parse().ok()?;
            let sign = if rest.starts_with('-') { -1 } else { 1 };
            sign * (h * 3600 + m * 60)
        }
        _ => return None,
    };
    Some(epoch_from_civil(year, month as u8, day as u8) + hour * 3600 + minute * 60 + second - offset)
}

/// The zip entry time for a request: its output timestamp, or [`DEFAULT_ENTRY_TIME`].
pub fn entry_time(output_timestamp: Option<i64>) -> Result<zip::DateTime> {
    let Some(secs) = output_timestamp else {
        let (y, mo, d, h, mi, s) = DEFAULT_ENTRY_TIME;
        return zip::DateTime::from_date_and_time(y, mo, d, h, mi, s)
            .map_err(|_| Error::Internal("default entry time out of range".into()));
    };
    let c = civil_from_epoch(secs);
    u16::try_from(c.year)
        .ok()
        .and_then(|y| zip::DateTime::from_date_and_time(y, c.month, c.day, c.hour, c.minute, c.second).ok())
        .ok_or_else(|| {
            Error::field(
                "output-timestamp",
                format!("{secs} is outside the years zip can record (1980 to 2107); set project.build.outputTimestamp or SOURCE_DATE_EPOCH to a date in that range"),
            )
        })
}

/// `build-time` as the official plugin formats it (`yyyy-MM-dd'T'HH:mm:ssZ`), in UTC.
pub fn format_build_time(secs: i64) -> String {
    let c = civil_from_epoch(secs);
    format!("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}+0000", c.year, c.month, c.day, c.hour, c.minute, c.second)
}

/// A zip entry time as `yyyy-MM-ddTHH:mm:ss` (zip times carry no zone).
pub fn format_zip_time(t: Option<zip::DateTime>) -> String {
    match t {
        Some(t) => format!("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", t.year(), t.month(), t.day(), t.hour(), t.minute(), t.second()),
        None => "invalid".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_conversions_match_known_dates() {
        assert_eq!(civil_from_epoch(0), Civil { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0 });
        // 2024-02-29T12:34:56Z, a leap day.
        assert_eq!(civil_from_epoch(1_709_210_096), Civil { year: 2024, month: 2, day: 29, hour: 12, minute: 34, second: 56 });
        assert_eq!(civil_from_epoch(-1), Civil { year: 1969, month: 12, day: 31, hour: 23, minute: 59, second: 59 });
        assert_eq!(format_build_time(1_700_000_000), "2023-11-14T22:13:20+0000");
    }

    #[test]
    fn output_timestamps_parse_like_maven() {
        assert_eq!(parse_output_timestamp("1700000000"), Some(1_700_000_000));
        assert_eq!(parse_output_timestamp("2023-11-14T22:13:20Z"), Some(1_700_000_000));
        assert_eq!(parse_output_timestamp("2023-11-15T00:13:20+02:00"), Some(1_700_000_000));
        assert_eq!(parse_output_timestamp("2023-11-14T22:13:20.123Z"), Some(1_700_000_000));
        for bad in ["", "yesterday", "2023-13-01T00:00:00Z", "2023-11-14 22:13:20Z", "2023-11-14T22:13:20"] {
            assert_eq!(parse_output_timestamp(bad), None, "{bad}");
        }
        for secs in [0, 951_782_400, 1_709_210_096, 4_102_444_800] {
            let c = civil_from_epoch(secs);
            let back = epoch_from_civil(c.year, c.month, c.day) + i64::from(c.hour) * 3600 + i64::from(c.minute) * 60 + i64::from(c.second);
            assert_eq!(back, secs);
        }
    }

    #[test]
    fn entry_time_defaults_and_rejects_out_of_range() {
        let t = entry_time(None).unwrap();
        assert_eq!((t.year(), t.month(), t.day()), (1980, 2, 1));
        let t = entry_time(Some(1_700_000_000)).unwrap();
        assert_eq!((t.year(), t.month(), t.day(), t.hour(), t.minute(), t.second()), (2023, 11, 14, 22, 13, 20));
        let err = entry_time(Some(0)).unwrap_err();
        assert!(matches!(err, Error::InvalidField { ref field, .. } if field == "output-timestamp"), "{err}");
    }
}
