//! The command line described for the shell around it: completion scripts
//! (clap_complete) and the man page (clap_mangen), both made from the same
//! clap definitions in [`super::args`], so they never fall behind them.

use clap::CommandFactory;

use super::args::Cli;
use super::print_out;

/// The name the scripts complete and the man page is for.
const BIN: &str = "summit-bot";

/// `completions SHELL`: the completion script for `shell`.
pub(super) fn completions(shell: clap_complete::Shell) -> anyhow::Result<()> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), BIN, &mut script);
    let mut script = String::from_utf8(script)?;
    if shell == clap_complete::Shell::Bash {
        // clap_complete 4.6 spells a hyphenated binary's states two ways in
        // bash (clap-rs/clap#6421): the loop walking the words arrives at
        // `summit__bot__subcmd__facts`, the arms wait for
        // `summit__subcmd__bot__subcmd__facts`, so nothing after the first
        // subcommand would complete. Spell the arms as the loop does.
        script = script.replace(&BIN.replace('-', "__subcmd__"), &BIN.replace('-', "__"));
    }
    print_text(script)
}

/// `man`: the man page, summit-bot(1), in roff.
pub(super) fn man() -> anyhow::Result<()> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut page)?;
    print_text(String::from_utf8(page)?)
}

/// Prints generated text (which ends in a newline of its own).
fn print_text(text: String) -> anyhow::Result<()> {
    print_out(text.strip_suffix('\n').unwrap_or(&text))
}
