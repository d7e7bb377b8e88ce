//! A large generated catalogue (every municipality, every service type, all channel types and
//! hours) for benchmarks and scale tests. Deterministic: the same size gives the same catalogue.

use perheopas_core::model::*;
use perheopas_core::source::{compile, SourceFile, MUNICIPALITIES_FILE, SERVICE_TYPES_FILE};

const MUNIS: &str = include_str!("../../data/reference/municipalities.csv");
const TYPES: &str = include_str!("../../data/reference/service_types.csv");

const WORDS: [&str; 24] = [
    "perhe",
    "lapsi",
    "nuori",
    "vanhempi",
    "tuki",
    "apu",
    "ryhmä",
    "keskus",
    "palvelu",
    "neuvonta",
    "ohjaus",
    "kasvatus",
    "terveys",
    "hyvinvointi",
    "arki",
    "leikki",
    "koulu",
    "kerho",
    "vertais",
    "kriisi",
    "puhe",
    "liikunta",
    "kahvila",
    "ilta",
];
const HOURS: [&str; 6] = [
    "Mo-Fr 08:00-16:00; PH off",
    "Mo-Th 08:00-15:30; Fr 08:00-14:00; PH off",
    "Tu,Th 09:30-12:00; Jul off; PH off",
    "Mo-Fr 06:30-17:00; Dec 24-26 off; PH off",
    "24/7",
    "We 17:00-19:00; Jun-Aug off",
];

/// A tiny deterministic generator (xorshift); quality is irrelevant, repeatability is not.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

pub fn catalogue(services: usize) -> Catalogue {
    let files = [
        SourceFile {
            path: MUNICIPALITIES_FILE.into(),
            text: MUNIS.into(),
        },
        SourceFile {
            path: SERVICE_TYPES_FILE.into(),
            text: TYPES.into(),
        },
    ];
    let (mut cat, _) =
        compile(&files, "2026-11-23T00:00:00Z", "2026-11-23").expect("reference tables are valid");
    cat.sample = true;
    for (i, kind) in OrgKind::ALL.iter().enumerate() {
        for n in 0..20 {
            cat.organisations.push(Organisation {
                id: format!("org-{i}-{n}"),
                name: Text::fi(format!("Järjestäjä {} {n}", kind.id())),
                kind: *kind,
                website: Some(format!("https://org{i}{n}.perheopas.example")),
            });
        }
    }
    let mut rng = Rng(0x5eed_cafe_f00d_1234);
    let n_munis = cat.municipalities.len();
    let n_types = cat.service_types.len();
    for i in 0..services {
        let t = rng.below(n_types);
        let m = rng.below(n_munis);
        let muni = cat.municipalities[m].clone();
        let ty = cat.service_types[t].clone();
        let w1 = WORDS[rng.below(WORDS.len())];
        let w2 = WORDS[rng.below(WORDS.len())];
        let channel = Channel::ALL[rng.below(Channel::ALL.len())];
        let mut delivery = Vec::new();
        for k in 0..1 + rng.below(3) {
            let ch = if k == 0 {
                channel
            } else {
                Channel::ALL[rng.below(Channel::ALL.len())]
            };
            let placed = matches!(ch, Channel::InPerson);
            let jitter = |r: &mut Rng| (r.below(2000) as f32 - 1000.0) / 20_000.0;
            delivery.push(DeliveryPoint {
                channel: ch,
                name: Text::fi(format!("{} {}", muni.name.fi, w2)),
                address: placed.then(|| Address {
                    street: Text::fi(format!("Esimerkkikatu {}", 1 + rng.below(90))),
                    postcode: format!("{:05}", 10000 + rng.below(89999)),
                    post_office: muni.name.clone(),
                    municipality: m as u16,
                }),
                location: placed.then(|| {
                    (
                        muni.centre.0 + jitter(&mut rng),
                        muni.centre.1 + jitter(&mut rng),
                    )
                }),
                accessibility: Accessibility::ALL
                    .iter()
                    .copied()
                    .filter(|_| rng.below(2) == 0)
                    .collect(),
                accessibility_note: Text::default(),
                phones: vec![Phone {
                    number: format!("013 000 {:04}", rng.below(10_000)),
                    note: Text::fi("Ajanvaraus"),
                }],
                email: None,
                web: Some(format!("https://s{i}.perheopas.example")),
                booking: None,
                hours: Some(HOURS[rng.below(HOURS.len())].into()),
                hours_note: Text::default(),
                walk_in: rng.below(4) == 0,
            });
        }
        let areas = match rng.below(10) {
            0 => Areas {
                nationwide: true,
                ..Areas::default()
            },
            1 | 2 => Areas {
                counties: vec![muni.county],
                ..Areas::default()
            },
            _ => Areas {
                municipalities: vec![m as u16],
                ..Areas::default()
            },
        };
        cat.services.push(Service {
            id: format!("synth-{i}"),
            source_id: None,
            organisation: rng.below(cat.organisations.len()) as u32,
            service_type: t as u16,
            name: Text {
                fi: format!("{} {} {}", ty.name.fi, muni.name.fi, w1),
                sv: ty.name.sv.as_ref().map(|sv| format!("{sv} {}", muni.name.sv.as_deref().unwrap_or(&muni.name.fi))),
                en: None,
                machine: vec![],
            },
            summary: Text::fi(format!("{w1}{w2} ja {w2}{w1} {} alueella.", muni.name.fi)),
            description: Text::fi(format!(
                "Palvelu tarjoaa {w1}- ja {w2}tukea lapsiperheille. Ota yhteyttä, niin sovitaan {} tapaamisesta.",
                WORDS[rng.below(WORDS.len())]
            )),
            how_to_get: Text::fi("Ota yhteyttä puhelimitse."),
            age_min: ty.age_min,
            age_max: ty.age_max,
            target_groups: vec![],
            languages: vec!["fi".into()],
            language_note: Text::default(),
            cost: Cost::ALL[rng.below(3)],
            cost_text: Text::default(),
            access: ty.access,
            areas,
            status: Status::Active,
            closed_until: None,
            alert: Text::default(),
            last_checked: "2026-10-01".into(),
            source: None,
            delivery,
        });
    }
    perheopas_core::source::hours::attach(&mut cat).expect("the generator writes valid hours");
    cat
}
