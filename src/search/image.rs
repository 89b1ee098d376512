//! The embedded report's index as bytes compiled into the binary: the store that
//! `Index::build` makes of it, checked in as `assets/report.index`. A test fails when it
//! differs from a fresh build; `REPORT_TUI_BLESS=1 cargo test --lib image` rewrites it
//! after a change to the report, the model or the index's layout.

/// Aligned as the store's `u64` columns need.
#[repr(C, align(8))]
struct Aligned<T: ?Sized>(T);

static IMAGE: &Aligned<[u8]> = &Aligned(*include_bytes!("../../assets/report.index"));

/// The image's bytes, 8-aligned.
pub(crate) static EMBEDDED: &[u8] = &IMAGE.0;

#[cfg(test)]
mod tests {
    use super::super::{Index, Query};
    use super::*;

    #[test]
    fn the_image_is_a_fresh_build_of_the_embedded_report() {
        let fresh = Index::build(&[crate::embedded::report().unwrap()]);
        if std::env::var_os("REPORT_TUI_BLESS").is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/report.index");
            std::fs::write(path, &*fresh.as_bytes()).unwrap();
            return;
        }
        assert!(
            EMBEDDED == &*fresh.as_bytes(),
            "assets/report.index is stale: REPORT_TUI_BLESS=1 cargo test --lib image"
        );
        assert_eq!(EMBEDDED.as_ptr() as usize % 8, 0, "aligned for the columns");
    }

    #[test]
    fn the_embedded_index_answers_as_a_fresh_one() {
        let fresh = Index::build(&[crate::embedded::report().unwrap()]);
        let image = Index::embedded().unwrap();
        assert_eq!(image.len(), fresh.len());
        assert!(image.items().eq(fresh.items()));
        for q in ["执法", "zfjly", "44", "#z", "'报告"] {
            let q = Query::parse(q).unwrap();
            assert_eq!(image.search(&q), fresh.search(&q));
        }
    }
}
