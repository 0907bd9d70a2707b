//! Times `insights::analyse` in process on a generated journal, for the default window and the
//! costliest settings (52 weeks, no days off: counts beyond u128, big integers):
//!
//! ```sh
//! cargo run --release --example insights_cost -- --years 10
//! ```

use chrono::NaiveDate;
use rekindle::generate::{Spec, journal};
use rekindle::insights::analyse;
use rekindle::journal::DaysOff;
use std::time::{Duration, Instant};

fn main() {
    let mut args = std::env::args().skip(1);
    let mut years = 10;
    while let Some(flag) = args.next() {
        match flag.as_str() {
            "--years" => {
                years = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .expect("--years takes a whole number")
            }
            _ => {
                eprintln!("usage: insights_cost [--years N]");
                std::process::exit(2);
            }
        }
    }
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).expect("a valid date");
    let mut journal = journal(&Spec::years(years, today, 42));
    for (label, weeks, days_off) in [
        ("26 weeks, days off sat,sun", 26, DaysOff::default()),
        ("52 weeks, days off sat,sun", 52, DaysOff::default()),
        ("52 weeks, no days off", 52, DaysOff::NONE),
    ] {
        journal.settings.days_off = days_off;
        let mut samples: Vec<Duration> = (0..21)
            .map(|_| {
                let start = Instant::now();
                let report = analyse(&journal, today, weeks);
                std::hint::black_box(&report);
                start.elapsed()
            })
            .collect();
        samples.sort();
        let report = analyse(&journal, today, weeks);
        println!(
            "{label:<28} median {:>7.2} ms (min {:>6.2}, max {:>6.2}), {} comparisons",
            samples[samples.len() / 2].as_secs_f64() * 1000.0,
            samples[0].as_secs_f64() * 1000.0,
            samples[samples.len() - 1].as_secs_f64() * 1000.0,
            report.comparisons_made
        );
    }
}
