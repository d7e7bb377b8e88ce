//! How well one query word meets one service: where it was found ([`Field`]) and how
//! ([`Fit`]), or that the vocabulary names the service's type ([`intent`]).

/// Where a word was found; the weight ranks name matches above description matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Description = 1,
    Summary = 2,
    Place = 4,
    Type = 6,
    Name = 8,
}

/// How a query word met an indexed word, best last.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Fit {
    /// Within one or two edits of a part of the word ("neovola" in "lastenneuvola").
    FuzzyPart = 1,
    /// Within one or two edits of the word ("puheterpia").
    Fuzzy = 2,
    /// The query word's stem inside the word: an inflected compound part ("neuvolaa" in
    /// "lastenneuvola").
    StemPart = 3,
    /// Inside the word: a later part of a compound ("neuvola" in "lastenneuvola").
    Part = 4,
    /// The beginning of the word, as while typing.
    Prefix = 5,
    /// Another form of the same word ("neuvolaa" for "neuvola", "masennukseen" for "masennus").
    Stem = 6,
    Exact = 7,
}

impl Fit {
    pub fn is_typo(self) -> bool {
        self <= Fit::Fuzzy
    }
}

/// Score of a word found in a field.
pub fn word(field: Field, fit: Fit) -> u32 {
    field as u32 * 8 + fit as u32
}

/// Score of a service whose type the vocabulary names for the query word: above any word of
/// its own texts (the family said what it needs; the catalogue's wording should not decide),
/// a typo of the vocabulary word below an exact one. `position` is the type's place in the
/// vocabulary row: the type written first fits best.
pub fn intent(fit: Fit, position: usize) -> u32 {
    let best = match fit {
        Fit::Exact | Fit::Stem => 111,
        Fit::Prefix | Fit::Part | Fit::StemPart => 95,
        Fit::Fuzzy | Fit::FuzzyPart => 79,
    };
    best - position.min(7) as u32
}

/// Scores within one tier rank alike for variety: the services of several fitting types are
/// interleaved rather than one type filling the first page (`facets::engine`). A tier is a
/// field for words of the catalogue, and exact, partial or typo for the vocabulary.
pub const TIER_BITS: u32 = 4;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_above_forms_above_parts_above_typos() {
        assert!(word(Field::Name, Fit::Exact) > word(Field::Name, Fit::Stem));
        assert!(word(Field::Name, Fit::Prefix) > word(Field::Name, Fit::Part));
        assert!(word(Field::Name, Fit::StemPart) > word(Field::Name, Fit::Fuzzy));
        // A typo in the name still beats an exact word of the description.
        assert!(word(Field::Name, Fit::Fuzzy) > word(Field::Description, Fit::Exact));
        assert!(intent(Fit::Fuzzy, 0) > word(Field::Name, Fit::Exact));
        assert!(intent(Fit::Exact, 7) > intent(Fit::Prefix, 0));
        // Each field is a tier of its own, and so is each kind of vocabulary match.
        let tier = |s: u32| s >> TIER_BITS;
        assert_eq!(
            tier(word(Field::Name, Fit::FuzzyPart)),
            tier(word(Field::Name, Fit::Exact))
        );
        assert!(tier(word(Field::Name, Fit::Exact)) < tier(intent(Fit::Prefix, 7)));
        assert_eq!(tier(intent(Fit::Exact, 0)), tier(intent(Fit::Exact, 9)));
        assert!(tier(intent(Fit::Prefix, 0)) < tier(intent(Fit::Exact, 9)));
    }
}
