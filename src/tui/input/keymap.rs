//! The key bindings as data: `(context, key) → Action`. Dispatch, the hint bar, the help
//! screen and the README's key table all read this one table, so they cannot drift.

use super::action::Action;
use super::bindings::BINDINGS;
use crate::tui::lang::Lang;
use crate::tui::state::line_input::Edit;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Where keys are read. Lookup tries the context, then `Global`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Everywhere, text input included.
    Global,
    /// Tree and detail pane.
    Browse,
    /// The search screen: keys without a binding type into the query.
    Search,
    /// The statistics table.
    Stats,
    /// Typing the table's filter: keys without a binding type into it.
    StatsFilter,
    Help,
}

impl Context {
    pub const ALL: [Context; 6] = [
        Context::Browse,
        Context::Search,
        Context::Stats,
        Context::StatsFilter,
        Context::Help,
        Context::Global,
    ];

    /// Whether unbound printable keys are text.
    pub fn takes_text(self) -> bool {
        matches!(self, Context::Search | Context::StatsFilter)
    }

    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Context::Global => lang.pick("任何时候", "Anywhere"),
            Context::Browse => lang.pick("目录与正文", "Tree and text"),
            Context::Search => lang.pick("搜索", "Search"),
            Context::Stats => lang.pick("统计表", "Statistics table"),
            Context::StatsFilter => lang.pick("统计表筛选", "Table filter"),
            Context::Help => lang.pick("帮助", "Help"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

impl Key {
    /// The key as help and hints print it: `j`, `Ctrl-d`, `PgDn`. Only ASCII, since
    /// arrows like ↑ are ambiguous-width and break CJK terminals.
    pub fn name(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "Up".into(),
            KeyCode::Down => "Down".into(),
            KeyCode::Left => "Left".into(),
            KeyCode::Right => "Right".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Delete => "Delete".into(),
            other => format!("{other:?}"),
        };
        match self.ctrl {
            true => format!("Ctrl-{base}"),
            false => base,
        }
    }
}

pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    /// What the binding does, in Chinese and English.
    pub label: (&'static str, &'static str),
    /// Shown in the hint bar (with its first key).
    pub hint: bool,
}

impl Binding {
    pub fn label(&self, lang: Lang) -> &'static str {
        lang.pick(self.label.0, self.label.1)
    }

    /// All keys, `j / Down`.
    pub fn keys_text(&self) -> String {
        self.keys
            .iter()
            .map(Key::name)
            .collect::<Vec<_>>()
            .join(" / ")
    }
}

/// The action for a key pressed in `context`, if any.
pub fn action(context: Context, event: KeyEvent) -> Option<Action> {
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    // Terminals disagree on whether `G` comes with SHIFT; the character already says it.
    let key = Key {
        code: event.code,
        ctrl,
    };
    let bound = BINDINGS
        .iter()
        .filter(|b| b.context == context || b.context == Context::Global)
        .find(|b| b.keys.contains(&key))
        .map(|b| b.action.clone());
    if bound.is_some() {
        return bound;
    }
    match event.code {
        KeyCode::Char(c)
            if context.takes_text() && !ctrl && !event.modifiers.contains(KeyModifiers::ALT) =>
        {
            Some(Action::Edit(Edit::Insert(c.to_string())))
        }
        _ => None,
    }
}

/// The bindings of one context, in table order.
pub fn bindings(context: Context) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |b| b.context == context)
}

/// One line of the help screen.
#[derive(Clone, Copy)]
pub enum HelpLine {
    Title,
    Gap,
    Context(Context),
    Binding(&'static Binding),
}

/// The help screen, line by line: a title, then each context's name and bindings. The
/// view draws these lines and `update` scrolls by their count, so the two agree.
pub fn help_lines() -> Vec<HelpLine> {
    let mut out = vec![HelpLine::Title];
    for c in Context::ALL {
        out.extend([HelpLine::Gap, HelpLine::Context(c)]);
        out.extend(bindings(c).map(HelpLine::Binding));
    }
    out
}

/// The hint bar of a context: first key and label of each hinted binding.
pub fn hints(context: Context, lang: Lang) -> Vec<(String, &'static str)> {
    bindings(context)
        .filter(|b| b.hint)
        .filter_map(|b| Some((b.keys.first()?.name(), b.label(lang))))
        .collect()
}

/// Every binding as a Markdown table, for the README (a test keeps the two equal).
pub fn markdown_table() -> String {
    let mut out = String::from("| Where | Keys | What it does | 作用 |\n|---|---|---|---|\n");
    for c in Context::ALL {
        for b in bindings(c) {
            let keys = b.keys_text().replace('|', "\\|");
            out.push_str(&format!(
                "| {} | `{}` | {} | {} |\n",
                c.name(Lang::En),
                keys,
                b.label.1,
                b.label.0
            ));
        }
    }
    out
}
