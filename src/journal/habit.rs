//! The five yes/no recovery habits as a type: each has its key in the file and the CSV, and the
//! words the screens and exports use. Code names a habit, never a position in a list.

use super::Habits;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Habit {
    Exercise,
    Outside,
    Mindful,
    RestBlock,
    Disconnected,
}

impl Habit {
    /// In the order the app, the exports and the file list them.
    pub const ALL: [Habit; 5] = [
        Habit::Exercise,
        Habit::Outside,
        Habit::Mindful,
        Habit::RestBlock,
        Habit::Disconnected,
    ];

    /// The field name in `journal.json` and the CSV column.
    pub fn key(self) -> &'static str {
        match self {
            Habit::Exercise => "exercise",
            Habit::Outside => "outside",
            Habit::Mindful => "mindful",
            Habit::RestBlock => "rest_block",
            Habit::Disconnected => "disconnected",
        }
    }

    /// How the screens and exports name it.
    pub fn label(self) -> &'static str {
        match self {
            Habit::Exercise => "Moved or exercised",
            Habit::Outside => "Went outside",
            Habit::Mindful => "A mindful pause",
            Habit::RestBlock => "A real rest block",
            Habit::Disconnected => "Disconnected from work",
        }
    }
}

impl Habits {
    /// Whether `habit` was done that day; `None` when not recorded.
    pub fn get(&self, habit: Habit) -> Option<bool> {
        match habit {
            Habit::Exercise => self.exercise,
            Habit::Outside => self.outside,
            Habit::Mindful => self.mindful,
            Habit::RestBlock => self.rest_block,
            Habit::Disconnected => self.disconnected,
        }
    }

    pub fn slot(&mut self, habit: Habit) -> &mut Option<bool> {
        match habit {
            Habit::Exercise => &mut self.exercise,
            Habit::Outside => &mut self.outside,
            Habit::Mindful => &mut self.mindful,
            Habit::RestBlock => &mut self.rest_block,
            Habit::Disconnected => &mut self.disconnected,
        }
    }

    /// Every habit with its value, in `Habit::ALL` order.
    pub fn each(&self) -> [(Habit, Option<bool>); 5] {
        Habit::ALL.map(|habit| (habit, self.get(habit)))
    }
}

#[cfg(test)]
mod tests {
    use super::Habit;
    use crate::journal::Habits;

    #[test]
    fn each_habit_reads_and_writes_its_own_field() {
        let mut habits = Habits::default();
        *habits.slot(Habit::RestBlock) = Some(true);
        *habits.slot(Habit::Outside) = Some(false);
        assert_eq!(habits.rest_block, Some(true));
        assert_eq!(habits.outside, Some(false));
        assert_eq!(habits.get(Habit::Exercise), None);
        let keys: Vec<&str> = Habit::ALL.iter().map(|h| h.key()).collect();
        assert_eq!(
            keys,
            [
                "exercise",
                "outside",
                "mindful",
                "rest_block",
                "disconnected"
            ]
        );
    }
}
