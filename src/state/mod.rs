//! The app-wide state every view reads, in one home: each context is a newtype (never a bare
//! type such as `Arc<Engine>`, which any code could provide by accident) with its `provide_*`
//! and `use_*` pair. The shell provides them in order: configuration, language, clock, my
//! list, connection; once the catalogue is loaded the engine, the kiosk's place, the origin of
//! distances, the map highlight and the first-list flag.

mod clock;
mod home;
mod lang_pref;
mod my_list;
mod online;

use std::sync::Arc;

use leptos::prelude::*;
use perheopas_core::config::Config;
use perheopas_core::facets::Engine;
use perheopas_core::filter::ParamProblem;
use perheopas_core::model::{Lang, Text};

pub use clock::{provide_clock, use_clock};
pub use home::{provide_home, stored_home, try_use_home, use_home, Home, HomeChoice};
pub use lang_pref::{default_lang, provide_default_lang, remember_lang, set_document_lang};
pub use my_list::{provide_my_list, use_my_list};
pub use online::{provide_online, use_online};

/// The running mode and look from the start URL, and the start URL's parameters that were not
/// understood.
#[derive(Clone)]
struct AppConfig(Config, Vec<ParamProblem>);

pub fn provide_config(config: Config, problems: Vec<ParamProblem>) {
    provide_context(AppConfig(config, problems));
}

pub fn use_config() -> Config {
    expect_context::<AppConfig>().0
}

pub fn config_problems() -> Vec<ParamProblem> {
    expect_context::<AppConfig>().1
}

/// The language the user chose, read from the URL.
#[derive(Clone, Copy)]
struct UiLang(Memo<Lang>);

pub fn provide_lang(lang: Memo<Lang>) {
    provide_context(UiLang(lang));
}

pub fn use_lang() -> Memo<Lang> {
    expect_context::<UiLang>().0
}

/// The loaded catalogue: its parts and the search engine over those merged so far.
#[derive(Clone, Copy)]
struct Catalogue(crate::parts::Parts);

pub fn provide_parts(parts: crate::parts::Parts) {
    provide_context(Catalogue(parts));
}

pub fn use_parts() -> crate::parts::Parts {
    expect_context::<Catalogue>().0
}

/// The engine over the parts merged so far. Tracked: a view or memo that reads it is redrawn
/// when a county's shard arrives (and its indices always belong to the engine it read).
pub fn use_engine() -> Arc<Engine> {
    expect_context::<Catalogue>().0.engine.get()
}

/// The engine where it may not be loaded (yet).
pub fn try_use_engine() -> Option<Arc<Engine>> {
    use_context::<Catalogue>().map(|c| c.0.engine.get())
}

/// The meeting place a kiosk stands in: its municipality and location.
#[derive(Clone, Debug)]
pub struct Here {
    /// The meeting place's name in every language the catalogue has it in.
    pub name: Text,
    pub municipality: String,
    pub location: (f64, f64),
}

/// `None` outside a kiosk, or when its `place=` names no service with an address.
#[derive(Clone)]
struct KioskPlace(Option<Here>);

pub fn provide_here(here: Option<Here>) {
    provide_context(KioskPlace(here));
}

pub fn use_here() -> Option<Here> {
    use_context::<KioskPlace>().and_then(|k| k.0)
}

/// A point given to measure distances from, (lat, lon): the device's position ("near me") or a
/// kiosk's meeting place. Without one, distances are measured from the home municipality's
/// centre, derived where it is needed (`components::origin::use_measured_from`), never copied here.
#[derive(Clone, Copy)]
struct Origin(RwSignal<Option<(f64, f64)>>);

/// Whether the list is sorted nearest first: a choice of its own, apart from showing distances.
#[derive(Clone, Copy)]
struct NearestFirst(RwSignal<bool>);

/// A kiosk measures from its meeting place, nearest first, from the start; call after
/// [`provide_here`].
pub fn provide_origin() {
    let here = use_here().map(|h| h.location);
    provide_context(NearestFirst(RwSignal::new(here.is_some())));
    provide_context(Origin(RwSignal::new(here)));
}

/// The sort order: nearest first (true) or the search's own order.
pub fn try_use_nearest_first() -> Option<RwSignal<bool>> {
    use_context::<NearestFirst>().map(|n| n.0)
}

pub fn use_origin() -> RwSignal<Option<(f64, f64)>> {
    expect_context::<Origin>().0
}

/// The origin where a part may be shown outside the finder (a card on my list).
pub fn try_use_origin() -> Option<RwSignal<Option<(f64, f64)>>> {
    use_context::<Origin>().map(|o| o.0)
}

/// The service picked in the list or on the map, shown on both; `map_on` says the map is open.
#[derive(Clone, Copy)]
pub struct Highlight {
    pub service: RwSignal<Option<u32>>,
    pub map_on: Memo<bool>,
}

pub fn provide_highlight(map_on: Memo<bool>) {
    provide_context(Highlight {
        service: RwSignal::new(None),
        map_on,
    });
}

pub fn use_highlight() -> Option<Highlight> {
    use_context::<Highlight>()
}

/// Whether the next result list is the first one the app builds: the app opening on a list,
/// or the first search from the start view. Either way nothing is waiting to be focused in it,
/// so it may paint its first cards before the rest.
#[derive(Clone, Copy)]
struct FirstList(StoredValue<bool>);

pub fn provide_first_list() {
    provide_context(FirstList(StoredValue::new(true)));
}

/// True only for the first list asked about.
pub fn take_first_list() -> bool {
    use_context::<FirstList>().is_some_and(|f| {
        let first = f.0.get_value();
        f.0.set_value(false);
        first
    })
}

/// A list drawn later (say, back from a service page opened by a link) is drawn whole at once,
/// so focus can return to any of its cards.
pub fn not_starting_on_list() {
    if let Some(f) = use_context::<FirstList>() {
        f.0.set_value(false);
    }
}

/// Set when a choice (a life situation, an area) should land focus on the results heading once
/// the results are drawn; the results page takes it.
#[derive(Clone, Copy)]
struct ResultsFocus(StoredValue<bool>);

pub fn provide_results_focus() {
    provide_context(ResultsFocus(StoredValue::new(false)));
}

/// The next results drawn take focus to their heading.
pub fn focus_results_next() {
    if let Some(f) = use_context::<ResultsFocus>() {
        f.0.set_value(true);
    }
}

/// True once after [`focus_results_next`].
pub fn take_results_focus() -> bool {
    use_context::<ResultsFocus>().is_some_and(|f| {
        let on = f.0.get_value();
        f.0.set_value(false);
        on
    })
}
