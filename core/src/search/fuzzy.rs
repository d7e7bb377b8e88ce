//! Typo tolerance: edit distance with adjacent transpositions (optimal string alignment), by the
//! bit-parallel method of Myers as extended by Hyyrö, one machine word per query word. It runs
//! over the index's distinct words only when a query word found nothing as typed.

/// How many edits a query word of `len` letters tolerates: none below five letters, one from
/// five, two from eight ("neovola" → neuvola, "puheterpia" → puheterapia).
pub fn allowed_edits(len: usize) -> u32 {
    match len {
        0..=4 => 0,
        5..=7 => 1,
        _ => 2,
    }
}

/// A query word prepared for comparison against many words.
pub struct Pattern {
    /// For each letter, the positions where the pattern has it (bit i = position i).
    ascii: [u64; 128],
    other: Vec<(char, u64)>,
    len: usize,
}

impl Pattern {
    /// `None` for words longer than 64 letters, which never get a typo allowance anyway.
    pub fn new(word: &str) -> Option<Pattern> {
        let mut p = Pattern {
            ascii: [0; 128],
            other: Vec::new(),
            len: 0,
        };
        for (i, c) in word.chars().enumerate() {
            if i >= 64 {
                return None;
            }
            let bit = 1u64 << i;
            if c.is_ascii() {
                p.ascii[c as usize] |= bit;
            } else if let Some(e) = p.other.iter_mut().find(|(o, _)| *o == c) {
                e.1 |= bit;
            } else {
                p.other.push((c, bit));
            }
            p.len = i + 1;
        }
        Some(p)
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn eq(&self, c: char) -> u64 {
        if c.is_ascii() {
            self.ascii[c as usize]
        } else {
            self.other
                .iter()
                .find(|(o, _)| *o == c)
                .map_or(0, |(_, b)| *b)
        }
    }

    /// Edit distance to the whole of `text` when it is at most `max`.
    pub fn distance(&self, text: &str, max: u32) -> Option<u32> {
        let d = self.run(text, true);
        (d <= max).then_some(d)
    }

    /// Least edit distance to any part of `text` (a compound's part: "neovola" in
    /// "lastenneuvola") when it is at most `max`.
    pub fn distance_within(&self, text: &str, max: u32) -> Option<u32> {
        let d = self.run(text, false);
        (d <= max).then_some(d)
    }

    fn run(&self, text: &str, whole: bool) -> u32 {
        let m = self.len;
        if m == 0 {
            return if whole {
                text.chars().count() as u32
            } else {
                0
            };
        }
        let mask = if m == 64 { u64::MAX } else { (1u64 << m) - 1 };
        let top = 1u64 << (m - 1);
        let mut vp = mask;
        let mut vn = 0u64;
        let mut d0 = 0u64;
        let mut prev_eq = 0u64;
        let mut score = m as u32;
        let mut best = if whole { u32::MAX } else { score };
        for c in text.chars() {
            let eq = self.eq(c);
            let tr = (((!d0) & eq) << 1) & prev_eq;
            d0 = ((((eq & vp).wrapping_add(vp)) ^ vp) | eq | vn | tr) & mask;
            let hp = (vn | !(d0 | vp)) & mask;
            let hn = d0 & vp;
            if hp & top != 0 {
                score += 1;
            } else if hn & top != 0 {
                score -= 1;
            }
            // The first row: distance j to an empty pattern for the whole word, 0 within it.
            let x = (hp << 1) | u64::from(whole);
            vn = x & d0;
            vp = ((hn << 1) | !(x | d0)) & mask;
            prev_eq = eq;
            if !whole {
                best = best.min(score);
            }
        }
        if whole {
            score
        } else {
            best
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Optimal string alignment distance, the plain way, to check the bit-parallel one against.
    fn osa(a: &[char], b: &[char], within: bool) -> u32 {
        let (n, m) = (a.len(), b.len());
        let mut d = vec![vec![0u32; m + 1]; n + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i as u32;
        }
        for (j, cell) in d[0].iter_mut().enumerate() {
            *cell = if within { 0 } else { j as u32 };
        }
        for i in 1..=n {
            for j in 1..=m {
                let cost = u32::from(a[i - 1] != b[j - 1]);
                let mut v = (d[i - 1][j] + 1)
                    .min(d[i][j - 1] + 1)
                    .min(d[i - 1][j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    v = v.min(d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        if within {
            (0..=m).map(|j| d[n][j]).min().unwrap()
        } else {
            d[n][m]
        }
    }

    #[test]
    fn agrees_with_the_plain_computation() {
        // A small deterministic generator over a four-letter alphabet, so edits collide often.
        let mut seed = 12345u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let alphabet = ['a', 'b', 'c', 'ä'];
        for _ in 0..4000 {
            let a: Vec<char> = (0..1 + next() % 9)
                .map(|_| alphabet[(next() % 4) as usize])
                .collect();
            let b: Vec<char> = (0..next() % 12)
                .map(|_| alphabet[(next() % 4) as usize])
                .collect();
            let (sa, sb): (String, String) = (a.iter().collect(), b.iter().collect());
            let p = Pattern::new(&sa).unwrap();
            assert_eq!(p.run(&sb, true), osa(&a, &b, false), "{sa} / {sb}");
            assert_eq!(p.run(&sb, false), osa(&a, &b, true), "{sa} within {sb}");
        }
    }

    #[test]
    fn families_typos() {
        let p = Pattern::new("neovola").unwrap();
        assert_eq!(p.distance("neuvola", 1), Some(1));
        assert_eq!(p.distance_within("lastenneuvola", 1), Some(1));
        assert_eq!(p.distance("neuvonta", 1), None);
        let p = Pattern::new("puheterpia").unwrap();
        assert_eq!(p.distance("puheterapia", 2), Some(1));
        // A swap of two letters is one edit.
        assert_eq!(
            Pattern::new("nevuola").unwrap().distance("neuvola", 1),
            Some(1)
        );
        assert_eq!(allowed_edits(4), 0);
        assert_eq!(allowed_edits(5), 1);
        assert_eq!(allowed_edits(8), 2);
    }
}
