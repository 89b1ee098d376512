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
    /// The comparison screen: indicators across reports.
    Compare,
    /// Typing the comparison screen's filter.
    CompareFilter,
    Help,
}

impl Context {
    pub const ALL: [Context; 8] = [
        Context::Browse,
        Context::Search,
        Context::Stats,
        Context::StatsFilter,
        Context::Compare,
        Context::CompareFilter,
        Context::Help,
        Context::Global,
    ];

    /// Whether unbound printable keys are text.
    pub fn takes_text(self) -> bool {
        matches!(
            self,
            Context::Search | Context::StatsFilter | Context::CompareFilter
        )
    }

    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Context::Global => lang.pick("任何时候", "Anywhere"),
            Context::Browse => lang.pick("目录与正文", "Tree and text"),
            Context::Search => lang.pick("搜索", "Search"),
            Context::Stats => lang.pick("统计表", "Statistics table"),
            Context::StatsFilter => lang.pick("统计表筛选", "Table filter"),
            Context::Compare => lang.pick("报告对比", "Comparison"),
            Context::CompareFilter => lang.pick("对比筛选", "Comparison filter"),
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
    /// A heading of the notes after the keys: (Chinese, English).
    NoteHeading((&'static str, &'static str)),
    /// What a notation means: the notation, then (Chinese, English).
    Note(&'static str, (&'static str, &'static str)),
}

/// The query language and the results' row markers, explained after the keys; the
/// markers are those the search screen draws (`view::search_pane`).
const NOTES: &[HelpLine] = &[
    HelpLine::NoteHeading(("搜索语法", "Query language")),
    HelpLine::Note(
        "执法 记录仪",
        (
            "几个词：都要出现，顺序不限",
            "several words: all must match, any order",
        ),
    ),
    HelpLine::Note(
        "zhifa zfjly",
        ("拼音：全拼或首字母", "pinyin: whole syllables or initials"),
    ),
    HelpLine::Note("718 86.4", ("数字：找到这个数", "digits: find the figure")),
    HelpLine::Note(
        "'执法",
        ("' 开头：精确匹配", "leading ': exact substring only"),
    ),
    HelpLine::Note("#执法", ("# 开头：只找数字", "leading #: figures only")),
    HelpLine::Note(">执法", ("> 开头：只找句子", "leading >: sentences only")),
    HelpLine::Note("@执法", ("@ 开头：只找标题", "leading @: headings only")),
    HelpLine::Gap,
    HelpLine::NoteHeading(("结果标记", "Result markers")),
    HelpLine::Note("[数] [#]", ("数字（统计数据）", "a figure (statistic)")),
    HelpLine::Note("[句] [M]", ("句子（工作措施）", "a sentence (measure)")),
    HelpLine::Note("[节] [S]", ("标题（章节）", "a heading (section)")),
];

/// The help screen, line by line: a title, then each context's name and bindings. The
/// view draws these lines and `update` scrolls by their count, so the two agree.
pub fn help_lines() -> Vec<HelpLine> {
    let mut out = vec![HelpLine::Title];
    for c in Context::ALL {
        out.extend([HelpLine::Gap, HelpLine::Context(c)]);
        out.extend(bindings(c).map(HelpLine::Binding));
    }
    out.push(HelpLine::Gap);
    out.extend(NOTES);
    out
}

/// The hint bar of a context: first key and label of each hinted binding.
pub fn hints(context: Context, lang: Lang) -> Vec<(String, &'static str)> {
    bindings(context)
        .filter(|b| b.hint)
        .filter_map(|b| Some((b.keys.first()?.name(), b.label(lang))))
        .collect()
}

/// The hints that fit in `cols` cells, each `width(hint)` wide, in table order. Help and
/// quit never drop, since they are what a newcomer looks for: the others give way from
/// the end of the table until the rest fits.
pub fn fitting_hints(
    context: Context,
    lang: Lang,
    cols: usize,
    width: impl Fn(&str, &str) -> usize,
) -> Vec<(String, &'static str)> {
    let hinted: Vec<&Binding> = bindings(context).filter(|b| b.hint).collect();
    let keep = |b: &Binding| matches!(b.action, Action::Help | Action::Quit);
    let cost = |b: &Binding| {
        b.keys
            .first()
            .map_or(0, |k| width(&k.name(), b.label(lang)))
    };
    let mut used: usize = hinted.iter().filter(|b| keep(b)).map(|b| cost(b)).sum();
    let mut shown = vec![false; hinted.len()];
    for (i, b) in hinted.iter().enumerate() {
        if keep(b) {
            shown[i] = true;
        } else if used + cost(b) <= cols {
            used += cost(b);
            shown[i] = true;
        }
    }
    hinted
        .iter()
        .zip(shown)
        .filter(|(_, s)| *s)
        .filter_map(|(b, _)| Some((b.keys.first()?.name(), b.label(lang))))
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
