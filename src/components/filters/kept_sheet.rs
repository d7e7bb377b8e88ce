//! The filter sheet kept open across a redraw of the results.
//!
//! When a shard is merged into the engine (the family widened the search to the whole country),
//! the finder draws the results page again, filter sheet included. A family picking filters in
//! the sheet on a phone at that moment must not find it closed, its place lost: the finder notes
//! the open sheet's focused field and scroll just before it redraws ([`KeptSheet::keep`]), and
//! the new sheet opens again at the same place ([`KeptSheet::reopen`]).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Where the family was in an open sheet; owned by the finder, which outlives the redraws.
#[derive(Clone, Copy)]
pub struct KeptSheet(StoredValue<Option<SheetPlace>>);

#[derive(Clone, Copy, Debug)]
struct SheetPlace {
    /// The focused field, as its position among the sheet's fields (they have no ids, and the
    /// redrawn sheet has the same fields in the same order).
    focus: Option<u32>,
    scroll: i32,
}

/// What in the sheet can hold focus.
const FIELDS: &str = "input, select, button";

impl Default for KeptSheet {
    fn default() -> KeptSheet {
        KeptSheet(StoredValue::new(None))
    }
}

impl KeptSheet {
    /// Notes an open sheet's place, just before the results are drawn again; nothing when no
    /// sheet is open.
    pub fn keep(&self) {
        let place = open_sheet().map(|sheet| {
            let active = document().active_element();
            let focus = active.and_then(|a| {
                let fields = sheet.query_selector_all(FIELDS).ok()?;
                (0..fields.length()).find(|&i| fields.item(i).is_some_and(|f| f == *a.as_ref()))
            });
            let scroll = body(&sheet).map_or(0, |b| b.scroll_top());
            SheetPlace { focus, scroll }
        });
        self.0.set_value(place);
    }

    /// Opens a newly drawn sheet again where the family left the old one, if it was open.
    /// `open` shows the dialog; called once the dialog is in the page.
    pub fn reopen(&self, sheet: NodeRef<leptos::html::Dialog>, open: impl Fn() + 'static) -> bool {
        let Some(place) = self.0.try_update_value(Option::take).flatten() else {
            return false;
        };
        Effect::new(move |done: Option<bool>| {
            if done == Some(true) {
                return true;
            }
            let Some(dialog) = sheet.get() else {
                return false;
            };
            open();
            if let Some(b) = body(&dialog) {
                b.set_scroll_top(place.scroll);
            }
            let field = place.focus.and_then(|i| {
                dialog
                    .query_selector_all(FIELDS)
                    .ok()?
                    .item(i)?
                    .dyn_into::<web_sys::HtmlElement>()
                    .ok()
            });
            if let Some(f) = field {
                let _ = f.focus();
            }
            true
        });
        true
    }
}

fn open_sheet() -> Option<web_sys::Element> {
    document()
        .query_selector("dialog.filter-sheet[open]")
        .ok()
        .flatten()
}

fn body(sheet: &web_sys::Element) -> Option<web_sys::Element> {
    sheet.query_selector(".sheet-body").ok().flatten()
}
