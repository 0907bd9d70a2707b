//! Times, in process, each step of loading and saving a generated journal with ~300-character
//! notes (read, hash, decode, encode, summary, drop), to see where a CLI command's time goes:
//!
//! ```sh
//! cargo run --release --example load_cost -- --years 10
//! ```

use chrono::NaiveDate;
use rekindle::generate::{Spec, journal};
use rekindle::journal::{decode, encode};
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
                eprintln!("usage: load_cost [--years N]");
                std::process::exit(2);
            }
        }
    }
    let end = NaiveDate::from_ymd_opt(2026, 11, 22).expect("a valid date");
    let bytes = encode(&journal(&Spec::years_long_notes(years, end, 42)));
    println!("{years} years: {} bytes", bytes.len());
    let fastest = |name: &str, f: &mut dyn FnMut()| {
        let best = (0..15)
            .map(|_| {
                let started = Instant::now();
                f();
                started.elapsed()
            })
            .min()
            .unwrap_or(Duration::ZERO);
        println!("{name:<28} {:>7.2} ms", best.as_secs_f64() * 1e3);
    };
    fastest("decode", &mut || drop(std::hint::black_box(decode(&bytes))));
    let decoded = decode(&bytes).expect("a generated journal decodes");
    fastest("encode", &mut || {
        drop(std::hint::black_box(encode(&decoded)))
    });
    fastest("clone + drop", &mut || {
        drop(std::hint::black_box(decoded.clone()))
    });
    let file = std::env::temp_dir().join(format!("rekindle-load-cost-{}", std::process::id()));
    std::fs::write(&file, &bytes).expect("a temp file");
    let stat = rekindle::store::Stat::of(&file);
    fastest("read", &mut || {
        drop(std::hint::black_box(rekindle::store::read_bounded(&file)))
    });
    fastest("decode from the file, streamed", &mut || {
        let reader =
            std::io::BufReader::with_capacity(1 << 16, std::fs::File::open(&file).unwrap());
        drop(std::hint::black_box(
            serde_json::from_reader::<_, rekindle::journal::Journal>(reader).unwrap(),
        ))
    });
    let _ = std::fs::remove_file(&file);
    fastest("fingerprint hash", &mut || {
        std::hint::black_box(rekindle::store::Fingerprint::of(stat, &bytes));
    });
    let today = end.succ_opt().expect("a day after");
    fastest("trends review (8 weeks)", &mut || {
        drop(std::hint::black_box(rekindle::trends::review(
            &decoded, today, 8,
        )))
    });
    fastest("status line", &mut || {
        drop(std::hint::black_box(rekindle::trends::status_line(
            &decoded, today,
        )))
    });
    fastest("summary part", &mut || {
        drop(std::hint::black_box(rekindle::store::summary::recent_part(
            &decoded,
        )))
    });
}
