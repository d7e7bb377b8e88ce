//! "My list": the ids of the services a family keeps, stored on the device only
//! (localStorage), no login.

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;

const KEY: &str = "perheopas.my-list";

#[derive(Clone, Copy)]
struct MyList(RwSignal<Vec<String>>);

fn stored() -> Vec<String> {
    match LocalStorage::get(KEY) {
        Ok(ids) => ids,
        Err(gloo_storage::errors::StorageError::KeyNotFound(_)) => Vec::new(),
        Err(e) => {
            // A damaged entry is reported, then replaced on the next save.
            web_sys::console::warn_1(
                &format!(
                    "Perheopas: my list in localStorage could not be read ({e}); starting empty"
                )
                .into(),
            );
            Vec::new()
        }
    }
}

/// Reads the list once and writes it back on every change.
pub fn provide_my_list() {
    let list = RwSignal::new(stored());
    Effect::new(move |_| {
        let ids = list.get();
        let result = if ids.is_empty() {
            LocalStorage::delete(KEY);
            Ok(())
        } else {
            LocalStorage::set(KEY, ids)
        };
        if let Err(e) = result {
            web_sys::console::warn_1(
                &format!("Perheopas: my list could not be stored ({e})").into(),
            );
        }
    });
    provide_context(MyList(list));
}

pub fn use_my_list() -> RwSignal<Vec<String>> {
    expect_context::<MyList>().0
}
