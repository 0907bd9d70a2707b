//! Markdown export: a readable journal a person could take to a therapist or coach.
//!
//! Never touches the disk; builds one `String` with `write!` (no per-day intermediate strings,
//! so a 10-year journal renders in a few milliseconds).
//!
//! Layout: a title with the range, the "not a diagnosis" line and a short legend; then each week
//! that has a check-in or a connection, **oldest first** — the journal reads in the order it was
//! lived, like the diary it is, and in the same order as the CSV and `trends --json`; the title
//! says where it ends. A run of weeks with no entries is one italic line, so gaps stay visible
//! without a heading per empty week. Each week has a summary (days checked in, the weekly means
//! or "not enough check-ins (2 of 3)"), its days oldest first, then its connections. The user's
//! boundaries are listed at the end so "kept"/"slipped" can be read against their wording.
//!
//! Every piece of user text (notes, names, boundary text) is escaped so it shows literally: a
//! note `# hi`, `<script>` or `| a |` is text, not a heading, HTML or a table. Each text line is
//! trimmed (leading spaces would make a code block; trailing ones a line break); multi-line notes
//! keep their line breaks inside their day's block quote. The JSON export is the exact copy.

use super::Range;
use crate::journal::{
    Boundary, CheckIn, Connection, Felt, Habit, InitiatedBy, Journal, Kind, Outcome,
};
use crate::scoring::{
    Band, MIN_WEEK_CHECK_INS, NOT_A_DIAGNOSIS, Sums, composite, fmt1, week_start,
};
use chrono::{Days, NaiveDate, Weekday};
use std::collections::HashMap;
use std::fmt::Write;

pub(super) fn render(journal: &Journal, range: Range) -> String {
    let mut check_ins: Vec<&CheckIn> = range.check_ins(journal).collect();
    check_ins.sort_by_key(|c| c.date);
    let mut connections: Vec<&Connection> = range.connections(journal).collect();
    // Stable: connections on the same day keep the order they were logged in.
    connections.sort_by_key(|c| c.date);
    let boundaries: HashMap<&str, &Boundary> = journal
        .boundaries
        .iter()
        .map(|b| (b.id.as_str(), b))
        .collect();
    let week_starts_on = journal.settings.week_start();

    // Roughly what a day with a note and habits takes, so the String grows a handful of times.
    let mut out = String::with_capacity(1024 + 400 * check_ins.len() + 200 * connections.len());
    write_title(&mut out, &check_ins, &connections, range, week_starts_on);

    let week_of = |date: NaiveDate| week_start(date, week_starts_on);
    let (mut days, mut contacts) = (&check_ins[..], &connections[..]);
    let mut previous: Option<NaiveDate> = None;
    loop {
        let week = match (days.first(), contacts.first()) {
            (None, None) => break,
            (Some(c), None) => week_of(c.date),
            (None, Some(k)) => week_of(k.date),
            (Some(c), Some(k)) => week_of(c.date.min(k.date)),
        };
        if let Some(previous) = previous {
            write_gap(&mut out, previous, week);
        }
        let week_days = take_week(&mut days, week, |c| week_of(c.date));
        let week_contacts = take_week(&mut contacts, week, |c| week_of(c.date));

        write_week(&mut out, week, week_days, range);
        for check_in in week_days {
            write_day(&mut out, check_in, &boundaries);
        }
        if !week_contacts.is_empty() {
            out.push_str("### Connections this week\n\n");
            for connection in week_contacts {
                write_connection(&mut out, connection);
            }
            out.push('\n');
        }
        previous = Some(week);
    }

    write_boundaries(&mut out, &journal.boundaries);
    write_patterns(&mut out, journal, range);
    out
}

/// Splits off the entries at the front of `entries` (sorted by date) that belong to `week`.
fn take_week<'a, T>(
    entries: &mut &'a [T],
    week: NaiveDate,
    week_of: impl Fn(&T) -> NaiveDate,
) -> &'a [T] {
    let split = entries
        .iter()
        .position(|entry| week_of(entry) != week)
        .unwrap_or(entries.len());
    let (in_week, rest) = entries.split_at(split);
    *entries = rest;
    in_week
}

fn write_title(
    out: &mut String,
    check_ins: &[&CheckIn],
    connections: &[&Connection],
    range: Range,
    week_starts_on: Weekday,
) {
    let dates = |a: Option<&&CheckIn>, b: Option<&&Connection>| {
        [a.map(|c| c.date), b.map(|k| k.date)].into_iter().flatten()
    };
    let earliest = dates(check_ins.first(), connections.first()).min();
    let latest = dates(check_ins.last(), connections.last()).max();
    out.push_str("# rekindle journal");
    // An open end of the range is shown as the first or last entry actually exported.
    match (range.from.or(earliest), range.to.or(latest)) {
        (Some(from), Some(to)) => write!(out, ": {from} to {to}"),
        (Some(from), None) => write!(out, " from {from}"),
        (None, Some(to)) => write!(out, " up to {to}"),
        (None, None) => Ok(()),
    }
    .expect("writing to a String cannot fail");
    write!(
        out,
        "\n\n{NOT_A_DIAGNOSIS}\n\n\
         Ratings are 0–10. Exhaustion and cynicism: higher means more strain. Efficacy: higher \
         means feeling more capable. The composite (0–100) combines the three with efficacy \
         reversed; 50 or more reads as high strain. Weekly means need at least \
         {MIN_WEEK_CHECK_INS} check-ins; days without a check-in are gaps, not zeros. \
         Weeks start on {}.\n\n",
        crate::journal::calendar::weekday_title(week_starts_on)
    )
    .expect("writing to a String cannot fail");
    if check_ins.is_empty() && connections.is_empty() {
        out.push_str("_Nothing was recorded in this range._\n\n");
    }
}

fn write_gap(out: &mut String, previous: NaiveDate, week: NaiveDate) {
    let empty_weeks = (week - previous).num_days() / 7 - 1;
    if empty_weeks == 1 {
        writeln!(
            out,
            "_No entries in the week of {}._\n",
            add_days(previous, 7)
        )
    } else if empty_weeks > 1 {
        writeln!(
            out,
            "_No entries for {empty_weeks} weeks ({} to {})._\n",
            add_days(previous, 7),
            week.pred_opt().unwrap_or(week)
        )
    } else {
        Ok(())
    }
    .expect("writing to a String cannot fail");
}

fn add_days(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days)).unwrap_or(date)
}

fn write_week(out: &mut String, week: NaiveDate, days: &[&CheckIn], range: Range) {
    let days_in_range = (0..7)
        .filter(|&n| range.contains(add_days(week, n)))
        .count();
    let sums = Sums::of(days.iter().copied());
    write!(
        out,
        "## Week of {}\n\nChecked in on {} of {days_in_range} {}{}. ",
        week.format("%A %Y-%m-%d"),
        sums.count,
        if days_in_range == 1 { "day" } else { "days" },
        if days_in_range < 7 {
            " in the range"
        } else {
            ""
        },
    )
    .expect("writing to a String cannot fail");
    match sums.week_means() {
        Some(means) => writeln!(
            out,
            "Means: exhaustion {} · cynicism {} · efficacy {} · composite {} ({}).\n",
            fmt1(means.exhaustion),
            fmt1(means.cynicism),
            fmt1(means.efficacy),
            fmt1(means.composite),
            means.band.label(),
        ),
        None => writeln!(
            out,
            "Weekly means: not enough check-ins ({} of {MIN_WEEK_CHECK_INS}).\n",
            sums.count
        ),
    }
    .expect("writing to a String cannot fail");
}

fn write_day(out: &mut String, c: &CheckIn, boundaries: &HashMap<&str, &Boundary>) {
    write!(
        out,
        "### {}\n\nExhaustion {} · cynicism {} · efficacy {} · composite {} ({}).\n\n",
        c.date.format("%A %Y-%m-%d"),
        c.exhaustion,
        c.cynicism,
        c.efficacy,
        fmt1(composite(c)),
        Band::of_day(c).label(),
    )
    .expect("writing to a String cannot fail");

    let mut listed = false;
    if let Some(hours) = c.habits.sleep_hours {
        writeln!(out, "- Sleep the night before: {} h", fmt1(hours))
            .expect("writing to a String cannot fail");
        listed = true;
    }
    // The habits done, never a list of what was not: a day saved from the TUI records every
    // habit, and "Did not: …" under each of them read as a list of failures. Unrecorded
    // habits are not mentioned at all.
    let flags = c.habits.flags();
    if flags.iter().any(Option::is_some) {
        let mut first = true;
        for (label, flag) in Habit::ALL.map(Habit::label).into_iter().zip(flags) {
            if flag != Some(true) {
                continue;
            }
            out.push_str(if first { "- Did: " } else { ", " });
            push_lowercase_first(out, label);
            first = false;
        }
        out.push_str(if first { "- No habits ticked\n" } else { "\n" });
        listed = true;
    }
    for (wanted, heading) in [(Outcome::Kept, "Kept"), (Outcome::Slipped, "Slipped")] {
        let mut first = true;
        for (id, _) in c.boundaries.iter().filter(|(_, o)| **o == wanted) {
            out.push_str(if first { "- " } else { "; " });
            if first {
                out.push_str(heading);
                out.push_str(": ");
            }
            match boundaries.get(id.as_str()) {
                Some(boundary) => push_text(out, &boundary.text, Lines::Inline),
                None => {
                    out.push_str("boundary ");
                    push_text(out, id, Lines::Inline);
                    out.push_str(" (not in the boundary list)");
                }
            }
            first = false;
        }
        if !first {
            out.push('\n');
            listed = true;
        }
    }
    if listed {
        out.push('\n');
    }
    if has_text(&c.note) {
        out.push_str("> ");
        push_text(out, &c.note, Lines::Quote);
        out.push_str("\n\n");
    }
}

fn write_connection(out: &mut String, k: &Connection) {
    write!(out, "- {}, **", k.date.format("%A %Y-%m-%d")).expect("writing to a String cannot fail");
    push_text(out, &k.person, Lines::Inline);
    writeln!(
        out,
        "**: {}, {}, {}",
        kind_words(k.kind),
        felt_words(k.felt),
        initiated_words(k.initiated_by)
    )
    .expect("writing to a String cannot fail");
    for (label, text) in [("Note", &k.note), ("Gratitude", &k.gratitude)] {
        if has_text(text) {
            write!(out, "  - {label}: ").expect("writing to a String cannot fail");
            push_text(out, text, Lines::Indented("    "));
            out.push('\n');
        }
    }
}

fn write_boundaries(out: &mut String, boundaries: &[Boundary]) {
    if boundaries.is_empty() {
        return;
    }
    out.push_str("## Boundaries\n\n");
    for b in boundaries {
        out.push_str("- ");
        push_text(out, &b.text, Lines::Inline);
        out.push_str(" — ");
        match (b.from, b.until) {
            (Some(from), Some(until)) => write!(out, "{from}–{until}"),
            (Some(from), None) => write!(out, "from {from}"),
            (None, Some(until)) => write!(out, "until {until}"),
            (None, None) => write!(out, "all day"),
        }
        .expect("writing to a String cannot fail");
        match &b.days {
            None => out.push_str(", every day"),
            Some(days) => {
                out.push_str(", on ");
                for (i, day) in days.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(day.name());
                }
            }
        }
        if b.archived {
            out.push_str(" (archived)");
        }
        out.push('\n');
    }
    out.push('\n');
}

fn kind_words(kind: Kind) -> &'static str {
    match kind {
        Kind::Message => "message",
        Kind::Call => "call",
        Kind::Video => "video call",
        Kind::InPerson => "in person",
        Kind::Group => "group",
        Kind::Therapy => "therapy",
        Kind::Mentor => "mentor",
        Kind::Other => "other",
    }
}

fn felt_words(felt: Felt) -> &'static str {
    match felt {
        Felt::Nourishing => "felt nourishing",
        Felt::Neutral => "felt neutral",
        Felt::Draining => "felt draining",
    }
}

fn initiated_words(by: InitiatedBy) -> &'static str {
    match by {
        InitiatedBy::Me => "I reached out",
        InitiatedBy::Them => "they reached out",
        InitiatedBy::Mutual => "both reached out",
    }
}

fn push_lowercase_first(out: &mut String, label: &str) {
    let mut chars = label.chars();
    if let Some(first) = chars.next() {
        out.extend(first.to_lowercase());
        out.push_str(chars.as_str());
    }
}

fn has_text(text: &str) -> bool {
    !text.trim().is_empty()
}

/// How the lines of a piece of user text are laid out.
#[derive(Clone, Copy)]
enum Lines<'a> {
    /// Inside a block quote that the caller opened with `> `: line breaks kept, blank lines
    /// become paragraph breaks inside the quote.
    Quote,
    /// Inside a list item whose content starts at this indent: line breaks kept, blank lines
    /// dropped (a blank line would end a tight list).
    Indented(&'a str),
    /// On one line (names, boundary text): line breaks become spaces.
    Inline,
}

/// Writes user text so Markdown shows it literally, laid out as `lines` says.
fn push_text(out: &mut String, text: &str, lines: Lines<'_>) {
    let mut wrote_any = false;
    let mut blank_since = false;
    // `lines` handles \n and \r\n; a lone \r is a line ending in Markdown too.
    for line in text.lines().flat_map(|l| l.split('\r')) {
        let line = line.trim();
        if line.is_empty() {
            blank_since = wrote_any;
            continue;
        }
        if wrote_any {
            match lines {
                Lines::Quote if blank_since => out.push_str("\n>\n> "),
                Lines::Quote => out.push_str("\\\n> "),
                Lines::Indented(indent) => {
                    out.push_str("\\\n");
                    out.push_str(indent);
                }
                Lines::Inline => out.push(' '),
            }
        }
        push_escaped_line(out, line);
        wrote_any = true;
        blank_since = false;
    }
}

/// Escapes one trimmed line. Characters that start markup anywhere are always escaped; those
/// that only matter at the start of a line (headings, quotes, lists, setext underlines, pandoc's
/// definition and lettered lists) are escaped there; `--` is escaped so pandoc's smart
/// typography does not turn `--force` into an en dash. Every escape is a backslash before ASCII
/// punctuation, which CommonMark, GFM and pandoc all render as the bare character.
///
/// Byte by byte, copying the runs between escapes whole: every character it escapes is ASCII,
/// and no byte of a multi-byte UTF-8 character is.
fn push_escaped_line(out: &mut String, line: &str) {
    let list_marker_at = list_marker(line);
    let bytes = line.as_bytes();
    let mut copied = 0;
    for (i, &b) in bytes.iter().enumerate() {
        // Most bytes are none of these: one table look-up decides.
        if !MAYBE_ESCAPED[usize::from(b)] && i != 0 && Some(i) != list_marker_at {
            continue;
        }
        let escape = ALWAYS_ESCAPED.contains(&b)
            || (i == 0 && LINE_START_ESCAPED.contains(&b))
            || (b == b'-' && bytes.get(i + 1) == Some(&b'-'))
            || Some(i) == list_marker_at;
        if escape {
            out.push_str(&line[copied..i]);
            out.push('\\');
            copied = i;
        }
    }
    out.push_str(&line[copied..]);
}

/// Escaped wherever they stand.
const ALWAYS_ESCAPED: &[u8] = b"\\`*_[]<|~&$^@";
/// Escaped at the start of a line.
const LINE_START_ESCAPED: &[u8] = b"#>-+=:(";
/// Every byte that may be escaped away from the start of a line (`-` when `--`).
const MAYBE_ESCAPED: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < ALWAYS_ESCAPED.len() {
        table[ALWAYS_ESCAPED[i] as usize] = true;
        i += 1;
    }
    table[b'-' as usize] = true;
    table
};

/// Where the `.` or `)` of a numbered or lettered list marker is, if the line starts with one:
/// `1.`, `12)`, `a)`, `iv.` (pandoc's lettered and roman lists), followed by a space or the end.
fn list_marker(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    let run = bytes
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    let head = &bytes[..run];
    let is_marker = ((1..=9).contains(&run) && head.iter().all(u8::is_ascii_digit))
        || run == 1
        || (run > 0 && head.iter().all(|b| b"ivxlcdmIVXLCDM".contains(b)));
    let closes = matches!(bytes.get(run), Some(b'.' | b')'))
        && bytes.get(run + 1).is_none_or(u8::is_ascii_whitespace);
    (is_marker && closes).then_some(run)
}

/// A closing "Patterns" section when there is at least one clear insight (docs/INSIGHTS.md): the
/// summary sentences and the footer, as of the end of the range (or the last check-in).
fn write_patterns(out: &mut String, journal: &Journal, range: Range) {
    let last = journal
        .check_ins
        .iter()
        .map(|c| c.date)
        .filter(|d| range.contains(*d))
        .max();
    let Some(today) = range.to.or(last) else {
        return;
    };
    let report = crate::insights::analyse(journal, today, crate::insights::DEFAULT_WEEKS);
    let summary = report.summary();
    if summary.is_empty() {
        return;
    }
    out.push_str("## Patterns\n\n");
    for insight in summary {
        out.push_str("- ");
        push_text(out, &report.sentence(insight), Lines::Inline);
        out.push('\n');
    }
    out.push('\n');
    push_text(out, &report.footer(), Lines::Inline);
    out.push_str("\n\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::{arb_text, d, sample};
    use proptest::prelude::*;

    /// The lines of the section that starts with `heading`, up to the next heading.
    fn section<'a>(markdown: &'a str, heading: &str) -> Vec<&'a str> {
        let mut lines = markdown.lines().skip_while(|l| *l != heading);
        let first = lines.next().expect("the heading is there");
        std::iter::once(first)
            .chain(lines.take_while(|l| !l.starts_with('#')))
            .collect()
    }

    /// CommonMark's reading of backslash escapes: `\` before ASCII punctuation is dropped.
    fn unescape(text: &str) -> String {
        let mut out = String::new();
        let mut chars = text.chars().peekable();
        while let Some(ch) = chars.next() {
            if ch == '\\' && chars.peek().is_some_and(char::is_ascii_punctuation) {
                out.push(chars.next().expect("peeked"));
            } else {
                out.push(ch);
            }
        }
        out
    }

    #[test]
    fn whole_sample_journal() {
        insta::assert_snapshot!(render(&sample(), Range::all()));
    }

    #[test]
    fn range_clipped_weeks_and_sunday_starts() {
        let mut journal = sample();
        journal.settings.week_starts_on = "sunday".parse().unwrap();
        let range = Range::new(Some(d("2026-11-11")), Some(d("2026-11-16"))).unwrap();
        insta::assert_snapshot!(render(&journal, range));
    }

    #[test]
    fn empty_journal_says_nothing_was_recorded() {
        insta::assert_snapshot!(render(&Journal::default(), Range::all()));
    }

    #[test]
    fn markdown_in_a_note_is_escaped_and_stays_in_its_day() {
        let markdown = render(&sample(), Range::all());
        let day = section(&markdown, "### Wednesday 2026-11-11");
        assert_eq!(
            day[4],
            r"> \# hi \<script>alert(1)\</script> \| a \| \*not bold\* \[link\](x) \& \`code\`\"
        );
        // Every line of the note is inside the quote, blank line included.
        let quoted: Vec<&str> = day[4..].iter().copied().filter(|l| !l.is_empty()).collect();
        assert_eq!(quoted.len(), 7);
        assert!(
            quoted.iter().all(|l| *l == ">" || l.starts_with("> ")),
            "{quoted:#?}"
        );
        assert_eq!(
            quoted[2], ">",
            "the blank line is a paragraph break inside the quote"
        );
        assert_eq!(
            quoted[4], r"> \-\--\",
            "not a rule, not a setext underline, not a dash"
        );
        assert!(quoted.contains(&r"> 1\. not a numbered list\"));
        assert!(quoted.contains(&r"> \- not a list"));
        assert!(
            quoted.contains(&r"> not code\"),
            "leading spaces would be a code block"
        );
        let unescaped_angle = markdown
            .match_indices('<')
            .any(|(i, _)| !markdown[..i].ends_with('\\'));
        assert!(!unescaped_angle, "no raw HTML reaches the reader");
    }

    #[test]
    fn weeks_show_means_or_say_there_are_not_enough_check_ins() {
        let markdown = render(&sample(), Range::all());
        assert_eq!(
            section(&markdown, "## Week of Monday 2026-11-09")[2],
            "Checked in on 3 of 7 days. Means: exhaustion 5.0 · cynicism 3.7 · efficacy 6.0 \
             · composite 42.2 (moderate strain)."
        );
        assert_eq!(
            section(&markdown, "## Week of Monday 2026-11-16")[2],
            "Checked in on 2 of 7 days. Weekly means: not enough check-ins (2 of 3)."
        );
        assert!(markdown.contains("\n_No entries in the week of 2026-11-23._\n"));
        assert!(markdown.contains(NOT_A_DIAGNOSIS));
    }

    #[test]
    fn days_show_ratings_habits_and_boundaries_by_their_text() {
        let markdown = render(&sample(), Range::all());
        let day = section(&markdown, "### Monday 2026-11-09").join("\n");
        assert!(
            day.contains("Exhaustion 7 · cynicism 4 · efficacy 5 · composite 53.3 (high strain).")
        );
        assert!(day.contains("- Did: went outside, a real rest block\n"));
        assert!(!day.contains("Did not"), "no list of habits not done");
        assert!(
            !day.contains("mindful"),
            "an unrecorded habit is not shown as not done"
        );
        assert!(day.contains("- Kept: No work email after 19:00\n"));
        assert!(day.contains("- Slipped: Lunch away from the desk\n"));
    }

    #[test]
    fn connections_list_person_kind_feeling_initiator_note_and_gratitude() {
        let markdown = render(&sample(), Range::all());
        let week = section(&markdown, "### Connections this week").join("\n");
        assert_eq!(
            week,
            "### Connections this week\n\n\
             - Sunday 2026-11-15, **Sam**: call, felt nourishing, I reached out\n  \
               - Note: Just listened.\n  \
               - Gratitude: Sam checked in on me first last week.\n"
        );
    }

    #[test]
    fn several_empty_weeks_are_one_line() {
        let mut journal = sample();
        journal.check_ins.retain(|c| c.date != d("2026-11-30"));
        journal.connections.retain(|c| c.date != d("2026-12-01"));
        let mut late = journal.check_ins[0].clone();
        late.date = d("2026-12-17");
        journal.check_ins.push(late);
        let markdown = render(&journal, Range::all());
        assert!(
            markdown.contains("\n_No entries for 3 weeks (2026-11-23 to 2026-12-13)._\n\n## Week of Monday 2026-12-14\n"),
            "{markdown}"
        );
    }

    #[test]
    fn line_start_markers_are_escaped_only_where_they_matter() {
        let escaped = |line: &str| {
            let mut out = String::new();
            push_escaped_line(&mut out, line);
            out
        };
        assert_eq!(escaped("a) first"), r"a\) first");
        assert_eq!(escaped("iv. fourth"), r"iv\. fourth");
        assert_eq!(escaped("Dr. Kim called"), "Dr. Kim called");
        assert_eq!(escaped("2026. What a year"), r"2026\. What a year");
        assert_eq!(escaped("3.5 hours"), "3.5 hours");
        assert_eq!(escaped("#3 on the list"), r"\#3 on the list");
        assert_eq!(escaped("ticket #3"), "ticket #3");
        assert_eq!(escaped("use --force"), r"use \--force");
        assert_eq!(escaped("a - b"), "a - b");
        assert_eq!(escaped("(a) fine"), r"\(a) fine");
    }

    #[test]
    fn a_ten_year_journal_has_every_day_and_week() {
        let mut journal = sample();
        journal.check_ins.clear();
        journal.connections.clear();
        let template = sample().check_ins[0].clone();
        let start = d("2016-01-04");
        for n in 0..3650 {
            let mut day = template.clone();
            day.date = add_days(start, n);
            journal.check_ins.push(day);
        }
        let started = std::time::Instant::now();
        let markdown = render(&journal, Range::all());
        eprintln!(
            "10-year Markdown: {:?}, {} bytes",
            started.elapsed(),
            markdown.len()
        );
        let days = markdown
            .lines()
            .filter(|l| l.starts_with("### ") && !l.contains("Connections"))
            .count();
        let weeks = markdown
            .lines()
            .filter(|l| l.starts_with("## Week of "))
            .count();
        assert_eq!((days, weeks), (3650, 3650 / 7 + 1));
    }

    /// `push_escaped_line` as it was, character by character.
    fn escaped_char_by_char(line: &str) -> String {
        let mut out = String::new();
        let list_marker_at = list_marker(line);
        let mut chars = line.char_indices().peekable();
        while let Some((i, ch)) = chars.next() {
            let next = chars.peek().map(|&(_, next)| next);
            let escape = matches!(
                ch,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '|' | '~' | '&' | '$' | '^' | '@'
            ) || (i == 0 && matches!(ch, '#' | '>' | '-' | '+' | '=' | ':' | '('))
                || (ch == '-' && next == Some('-'))
                || Some(i) == list_marker_at;
            if escape {
                out.push('\\');
            }
            out.push(ch);
        }
        out
    }

    proptest! {
        #[test]
        fn escaping_byte_by_byte_is_escaping_char_by_char(line in "[-#>+=:(1a.)\\\\`*_\\[\\]<|~&$^@ xé—]{0,30}") {
            let mut out = String::new();
            push_escaped_line(&mut out, &line);
            prop_assert_eq!(out, escaped_char_by_char(&line));
        }

        #[test]
        fn escaping_loses_nothing_but_edge_whitespace(line in arb_text(40)) {
            for line in line.lines().flat_map(|l| l.split('\r')) {
                let mut out = String::new();
                push_escaped_line(&mut out, line.trim());
                prop_assert_eq!(unescape(&out), line.trim());
            }
        }

        #[test]
        fn no_note_can_add_a_heading_or_leave_its_quote(note in arb_text(40)) {
            let mut journal = sample();
            journal.check_ins[0].note = note.clone();
            let markdown = render(&journal, Range::all());
            let headings = markdown.lines().filter(|l| l.starts_with('#')).count();
            // Title, 3 weeks, 6 days, 3 connection lists, boundaries.
            prop_assert_eq!(headings, 14);
            let day = section(&markdown, "### Monday 2026-11-09");
            let after_list = day.iter().skip(4).skip_while(|l| l.starts_with("- ") || l.is_empty());
            for line in after_list.filter(|l| !l.is_empty()) {
                prop_assert!(*line == ">" || line.starts_with("> "), "{:?} escaped the quote", line);
            }
        }
    }

    #[test]
    fn a_patterns_section_closes_the_export_only_when_something_is_clear() {
        use crate::journal::{CheckIn, Journal, Rating};
        // Mondays, Wednesdays (outside, exhaustion 3) and Fridays of 8 weeks: docs/INSIGHTS.md X1.
        let mut journal = Journal::default();
        let monday = NaiveDate::from_ymd_opt(2026, 11, 16).unwrap();
        for week in 0..8u64 {
            for weekday in [0u64, 2, 4] {
                let date = monday - Days::new(7 * week) + Days::new(weekday);
                let e = if weekday == 2 { 3 } else { 6 };
                let r = |v| Rating::new(v).unwrap();
                let mut day = CheckIn::new(date, r(e), r(4), r(6));
                day.habits.outside = Some(weekday == 2);
                journal.check_ins.push(day);
            }
        }
        let range = Range::new(None, NaiveDate::from_ymd_opt(2026, 11, 22)).unwrap();
        let markdown = render(&journal, range);
        let patterns = &markdown[markdown.find("## Patterns\n").expect("a Patterns section")..];
        assert!(patterns.contains(
            "- On days you got outside (8 days), your exhaustion averaged 3.0; on days you didn't (16 days), 6.0.\n"
        ), "{patterns}");
        assert!(patterns.contains("Patterns in your entries from 2026-05-25 to 2026-11-22"));
        // Nothing clear: no section.
        for day in &mut journal.check_ins {
            day.exhaustion = Rating::new(5).unwrap();
        }
        assert!(!render(&journal, range).contains("## Patterns"));
    }
}
