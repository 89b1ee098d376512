//! `Report::sanitize`: every string of a report made safe for a terminal, once, when the
//! report is loaded (the rules are in `crate::sanitize`).

use super::{Paragraph, Report, Section};

impl Report {
    /// Make every string safe for a terminal (see `sanitize`). Idempotent.
    pub fn sanitize(&mut self) {
        use crate::sanitize::sanitize_in_place as clean;
        clean(&mut self.title);
        self.issuers.iter_mut().for_each(clean);
        self.date.iter_mut().for_each(clean);
        self.date_text.iter_mut().for_each(clean);
        self.addressee.iter_mut().for_each(clean);
        self.closing.iter_mut().for_each(clean);
        clean(&mut self.encoding);
        clean(&mut self.preamble);
        self.intro.iter_mut().for_each(Paragraph::sanitize);
        self.sections.iter_mut().for_each(Section::sanitize);
    }
}

impl Section {
    fn sanitize(&mut self) {
        use crate::sanitize::sanitize_in_place as clean;
        clean(&mut self.id);
        clean(&mut self.number);
        clean(&mut self.title);
        clean(&mut self.heading);
        self.paragraphs.iter_mut().for_each(Paragraph::sanitize);
        self.subsections.iter_mut().for_each(Section::sanitize);
    }
}

impl Paragraph {
    fn sanitize(&mut self) {
        use crate::sanitize::sanitize_in_place as clean;
        clean(&mut self.id);
        clean(&mut self.text);
        self.lead.iter_mut().for_each(clean);
        for m in &mut self.measures {
            clean(&mut m.id);
            clean(&mut m.text);
        }
        for s in &mut self.statistics {
            for f in [
                &mut s.id,
                &mut s.label,
                &mut s.unit,
                &mut s.display,
                &mut s.measure,
            ] {
                clean(f);
            }
            clean(&mut s.quote);
            for f in s
                .qualifier
                .iter_mut()
                .chain(s.base.iter_mut().map(|b| &mut b.unit))
            {
                clean(f);
            }
        }
    }
}
