//! Writes a generated journal to stdout, for trying rekindle on a large journal:
//!
//! ```sh
//! cargo run --release --example generate -- --years 10 --seed 1 > /tmp/rk/journal.json
//! cargo run --release --example generate -- --years 50 --note-chars 300 > /tmp/rk50/journal.json
//! ```

use chrono::NaiveDate;
use rekindle::generate::{Spec, journal};
use std::io::Write;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut years = 1;
    let mut seed = 1;
    let mut note_chars = 0;
    let mut end = NaiveDate::from_ymd_opt(2026, 11, 23).expect("a valid date");
    while let Some(flag) = args.next() {
        let value = args.next().unwrap_or_default();
        match flag.as_str() {
            "--years" => years = value.parse().expect("--years takes a whole number"),
            "--seed" => seed = value.parse().expect("--seed takes a whole number"),
            "--note-chars" => {
                note_chars = value.parse().expect("--note-chars takes a whole number")
            }
            "--end" => end = value.parse().expect("--end takes YYYY-MM-DD"),
            _ => {
                eprintln!(
                    "usage: generate [--years N] [--seed N] [--end YYYY-MM-DD] [--note-chars N]"
                );
                std::process::exit(2);
            }
        }
    }
    let bytes = rekindle::journal::encode(&journal(&Spec {
        note_chars,
        ..Spec::years(years, end, seed)
    }));
    std::io::stdout()
        .write_all(&bytes)
        .expect("write to stdout");
}
