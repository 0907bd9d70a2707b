//! `rekindle settings [KEY [VALUE]]` and `rekindle support`.

use super::{Context, check_text_len, print, print_json};
use crate::cli::SettingsArgs;
use crate::error::{Exit, Failure};
use crate::journal::{SettingKey, Settings};
use crate::store::CLI_LOCK_PATIENCE;
use anyhow::Result;

pub fn support(ctx: &Context) -> Result<Exit> {
    let journal = ctx.read()?;
    print(format_args!(
        "{}\n",
        journal.settings.support_text.trim_end()
    ))?;
    Ok(Exit::Ok)
}

pub fn run(ctx: &Context, args: SettingsArgs) -> Result<Exit> {
    let key = args
        .key
        .as_deref()
        .map(|name| {
            SettingKey::parse(name).ok_or_else(|| {
                Failure::usage(format!("unknown setting {name:?}")).with_hint(format!(
                    "the settings are {}",
                    SettingKey::ALL.map(SettingKey::name).join(", ")
                ))
            })
        })
        .transpose()?;
    match (key, args.value) {
        (None, _) => show_all(ctx, args.json),
        (Some(key), None) => {
            let journal = ctx.read()?;
            if args.json {
                let value = settings_json(&journal.settings)?;
                print_json(&format!("{}\n", value[key.name()]))?;
            } else {
                print(format_args!("{}\n", journal.settings.get(key)))?;
            }
            Ok(Exit::Ok)
        }
        (Some(key), Some(value)) => set(ctx, key, &value),
    }
}

fn show_all(ctx: &Context, json: bool) -> Result<Exit> {
    let journal = ctx.read()?;
    if json {
        let text = serde_json::to_string_pretty(&settings_json(&journal.settings)?)?;
        print_json(&format!("{text}\n"))?;
        return Ok(Exit::Ok);
    }
    let mut out = String::new();
    for key in SettingKey::ALL {
        out.push_str(&format!(
            "{:<15} {}\n{:<15} ({})\n",
            key.name(),
            journal
                .settings
                .get(key)
                .trim_end()
                .replace('\n', "\n                "),
            "",
            key.about()
        ));
    }
    print(format_args!("{out}"))?;
    Ok(Exit::Ok)
}

/// The settings as JSON with every known key, including `days_off` at its default (the file
/// leaves a default `days_off` out, so that a journal that never set it reads as before).
fn settings_json(settings: &Settings) -> Result<serde_json::Value> {
    let mut value = serde_json::to_value(settings)?;
    if let Some(object) = value.as_object_mut()
        && !object.contains_key(SettingKey::DaysOff.name())
    {
        object.insert(
            SettingKey::DaysOff.name().to_string(),
            serde_json::to_value(settings.days_off)?,
        );
    }
    Ok(value)
}

fn set(ctx: &Context, key: SettingKey, value: &str) -> Result<Exit> {
    // Validate before taking the lock, so a typo never touches the data dir.
    check_text_len(key.name(), value)?;
    let mut probe = crate::journal::Settings::default();
    probe.set(key, value).map_err(Failure::usage)?;

    let (lock, mut journal) = ctx
        .store
        .begin_write(CLI_LOCK_PATIENCE, ctx.now.date_naive())?;
    journal.settings.set(key, value).map_err(Failure::usage)?;
    ctx.store.save(&lock, &journal)?;
    print(format_args!(
        "{} is now {}\n",
        key.name(),
        journal.settings.get(key)
    ))?;
    Ok(Exit::Ok)
}
