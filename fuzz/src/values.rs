//! Fuzz target: every cell reader on arbitrary text.

use clerk::read::RawCell;
use clerk::values::{normalize_phone, parse_date, parse_flag, parse_integer, parse_money, DateOrder};

fn main() {
    afl::fuzz!(|data: &[u8]| {
        if let Ok(text) = std::str::from_utf8(data) {
            let cell = RawCell::Text(text.into());
            for order in [DateOrder::Ymd, DateOrder::Dmy, DateOrder::Mdy] {
                let _ = parse_date(&cell, order);
            }
            let _ = parse_money(&cell);
            let _ = parse_flag(&cell);
            let _ = parse_integer(&cell);
            let _ = normalize_phone(&cell);
            let _ = clerk::base::text::header_key(text);
            let _ = clerk::base::text::phrase_key(text);
        }
    });
}
