//! A list's selected row and the keys that move it: `↑`/`↓` (and `k`/`j`) a row at a time,
//! `Home`/`End` to either end. The row never goes past the last one.

use super::keymap::{self, Binding};

/// One move of a list's selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Up,
    Down,
    Top,
    Bottom,
}

impl Move {
    /// `row` after this move in a list of `rows` rows (row 0 when the list is empty).
    pub fn apply(self, row: usize, rows: usize) -> usize {
        let last = rows.saturating_sub(1);
        match self {
            Move::Down => (row + 1).min(last),
            Move::Up => row.saturating_sub(1).min(last),
            Move::Top => 0,
            Move::Bottom => last,
        }
    }
}

/// The row showing the entry that `is_it`, where `order` lists the indexes into `entries` row by
/// row (a screen's derived order, such as newest first).
pub fn row_of<T>(order: &[usize], entries: &[T], is_it: impl Fn(&T) -> bool) -> Option<usize> {
    order
        .iter()
        .position(|&i| entries.get(i).is_some_and(&is_it))
}

/// `↑↓` "move" in the footer and `Home/End` "first/last" in the help, as `msg` of each move.
pub fn bindings<M: Copy + 'static>(msg: fn(Move) -> M) -> [Binding<M>; 2] {
    [
        keymap::up_down("move", msg(Move::Down), msg(Move::Up)),
        keymap::home_end("first/last", msg(Move::Top), msg(Move::Bottom)),
    ]
}

#[cfg(test)]
mod tests {
    use super::Move;

    #[test]
    fn moves_stay_within_the_list() {
        assert_eq!(Move::Down.apply(2, 3), 2);
        assert_eq!(Move::Down.apply(0, 3), 1);
        assert_eq!(Move::Up.apply(0, 3), 0);
        assert_eq!(Move::Up.apply(7, 3), 2, "a row past the end comes back");
        assert_eq!(Move::Bottom.apply(0, 3), 2);
        assert_eq!(Move::Top.apply(2, 3), 0);
        assert_eq!(Move::Down.apply(0, 0), 0, "an empty list keeps row 0");
    }
}
