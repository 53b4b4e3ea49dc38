//! `commands clear`: removes the slash commands the bot registered on
//! Discord, globally or in one server. The Discord side is in
//! [`crate::bot::registration`]; this only runs it and says what it did.

use std::process::ExitCode;

use anyhow::Context as _;

use super::print_out;
use crate::config::Config;

/// `commands clear [--guild ID]`.
pub(super) fn clear(config: &Config, guild: Option<u64>) -> anyhow::Result<ExitCode> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    let cleared = runtime.block_on(crate::bot::registration::clear(config, guild))?;
    let scope = match guild {
        Some(guild) => format!("in server {guild}"),
        None => "globally".to_string(),
    };
    print_out(&format!(
        "Cleared the bot's slash commands {scope} ({cleared} were registered)."
    ))?;
    Ok(ExitCode::SUCCESS)
}
