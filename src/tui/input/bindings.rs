//! The default key bindings, one line per binding; `keymap` reads them for dispatch and help.

use super::action::Action::{self, *};
use super::keymap::{Binding, Context, Context as C, Key};
use crate::tui::state::line_input::Edit;
use crossterm::event::KeyCode;

const fn ch(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: false,
    }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

const fn k(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

const fn b(
    context: Context,
    keys: &'static [Key],
    action: Action,
    label: (&'static str, &'static str),
    hint: bool,
) -> Binding {
    Binding {
        context,
        keys,
        action,
        label,
        hint,
    }
}

const UP: Key = k(KeyCode::Up);
const DOWN: Key = k(KeyCode::Down);
const LEFT: Key = k(KeyCode::Left);
const RIGHT: Key = k(KeyCode::Right);
const ENTER: Key = k(KeyCode::Enter);
const ESC: Key = k(KeyCode::Esc);
const PGUP: Key = k(KeyCode::PageUp);
const PGDN: Key = k(KeyCode::PageDown);
const HOME: Key = k(KeyCode::Home);
const END: Key = k(KeyCode::End);

#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    b(C::Global, &[ctrl('c')], Quit, ("退出", "quit"), false),
    b(C::Global, &[ctrl('z')], Suspend, ("挂起（fg 返回）", "suspend (fg resumes)"), false),

    b(C::Browse, &[ch('j'), DOWN], Down, ("下一项", "next row or sentence"), false),
    b(C::Browse, &[ch('k'), UP], Up, ("上一项", "previous row or sentence"), false),
    b(C::Browse, &[ch('h'), LEFT], Left, ("折叠，或到上级", "collapse, or go to parent"), false),
    b(C::Browse, &[ch('l'), RIGHT], Right, ("展开，或到下级", "expand, or go to first child"), false),
    b(C::Browse, &[ENTER], Open, ("打开", "open"), true),
    b(C::Browse, &[k(KeyCode::Tab)], SwitchFocus, ("切换目录/正文", "switch tree/text"), true),
    b(C::Browse, &[ch('g'), HOME], Top, ("到顶部", "go to top"), false),
    b(C::Browse, &[ch('G'), END], Bottom, ("到底部", "go to bottom"), false),
    b(C::Browse, &[PGUP], PageUp, ("上一页", "page up"), false),
    b(C::Browse, &[PGDN], PageDown, ("下一页", "page down"), false),
    b(C::Browse, &[ctrl('u')], HalfPageUp, ("上半页", "half a page up"), false),
    b(C::Browse, &[ctrl('d')], HalfPageDown, ("下半页", "half a page down"), false),
    b(C::Browse, &[ch('/')], Search, ("搜索", "search"), true),
    b(C::Browse, &[ch('n')], NextHit, ("下一个结果", "next hit"), false),
    b(C::Browse, &[ch('N')], PrevHit, ("上一个结果", "previous hit"), false),
    b(C::Browse, &[ch('s')], Statistics, ("统计表", "statistics"), true),
    b(C::Browse, &[ch('c')], CompareFigure, ("对比此数字", "compare this figure"), true),
    b(C::Browse, &[ch('C')], Compare, ("对比各报告", "compare reports"), false),
    b(C::Browse, &[ch('y')], Copy, ("复制", "copy"), true),
    b(C::Browse, &[ch('Y')], CopyCited, ("复制并注明出处", "copy with citation"), true),
    b(C::Browse, &[ch('t')], CopyFigures, ("复制本节数字 (TSV)", "copy this node's figures (TSV)"), false),
    b(C::Browse, &[ch('>')], WiderTree, ("目录加宽", "wider tree"), false),
    b(C::Browse, &[ch('<')], NarrowerTree, ("目录变窄", "narrower tree"), false),
    b(C::Browse, &[ch('m')], ToggleMouse, ("鼠标开/关", "mouse on/off"), false),
    b(C::Browse, &[ESC], Back, ("返回", "back"), false),
    b(C::Browse, &[ch('?')], Help, ("帮助", "help"), true),
    b(C::Browse, &[ch('q')], Quit, ("退出", "quit"), true),

    b(C::Search, &[ENTER], Open, ("跳转", "jump there"), true),
    b(C::Search, &[DOWN, ctrl('j')], Down, ("下一个结果", "next hit"), true),
    b(C::Search, &[UP, ctrl('k')], Up, ("上一个结果", "previous hit"), false),
    b(C::Search, &[ctrl('p')], OlderQuery, ("上一条搜索记录", "older query (history)"), true),
    b(C::Search, &[ctrl('n')], NewerQuery, ("下一条搜索记录", "newer query (history)"), false),
    b(C::Search, &[PGDN], PageDown, ("下一页", "page down"), false),
    b(C::Search, &[PGUP], PageUp, ("上一页", "page up"), false),
    b(C::Search, &[ESC], Back, ("关闭", "close"), true),
    b(C::Search, &[LEFT, ctrl('b')], Edit(Edit::Left), ("光标左移", "cursor left"), false),
    b(C::Search, &[RIGHT, ctrl('f')], Edit(Edit::Right), ("光标右移", "cursor right"), false),
    b(C::Search, &[HOME, ctrl('a')], Edit(Edit::Home), ("到行首", "start of line"), false),
    b(C::Search, &[END, ctrl('e')], Edit(Edit::End), ("到行尾", "end of line"), false),
    b(C::Search, &[k(KeyCode::Backspace), ctrl('h')], Edit(Edit::DeleteBack), ("删除前一字", "delete back"), false),
    b(C::Search, &[k(KeyCode::Delete)], Edit(Edit::DeleteForward), ("删除后一字", "delete forward"), false),
    b(C::Search, &[ctrl('w')], Edit(Edit::DeleteWord), ("删除前一词", "delete word"), false),
    b(C::Search, &[ctrl('u')], Edit(Edit::Clear), ("清空", "clear"), true),

    b(C::Stats, &[ch('j'), DOWN], Down, ("下一行", "next row"), false),
    b(C::Stats, &[ch('k'), UP], Up, ("上一行", "previous row"), false),
    b(C::Stats, &[ch('g'), HOME], Top, ("到顶部", "go to top"), false),
    b(C::Stats, &[ch('G'), END], Bottom, ("到底部", "go to bottom"), false),
    b(C::Stats, &[PGUP, ctrl('u')], PageUp, ("上一页", "page up"), false),
    b(C::Stats, &[PGDN, ctrl('d')], PageDown, ("下一页", "page down"), false),
    b(C::Stats, &[ENTER], Open, ("到原文", "show in context"), true),
    b(C::Stats, &[ch('/')], Filter, ("筛选", "filter"), true),
    b(C::Stats, &[ch('o')], Sort, ("排序", "sort"), true),
    b(C::Stats, &[ch('a')], ToggleScope, ("本节/全部数字", "this node's figures / all"), true),
    b(C::Stats, &[ESC, ch('s')], Back, ("返回", "back"), true),
    b(C::Stats, &[ch('y')], Copy, ("复制数字", "copy figure"), true),
    b(C::Stats, &[ch('Y')], CopyCited, ("复制表格 (TSV)", "copy table (TSV)"), true),
    b(C::Stats, &[ch('c')], CompareFigure, ("对比此数字", "compare this figure"), true),
    b(C::Stats, &[ch('C')], Compare, ("对比各报告", "compare reports"), true),
    b(C::Stats, &[ch('m')], ToggleMouse, ("鼠标开/关", "mouse on/off"), false),
    b(C::Stats, &[ch('?')], Help, ("帮助", "help"), true),
    b(C::Stats, &[ch('q')], Quit, ("退出", "quit"), true),

    b(C::StatsFilter, &[ENTER], KeepFilter, ("完成筛选", "keep filter"), true),
    b(C::StatsFilter, &[ESC], Back, ("清除筛选", "clear filter"), true),
    b(C::StatsFilter, &[DOWN], Down, ("下一行", "next row"), false),
    b(C::StatsFilter, &[UP], Up, ("上一行", "previous row"), false),
    b(C::StatsFilter, &[LEFT], Edit(Edit::Left), ("光标左移", "cursor left"), false),
    b(C::StatsFilter, &[RIGHT], Edit(Edit::Right), ("光标右移", "cursor right"), false),
    b(C::StatsFilter, &[k(KeyCode::Backspace), ctrl('h')], Edit(Edit::DeleteBack), ("删除前一字", "delete back"), false),
    b(C::StatsFilter, &[ctrl('w')], Edit(Edit::DeleteWord), ("删除前一词", "delete word"), false),
    b(C::StatsFilter, &[ctrl('u')], Edit(Edit::Clear), ("清空", "clear"), false),

    b(C::Compare, &[ch('j'), DOWN], Down, ("下一行", "next row"), false),
    b(C::Compare, &[ch('k'), UP], Up, ("上一行", "previous row"), false),
    b(C::Compare, &[ch('h'), LEFT], Left, ("上一份报告", "previous report"), false),
    b(C::Compare, &[ch('l'), RIGHT], Right, ("下一份报告", "next report"), false),
    b(C::Compare, &[ch('g'), HOME], Top, ("到顶部", "go to top"), false),
    b(C::Compare, &[ch('G'), END], Bottom, ("到底部", "go to bottom"), false),
    b(C::Compare, &[PGUP, ctrl('u')], PageUp, ("上一页", "page up"), false),
    b(C::Compare, &[PGDN, ctrl('d')], PageDown, ("下一页", "page down"), false),
    b(C::Compare, &[ENTER], Open, ("到原文", "show in context"), true),
    b(C::Compare, &[ch('/')], Filter, ("筛选", "filter"), true),
    b(C::Compare, &[ch('o')], Sort, ("按变化排序", "sort by change"), true),
    b(C::Compare, &[ch('y')], Copy, ("复制数字", "copy figure"), true),
    b(C::Compare, &[ch('Y')], CopyCited, ("复制矩阵 (TSV)", "copy matrix (TSV)"), true),
    b(C::Compare, &[ch('C')], Compare, ("全部指标", "all indicators"), false),
    b(C::Compare, &[ch('m')], ToggleMouse, ("鼠标开/关", "mouse on/off"), false),
    b(C::Compare, &[ESC], Back, ("返回", "back"), true),
    b(C::Compare, &[ch('?')], Help, ("帮助", "help"), false),
    b(C::Compare, &[ch('q')], Quit, ("退出", "quit"), false),

    b(C::CompareFilter, &[ENTER], KeepFilter, ("完成筛选", "keep filter"), true),
    b(C::CompareFilter, &[ESC], Back, ("清除筛选", "clear filter"), true),
    b(C::CompareFilter, &[DOWN], Down, ("下一行", "next row"), false),
    b(C::CompareFilter, &[UP], Up, ("上一行", "previous row"), false),
    b(C::CompareFilter, &[LEFT], Edit(Edit::Left), ("光标左移", "cursor left"), false),
    b(C::CompareFilter, &[RIGHT], Edit(Edit::Right), ("光标右移", "cursor right"), false),
    b(C::CompareFilter, &[k(KeyCode::Backspace), ctrl('h')], Edit(Edit::DeleteBack), ("删除前一字", "delete back"), false),
    b(C::CompareFilter, &[ctrl('w')], Edit(Edit::DeleteWord), ("删除前一词", "delete word"), false),
    b(C::CompareFilter, &[ctrl('u')], Edit(Edit::Clear), ("清空", "clear"), false),

    b(C::Help, &[ch('j'), DOWN], Down, ("向下滚动", "scroll down"), false),
    b(C::Help, &[ch('k'), UP], Up, ("向上滚动", "scroll up"), false),
    b(C::Help, &[PGDN, ctrl('d')], PageDown, ("下一页", "page down"), false),
    b(C::Help, &[PGUP, ctrl('u')], PageUp, ("上一页", "page up"), false),
    b(C::Help, &[ESC, ch('?'), ch('q')], Back, ("关闭帮助", "close help"), true),
];
