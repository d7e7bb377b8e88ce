//! A problem found in a catalogue file, located by file, line and field so an editor can fix it.

use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    /// 1-based; 0 when the problem is about the file as a whole.
    pub line: usize,
    /// The record (`service "id"`) and field (`delivery[2].location`) the problem is in.
    pub place: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: ", self.file, self.line)?;
        if !self.place.is_empty() {
            write!(f, "{}: ", self.place)?;
        }
        f.write_str(&self.message)
    }
}

/// Turns byte offsets into line numbers for one file.
pub struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    pub fn new(text: &str) -> Lines {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { starts }
    }

    /// 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_map_to_lines() {
        let l = Lines::new("a\nbc\n\nd");
        assert_eq!(
            [
                l.line(0),
                l.line(1),
                l.line(2),
                l.line(4),
                l.line(5),
                l.line(6)
            ],
            [1, 1, 2, 2, 3, 4]
        );
    }

    #[test]
    fn display_names_file_line_and_place() {
        let p = Problem {
            file: "data/x.toml".into(),
            line: 7,
            place: "service \"a\" type".into(),
            message: "unknown".into(),
        };
        assert_eq!(p.to_string(), "data/x.toml:7: service \"a\" type: unknown");
    }
}
