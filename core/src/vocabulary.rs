//! What families say: everyday words, colloquialisms and problems in Finnish, Swedish and
//! English, each pointing to the service types that answer it and the life situations it
//! belongs to. Edited as tables in `data/vocabulary/` (read and checked by
//! `source::vocabulary`), carried in the compiled catalogue, and read by the search
//! (`search::vocab`), which treats a word of the vocabulary as if the services of its types
//! had said it.

use serde::{Deserialize, Serialize};

use crate::model::Lang;

/// One row of the vocabulary: several ways of saying one thing, in one language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub lang: Lang,
    /// The words or phrases, normalised as the search normalises text (`text::normalize`):
    /// "neuvola-täti" is stored as "neuvola tati". A phrase matches when each of its words is
    /// in the query.
    pub phrases: Vec<String>,
    /// Indexes into `Catalogue::service_types`.
    pub types: Vec<u16>,
    /// Ids of life situations (`situations::SITUATIONS`) to offer with it.
    pub situations: Vec<String>,
    /// The words themselves ask for specialist care ("lähete", "psykiatri"): then services that
    /// need a referral are not ranked below those a family can contact itself.
    pub specialist: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Vocabulary {
    pub entries: Vec<Entry>,
}

/// How much the vocabulary holds, for the catalogue tool's report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub entries: usize,
    /// Words and phrases per language: fi, sv, en.
    pub phrases: [usize; 3],
}

impl Vocabulary {
    pub fn counts(&self) -> Counts {
        let mut c = Counts {
            entries: self.entries.len(),
            ..Counts::default()
        };
        for e in &self.entries {
            c.phrases[e.lang as usize] += e.phrases.len();
        }
        c
    }
}

impl std::fmt::Display for Counts {
    /// "412 entries, 1180 words and phrases (fi 700, sv 260, en 220)".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let [fi, sv, en] = self.phrases;
        write!(
            f,
            "{} entries, {} words and phrases (fi {fi}, sv {sv}, en {en})",
            self.entries,
            fi + sv + en
        )
    }
}
