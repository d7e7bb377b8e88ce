//! The base map drawn once as SVG paths in kilometre units, and the view box arithmetic: pan
//! and zoom only move the view box.

use std::sync::Arc;

use perheopas_core::filter::Query;
use perheopas_core::map::basemap::{rings_to_svg_path, BaseMap, Bounds, SvgTransform};
use perheopas_core::Catalogue;

/// A view box: x, y, width, height in the drawing's units.
pub type ViewBox = [f64; 4];

pub struct Drawn {
    pub base: BaseMap,
    pub t: SvgTransform,
    pub land: String,
    pub regions: String,
    pub lakes: String,
    /// All of Finland.
    pub whole: ViewBox,
}

/// Fetches the base map (through `load`) and draws it.
pub async fn load() -> Result<Arc<Drawn>, String> {
    let base = crate::load::basemap().await?;
    let t = SvgTransform::km(base.bounds);
    let land = rings_to_svg_path(&base.country, &t);
    let regions = base
        .regions
        .iter()
        .map(|r| rings_to_svg_path(&r.rings, &t))
        .collect::<Vec<_>>()
        .join(" ");
    let lakes = rings_to_svg_path(&base.lakes, &t);
    let whole = to_view(&t, base.bounds);
    Ok(Arc::new(Drawn {
        base,
        t,
        land,
        regions,
        lakes,
        whole,
    }))
}

/// Metre bounds → view box.
fn to_view(t: &SvgTransform, b: Bounds) -> ViewBox {
    let (x0, y0) = t.apply(b[0] as f64, b[3] as f64);
    let (x1, y1) = t.apply(b[2] as f64, b[1] as f64);
    [x0, y0, x1 - x0, y1 - y0]
}

/// The chosen county or municipality, framed.
pub fn area_view(d: &Drawn, q: &Query, cat: &Catalogue) -> Option<ViewBox> {
    let b = if let Some(m) = q.municipalities.first() {
        d.base.municipality_bounds(m)
    } else {
        q.counties
            .first()
            .and_then(|c| cat.county_by_code(c))
            .and_then(|i| d.base.county_bounds(&cat.counties[i].code))
    }?;
    Some(to_view(&d.t, b))
}

/// Zooms by `factor` keeping the focus point (fx, fy), a fraction of the view, in place.
pub fn zoom(v: ViewBox, factor: f64, fx: f64, fy: f64) -> ViewBox {
    let (w, h) = (v[2] / factor, v[3] / factor);
    [v[0] + (v[2] - w) * fx, v[1] + (v[3] - h) * fy, w, h]
}
