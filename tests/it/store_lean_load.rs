//! The open app loads the journal as it streams from the file (`Store::load_lean`), so its
//! peak memory is the journal alone. It must load exactly what `Store::load` loads, with the
//! same fingerprint, and refuse exactly what `load` refuses, with the same words.

use crate::support::{Sandbox, make_fifo};
use chrono::NaiveDate;
use rekindle::generate::{Spec, journal};
use rekindle::journal::encode;
use rekindle::paths::Paths;
use rekindle::store::{AsLoaded, Loaded, Store};

fn store(s: &Sandbox) -> Store {
    Store::new(Paths::in_dir(s.data_dir()))
}

fn outcome(loaded: Result<Loaded, rekindle::store::LoadError>) -> Result<String, String> {
    loaded
        .map(|l| format!("{:?} {:?} {}", l.journal, l.fingerprint, l.file.is_some()))
        .map_err(|e| e.reason())
}

fn assert_same(s: &Sandbox, case: &str) {
    let store = store(s);
    assert_eq!(outcome(store.load_lean()), outcome(store.load()), "{case}");
}

#[test]
fn the_lean_load_is_the_load_for_good_damaged_and_odd_files() {
    let s = Sandbox::new();
    assert_same(&s, "no journal yet");
    let end = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let good = encode(&journal(&Spec::years_long_notes(1, end, 9)));
    s.write_journal(&good);
    assert_same(&s, "a year");
    assert!(
        matches!(
            store(&s).load_lean().unwrap().file,
            Some(AsLoaded::Open { .. })
        ),
        "streamed from the open file, not read whole"
    );

    let text = String::from_utf8(good.clone()).unwrap();
    let unknown = text.replacen(
        "\"exhaustion\":",
        "\"from_the_future\": {\"x\": [1, 2.50]}, \"exhaustion\":",
        3,
    );
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("fields from a newer rekindle", unknown.into_bytes()),
        ("cut short", good[..good.len() / 2].to_vec()),
        ("empty", Vec::new()),
        ("trailing garbage", [good.as_slice(), b"}"].concat()),
        (
            "a wrong version",
            text.replacen("\"version\": 1", "\"version\": 9", 1)
                .into_bytes(),
        ),
        ("a byte that is not UTF-8 in a note", {
            let mut bytes = good.clone();
            let at = text.find("\"note\": \"").unwrap() + 10;
            bytes[at] = 0xff;
            bytes
        }),
        (
            "a rating out of range",
            text.replacen("\"exhaustion\": ", "\"exhaustion\": 1", 1)
                .into_bytes(),
        ),
    ];
    for (case, bytes) in cases {
        s.write_journal(&bytes);
        assert_same(&s, case);
    }

    std::fs::remove_file(s.journal_path()).unwrap();
    make_fifo(&s.journal_path());
    assert_same(&s, "a FIFO, never opened");
    std::fs::remove_file(s.journal_path()).unwrap();
    std::fs::create_dir(s.journal_path()).unwrap();
    assert_same(&s, "a directory");
}

#[test]
fn todays_backup_is_the_journal_as_it_loaded_or_none() {
    let s = Sandbox::new();
    let end = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let good = encode(&journal(&Spec::years_long_notes(1, end, 9)));
    s.write_journal(&good);
    let store = store(&s);
    let backup = s.data_dir().join("backups/journal-2026-11-23.json");
    let tuesday = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let tuesday_backup = s.data_dir().join("backups/journal-2026-11-24.json");

    // Loaded and unchanged: the backup is the file as loaded.
    let loaded = store.load_lean().unwrap();
    store.backup_of(loaded.file.as_ref().unwrap(), end + chrono::Days::new(1));
    assert!(
        std::fs::read(&backup).unwrap() == good,
        "the journal as it loaded"
    );

    // Loaded, then written into in place (an editor that does not rename): no copy could be
    // the journal as loaded, so no backup is taken rather than a wrong one.
    s.write_journal(&good);
    let loaded = store.load_lean().unwrap();
    let mut edited = good.clone();
    edited.extend_from_slice(b"\n");
    std::fs::write(s.journal_path(), &edited).unwrap();
    store.backup_of(loaded.file.as_ref().unwrap(), tuesday);
    assert!(
        !tuesday_backup.exists(),
        "no backup of a file that changed in place"
    );
}
