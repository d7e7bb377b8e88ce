//! Words the UI uses for the catalogue's codes (levels, categories, channels, access, cost,
//! accessibility), from the compile-time checked locale files, and the language plumbing
//! between the URL (`lang=`), the i18n context and the catalogue's texts.

use leptos::prelude::*;
use perheopas_core::model::{Access, Accessibility, Channel, Cost, Lang, Level};

use crate::i18n::*;

/// The language the user chose, read from the URL; provided by the app shell.
#[derive(Clone, Copy)]
pub struct UiLang(pub Memo<Lang>);

pub fn use_lang() -> Memo<Lang> {
    expect_context::<UiLang>().0
}

pub fn locale(lang: Lang) -> Locale {
    match lang {
        Lang::Fi => Locale::fi,
        Lang::Sv => Locale::sv,
        Lang::En => Locale::en,
    }
}

pub fn level(lang: Lang, l: Level) -> String {
    let loc = locale(lang);
    match l {
        Level::Universal => td_string!(loc, level.universal).to_string(),
        Level::Basic => td_string!(loc, level.basic).to_string(),
        Level::Specialist => td_string!(loc, level.specialist).to_string(),
    }
}

pub fn level_explained(lang: Lang, l: Level) -> String {
    let loc = locale(lang);
    match l {
        Level::Universal => td_string!(loc, level_explained.universal).to_string(),
        Level::Basic => td_string!(loc, level_explained.basic).to_string(),
        Level::Specialist => td_string!(loc, level_explained.specialist).to_string(),
    }
}

pub fn category(lang: Lang, id: &str) -> String {
    let loc = locale(lang);
    match id {
        "health" => td_string!(loc, category.health).to_string(),
        "education" => td_string!(loc, category.education).to_string(),
        "community" => td_string!(loc, category.community).to_string(),
        "youth" => td_string!(loc, category.youth).to_string(),
        "benefits" => td_string!(loc, category.benefits).to_string(),
        "social" => td_string!(loc, category.social).to_string(),
        "family_law" => td_string!(loc, category.family_law).to_string(),
        "violence" => td_string!(loc, category.violence).to_string(),
        "rehabilitation" => td_string!(loc, category.rehabilitation).to_string(),
        "mental_health" => td_string!(loc, category.mental_health).to_string(),
        "child_welfare" => td_string!(loc, category.child_welfare).to_string(),
        "specialist_health" => td_string!(loc, category.specialist_health).to_string(),
        "disability" => td_string!(loc, category.disability).to_string(),
        // A category added to the service types before the locales: show its id readably.
        other => other.replace('_', " "),
    }
}

pub fn channel(lang: Lang, c: Channel) -> String {
    let loc = locale(lang);
    match c {
        Channel::InPerson => td_string!(loc, channel.in_person).to_string(),
        Channel::HomeVisit => td_string!(loc, channel.home_visit).to_string(),
        Channel::Phone => td_string!(loc, channel.phone).to_string(),
        Channel::Online => td_string!(loc, channel.online).to_string(),
        Channel::Chat => td_string!(loc, channel.chat).to_string(),
    }
}

/// The question behind the levels: can I contact this myself?
pub fn access(lang: Lang, a: Access) -> String {
    let loc = locale(lang);
    match a {
        Access::None => td_string!(loc, access_kind.none).to_string(),
        Access::Assessment => td_string!(loc, access_kind.assessment).to_string(),
        Access::Referral => td_string!(loc, access_kind.referral).to_string(),
        Access::Application => td_string!(loc, access_kind.application).to_string(),
        Access::Decision => td_string!(loc, access_kind.decision).to_string(),
    }
}

pub fn cost(lang: Lang, c: Cost) -> String {
    let loc = locale(lang);
    match c {
        Cost::Free => td_string!(loc, cost_kind.free).to_string(),
        Cost::Fee => td_string!(loc, cost_kind.fee).to_string(),
        Cost::Voucher => td_string!(loc, cost_kind.voucher).to_string(),
    }
}

pub fn feature(lang: Lang, a: Accessibility) -> String {
    let loc = locale(lang);
    match a {
        Accessibility::StepFree => td_string!(loc, feature.step_free).to_string(),
        Accessibility::Stroller => td_string!(loc, feature.stroller).to_string(),
        Accessibility::AccessibleToilet => td_string!(loc, feature.accessible_toilet).to_string(),
        Accessibility::BabyCareRoom => td_string!(loc, feature.baby_care_room).to_string(),
        Accessibility::HearingLoop => td_string!(loc, feature.hearing_loop).to_string(),
    }
}
