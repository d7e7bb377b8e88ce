//! Where the family lives, asked once on the first visit and kept on the device (localStorage):
//! a municipality, or "skip". It sets the area of new searches, the contact point and where
//! distances are measured from. A widget or a kiosk keeps its presets: it never asks, never
//! reads nor writes the stored choice (a kiosk is a shared device).

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;

const KEY: &str = "perheopas.home";

/// The family's answer to "where do you live?".
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HomeChoice {
    /// Never answered: the start view asks.
    Unasked,
    /// The family chose not to say; not asked again.
    Skipped,
    /// A municipality code of the catalogue.
    Municipality(String),
}

impl HomeChoice {
    fn stored(value: &str) -> Option<HomeChoice> {
        match value {
            "skip" => Some(HomeChoice::Skipped),
            v => v
                .strip_prefix("m:")
                .filter(|c| !c.is_empty())
                .map(|c| HomeChoice::Municipality(c.to_string())),
        }
    }

    fn to_stored(&self) -> Option<String> {
        match self {
            HomeChoice::Unasked => None,
            HomeChoice::Skipped => Some("skip".into()),
            HomeChoice::Municipality(c) => Some(format!("m:{c}")),
        }
    }

    pub fn municipality(&self) -> Option<&str> {
        match self {
            HomeChoice::Municipality(c) => Some(c),
            _ => None,
        }
    }
}

/// The choice, whether this device may ask and remember, and whether the question is open now
/// (first visit, or the family tapped the chip to change it).
#[derive(Clone, Copy)]
pub struct Home {
    pub choice: RwSignal<HomeChoice>,
    pub asking: RwSignal<bool>,
    pub remembers: bool,
}

impl Home {
    /// Records an answer and closes the question; stored only where the device remembers.
    pub fn answer(&self, choice: HomeChoice) {
        if self.remembers {
            let result = match choice.to_stored() {
                Some(v) => LocalStorage::set(KEY, v),
                None => {
                    LocalStorage::delete(KEY);
                    Ok(())
                }
            };
            if let Err(e) = result {
                web_sys::console::warn_1(
                    &format!("Perheopas: home municipality not stored ({e})").into(),
                );
            }
        }
        self.choice.set(choice);
        self.asking.set(false);
    }

    /// The question shows: on the first visit to the app, or when asked for again.
    pub fn should_ask(&self) -> bool {
        self.remembers && (self.asking.get() || self.choice.get() == HomeChoice::Unasked)
    }

    pub fn municipality(&self) -> Option<String> {
        self.choice.with(|c| c.municipality().map(str::to_string))
    }

    pub fn municipality_untracked(&self) -> Option<String> {
        self.choice
            .with_untracked(|c| c.municipality().map(str::to_string))
    }
}

/// The municipality code stored on this device, read before the catalogue is loaded (to fetch
/// its county's shard first); checked against the catalogue by [`provide_home`].
pub fn stored_home() -> Option<String> {
    let v = LocalStorage::get::<String>(KEY).ok()?;
    HomeChoice::stored(&v)?.municipality().map(str::to_string)
}

/// Reads the stored choice once; `known` says whether a code is one of the catalogue's (a code
/// from an older catalogue is dropped and the question asked again). `remembers` is false for a
/// widget and a kiosk.
pub fn provide_home(remembers: bool, known: impl Fn(&str) -> bool) {
    let choice = if remembers {
        match LocalStorage::get::<String>(KEY) {
            Ok(v) => match HomeChoice::stored(&v) {
                Some(HomeChoice::Municipality(c)) if !known(&c) => HomeChoice::Unasked,
                Some(c) => c,
                None => {
                    web_sys::console::warn_1(
                        &format!("Perheopas: stored home \"{v}\" not understood; asking again")
                            .into(),
                    );
                    HomeChoice::Unasked
                }
            },
            Err(_) => HomeChoice::Unasked,
        }
    } else {
        HomeChoice::Skipped
    };
    provide_context(Home {
        choice: RwSignal::new(choice),
        asking: RwSignal::new(false),
        remembers,
    });
}

pub fn use_home() -> Home {
    expect_context::<Home>()
}

pub fn try_use_home() -> Option<Home> {
    use_context::<Home>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_values_read_back() {
        for c in [HomeChoice::Skipped, HomeChoice::Municipality("422".into())] {
            assert_eq!(HomeChoice::stored(&c.to_stored().unwrap()), Some(c));
        }
        assert_eq!(HomeChoice::stored("m:"), None);
        assert_eq!(HomeChoice::stored("nonsense"), None);
    }
}
