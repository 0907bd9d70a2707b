//! Heap bytes held by a decoded generated journal, and the peak while decoding it:
//!
//! ```sh
//! cargo run --release --example load_memory -- --years 50
//! ```

use chrono::NaiveDate;
use rekindle::generate::{Spec, journal};
use rekindle::journal::{decode, encode};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;
static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = NOW.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        NOW.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn mib(bytes: usize) -> f64 {
    bytes as f64 / (1 << 20) as f64
}

fn main() {
    let years = std::env::args()
        .nth(2)
        .and_then(|v| v.parse().ok())
        .unwrap_or(50);
    let end = NaiveDate::from_ymd_opt(2026, 11, 22).expect("a valid date");
    let bytes = encode(&journal(&Spec::years_long_notes(years, end, 42)));
    let before = NOW.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let mut decoded = decode(&bytes).expect("decodes");
    let held = NOW.load(Ordering::Relaxed) - before;
    decoded.check_ins.shrink_to_fit();
    decoded.connections.shrink_to_fit();
    let shrunk = NOW.load(Ordering::Relaxed) - before;
    println!("after shrink_to_fit {:.1} MiB", mib(shrunk));
    let boundary_maps: usize = decoded
        .check_ins
        .iter()
        .filter(|c| !c.boundaries.is_empty())
        .count();
    let sleep_texts: usize = decoded
        .check_ins
        .iter()
        .filter(|c| c.habits.sleep_hours.is_some())
        .count();
    println!("check-ins with boundary outcomes {boundary_maps}, with sleep {sleep_texts}");
    let peak = PEAK.load(Ordering::Relaxed) - before;
    println!(
        "{years} years: file {:.1} MiB, decoded journal {:.1} MiB, peak while decoding {:.1} MiB above the file",
        mib(bytes.len()),
        mib(held),
        mib(peak)
    );
    println!(
        "check-ins {}, connections {}, size_of CheckIn {} B, Connection {} B",
        decoded.check_ins.len(),
        decoded.connections.len(),
        std::mem::size_of::<rekindle::journal::CheckIn>(),
        std::mem::size_of::<rekindle::journal::Connection>()
    );
}
