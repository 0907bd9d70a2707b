//! The command line: clap types only. What each command does lives in `commands/`.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// A terminal burnout check-in journal. Run with no command to open the journal.
#[derive(Debug, Parser)]
#[command(
    name = "rekindle",
    version,
    about = "A terminal burnout check-in journal. Run it with no command to open the journal.",
    after_help = "A reflection aid, not a diagnosis. If things are hard right now: rekindle support"
)]
pub struct Cli {
    /// Where the journal lives [default: $REKINDLE_DATA_DIR, else the user data directory]
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Record a day's check-in (or update the fields you give on a day that has one) and print its scores
    Checkin(CheckinArgs),
    /// Log a connection with someone
    Connect(ConnectArgs),
    /// Manage your boundaries
    #[command(subcommand)]
    Boundary(BoundaryCommand),
    /// Show the boundaries in force right now
    Reminders {
        /// Exit 0 if any boundary is in force, 1 if none (for cron, timers, prompts)
        #[arg(long)]
        due: bool,
    },
    /// One line for a shell prompt: checked in today, and the 7-day direction of each dimension
    Status(StatusArgs),
    /// The people you chose to stay close to: set a gentle reach-out rhythm, rename, archive, list
    #[command(subcommand)]
    Person(PersonCommand),
    /// Who you might reach out to today, from the rhythms you chose (nothing is sent)
    ReachOut(ReachOutArgs),
    /// The weekly review
    Trends(TrendsArgs),
    /// Patterns: how your ratings differed on days with and without a habit, person or boundary
    Insights(InsightsArgs),
    /// Print your support text
    Support,
    /// Show all settings, show one, or set one
    Settings(SettingsArgs),
    /// Write the journal as Markdown, JSON or CSV
    Export(ExportArgs),
    /// Merge a JSON export into the journal
    Import(ImportArgs),
    /// Print where rekindle keeps its files, and any sync-conflict copies of the journal
    Paths,
    /// Merge two versions of the journal as a git merge driver (see README "Use on two machines")
    MergeDriver(MergeDriverArgs),
    /// List days newest first: date, E C F, strain, the note's first line
    List(ListArgs),
    /// Print one day in full: check-in, habits, boundaries and the day's connections
    Show {
        /// The day: YYYY-MM-DD, today or yesterday
        #[arg(value_name = "DATE")]
        date: String,
    },
    /// Delete a day's check-in (asks first; --yes for scripts)
    Delete(DeleteArgs),
    /// Print a shell completion script (bash, zsh or fish)
    Completions {
        /// bash, zsh or fish
        #[arg(value_name = "SHELL")]
        shell: CompletionShell,
    },
    /// Print the man page (roff): rekindle man | man -l -
    Man,
}

/// The shells `rekindle completions` writes a script for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CompletionShell {
    Bash,
    Zsh,
    Fish,
}

#[derive(Debug, Args)]
#[command(
    after_help = "--search matches the day's note and the notes and gratitude of that day's connections, ignoring case (Unicode: \"ÉTÉ\" finds \"été\"). Accents count: \"cafe\" does not find \"café\". With --from or --to, days without a check-in in the range are shown as gaps."
)]
pub struct ListArgs {
    /// First day to list: YYYY-MM-DD, today or yesterday
    #[arg(long, value_name = "D")]
    pub from: Option<String>,
    /// Last day to list: YYYY-MM-DD, today or yesterday
    #[arg(long, value_name = "D")]
    pub to: Option<String>,
    /// Only days whose note, or a connection's note or gratitude that day, contains TEXT
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub search: Option<String>,
    /// Print JSON for scripts
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
#[command(
    after_help = "The day's connections are kept (delete them on the Connections screen). Today's backup, or a copy beside it, holds the day as it was, so `rekindle` can restore it."
)]
pub struct DeleteArgs {
    /// The day whose check-in to delete: YYYY-MM-DD, today or yesterday
    #[arg(value_name = "DATE")]
    pub date: String,
    /// Do not ask (needed when stdin is not a terminal)
    #[arg(short = 'y', long)]
    pub yes: bool,
}

/// A rating as typed: checked here, so the commands receive a `Rating`, never a raw number.
fn rating(text: &str) -> Result<crate::journal::Rating, String> {
    text.parse::<u8>()
        .ok()
        .and_then(crate::journal::Rating::new)
        .ok_or_else(|| format!("a rating is a whole number from 0 to 10, got {text:?}"))
}

/// A new day needs all three ratings. On a day that already has a check-in, only the fields
/// given are changed and the rest is kept; `--replace` replaces the whole day.
#[derive(Debug, Args)]
#[command(
    after_help = "On a day that already has a check-in, only the options you give change it: the note, habits, boundaries and anything else recorded that day are kept, and rekindle says what changed. --replace records the day afresh (it then needs -e, -c and -f)."
)]
pub struct CheckinArgs {
    /// Exhaustion 0–10: how spent you feel, body and mind (0 fresh, 10 running on empty)
    #[arg(short = 'e', long, value_name = "N", value_parser = rating)]
    pub exhaustion: Option<crate::journal::Rating>,
    /// Cynicism 0–10: how detached from your work (0 involved, 10 couldn't care less)
    #[arg(short = 'c', long, value_name = "N", value_parser = rating)]
    pub cynicism: Option<crate::journal::Rating>,
    /// Efficacy 0–10: how capable you felt (0 nothing landed, 10 my work made a difference)
    #[arg(short = 'f', long, value_name = "N", value_parser = rating)]
    pub efficacy: Option<crate::journal::Rating>,
    /// Replace the day's whole check-in instead of updating the fields given
    #[arg(long)]
    pub replace: bool,
    /// Record nothing: exit 0 when today has no check-in yet, 1 when it has (for cron, timers, prompts)
    #[arg(long, conflicts_with_all = ["exhaustion", "cynicism", "efficacy", "replace", "note", "date", "sleep", "exercise", "outside", "mindful", "rest", "disconnected", "kept", "slipped"])]
    pub due: bool,
    /// A note for the day; `-` reads it from stdin (keeps it out of shell history)
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub note: Option<String>,
    /// The day to record: YYYY-MM-DD, today or yesterday [default: today]
    #[arg(long, value_name = "D")]
    pub date: Option<String>,
    /// Hours slept the night before (0–24), kept as typed
    #[arg(long, value_name = "H")]
    pub sleep: Option<String>,
    /// You moved or exercised
    #[arg(long)]
    pub exercise: bool,
    /// You went outside
    #[arg(long)]
    pub outside: bool,
    /// You took a mindful pause
    #[arg(long)]
    pub mindful: bool,
    /// You had a real rest block
    #[arg(long)]
    pub rest: bool,
    /// You disconnected from work
    #[arg(long)]
    pub disconnected: bool,
    /// A boundary you kept today (its id; repeatable)
    #[arg(long, value_name = "ID")]
    pub kept: Vec<String>,
    /// A boundary that slipped today (its id; repeatable)
    #[arg(long, value_name = "ID")]
    pub slipped: Vec<String>,
}

#[derive(Debug, Args)]
pub struct ConnectArgs {
    /// Who you connected with
    #[arg(allow_hyphen_values = true)]
    pub person: String,
    /// message, call, video, in_person, group, therapy, mentor or other
    #[arg(long, value_name = "K")]
    pub kind: String,
    /// nourishing, neutral or draining
    #[arg(long, value_name = "F")]
    pub felt: String,
    /// Who reached out: me, them or mutual
    #[arg(long, value_name = "WHO", default_value = "me")]
    pub by: String,
    /// A note about it
    #[arg(long, value_name = "T", allow_hyphen_values = true)]
    pub note: Option<String>,
    /// A line of gratitude
    #[arg(long, value_name = "T", allow_hyphen_values = true)]
    pub gratitude: Option<String>,
    /// The day it happened: YYYY-MM-DD, today or yesterday [default: today]
    #[arg(long, value_name = "D")]
    pub date: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum BoundaryCommand {
    /// Add a boundary, such as "No work email after 19:00"
    Add {
        /// The rule in your words, such as "No work email after 19:00"
        #[arg(allow_hyphen_values = true)]
        text: String,
        /// When it starts, HH:MM (or H:MM)
        #[arg(long, value_name = "HH:MM")]
        from: Option<String>,
        /// When it ends, HH:MM or H:MM (earlier than --from crosses midnight)
        #[arg(long, value_name = "HH:MM")]
        until: Option<String>,
        /// Weekdays it applies on, such as mon,tue,wed or monday,friday [default: every day]
        #[arg(long, value_name = "DAYS", value_delimiter = ',')]
        days: Option<Vec<String>>,
    },
    /// List your boundaries
    List,
    /// Archive a boundary (its history is kept)
    Archive { id: String },
    /// Bring an archived boundary back
    Restore { id: String },
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Add an optional segment: reach-out (who you might reach out to today)
    #[arg(long = "with", value_name = "SEGMENT", value_parser = ["reach-out"])]
    pub with: Vec<String>,
}

#[derive(Debug, Subcommand)]
pub enum PersonCommand {
    /// Add someone to stay close to, or change them: rhythm, other names, pause, note
    #[command(
        after_help = "Connections match a person by name or alias, trimmed and in any case. A person with a rhythm shows up in `rekindle reach-out` once the rhythm has passed since your last contact of any kind (theirs count too). Nothing is ever sent."
    )]
    Set {
        /// Their name, as you log connections with them
        #[arg(allow_hyphen_values = true)]
        name: String,
        /// How often you hope to be in touch: days (14), weeks (2w), months (1m), or off
        #[arg(long, value_name = "14|2w|1m|off")]
        every: Option<String>,
        /// Another name their connections are logged under (repeatable)
        #[arg(long, value_name = "A", allow_hyphen_values = true)]
        alias: Vec<String>,
        /// No suggestions up to and including this day: YYYY-MM-DD, today or tomorrow
        #[arg(long, value_name = "D", conflicts_with = "resume")]
        pause_until: Option<String>,
        /// End a pause
        #[arg(long)]
        resume: bool,
        /// A note about them; `-` reads it from stdin; an empty text clears it
        #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
        note: Option<String>,
    },
    /// Give someone a new name; the old one becomes an alias, so past connections still match
    Rename {
        #[arg(allow_hyphen_values = true)]
        old: String,
        #[arg(allow_hyphen_values = true)]
        new: String,
    },
    /// Archive someone: no more suggestions (the connection log keeps everything)
    Archive {
        #[arg(allow_hyphen_values = true)]
        name: String,
    },
    /// List the people you chose
    List {
        /// Print JSON for scripts
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
pub struct ReachOutArgs {
    /// Show everyone, not just the first three
    #[arg(long)]
    pub all: bool,
    /// Exit 0 if there is anyone to suggest, 1 if not (for prompts and timers)
    #[arg(long)]
    pub due: bool,
    /// Print JSON for scripts
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct TrendsArgs {
    /// How many weeks to show, the current one included
    #[arg(long, value_name = "N", default_value_t = 8, value_parser = clap::value_parser!(u16).range(1..=520))]
    pub weeks: u16,
    /// Evaluate as if today were this date: YYYY-MM-DD, today or yesterday
    #[arg(long, value_name = "D")]
    pub as_of: Option<String>,
    /// Print JSON for scripts
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct InsightsArgs {
    /// How many weeks to look back over: the 7·K days ending today (8–52)
    #[arg(long, value_name = "K", default_value_t = 26, value_parser = clap::value_parser!(u32).range(8..=52))]
    pub weeks: u32,
    /// Evaluate as if today were this date, YYYY-MM-DD
    #[arg(long, value_name = "D")]
    pub as_of: Option<String>,
    /// Also list every comparison with its verdict
    #[arg(long)]
    pub all: bool,
    /// Print JSON for scripts (with the exact p-values)
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct SettingsArgs {
    /// week_starts_on, day_starts_at, support_text or days_off
    pub key: Option<String>,
    /// The new value
    #[arg(allow_hyphen_values = true)]
    pub value: Option<String>,
    /// Print the settings object as JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// markdown, json or csv
    #[arg(long, value_name = "FORMAT", default_value = "markdown")]
    pub format: String,
    /// First day to include: YYYY-MM-DD, today or yesterday
    #[arg(long, value_name = "D")]
    pub from: Option<String>,
    /// Last day to include: YYYY-MM-DD, today or yesterday
    #[arg(long, value_name = "D")]
    pub to: Option<String>,
    /// Write to FILE instead of stdout (`-` is stdout)
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite FILE if it exists
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// A JSON export (or journal) to merge in
    pub file: PathBuf,
    /// Report what would change without writing anything
    #[arg(long)]
    pub dry_run: bool,
}

/// `git config merge.rekindle.driver 'rekindle merge-driver %O %A %B'` with
/// `journal.json merge=rekindle` in `.gitattributes`.
#[derive(Debug, Args)]
#[command(
    after_help = "Writes the merged journal over OURS and exits 0; exits 65 (and leaves OURS as it was) when any of the three files is not a readable journal. The merge follows `rekindle import`: nothing from either side is lost."
)]
pub struct MergeDriverArgs {
    /// The common ancestor (git's %O; may be empty when both sides added the file)
    pub base: PathBuf,
    /// Our version (git's %A); the merged journal is written here
    pub ours: PathBuf,
    /// Their version (git's %B)
    pub theirs: PathBuf,
}
