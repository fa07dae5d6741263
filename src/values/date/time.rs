//! The time of day after a date: `14:30`, `14:30:05`, `T14:30:00Z`, `下午2:30`, `2:30 PM`,
//! `14時30分`, `14點半`. Tested through [`super::parse_date`] (`date/tests.rs`).

use crate::values::cursor::Cursor;
use crate::values::error::ValueError;

/// Reads the optional time after the date and checks that nothing else follows. Returns the
/// hour, minute and second as written (24-hour clock), not yet checked.
pub(super) fn parse_time_part(cursor: &mut Cursor) -> Result<Option<(u32, u32, u32)>, ValueError> {
    cursor.skip_spaces();
    if cursor.at_end() {
        return Ok(None);
    }
    if cursor.eat_any(&['T', 't']).is_some() {
        cursor.skip_spaces();
    }
    let mut afternoon = None;
    for (word, pm) in [
        ("上午", false),
        ("早上", false),
        ("凌晨", false),
        ("下午", true),
        ("晚上", true),
    ] {
        if cursor.eat_str(word) {
            afternoon = Some(pm);
            cursor.skip_spaces();
            break;
        }
    }
    let hour = read_time_part(&cursor.digits())?;
    let (minute, second);
    if cursor.eat(':') {
        minute = read_time_part(&cursor.digits())?;
        if cursor.eat(':') {
            second = read_time_part(&cursor.digits())?;
            if cursor.eat('.') && cursor.digits().is_empty() {
                return Err(ValueError::NotADate);
            }
        } else {
            second = 0;
        }
    } else if cursor.eat_any(&['時', '时', '点', '點']).is_some() {
        cursor.skip_spaces();
        if cursor.eat('半') {
            minute = 30;
            second = 0;
        } else {
            minute = read_optional_time_part(cursor, '分')?;
            second = read_optional_time_part(cursor, '秒')?;
        }
    } else {
        return Err(ValueError::NotADate);
    }
    cursor.skip_spaces();
    if afternoon.is_none() {
        if cursor.eat_str_ignore_case("am") {
            afternoon = Some(false);
        } else if cursor.eat_str_ignore_case("pm") {
            afternoon = Some(true);
        }
    }
    cursor.skip_spaces();
    cursor.eat_any(&['Z', 'z']);
    cursor.skip_spaces();
    if !cursor.at_end() {
        return Err(ValueError::NotADate);
    }
    let hour = match afternoon {
        Some(true) if hour < 12 => hour + 12,
        Some(false) if hour == 12 => 0,
        Some(false) if hour > 12 => return Err(ValueError::InvalidTime { hour, minute, second }),
        _ => hour,
    };
    Ok(Some((hour, minute, second)))
}

/// One or two digits of a clock time.
fn read_time_part(digits: &str) -> Result<u32, ValueError> {
    if digits.is_empty() || digits.len() > 2 {
        return Err(ValueError::NotADate);
    }
    digits.parse().map_err(|_| ValueError::NotADate)
}

/// The `30分` or `05秒` of `14時30分05秒`: zero when absent.
fn read_optional_time_part(cursor: &mut Cursor, unit: char) -> Result<u32, ValueError> {
    cursor.skip_spaces();
    let digits = cursor.digits();
    if digits.is_empty() {
        return Ok(0);
    }
    let value = read_time_part(&digits)?;
    cursor.eat(unit);
    cursor.skip_spaces();
    Ok(value)
}
