//! Pan and zoom by touch (drag, pinch), mouse wheel and keyboard, all moving one view box.

use leptos::html;
use leptos::prelude::*;

use super::drawn::{zoom, ViewBox};

/// The map's view box, the frame it is drawn in, and the pointers now down on it.
#[derive(Clone, Copy)]
pub struct Gestures {
    pub view_box: RwSignal<ViewBox>,
    pub frame: NodeRef<html::Div>,
    /// Active pointers and their last positions, for drag and pinch.
    pointers: StoredValue<Vec<(i32, f64, f64)>>,
    /// Full screen, one finger pans the map; in the page, it scrolls the page (the browser's,
    /// by `touch-action`), and only two fingers move the map.
    pub full: RwSignal<bool>,
}

impl Gestures {
    pub fn new(view_box: RwSignal<ViewBox>) -> Self {
        Gestures {
            view_box,
            frame: NodeRef::new(),
            pointers: StoredValue::new(Vec::new()),
            full: RwSignal::new(false),
        }
    }

    /// Drawing units per screen pixel (tracks the view box). The view box is fitted whole into
    /// the frame ("meet"), so the tighter of the two directions sets the scale.
    pub fn units_per_px(self) -> f64 {
        let (w, h) = self
            .frame
            .get()
            .map(|e| (e.client_width() as f64, e.client_height() as f64))
            .filter(|(w, h)| *w > 0.0 && *h > 0.0)
            .unwrap_or((400.0, 400.0));
        self.view_box.with(|v| (v[2] / w).max(v[3] / h))
    }

    pub fn zoom_by(self, factor: f64) {
        self.view_box.update(|v| *v = zoom(*v, factor, 0.5, 0.5));
    }

    pub fn down(self, ev: leptos::ev::PointerEvent) {
        self.pointers.update_value(|p| {
            p.push((ev.pointer_id(), ev.client_x() as f64, ev.client_y() as f64))
        });
    }

    pub fn up(self, ev: leptos::ev::PointerEvent) {
        self.pointers
            .update_value(|p| p.retain(|x| x.0 != ev.pointer_id()))
    }

    /// One finger drags; two pinch.
    pub fn moved(self, ev: leptos::ev::PointerEvent) {
        let id = ev.pointer_id();
        let (x, y) = (ev.client_x() as f64, ev.client_y() as f64);
        let mut ps = self.pointers.get_value();
        let Some(i) = ps.iter().position(|p| p.0 == id) else {
            return;
        };
        let upp = self.units_per_px();
        let finger = ev.pointer_type() == "touch";
        if ps.len() == 1 && finger && !self.full.get_untracked() {
            // The page scrolls under a single finger; the map stays where it is.
        } else if ps.len() == 1 {
            let (dx, dy) = (x - ps[i].1, y - ps[i].2);
            self.view_box.update(|v| {
                v[0] -= dx * upp;
                v[1] -= dy * upp;
            });
        } else if ps.len() == 2 {
            let other = ps[1 - i];
            let before = ((ps[i].1 - other.1).powi(2) + (ps[i].2 - other.2).powi(2)).sqrt();
            let after = ((x - other.1).powi(2) + (y - other.2).powi(2)).sqrt();
            if before > 0.0 && after > 0.0 {
                self.zoom_by(after / before);
            }
        }
        ps[i] = (id, x, y);
        self.pointers.set_value(ps);
    }

    /// The wheel zooms about the pointer.
    pub fn wheel(self, ev: leptos::ev::WheelEvent) {
        ev.prevent_default();
        let Some(el) = self.frame.get() else { return };
        let rect = el.get_bounding_client_rect();
        let fx = ((ev.client_x() as f64 - rect.left()) / rect.width()).clamp(0.0, 1.0);
        let fy = ((ev.client_y() as f64 - rect.top()) / rect.height()).clamp(0.0, 1.0);
        let factor = if ev.delta_y() < 0.0 { 1.25 } else { 0.8 };
        self.view_box.update(|v| *v = zoom(*v, factor, fx, fy));
    }

    /// + and − zoom, the arrows pan.
    pub fn key(self, ev: leptos::ev::KeyboardEvent) {
        let step = 0.15;
        let view_box = self.view_box;
        match ev.key().as_str() {
            "+" | "=" => self.zoom_by(1.5),
            "-" | "_" => self.zoom_by(1.0 / 1.5),
            "ArrowLeft" => view_box.update(|v| v[0] -= v[2] * step),
            "ArrowRight" => view_box.update(|v| v[0] += v[2] * step),
            "ArrowUp" => view_box.update(|v| v[1] -= v[3] * step),
            "ArrowDown" => view_box.update(|v| v[1] += v[3] * step),
            _ => return,
        }
        ev.prevent_default();
    }
}
