//! Progress on long work (storing a large article, building the index of a
//! large store) for a person watching: drawn on stderr only when stderr is
//! a terminal and `-q` is not given. In a pipe, a file or the journal it
//! writes nothing at all, so captured output and logs stay clean.

use std::io::{self, IsTerminal};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How a bar over counted work looks: what, how far, and how long to go.
const BAR: &str = "{msg} [{bar:30}] {pos}/{len} ({eta} left)";
/// How a spinner over work of unknown length looks.
const SPINNER: &str = "{spinner} {msg} ({elapsed})";
/// A spinner turns this often: alive, without costing the work anything.
const TICK: Duration = Duration::from_millis(120);

/// Whether progress is drawn: at a terminal, unless `quiet`.
pub(super) fn wanted(quiet: bool) -> bool {
    !quiet && io::stderr().is_terminal()
}

/// A bar over `what`, its length set as the work learns it; hidden (and
/// silent) unless `show`.
pub(super) fn bar(show: bool, what: &'static str) -> ProgressBar {
    if !show {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
    bar.set_style(style(BAR).progress_chars("=> "));
    bar.set_message(what);
    bar
}

/// A spinner saying `what` until it is finished; hidden (and silent)
/// unless `show`.
pub(super) fn spinner(show: bool, what: String) -> ProgressBar {
    if !show {
        return ProgressBar::hidden();
    }
    let spinner = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    spinner.set_style(style(SPINNER));
    spinner.set_message(what);
    spinner.enable_steady_tick(TICK);
    spinner
}

fn style(template: &str) -> ProgressStyle {
    // The templates are constants, checked by the test below.
    ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_templates_parse() {
        for template in [BAR, SPINNER] {
            assert!(ProgressStyle::with_template(template).is_ok(), "{template}");
        }
    }

    #[test]
    fn hidden_progress_stays_hidden_however_it_is_driven() {
        let bar = bar(false, "Storing");
        bar.set_length(10);
        bar.set_position(5);
        assert!(bar.is_hidden());
        assert!(spinner(false, "Building".into()).is_hidden());
    }
}
