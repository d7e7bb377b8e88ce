//! What a reader orients by on the map: which place names fit at the current zoom (the larger
//! municipality centres first, none overlapping another) and a scale bar of a round length.
//!
//! Both work in the drawing's units and the screen's pixels the view is shown at, so the names
//! keep one size on screen whatever the zoom, and more of them appear as the map is zoomed in.

use super::basemap::{Centre, SvgTransform};
use crate::model::Lang;

/// Type size of a place name on screen, px.
pub const NAME_PX: f64 = 13.0;
/// Type size of the chosen municipality's name, px: emphasised over the others.
pub const CHOSEN_PX: f64 = 17.0;
/// At most this many names at once: beyond it the map reads as text, not a map.
pub const MAX_NAMES: usize = 40;
/// How far from its point a name may move to clear a marker drawn there, px (a marker's
/// radius and a little).
pub const CLEAR_PX: f64 = 26.0;

/// One place name to draw: the centre it names and where its text starts (drawing units).
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceName {
    pub centre: usize,
    pub text: String,
    /// The centre's own point.
    pub x: f64,
    pub y: f64,
    /// Where the text's baseline starts: right of the point, vertically centred on it.
    pub text_x: f64,
    pub text_y: f64,
    /// The name of a municipality the search is limited to: drawn larger, first of all.
    pub chosen: bool,
}

/// A box in drawing units: left, top, right, bottom.
type Box = [f64; 4];

fn overlaps(a: &Box, b: &Box) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

/// The name a centre carries in the UI language: Swedish where it has one, else Finnish.
pub fn centre_name(c: &Centre, lang: Lang) -> &str {
    match (lang, &c.name_sv) {
        (Lang::Sv, Some(sv)) => sv,
        _ => &c.name,
    }
}

/// The names that fit in `view` (x, y, width, height in drawing units) shown at `units_per_px`:
/// first the `chosen` centres (the municipalities a search is limited to), then the most
/// populous, each kept only if its box (text and point, with a small margin) touches no box
/// already kept. `avoid` are boxes to keep clear (e.g. markers), drawing units. A chosen name
/// that cannot clear them all is still shown, above its point: it is what the reader asked for.
pub fn place_names(
    centres: &[Centre],
    t: &SvgTransform,
    view: [f64; 4],
    units_per_px: f64,
    lang: Lang,
    avoid: &[[f64; 4]],
    chosen: &[usize],
) -> Vec<PlaceName> {
    let u = units_per_px;
    let mut order: Vec<usize> = (0..centres.len()).collect();
    crate::order::sort_by(&mut order, |&a, &b| {
        chosen
            .contains(&b)
            .cmp(&chosen.contains(&a))
            .then(centres[b].population.cmp(&centres[a].population))
            .then(a.cmp(&b))
    });
    let mut kept: Vec<Box> = avoid.to_vec();
    let mut out = Vec::new();
    for i in order {
        if out.len() >= MAX_NAMES {
            break;
        }
        let c = &centres[i];
        let is_chosen = chosen.contains(&i);
        let px = if is_chosen { CHOSEN_PX } else { NAME_PX };
        let (x, y) = t.apply(c.x as f64, c.y as f64);
        let text = centre_name(c, lang);
        // Source Sans averages about 0.52 em per letter; the box is a little generous.
        let width = (text.chars().count() as f64 * 0.55 * px + 8.0) * u;
        let half = 0.7 * px * u;
        let inside = |b: &Box| {
            b[0] >= view[0]
                && b[2] <= view[0] + view[2]
                && b[1] >= view[1]
                && b[3] <= view[1] + view[3]
        };
        let fits = |b: &Box| inside(b) && !kept.iter().any(|k| overlaps(k, b));
        // Right of the point, else left of it, else clear of a marker drawn on it (up to
        // `CLEAR_PX` away) on either side: the first spot that overlaps nothing kept.
        let beside = [5.0, -5.0 - width / u, CLEAR_PX, -CLEAR_PX - width / u]
            .map(|dx| [x + dx * u, y - half, x + dx * u + width, y + half]);
        // A chosen name may also stand centred above or below the marker, or, failing all,
        // above it over whatever is there.
        let (up, down) = (
            y - (CLEAR_PX + 2.0) * u - half,
            y + (CLEAR_PX + 2.0) * u + half,
        );
        let over = [up, down].map(|cy| [x - width / 2.0, cy - half, x + width / 2.0, cy + half]);
        let found = beside.iter().find(|b| fits(b)).copied();
        let found = match (found, is_chosen) {
            (Some(b), _) => Some(b),
            (None, true) => over
                .iter()
                .find(|b| fits(b))
                .or_else(|| over.iter().find(|b| inside(b)))
                .copied(),
            (None, false) => None,
        };
        let Some(b) = found else {
            continue;
        };
        kept.push(b);
        // The point itself stays clear of later names.
        kept.push([x - 3.0 * u, y - 3.0 * u, x + 3.0 * u, y + 3.0 * u]);
        out.push(PlaceName {
            centre: i,
            text: text.to_string(),
            x,
            y,
            text_x: b[0],
            text_y: (b[1] + b[3]) / 2.0 + 0.35 * px * u,
            chosen: is_chosen,
        });
    }
    out
}

/// A scale bar: the round length (1, 2 or 5 × 10ⁿ metres) whose bar is longest without passing
/// `max_px`, and its length in pixels.
pub fn scale_bar(metres_per_px: f64, max_px: f64) -> (f64, f64) {
    let most = metres_per_px * max_px;
    let mut step = 10f64.powf(most.log10().floor());
    for k in [5.0, 2.0, 1.0] {
        if k * step <= most {
            step *= k;
            break;
        }
    }
    (step, step / metres_per_px)
}

/// "50 km", "500 m": a scale bar's words.
pub fn scale_label(metres: f64) -> String {
    if metres >= 1000.0 {
        format!("{} km", (metres / 1000.0).round())
    } else {
        format!("{} m", metres.round())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn centre(name: &str, x: i32, y: i32, population: u32) -> Centre {
        Centre {
            code: name.to_string(),
            name: name.to_string(),
            name_sv: (name == "Vaasa").then(|| "Vasa".to_string()),
            region: String::new(),
            county: String::new(),
            x,
            y,
            population,
            land_km2: 0,
        }
    }

    /// The names in a 100 km square view (drawing units are metres, see [`t`]).
    fn in_view(cs: &[Centre], units_per_px: f64, lang: Lang, avoid: &[[f64; 4]]) -> Vec<PlaceName> {
        place_names(
            cs,
            &t(),
            [0.0, 0.0, 100_000.0, 100_000.0],
            units_per_px,
            lang,
            avoid,
            &[],
        )
    }

    /// Metres as drawing units one to one, y flipped about 7 000 000.
    fn t() -> SvgTransform {
        SvgTransform {
            origin_x: 0.0,
            origin_y: 7_000_000.0,
            scale: 1.0,
        }
    }

    #[test]
    fn the_larger_places_win_and_no_two_names_overlap() {
        // 25 places 2 km apart: at 100 m per pixel (20 px apart) their names cannot all fit.
        let cs: Vec<Centre> = (0..25)
            .map(|i| {
                let (x, y) = (20_000 + (i % 5) * 2_000, 6_950_000 + (i / 5) * 2_000);
                centre(&format!("Paikka{i}"), x, y, 1_000 + i as u32)
            })
            .collect();
        let names = in_view(&cs, 100.0, Lang::Fi, &[]);
        assert!(
            !names.is_empty() && names.len() < cs.len(),
            "{}",
            names.len()
        );
        // The most populous first.
        assert_eq!(names[0].text, "Paikka24");
        let boxes: Vec<Box> = names
            .iter()
            .map(|n| {
                let w = (n.text.chars().count() as f64 * 0.55 * NAME_PX + 8.0) * 100.0;
                [
                    n.text_x,
                    n.y - 0.7 * NAME_PX * 100.0,
                    n.text_x + w,
                    n.y + 0.7 * NAME_PX * 100.0,
                ]
            })
            .collect();
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                assert!(!overlaps(a, b), "{a:?} {b:?}");
            }
        }
        // Zoomed in to 10 m per pixel, every one of them fits.
        let names = in_view(&cs, 10.0, Lang::Fi, &[]);
        assert_eq!(names.len(), cs.len());
    }

    #[test]
    fn names_outside_the_view_or_cut_by_its_edge_are_left_out() {
        let cs = [
            centre("Kuopio", 50_000, 6_950_000, 120_000),
            centre("Joensuu", 120_000, 6_950_000, 77_000),
        ];
        let names = in_view(&cs, 100.0, Lang::Fi, &[]);
        assert_eq!(names.len(), 1);
        assert_eq!(names[0].text, "Kuopio");
        assert_eq!((names[0].x, names[0].y), (50_000.0, 50_000.0));
        assert!(names[0].text_x > names[0].x);
        // A name at the view's right edge goes left of its point instead.
        let edge = [centre("Ilomantsi", 98_000, 6_950_000, 5_000)];
        let e = in_view(&edge, 100.0, Lang::Fi, &[]);
        assert!(e[0].text_x < e[0].x, "{e:?}");
    }

    #[test]
    fn swedish_names_in_swedish_and_boxes_to_avoid_are_kept_clear() {
        let cs = [centre("Vaasa", 50_000, 6_950_000, 68_000)];
        let sv = in_view(&cs, 100.0, Lang::Sv, &[]);
        assert_eq!(sv[0].text, "Vasa");
        // A marker on the point (20 px across at 100 m/px): the name moves clear of it.
        let marker = [[49_000.0, 49_000.0, 51_000.0, 51_000.0]];
        let moved = in_view(&cs, 100.0, Lang::Fi, &marker);
        assert_eq!(moved.len(), 1);
        assert!(moved[0].text_x >= 51_000.0, "{moved:?}");
        // A marker too wide to clear: no name rather than one under it.
        let wide = [[40_000.0, 49_000.0, 60_000.0, 51_000.0]];
        assert!(in_view(&cs, 100.0, Lang::Fi, &wide).is_empty());
    }

    #[test]
    fn a_chosen_municipality_is_named_first_and_larger_even_under_markers() {
        // A city and a village on one spot at the view's right edge: only one name fits, left
        // of the point.
        let cs = [
            centre("Kaupunki", 97_000, 6_950_000, 100_000),
            centre("Kylä", 97_000, 6_950_000, 2_000),
        ];
        let texts = |names: &[PlaceName]| names.iter().map(|n| n.text.clone()).collect::<Vec<_>>();
        let plain = in_view(&cs, 100.0, Lang::Fi, &[]);
        assert_eq!(texts(&plain), ["Kaupunki"]);
        assert!(!plain[0].chosen);
        let t = t();
        let view = [0.0, 0.0, 100_000.0, 100_000.0];
        let chosen = place_names(&cs, &t, view, 100.0, Lang::Fi, &[], &[1]);
        assert_eq!(texts(&chosen), ["Kylä"]);
        assert!(chosen[0].chosen);
        // Larger: its baseline sits further below the point's line than an ordinary name's.
        assert!(chosen[0].text_y - chosen[0].y > plain[0].text_y - plain[0].y);
        // Markers covering every spot beside the point: a chosen name still shows, centred
        // above it; an ordinary one is left out.
        let wide = [[80_000.0, 49_000.0, 100_000.0, 51_000.0]];
        let under = place_names(&cs, &t, view, 100.0, Lang::Fi, &wide, &[1]);
        assert_eq!(texts(&under), ["Kylä"]);
        assert!(under[0].text_y < under[0].y - 2_000.0, "{under:?}");
        assert!(
            under[0].text_x < under[0].x,
            "centred on the point: {under:?}"
        );
        assert!(place_names(&cs, &t, view, 100.0, Lang::Fi, &wide, &[]).is_empty());
    }

    #[test]
    fn the_number_of_names_is_capped() {
        let cs: Vec<Centre> = (0..100)
            .map(|i| {
                centre(
                    &format!("P{i}"),
                    (i % 10) * 10_000,
                    6_900_000 + (i / 10) * 10_000,
                    1,
                )
            })
            .collect();
        let names = place_names(&cs, &t(), [-1e6, -1e6, 1e7, 1e7], 1.0, Lang::Fi, &[], &[]);
        assert_eq!(names.len(), MAX_NAMES);
    }

    #[test]
    fn scale_bars_have_round_lengths_within_their_room() {
        assert_eq!(scale_bar(1000.0, 100.0), (100_000.0, 100.0));
        let (m, px) = scale_bar(1800.0, 100.0);
        assert_eq!(m, 100_000.0);
        assert!((px - 55.555).abs() < 0.01);
        assert_eq!(scale_bar(30.0, 100.0).0, 2000.0);
        assert_eq!(scale_bar(4.0, 100.0).0, 200.0);
        assert_eq!(scale_label(50_000.0), "50 km");
        assert_eq!(scale_label(500.0), "500 m");
    }
}
