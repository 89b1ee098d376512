//! The UI language (Chinese by default, English on request) and picking it from the environment.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// Choose between the Chinese and English text of a label. Labels live beside their
    /// use, in pairs, so a new label cannot forget its translation.
    pub fn pick(self, zh: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// `--lang` wins; else an English locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, first set
    /// wins, as in POSIX) gives English; anything else, `C` included, gives Chinese.
    pub fn choose(flag: Option<&str>, env: impl Fn(&str) -> Option<String>) -> Lang {
        if let Some(flag) = flag {
            return if flag.starts_with("en") {
                Lang::En
            } else {
                Lang::Zh
            };
        }
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| env(k))
            .find(|v| !v.is_empty());
        match locale {
            Some(l) if l.starts_with("en") => Lang::En,
            _ => Lang::Zh,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn flag_then_locale_then_chinese() {
        assert_eq!(
            Lang::choose(Some("en"), env(&[("LANG", "zh_CN")])),
            Lang::En
        );
        assert_eq!(
            Lang::choose(Some("zh"), env(&[("LANG", "en_US")])),
            Lang::Zh
        );
        assert_eq!(
            Lang::choose(None, env(&[("LANG", "en_GB.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            Lang::choose(None, env(&[("LC_ALL", "zh_CN.UTF-8"), ("LANG", "en_US")])),
            Lang::Zh
        );
        assert_eq!(Lang::choose(None, env(&[("LANG", "C.UTF-8")])), Lang::Zh);
        assert_eq!(Lang::choose(None, env(&[])), Lang::Zh);
    }
}
