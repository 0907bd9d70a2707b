//! What the Boundaries screen shows: the list's order and each boundary's kept-rates and flags.

use crate::journal::Journal;
use crate::trends::{self, BoundaryRate, Flag};
use chrono::NaiveDate;

#[derive(Debug, Clone, Default)]
pub struct BoundaryFigures {
    /// Indexes into `journal.boundaries`: active ones first, then archived, each in file order.
    pub order: Vec<usize>,
    /// Kept-rates over 7 and 28 days, in the journal's order.
    pub rates: Vec<BoundaryRate>,
    /// `boundary_slipping` flags, by the id of the boundary each concerns.
    pub slipping: Vec<(String, Flag)>,
}

impl BoundaryFigures {
    pub fn compute(journal: &Journal, today: NaiveDate) -> BoundaryFigures {
        let mut order: Vec<usize> = (0..journal.boundaries.len()).collect();
        order.sort_by_key(|&i| journal.boundaries[i].archived);
        BoundaryFigures {
            order,
            rates: trends::boundary_rates(journal, today),
            slipping: trends::boundary_slipping(journal, today),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::BoundaryFigures;
    use chrono::NaiveDate;

    #[test]
    fn archived_boundaries_come_after_active_ones_each_in_file_order() {
        let journal = crate::journal::decode(
            br#"{"format":"rekindle-journal","version":1,"boundaries":[
              {"id":"b-1","text":"one","archived":true},
              {"id":"b-2","text":"two"},
              {"id":"b-3","text":"three","archived":true},
              {"id":"b-4","text":"four"}
            ]}"#,
        )
        .expect("a valid journal");
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("a date");
        let figures = BoundaryFigures::compute(&journal, today);
        assert_eq!(figures.order, [1, 3, 0, 2]);
    }
}
