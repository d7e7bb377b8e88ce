//! Words the UI uses for the catalogue's codes (levels, categories, channels, access, cost,
//! accessibility), from the compile-time checked locale files, and the language plumbing
//! between the URL (`lang=`), the i18n context and the catalogue's texts.

use perheopas_core::filter::Chip;
use perheopas_core::model::{
    Access, Accessibility, Catalogue, Channel, Cost, Lang, Level, OrgKind,
};

use crate::i18n::*;

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

pub fn provider(lang: Lang, k: OrgKind) -> String {
    let loc = locale(lang);
    match k {
        OrgKind::WellbeingCounty => td_string!(loc, provider.wellbeing_county).to_string(),
        OrgKind::Municipality => td_string!(loc, provider.municipality).to_string(),
        OrgKind::Ngo => td_string!(loc, provider.ngo).to_string(),
        OrgKind::Parish => td_string!(loc, provider.parish).to_string(),
        OrgKind::Private => td_string!(loc, provider.private).to_string(),
        OrgKind::State => td_string!(loc, provider.state).to_string(),
    }
}

pub fn situation(lang: Lang, id: &str) -> String {
    let loc = locale(lang);
    match id {
        "expecting" => td_string!(loc, situation.expecting).to_string(),
        "baby" => td_string!(loc, situation.baby).to_string(),
        "under_school_age" => td_string!(loc, situation.under_school_age).to_string(),
        "school_age" => td_string!(loc, situation.school_age).to_string(),
        "teenager" => td_string!(loc, situation.teenager).to_string(),
        "young_adult" => td_string!(loc, situation.young_adult).to_string(),
        "wellbeing" => td_string!(loc, situation.wellbeing).to_string(),
        "relationship" => td_string!(loc, situation.relationship).to_string(),
        "violence" => td_string!(loc, situation.violence).to_string(),
        "special_needs" => td_string!(loc, situation.special_needs).to_string(),
        "money" => td_string!(loc, situation.money).to_string(),
        "new_to_finland" => td_string!(loc, situation.new_to_finland).to_string(),
        other => other.replace('_', " "),
    }
}

/// A language's name in the UI language; unknown codes are shown as they are.
pub fn language_name(lang: Lang, code: &str) -> String {
    let loc = locale(lang);
    match code {
        "fi" => td_string!(loc, language_name.fi).to_string(),
        "sv" => td_string!(loc, language_name.sv).to_string(),
        "en" => td_string!(loc, language_name.en).to_string(),
        "ru" => td_string!(loc, language_name.ru).to_string(),
        "ar" => td_string!(loc, language_name.ar).to_string(),
        "uk" => td_string!(loc, language_name.uk).to_string(),
        "so" => td_string!(loc, language_name.so).to_string(),
        "fa" => td_string!(loc, language_name.fa).to_string(),
        "et" => td_string!(loc, language_name.et).to_string(),
        "se" => td_string!(loc, language_name.se).to_string(),
        "ku" => td_string!(loc, language_name.ku).to_string(),
        other => other.to_string(),
    }
}

/// "Raskausaika", "4 v", "3–6 v".
pub fn age(lang: Lang, (a, b): (i8, i8)) -> String {
    let loc = locale(lang);
    match (a, b) {
        (-1, -1) => td_string!(loc, age_pregnancy).to_string(),
        (a, b) if a == b => td_string!(loc, age_single, age = a).to_string(),
        (a, b) => td_string!(loc, age_years, from = a, to = b).to_string(),
    }
}

/// The words on a filter chip.
pub fn chip(lang: Lang, chip: &Chip, cat: &Catalogue) -> String {
    let loc = locale(lang);
    match chip {
        Chip::Text(t) => td_string!(loc, chip_text, text = t.clone()).to_string(),
        Chip::Level(l) => level(lang, *l),
        Chip::Category(c) => category(lang, c),
        Chip::County(code) => cat.county_by_code(code).map_or(code.clone(), |i| {
            cat.counties[i].name.get(lang).text.to_string()
        }),
        Chip::Municipality(code) => cat.municipality_by_code(code).map_or(code.clone(), |i| {
            cat.municipalities[i].name.get(lang).text.to_string()
        }),
        Chip::ServiceArea(id) => cat.service_area_by_id(id).map_or(id.clone(), |i| {
            cat.service_areas[i].name.get(lang).text.to_string()
        }),
        Chip::Age(a) => age(lang, *a),
        Chip::Language(l) => language_name(lang, l),
        Chip::Free => td_string!(loc, free_label).to_string(),
        Chip::ContactSelf => td_string!(loc, self_label).to_string(),
        Chip::Provider(k) => provider(lang, *k),
        Chip::Channel(c) => channel(lang, *c),
        Chip::OpenNow => td_string!(loc, open_label).to_string(),
        Chip::Feature(f) => feature(lang, *f),
    }
}
