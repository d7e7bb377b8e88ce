//! Tables and texts of the sample catalogue: the 43 municipalities and 3 counties it covers, the
//! organisations that are not per municipality, opening hours, one text template per service type
//! in Finnish, Swedish and English (`{m}` stands for the place name), and the small word lists the
//! generator picks from. Plain language in the selkokieli spirit: short sentences, the jargon term
//! explained.

/// A text in [fi, sv, en]; an empty string leaves that language out.
pub type L = [&'static str; 3];

pub struct Tpl {
    pub ty: &'static str,
    /// The part of a service id that names the type, e.g. `lastenneuvola`.
    pub slug: &'static str,
    pub name: L,
    pub summary: L,
    pub description: L,
    pub how: L,
}

pub fn tpl(ty: &str) -> &'static Tpl {
    TEMPLATES
        .iter()
        .find(|t| t.ty == ty)
        .unwrap_or_else(|| panic!("no sample template for {ty}"))
}

const REFERRAL_HOW: L = [
    "Neuvola, koulu tai lääkäri tekee lähetteen. Terapeutti soittaa sinulle ja sopii ensimmäisen ajan.",
    "Rådgivningen, skolan eller läkaren skriver en remiss. Terapeuten ringer dig och bokar den första tiden.",
    "The clinic, school or doctor makes a referral. The therapist calls you to agree on the first appointment.",
];

const HOSPITAL_HOW: L = [
    "Lääkäri tekee lähetteen. Poliklinikka lähettää kutsun ensimmäiselle käynnille.",
    "En läkare skriver en remiss. Polikliniken skickar en kallelse till det första besöket.",
    "A doctor makes a referral. The clinic sends you an invitation to the first visit.",
];

const WALK_IN_HOW: L = [
    "Tule paikalle aukioloaikana. Ilmoittautumista ei tarvita, ja käynti on maksuton.",
    "Kom på plats under öppettiderna. Ingen anmälan behövs och besöket är gratis.",
    "Just come during opening hours. You do not need to sign up, and it is free.",
];

const CALL_HOW: L = [
    "Ota itse yhteyttä puhelimella. Lähetettä ei tarvita.",
    "Kontakta oss själv per telefon. Ingen remiss behövs.",
    "Contact the service yourself by phone. No referral is needed.",
];

pub const TEMPLATES: &[Tpl] = &[
    // ---------------------------------------------------------------- universal
    Tpl {
        ty: "maternity_clinic",
        slug: "aitiysneuvola",
        name: ["Äitiysneuvola {m}", "Mödrarådgivning {m}", "Maternity clinic {m}"],
        summary: [
            "Neuvola seuraa raskautta ja sinun ja vauvan vointia. Käynnit ovat maksuttomia.",
            "Rådgivningen följer graviditeten och hur du och barnet mår. Besöken är gratis.",
            "The clinic follows your pregnancy and how you and the baby are doing. Visits are free.",
        ],
        description: [
            "Äitiysneuvolassa terveydenhoitaja tai kätilö tapaa odottavaa perhettä säännöllisesti. Käynneillä seurataan raskautta ja puhutaan synnytyksestä ja jaksamisesta. Myös toinen vanhempi on tervetullut mukaan.",
            "På mödrarådgivningen träffar hälsovårdaren eller barnmorskan den väntande familjen regelbundet. Man följer graviditeten och pratar om förlossningen och om hur ni orkar. Den andra föräldern är också välkommen.",
            "At the maternity clinic a public health nurse or midwife meets the expecting family regularly. The visits follow the pregnancy and cover birth and coping. The other parent is welcome too.",
        ],
        how: [
            "Soita ja varaa ensimmäinen aika, kun tiedät olevasi raskaana. Lähetettä ei tarvita.",
            "Ring och boka den första tiden när du vet att du är gravid. Ingen remiss behövs.",
            "Call to book your first visit when you know you are pregnant. No referral is needed.",
        ],
    },
    Tpl {
        ty: "child_health_clinic",
        slug: "lastenneuvola",
        name: ["Lastenneuvola {m}", "Barnrådgivning {m}", "Child health clinic {m}"],
        summary: [
            "Neuvola seuraa lapsen kasvua ja kehitystä kouluikään asti. Saat tukea arjen kysymyksiin.",
            "Rådgivningen följer barnets växt och utveckling fram till skolåldern. Du får stöd i vardagen.",
            "The clinic follows your child's growth and development until school age. You get support with everyday questions.",
        ],
        description: [
            "Lastenneuvolassa lapsi ja perhe tapaavat terveydenhoitajaa ja lääkäriä sovituin väliajoin. Käynneillä tehdään terveystarkastukset ja rokotukset. Voit kysyä myös unesta, ruokailusta ja jaksamisesta.",
            "På barnrådgivningen träffar barnet och familjen hälsovårdaren och läkaren med jämna mellanrum. Där görs hälsoundersökningar och vaccinationer. Du kan också fråga om sömn, mat och ork.",
            "At the child health clinic the child and family meet a public health nurse and a doctor at set intervals. Health checks and vaccinations are done there. You can also ask about sleep, food and coping.",
        ],
        how: [
            "Neuvola kutsuu vauvan ensimmäiselle käynnille. Voit myös itse soittaa ja varata ajan.",
            "Rådgivningen kallar babyn till det första besöket. Du kan också själv ringa och boka tid.",
            "The clinic invites your baby to the first visit. You can also call yourself to book a time.",
        ],
    },
    Tpl {
        ty: "family_coaching",
        slug: "perhevalmennus",
        name: ["Perhevalmennus {m}", "Familjeförberedelse {m}", "Antenatal family classes {m}"],
        summary: [
            "Ryhmä odottaville ja vauvaperheille. Puhutaan synnytyksestä, vauvan hoidosta ja vanhemmuudesta.",
            "Grupp för blivande föräldrar och babyfamiljer. Vi pratar om förlossning, babyvård och föräldraskap.",
            "A group for expecting parents and families with a new baby: birth, baby care and becoming a parent.",
        ],
        description: [
            "Perhevalmennuksessa tapaat muita perheitä, joilla on sama elämäntilanne. Ohjaajina ovat neuvolan terveydenhoitaja ja perhetyöntekijä. Osa tapaamisista pidetään verkossa.",
            "I familjeförberedelsen träffar du andra familjer i samma livssituation. Ledare är rådgivningens hälsovårdare och en familjearbetare. En del av träffarna hålls på nätet.",
            "In the classes you meet other families in the same situation. They are led by a clinic nurse and a family worker. Some meetings are held online.",
        ],
        how: [
            "Neuvolan terveydenhoitaja kertoo ryhmästä ja ilmoittaa sinut mukaan. Voit myös kysyä paikkaa itse.",
            "Hälsovårdaren på rådgivningen berättar om gruppen och anmäler dig. Du kan också fråga själv.",
            "Your clinic nurse tells you about the group and signs you up. You can also ask for a place yourself.",
        ],
    },
    Tpl {
        ty: "family_planning_clinic",
        slug: "ehkaisyneuvola",
        name: ["Ehkäisyneuvola {m}", "Preventivmedelsrådgivning {m}", "Contraception clinic {m}"],
        summary: [
            "Apua ehkäisyyn, seksuaaliterveyteen ja raskauden suunnitteluun. Voit tulla yksin tai kumppanin kanssa.",
            "Hjälp med preventivmedel, sexuell hälsa och planering av graviditet. Kom ensam eller med din partner.",
            "Help with contraception, sexual health and planning a pregnancy. Come alone or with your partner.",
        ],
        description: [
            "Ehkäisyneuvolassa terveydenhoitaja auttaa valitsemaan sopivan ehkäisyn. Voit kysyä myös seksitaudeista ja raskauden suunnittelusta. Asiasi käsitellään luottamuksellisesti.",
            "På preventivmedelsrådgivningen hjälper hälsovårdaren dig att välja ett passande preventivmedel. Du kan också fråga om könssjukdomar och planering av graviditet. Allt behandlas konfidentiellt.",
            "The nurse helps you choose suitable contraception. You can also ask about sexually transmitted infections and planning a pregnancy. Everything is confidential.",
        ],
        how: [
            "Varaa aika puhelimella tai verkossa. Lähetettä ei tarvita.",
            "Boka tid per telefon eller på nätet. Ingen remiss behövs.",
            "Book a time by phone or online. No referral is needed.",
        ],
    },
    Tpl {
        ty: "school_health_care",
        slug: "kouluterveydenhuolto",
        name: ["Kouluterveydenhuolto {m}", "Skolhälsovård {m}", "School health care {m}"],
        summary: [
            "Kouluterveydenhoitaja ja koululääkäri tukevat oppilaan terveyttä ja hyvinvointia.",
            "Skolhälsovårdaren och skolläkaren stöder elevens hälsa och välbefinnande.",
            "The school nurse and school doctor support pupils' health and wellbeing.",
        ],
        description: [
            "Jokainen oppilas käy terveystarkastuksessa joka vuosi. Terveydenhoitajan luo voi mennä myös ilman aikaa, kun on huolia. Vanhemmat voivat ottaa yhteyttä puhelimella tai koulun viestijärjestelmässä.",
            "Varje elev har en hälsoundersökning varje år. Man kan också gå till hälsovårdaren utan tid när något oroar. Föräldrar kan kontakta per telefon eller via skolans meddelandesystem.",
            "Every pupil has a health check every year. Pupils can also drop in to see the nurse when something worries them. Parents can call or use the school's messaging system.",
        ],
        how: [
            "Terveydenhoitaja kutsuu oppilaan tarkastukseen. Oppilas tai vanhempi voi myös itse ottaa yhteyttä.",
            "Hälsovårdaren kallar eleven till undersökning. Eleven eller föräldern kan också själv ta kontakt.",
            "The nurse invites the pupil to the check-up. The pupil or a parent can also get in touch directly.",
        ],
    },
    Tpl {
        ty: "student_health_care",
        slug: "opiskeluterveydenhuolto",
        name: ["Opiskeluterveydenhuolto {m}", "Studerandehälsovård {m}", "Student health care {m}"],
        summary: [
            "Terveydenhoitaja ja lääkäri lukion ja ammattikoulun opiskelijoille. Käynnit ovat maksuttomia.",
            "Hälsovårdare och läkare för studerande vid gymnasiet och yrkesskolan. Besöken är gratis.",
            "A nurse and doctor for upper secondary and vocational students. Visits are free.",
        ],
        description: [
            "Opiskeluterveydenhuolto hoitaa opiskelijoiden terveyttä ja jaksamista. Terveydenhoitajan kanssa voi puhua myös mielialasta, seksuaaliterveydestä ja päihteistä. Vastaanotto on oppilaitoksen tiloissa.",
            "Studerandehälsovården tar hand om de studerandes hälsa och ork. Med hälsovårdaren kan man också prata om humör, sexuell hälsa och rusmedel. Mottagningen finns i läroanstalten.",
            "Student health care looks after students' health and wellbeing. You can also talk with the nurse about mood, sexual health and substances. The clinic is at the school.",
        ],
        how: [
            "Ota itse yhteyttä terveydenhoitajaan puhelimella tai tule vastaanotolle.",
            "Kontakta hälsovårdaren själv per telefon eller kom till mottagningen.",
            "Contact the nurse yourself by phone or come to the clinic.",
        ],
    },
    Tpl {
        ty: "child_oral_health",
        slug: "hammashoitola",
        name: ["Lasten ja nuorten hammashoitola {m}", "Tandvård för barn och unga {m}", "Dental care for children and young people {m}"],
        summary: [
            "Hammastarkastukset ja hoito alle 18-vuotiaille. Hoito on maksutonta.",
            "Tandkontroller och vård för personer under 18 år. Vården är gratis.",
            "Dental check-ups and treatment for under-18s. Care is free.",
        ],
        description: [
            "Hammashoitola kutsuu lapset tarkastukseen ikävuosien mukaan. Hammaslääkäri ja suuhygienisti neuvovat myös hampaiden harjauksessa ja ruokailussa. Kiireellisessä hammassäryssä saat ajan samalle päivälle.",
            "Tandkliniken kallar barnen till kontroll enligt ålder. Tandläkaren och munhygienisten ger också råd om tandborstning och mat. Vid akut tandvärk får du tid samma dag.",
            "The dental clinic invites children to check-ups at set ages. The dentist and dental hygienist also advise on brushing and food. For sudden toothache you get a time the same day.",
        ],
        how: [
            "Hammashoitola kutsuu lapsen tarkastukseen. Hammassäryssä soita heti aamulla.",
            "Tandkliniken kallar barnet till kontroll. Vid tandvärk, ring genast på morgonen.",
            "The clinic invites your child. For toothache, call first thing in the morning.",
        ],
    },
    Tpl {
        ty: "early_childhood_education",
        slug: "varhaiskasvatus",
        name: ["Varhaiskasvatus {m}", "Småbarnspedagogik {m}", "Early childhood education {m}"],
        summary: [
            "Päiväkodit ja perhepäivähoito alle kouluikäisille. Hae paikkaa neljä kuukautta ennen tarvetta.",
            "Daghem och familjedagvård för barn under skolåldern. Ansök fyra månader innan behovet.",
            "Day-care centres and childminders for children under school age. Apply four months before you need a place.",
        ],
        description: [
            "Varhaiskasvatus tukee lapsen kasvua, oppimista ja leikkiä. Kunta järjestää paikan päiväkodissa tai perhepäivähoidossa. Kysy vuorohoidosta, jos teet ilta- tai viikonlopputyötä.",
            "Småbarnspedagogiken stöder barnets växt, lärande och lek. Kommunen ordnar en plats på daghem eller i familjedagvård. Fråga om skiftvård om du arbetar kvällar eller veckoslut.",
            "Early childhood education supports children's growth, learning and play. The municipality offers a place in a day-care centre or with a childminder. Ask about shift care if you work evenings or weekends.",
        ],
        how: [
            "Hae paikkaa kunnan verkkoasioinnissa tai paperilla. Saat päätöksen ja tiedon paikasta.",
            "Ansök om plats i kommunens e-tjänst eller på papper. Du får ett beslut och besked om platsen.",
            "Apply in the municipality's online service or on paper. You get a decision telling you the place.",
        ],
    },
    Tpl {
        ty: "open_ecec",
        slug: "avoin-varhaiskasvatus",
        name: ["Avoin varhaiskasvatus {m}", "Öppen småbarnspedagogik {m}", "Open early childhood activities {m}"],
        summary: [
            "Leikkiä, laulua ja kerhoja lapselle ja aikuiselle yhdessä. Tule mukaan ilman ilmoittautumista.",
            "Lek, sång och klubbar för barn och vuxen tillsammans. Kom med utan anmälan.",
            "Play, songs and clubs for children together with a parent or carer. Join without signing up.",
        ],
        description: [
            "Avoimessa päiväkodissa lapsi ja aikuinen leikkivät ja tapaavat muita perheitä. Varhaiskasvatuksen opettaja ohjaa toimintaa. Toiminta sopii kotona hoidettaville lapsille.",
            "I det öppna daghemmet leker barn och vuxna och träffar andra familjer. En lärare i småbarnspedagogik leder verksamheten. Den passar barn som vårdas hemma.",
            "In the open day-care centre children and adults play and meet other families. An early childhood teacher leads the activities. It suits children who are cared for at home.",
        ],
        how: WALK_IN_HOW,
    },
    Tpl {
        ty: "meeting_place",
        slug: "kohtaamispaikka",
        name: ["Perhekeskuksen kohtaamispaikka {m}", "Familjecentrets mötesplats {m}", "Family centre meeting place {m}"],
        summary: [
            "Avoin paikka perheille. Tapaa muita vanhempia, leiki lapsen kanssa ja kysy neuvoa.",
            "En öppen plats för familjer. Träffa andra föräldrar, lek med barnet och fråga om råd.",
            "An open place for families. Meet other parents, play with your child and ask for advice.",
        ],
        description: [
            "Kohtaamispaikka on avoin kaikille perheille. Paikalla on ohjaaja, joka kertoo perhekeskuksen palveluista. Kohtaamispaikkaa pitävät yhdessä hyvinvointialue, kunta, seurakunta ja järjestöt.",
            "Mötesplatsen är öppen för alla familjer. Där finns en ledare som berättar om familjecentrets tjänster. Välfärdsområdet, kommunen, församlingen och organisationer håller mötesplatsen tillsammans.",
            "The meeting place is open to all families. A staff member can tell you about the family centre's services. The wellbeing services county, the municipality, the parish and NGOs run it together.",
        ],
        how: WALK_IN_HOW,
    },
    Tpl {
        ty: "peer_support_groups",
        slug: "vertaisryhmat",
        name: ["Vertaisryhmät {m}", "Kamratstödsgrupper {m}", "Peer support groups {m}"],
        summary: [
            "Ryhmiä vanhemmille, joilla on samanlainen tilanne. Jaa kokemuksia ja saa tukea muilta.",
            "Grupper för föräldrar i liknande situation. Dela erfarenheter och få stöd av andra.",
            "Groups for parents in a similar situation. Share experiences and get support from others.",
        ],
        description: [
            "Vertaisryhmiä on esimerkiksi vauvaperheille, monikkoperheille ja erityislasten vanhemmille. Ryhmää ohjaa koulutettu vapaaehtoinen. Ryhmissä puhutaan luottamuksellisesti.",
            "Det finns grupper till exempel för babyfamiljer, flerlingsfamiljer och föräldrar till barn med särskilda behov. En utbildad frivillig leder gruppen. Det som sägs stannar i gruppen.",
            "There are groups for example for families with babies, twins or children with special needs. A trained volunteer leads each group. What is said stays in the group.",
        ],
        how: [
            "Ilmoittaudu ryhmään puhelimella tai sähköpostilla. Lähetettä ei tarvita.",
            "Anmäl dig till gruppen per telefon eller e-post. Ingen remiss behövs.",
            "Sign up by phone or e-mail. No referral is needed.",
        ],
    },
    Tpl {
        ty: "parish_family_club",
        slug: "perhekerho",
        name: ["Perhekerho {m}", "Familjeklubb {m}", "Parish family club {m}"],
        summary: [
            "Seurakunnan kerho pienille lapsille ja vanhemmille. Leikkiä, laulua ja kahvit.",
            "Församlingens klubb för små barn och föräldrar. Lek, sång och kaffe.",
            "",
        ],
        description: [
            "Perhekerho on avoin kaikille perheille, myös niille, jotka eivät kuulu kirkkoon. Kerhossa on ohjattua toimintaa ja aikaa jutella. Kerho on kesällä tauolla.",
            "Familjeklubben är öppen för alla familjer, också för dem som inte hör till kyrkan. Det finns ledd verksamhet och tid att prata. Klubben har paus på sommaren.",
            "",
        ],
        how: WALK_IN_HOW,
    },
    Tpl {
        ty: "mll_family_cafe",
        slug: "mll-perhekahvila",
        name: ["MLL:n perhekahvila {m}", "MLL:s familjecafé {m}", "MLL family café {m}"],
        summary: [
            "Vapaaehtoisten pitämä kahvila vauva- ja leikki-ikäisten perheille. Tule juttelemaan ja leikkimään.",
            "Ett café som drivs av frivilliga för familjer med små barn. Kom och prata och lek.",
            "A café run by volunteers for families with babies and toddlers. Come to chat and play.",
        ],
        description: [
            "Perhekahvilassa tapaat muita vanhempia rennosti. Vapaaehtoiset keittävät kahvit ja järjestävät välillä teemapäiviä. Kahvila on kaikille avoin.",
            "På familjecaféet träffar du andra föräldrar i lugn och ro. Frivilliga kokar kaffe och ordnar ibland temadagar. Caféet är öppet för alla.",
            "At the family café you can meet other parents in a relaxed way. Volunteers make the coffee and sometimes hold theme days. Everyone is welcome.",
        ],
        how: WALK_IN_HOW,
    },
    Tpl {
        ty: "youth_work",
        slug: "nuorisotyo",
        name: ["Nuorisotyö {m}", "Ungdomsarbete {m}", "Youth work {m}"],
        summary: [
            "Nuorisotalo on paikka viettää aikaa, harrastaa ja jutella turvallisen aikuisen kanssa.",
            "Ungdomsgården är en plats att umgås, ha hobbyer och prata med en trygg vuxen.",
            "The youth centre is a place to hang out, try hobbies and talk with a trusted adult.",
        ],
        description: [
            "Nuorisotalolla voi pelata, tehdä musiikkia ja olla kavereiden kanssa. Nuoriso-ohjaajat järjestävät myös retkiä ja leirejä. Ohjaajan kanssa voi puhua mistä tahansa.",
            "På ungdomsgården kan man spela, göra musik och umgås med kompisar. Ungdomsledarna ordnar också utflykter och läger. Man kan prata med ledaren om vad som helst.",
            "At the youth centre you can play games, make music and be with friends. Youth workers also organise trips and camps. You can talk to them about anything.",
        ],
        how: [
            "Tule nuorisotalolle aukioloaikana. Toiminta on maksutonta.",
            "Kom till ungdomsgården under öppettiderna. Verksamheten är gratis.",
            "Come to the youth centre during opening hours. It is free.",
        ],
    },
    Tpl {
        ty: "parents_helpline",
        slug: "vanhempien-puhelin",
        name: ["Vanhempien auttava puhelin (esimerkki)", "Hjälptelefon för föräldrar (exempel)", "Parents' helpline (example)"],
        summary: [
            "Voit puhua nimettömänä lapsen kasvatuksesta, arjesta ja omasta jaksamisesta.",
            "Du kan prata anonymt om barnets uppfostran, vardagen och hur du orkar.",
            "Talk anonymously about bringing up children, everyday life and how you are coping.",
        ],
        description: [
            "Vanhempien puhelimessa vastaavat koulutetut vapaaehtoiset. Voit soittaa, kirjoittaa kirjeen tai keskustella chatissa. Sinun ei tarvitse kertoa nimeäsi.",
            "I föräldratelefonen svarar utbildade frivilliga. Du kan ringa, skriva ett brev eller chatta. Du behöver inte säga ditt namn.",
            "Trained volunteers answer the helpline. You can call, write a letter or chat. You do not have to give your name.",
        ],
        how: [
            "Soita tai kirjoita chatissa. Et tarvitse ajanvarausta etkä lähetettä.",
            "Ring eller skriv i chatten. Du behöver ingen tidsbokning eller remiss.",
            "Call or write in the chat. You need no appointment and no referral.",
        ],
    },
    Tpl {
        ty: "digital_family_centre",
        slug: "digitaalinen-perhekeskus",
        name: ["Digitaalinen perhekeskus {m}", "Digitalt familjecenter {m}", "Digital family centre {m}"],
        summary: [
            "Tietoa ja tukea raskaudesta nuoruuteen verkossa. Löydät myös oman alueesi palvelut.",
            "Information och stöd på nätet från graviditet till ungdom. Du hittar också tjänsterna i ditt område.",
            "Information and support online from pregnancy to the teenage years, and the services in your area.",
        ],
        description: [
            "Digitaalisessa perhekeskuksessa on luotettavaa tietoa lapsen kasvusta ja perheen arjesta. Voit myös kysyä ammattilaiselta chatissa. Palvelu on avoinna aina.",
            "I det digitala familjecentret finns pålitlig information om barnets utveckling och familjens vardag. Du kan också fråga en yrkesperson i chatten. Tjänsten är alltid öppen.",
            "The digital family centre has reliable information on child development and family life. You can also ask a professional in the chat. It is always open.",
        ],
        how: [
            "Avaa palvelu verkossa. Kirjautumista ei tarvita.",
            "Öppna tjänsten på nätet. Du behöver inte logga in.",
            "Open the service online. No login is needed.",
        ],
    },
    Tpl {
        ty: "kela_family_benefits",
        slug: "lapsiperhe-etuudet",
        name: ["Kelan lapsiperhe-etuudet (esimerkki)", "FPA:s förmåner för barnfamiljer (exempel)", "Kela benefits for families with children (example)"],
        summary: [
            "Äitiysavustus, vanhempainraha ja lapsilisä. Hae etuuksia verkossa tai lomakkeella.",
            "Moderskapsunderstöd, föräldradagpenning och barnbidrag. Ansök på nätet eller med blankett.",
            "Maternity grant, parental allowance and child benefit. Apply online or with a form.",
        ],
        description: [
            "Kela maksaa perheille tukia raskauden ajasta lapsen aikuisuuteen. Verkossa voit laskea, paljonko tukea saat. Puhelimessa neuvotaan hakemisessa.",
            "FPA betalar stöd till familjer från graviditeten tills barnet är vuxet. På nätet kan du räkna ut hur mycket du kan få. I telefon får du hjälp att ansöka.",
            "Kela pays benefits to families from pregnancy until the child grows up. Online you can estimate how much you could get. By phone you get help with applying.",
        ],
        how: [
            "Hae etuutta verkossa tai lomakkeella. Kela tekee päätöksen hakemuksesi perusteella.",
            "Ansök på nätet eller med blankett. FPA fattar beslut utifrån din ansökan.",
            "Apply online or with a form. Kela decides on the basis of your application.",
        ],
    },
    // ---------------------------------------------------------------- basic
    Tpl {
        ty: "family_social_guidance",
        slug: "sosiaaliohjaus",
        name: ["Lapsiperheiden sosiaaliohjaus {m}", "Social handledning för barnfamiljer {m}", "Social guidance for families {m}"],
        summary: [
            "Apua arjen pulmiin, raha-asioihin ja palvelujen hakemiseen. Soita ja kerro tilanteesi.",
            "Hjälp med vardagen, pengar och att söka tjänster. Ring och berätta om din situation.",
            "Help with everyday problems, money and applying for services. Call and tell us your situation.",
        ],
        description: [
            "Sosiaaliohjaaja auttaa, kun perheen arki on raskasta. Yhdessä mietitään, mikä tuki auttaisi. Ohjaaja neuvoo myös etuuksien ja muiden palvelujen hakemisessa.",
            "Socialhandledaren hjälper när familjens vardag är tung. Tillsammans funderar ni på vilket stöd som hjälper. Handledaren ger också råd om förmåner och andra tjänster.",
            "A social counsellor helps when everyday life feels heavy. Together you work out what support would help. They also advise on benefits and other services.",
        ],
        how: [
            "Ota itse yhteyttä puhelimella. Sosiaaliohjaaja soittaa sinulle takaisin.",
            "Kontakta oss själv per telefon. Socialhandledaren ringer upp dig.",
            "Contact the service yourself by phone. A counsellor will call you back.",
        ],
    },
    Tpl {
        ty: "home_help_families",
        slug: "kotipalvelu",
        name: ["Lapsiperheiden kotipalvelu {m}", "Hemservice för barnfamiljer {m}", "Home help for families {m}"],
        summary: [
            "Apua kotiin lastenhoitoon ja arjen askareisiin, kun perhe tarvitsee tilapäistä tukea.",
            "Hjälp hemma med barnskötsel och vardagssysslor när familjen behöver tillfälligt stöd.",
            "Help at home with childcare and daily chores when the family needs support for a while.",
        ],
        description: [
            "Kotipalvelun työntekijä tulee kotiin auttamaan esimerkiksi vauva-arjessa, sairauden aikana tai uupumuksessa. Tuki on lyhytaikaista. Tavoitteet sovitaan yhdessä perheen kanssa.",
            "En hemservicearbetare kommer hem och hjälper till exempel med babyvardagen, vid sjukdom eller utmattning. Stödet är kortvarigt. Målen kommer ni överens om tillsammans.",
            "A home help worker comes to your home, for example in the baby months, during illness or exhaustion. The help is short-term. Goals are agreed together with the family.",
        ],
        how: [
            "Soita palveluohjaukseen. Työntekijä arvioi kanssasi, millainen apu sopii perheellenne.",
            "Ring servicehandledningen. En arbetare bedömer med dig vilken hjälp som passar er familj.",
            "Call the service guidance line. A worker assesses with you what help suits your family.",
        ],
    },
    Tpl {
        ty: "family_work",
        slug: "perhetyo",
        name: ["Perhetyö {m}", "Familjearbete {m}", "Family work {m}"],
        summary: [
            "Perhetyöntekijä tukee vanhempia kotona: arjen rytmi, vanhemmuus ja lapsen hoito.",
            "En familjearbetare stöder föräldrarna hemma: vardagsrytm, föräldraskap och barnets vård.",
            "A family worker supports parents at home with routines, parenting and childcare.",
        ],
        description: [
            "Perhetyöntekijä käy kotona sovitusti muutaman kuukauden ajan. Yhdessä etsitään keinoja, joilla arki sujuu paremmin. Perhetyö on maksutonta.",
            "Familjearbetaren besöker hemmet enligt överenskommelse i några månader. Tillsammans söker ni sätt att få vardagen att fungera bättre. Familjearbetet är gratis.",
            "The family worker visits your home as agreed for a few months. Together you look for ways to make daily life run better. Family work is free.",
        ],
        how: [
            "Ota yhteyttä sosiaaliohjaukseen. Tarve arvioidaan yhdessä ennen kuin tuki alkaa.",
            "Kontakta den sociala handledningen. Behovet bedöms tillsammans innan stödet börjar.",
            "Contact social guidance. The need is assessed together before the support starts.",
        ],
    },
    Tpl {
        ty: "clinic_family_work",
        slug: "neuvolan-perhetyo",
        name: ["Neuvolan perhetyö {m}", "Rådgivningens familjearbete {m}", "Clinic family work {m}"],
        summary: [
            "Perhetyöntekijä tulee kotiin tai neuvolaan, kun vauva- tai taaperoarki tuntuu raskaalta.",
            "En familjearbetare kommer hem eller till rådgivningen när vardagen med baby känns tung.",
            "A family worker visits you at home or at the clinic when life with a baby or toddler feels hard.",
        ],
        description: [
            "Neuvolan perhetyö on matalan kynnyksen tukea odottaville ja pikkulapsiperheille. Työntekijä auttaa esimerkiksi unirytmissä, imetyksessä ja jaksamisessa. Tukea saa jo raskausaikana.",
            "Rådgivningens familjearbete är lättillgängligt stöd för väntande familjer och småbarnsfamiljer. Arbetaren hjälper till exempel med sömnrytm, amning och ork. Stöd finns redan under graviditeten.",
            "Clinic family work is easy-to-reach support for expecting families and families with small children. The worker helps with things like sleep, breastfeeding and coping. Support is available already in pregnancy.",
        ],
        how: [
            "Kysy neuvolan terveydenhoitajalta tai soita itse. Lähetettä ei tarvita.",
            "Fråga hälsovårdaren på rådgivningen eller ring själv. Ingen remiss behövs.",
            "Ask your clinic nurse or call yourself. No referral is needed.",
        ],
    },
    Tpl {
        ty: "family_counselling",
        slug: "perheneuvola",
        name: ["Perheneuvola {m}", "Familjerådgivningen {m}", "Family counselling clinic {m}"],
        summary: [
            "Apua, kun olet huolissasi lapsen kehityksestä, käytöksestä tai perheen tilanteesta.",
            "Hjälp när du är orolig för barnets utveckling, beteende eller familjens situation.",
            "Help when you are worried about your child's development, behaviour or your family situation.",
        ],
        description: [
            "Perheneuvolassa työskentelee psykologeja ja sosiaalityöntekijöitä. He selvittävät lapsen tilannetta ja tukevat vanhempia. Käynnit ovat maksuttomia ja luottamuksellisia.",
            "På familjerådgivningen arbetar psykologer och socialarbetare. De utreder barnets situation och stöder föräldrarna. Besöken är gratis och konfidentiella.",
            "Psychologists and social workers work at the family counselling clinic. They look into the child's situation and support the parents. Visits are free and confidential.",
        ],
        how: [
            "Soita itse perheneuvolan puhelinaikana. Lähetettä ei tarvita.",
            "Ring själv under familjerådgivningens telefontid. Ingen remiss behövs.",
            "Call the clinic yourself during its phone hours. No referral is needed.",
        ],
    },
    Tpl {
        ty: "parenting_programmes",
        slug: "vanhemmuusryhmat",
        name: ["Vanhemmuuden tuen ryhmät {m}", "Grupper för stöd i föräldraskapet {m}", "Parenting groups {m}"],
        summary: [
            "Ryhmä vanhemmille, jotka haluavat keinoja arjen haasteisiin. Ryhmä kokoontuu kymmenen kertaa.",
            "En grupp för föräldrar som vill ha verktyg för vardagens utmaningar. Gruppen träffas tio gånger.",
            "A group for parents who want tools for everyday challenges. The group meets ten times.",
        ],
        description: [
            "Ryhmässä harjoitellaan keinoja, jotka vahvistavat lapsen ja vanhemman suhdetta. Ohjaajina ovat koulutetut ammattilaiset. Ryhmiä on päivällä ja illalla.",
            "I gruppen övar man sätt att stärka relationen mellan barn och förälder. Ledare är utbildade yrkespersoner. Det finns grupper dagtid och kvällstid.",
            "The group practises ways to strengthen the bond between parent and child. Trained professionals lead it. There are day and evening groups.",
        ],
        how: [
            "Ilmoittaudu ryhmään puhelimella tai verkossa. Ryhmä on maksuton.",
            "Anmäl dig till gruppen per telefon eller på nätet. Gruppen är gratis.",
            "Sign up by phone or online. The group is free.",
        ],
    },
    Tpl {
        ty: "separation_support",
        slug: "eroauttaminen",
        name: ["Eroauttaminen {m}", "Stöd vid separation {m}", "Separation support {m}"],
        summary: [
            "Tukea eroa miettiville ja eronneille vanhemmille. Apua myös lasten asioista sopimiseen.",
            "Stöd för föräldrar som funderar på att skiljas eller har skilt sig. Hjälp att komma överens om barnen.",
            "Support for parents thinking about separating or who have separated, including agreeing on the children.",
        ],
        description: [
            "Eroauttamisessa saat keskusteluapua yksin tai yhdessä. Tarjolla on myös ryhmiä eronneille vanhemmille ja lapsille. Tavoite on, että lapsen arki jatkuu turvallisena.",
            "Du får samtalsstöd ensam eller tillsammans. Det finns också grupper för skilda föräldrar och för barn. Målet är att barnets vardag fortsätter tryggt.",
            "You can talk with a worker on your own or together. There are also groups for separated parents and for children. The aim is that the child's daily life stays safe.",
        ],
        how: CALL_HOW,
    },
    Tpl {
        ty: "child_welfare_supervisor",
        slug: "lastenvalvoja",
        name: ["Lastenvalvoja {m}", "Barnatillsyningsman {m}", "Child welfare supervisor {m}"],
        summary: [
            "Lastenvalvoja vahvistaa isyyden ja sopimukset lapsen huollosta, asumisesta ja elatuksesta.",
            "Barnatillsyningsmannen fastställer faderskap och avtal om vårdnad, boende och underhåll.",
            "Confirms parenthood and agreements on custody, where the child lives and child maintenance.",
        ],
        description: [
            "Lastenvalvojan luona vanhemmat tekevät sopimukset lapsen asioista. Sopimus vahvistetaan, jolloin se on yhtä pätevä kuin tuomioistuimen päätös. Myös isyyden tunnustaminen hoituu täällä.",
            "Hos barnatillsyningsmannen gör föräldrarna avtal om barnets angelägenheter. Avtalet fastställs och gäller då som ett domstolsbeslut. Här kan man också erkänna faderskap.",
            "Parents make agreements about their child with the child welfare supervisor. Once confirmed, the agreement is as valid as a court decision. Paternity can also be acknowledged here.",
        ],
        how: [
            "Varaa aika puhelimella tai verkossa. Lähetettä ei tarvita.",
            "Boka tid per telefon eller på nätet. Ingen remiss behövs.",
            "Book a time by phone or online. No referral is needed.",
        ],
    },
    Tpl {
        ty: "family_mediation",
        slug: "sovittelu",
        name: ["Perheasioiden sovittelu {m}", "Medling i familjeärenden {m}", "Family mediation {m}"],
        summary: [
            "Sovittelija auttaa vanhempia sopimaan lasten asioista eron jälkeen. Palvelu on maksuton.",
            "En medlare hjälper föräldrar att komma överens om barnen efter en separation. Tjänsten är gratis.",
            "A mediator helps parents agree on matters about the children after separation. It is free.",
        ],
        description: [
            "Sovittelussa puolueeton sovittelija auttaa vanhempia löytämään ratkaisun, joka on lapselle hyvä. Tapaamisia on yleensä kolmesta viiteen. Sovittelu on vapaaehtoista ja luottamuksellista.",
            "I medlingen hjälper en opartisk medlare föräldrarna att hitta en lösning som är bra för barnet. Det blir oftast tre till fem möten. Medlingen är frivillig och konfidentiell.",
            "An impartial mediator helps parents find a solution that is good for the child. There are usually three to five meetings. Mediation is voluntary and confidential.",
        ],
        how: [
            "Ottakaa itse yhteyttä, yhdessä tai erikseen. Lähetettä ei tarvita.",
            "Kontakta oss själva, tillsammans eller var för sig. Ingen remiss behövs.",
            "Contact the service yourselves, together or separately. No referral is needed.",
        ],
    },
    Tpl {
        ty: "ipv_support",
        slug: "lahisuhdevakivaltatyo",
        name: ["Lähisuhdeväkivaltatyö {m}", "Arbete mot våld i nära relationer {m}", "Domestic violence support {m}"],
        summary: [
            "Apua, jos perheessä on väkivaltaa tai sen uhkaa. Tukea myös väkivaltaa käyttäneille.",
            "Hjälp om det finns våld eller hot om våld i familjen. Stöd också för den som har använt våld.",
            "Help if there is violence or the threat of violence in the family, also for those who have used violence.",
        ],
        description: [
            "Työntekijät auttavat väkivaltaa kokeneita aikuisia ja lapsia. Apua saa myös, jos itse pelkää satuttavansa läheistä. Keskustelut ovat luottamuksellisia.",
            "Arbetarna hjälper vuxna och barn som har utsatts för våld. Du får också hjälp om du själv är rädd att skada en närstående. Samtalen är konfidentiella.",
            "Workers help adults and children who have experienced violence. You can also get help if you fear you might hurt someone close. Conversations are confidential.",
        ],
        how: [
            "Soita itse. Välittömässä vaarassa soita hätänumeroon 112.",
            "Ring själv. Vid akut fara, ring nödnumret 112.",
            "Call yourself. If you are in immediate danger, call the emergency number 112.",
        ],
    },
    Tpl {
        ty: "speech_therapy",
        slug: "puheterapia",
        name: ["Puheterapia {m}", "Talterapi {m}", "Speech therapy {m}"],
        summary: [
            "Tukea lapsen puheen, kielen ja vuorovaikutuksen kehitykseen. Tarvitset lähetteen.",
            "Stöd för barnets tal, språk och kommunikation. Du behöver en remiss.",
            "Support for a child's speech, language and communication. You need a referral.",
        ],
        description: [
            "Puheterapeutti tutkii lapsen puhetta ja kieltä ja tekee kuntoutussuunnitelman. Terapia voi olla vastaanotolla, päiväkodissa tai etänä. Vanhemmat saavat harjoituksia kotiin.",
            "Talterapeuten undersöker barnets tal och språk och gör en rehabiliteringsplan. Terapin kan ske på mottagningen, i daghemmet eller på distans. Föräldrarna får övningar att göra hemma.",
            "The speech therapist assesses the child's speech and language and makes a rehabilitation plan. Therapy can be at the clinic, at day care or remote. Parents get exercises for home.",
        ],
        how: REFERRAL_HOW,
    },
    Tpl {
        ty: "occupational_therapy",
        slug: "toimintaterapia",
        name: ["Toimintaterapia {m}", "Ergoterapi {m}", "Occupational therapy for children {m}"],
        summary: [
            "Tukea lapsen leikkiin, käsien käyttöön ja arjen taitoihin. Tarvitset lähetteen.",
            "Stöd för barnets lek, handfunktion och vardagsfärdigheter. Du behöver en remiss.",
            "Support for a child's play, hand skills and everyday skills. You need a referral.",
        ],
        description: [
            "Toimintaterapeutti arvioi, miten lapsi selviää arjen tehtävistä. Terapiassa harjoitellaan leikin avulla esimerkiksi pukemista ja keskittymistä. Perhe saa vinkkejä kotiin.",
            "Ergoterapeuten bedömer hur barnet klarar vardagens uppgifter. I terapin övar man genom lek till exempel påklädning och koncentration. Familjen får tips för hemmet.",
            "The occupational therapist assesses how the child manages daily tasks. Therapy uses play to practise things like dressing and concentrating. The family gets tips for home.",
        ],
        how: REFERRAL_HOW,
    },
    Tpl {
        ty: "physiotherapy_children",
        slug: "lasten-fysioterapia",
        name: ["Lasten fysioterapia {m}", "Fysioterapi för barn {m}", "Children's physiotherapy {m}"],
        summary: [
            "Tukea lapsen liikkumiseen ja motoriseen kehitykseen. Tarvitset lähetteen.",
            "Stöd för barnets rörelse och motoriska utveckling. Du behöver en remiss.",
            "Support for a child's movement and motor development. You need a referral.",
        ],
        description: [
            "Fysioterapeutti tutkii lapsen liikkumista ja ohjaa harjoituksia. Vauvoille on ohjausta esimerkiksi kääntymiseen ja asentoihin. Vanhemmat saavat ohjeet kotiharjoitteluun.",
            "Fysioterapeuten undersöker hur barnet rör sig och handleder övningar. För babyer finns handledning till exempel om att vända sig och om ställningar. Föräldrarna får instruktioner för övningar hemma.",
            "The physiotherapist looks at how the child moves and guides exercises. For babies there is advice on things like rolling over and positions. Parents get instructions for exercises at home.",
        ],
        how: REFERRAL_HOW,
    },
    Tpl {
        ty: "family_centre_psychologist",
        slug: "neuvolapsykologi",
        name: ["Neuvolapsykologi {m}", "Rådgivningspsykolog {m}", "Family centre psychologist {m}"],
        summary: [
            "Keskusteluapua raskausajan sekä vauva- ja leikki-iän huoliin. Käynnit ovat maksuttomia.",
            "Samtalsstöd vid oro under graviditeten och i baby- och lekåldern. Besöken är gratis.",
            "Someone to talk to about worries in pregnancy and with babies and small children. Visits are free.",
        ],
        description: [
            "Psykologi auttaa, kun mieltä painaa raskausaikana tai lapsen ollessa pieni. Hän arvioi myös lapsen kehitystä ja tunne-elämää. Tapaamisia on yleensä muutama.",
            "Psykologen hjälper när något tynger under graviditeten eller när barnet är litet. Psykologen bedömer också barnets utveckling och känsloliv. Det blir oftast några besök.",
            "The psychologist helps when something weighs on your mind in pregnancy or while the child is small, and also assesses the child's development and emotions. There are usually a few meetings.",
        ],
        how: [
            "Varaa aika itse tai kysy neuvolan terveydenhoitajalta. Lähetettä ei tarvita.",
            "Boka tid själv eller fråga hälsovårdaren på rådgivningen. Ingen remiss behövs.",
            "Book a time yourself or ask your clinic nurse. No referral is needed.",
        ],
    },
    Tpl {
        ty: "school_psychologist",
        slug: "koulupsykologi",
        name: ["Koulupsykologi {m}", "Skolpsykolog {m}", "School psychologist {m}"],
        summary: [
            "Koulupsykologi auttaa, kun oppilaalla on huolia koulussa, kotona tai kavereiden kanssa.",
            "Skolpsykologen hjälper när eleven har bekymmer i skolan, hemma eller med kompisar.",
            "The school psychologist helps when a pupil has worries at school, at home or with friends.",
        ],
        description: [
            "Psykologi tapaa oppilaita koululla. Hän auttaa esimerkiksi jännityksessä, alakulossa ja oppimisen vaikeuksissa. Keskustelut ovat luottamuksellisia.",
            "Psykologen träffar elever i skolan. Psykologen hjälper till exempel vid nervositet, nedstämdhet och inlärningssvårigheter. Samtalen är konfidentiella.",
            "The psychologist meets pupils at school and helps with things like anxiety, low mood and learning difficulties. Conversations are confidential.",
        ],
        how: [
            "Oppilas tai vanhempi voi ottaa itse yhteyttä puhelimella tai viestillä.",
            "Eleven eller föräldern kan själv ta kontakt per telefon eller meddelande.",
            "The pupil or a parent can get in touch directly by phone or message.",
        ],
    },
    Tpl {
        ty: "school_social_worker",
        slug: "koulukuraattori",
        name: ["Koulukuraattori {m}", "Skolkurator {m}", "School social worker {m}"],
        summary: [
            "Kuraattori tukee koulunkäynnissä, kaverisuhteissa ja elämän muutoksissa.",
            "Kuratorn stöder i skolgången, i kompisrelationer och vid förändringar i livet.",
            "The school social worker supports pupils with school, friendships and changes in life.",
        ],
        description: [
            "Kuraattori on koulun sosiaalialan ammattilainen. Hänen kanssaan voi puhua esimerkiksi kiusaamisesta, poissaoloista tai kodin tilanteesta. Kuraattori tekee yhteistyötä vanhempien kanssa.",
            "Kuratorn är skolans yrkesperson inom socialt arbete. Med kuratorn kan man prata till exempel om mobbning, frånvaro eller situationen hemma. Kuratorn samarbetar med föräldrarna.",
            "The school social worker is the school's social welfare professional. You can talk with them about bullying, absences or the situation at home. They work together with parents.",
        ],
        how: [
            "Oppilas tai vanhempi voi ottaa itse yhteyttä puhelimella tai viestillä.",
            "Eleven eller föräldern kan själv ta kontakt per telefon eller meddelande.",
            "The pupil or a parent can get in touch directly by phone or message.",
        ],
    },
    Tpl {
        ty: "youth_mental_health_basic",
        slug: "nuorten-mielenterveyspalvelut",
        name: [
            "Nuorten mielenterveys- ja päihdepalvelut {m}",
            "Mentalvårds- och missbrukstjänster för unga {m}",
            "Mental health and substance use services for young people {m}",
        ],
        summary: [
            "Keskusteluapua nuorelle ahdistukseen, masennukseen tai päihteisiin. Voit soittaa itse.",
            "Samtalsstöd för unga vid ångest, depression eller rusmedel. Du kan ringa själv.",
            "Support for young people with anxiety, depression or substance use. You can call yourself.",
        ],
        description: [
            "Palvelussa nuori saa lyhytterapiaa ja ohjausta. Tapaamiset voivat olla vastaanotolla tai videon välityksellä. Vanhemmat voivat myös soittaa ja kysyä neuvoa.",
            "Den unga får korttidsterapi och handledning. Mötena kan hållas på mottagningen eller via video. Föräldrar kan också ringa och be om råd.",
            "Young people get short-term therapy and guidance. Meetings can be at the clinic or by video. Parents can also call for advice.",
        ],
        how: CALL_HOW,
    },
    Tpl {
        ty: "crisis_help",
        slug: "kriisipuhelin",
        name: ["Kriisipuhelin (esimerkki)", "Kristelefon (exempel)", "Crisis helpline (example)"],
        summary: [
            "Keskusteluapua äkillisessä kriisissä tai kun elämä tuntuu liian raskaalta.",
            "Samtalsstöd vid en plötslig kris eller när livet känns för tungt.",
            "Someone to talk to in a sudden crisis or when life feels too heavy.",
        ],
        description: [
            "Kriisipuhelimessa vastaavat koulutetut työntekijät ja vapaaehtoiset. Voit soittaa nimettömänä. Saat myös tietoa siitä, mistä saat apua omalla alueellasi.",
            "I kristelefonen svarar utbildade anställda och frivilliga. Du kan ringa anonymt. Du får också veta var du kan få hjälp där du bor.",
            "Trained staff and volunteers answer the crisis line. You can call anonymously and find out where to get help in your area.",
        ],
        how: [
            "Soita tai kirjoita chatissa. Et tarvitse lähetettä. Hätätilanteessa soita 112.",
            "Ring eller skriv i chatten. Du behöver ingen remiss. I nödsituationer, ring 112.",
            "Call or write in the chat. No referral is needed. In an emergency call 112.",
        ],
    },
    Tpl {
        ty: "child_youth_helpline",
        slug: "lasten-ja-nuorten-puhelin",
        name: ["Lasten ja nuorten puhelin ja chat (esimerkki)", "Telefon och chatt för barn och unga (exempel)", "Helpline and chat for children and young people (example)"],
        summary: [
            "Lapset ja nuoret voivat soittaa tai kirjoittaa mistä tahansa asiasta. Nimeä ei tarvitse kertoa.",
            "Barn och unga kan ringa eller skriva om vad som helst. Du behöver inte säga ditt namn.",
            "Children and young people can call or write about anything. You do not have to give your name.",
        ],
        description: [
            "Puhelimessa ja chatissa vastaavat koulutetut aikuiset. Voit kertoa kiusaamisesta, kodin riidoista tai ihastumisesta. Kukaan ei saa tietää, että olet ottanut yhteyttä.",
            "I telefonen och chatten svarar utbildade vuxna. Du kan berätta om mobbning, bråk hemma eller förälskelse. Ingen får veta att du har hört av dig.",
            "Trained adults answer the phone and chat. You can talk about bullying, arguments at home or having a crush. Nobody will know that you got in touch.",
        ],
        how: [
            "Soita tai avaa chat. Palvelu on maksuton ja nimetön.",
            "Ring eller öppna chatten. Tjänsten är gratis och anonym.",
            "Call or open the chat. It is free and anonymous.",
        ],
    },
    Tpl {
        ty: "violence_helpline",
        slug: "vakivallan-auttava-puhelin",
        name: ["Auttava puhelin väkivaltaa kokeneille (esimerkki)", "Hjälptelefon för våldsutsatta (exempel)", "Helpline for people facing violence (example)"],
        summary: [
            "Jos olet kokenut väkivaltaa tai sen uhkaa, voit soittaa nimettömänä mihin aikaan tahansa.",
            "Om du har utsatts för våld eller hot om våld kan du ringa anonymt när som helst.",
            "If you have experienced violence or threats, you can call anonymously at any time.",
        ],
        description: [
            "Puhelimessa vastaavat väkivaltatyöhön koulutetut ammattilaiset. He kuuntelevat ja kertovat, mistä saat apua ja turvaa. Puhelu ei näy puhelinlaskussa.",
            "I telefonen svarar yrkespersoner som är utbildade i arbete mot våld. De lyssnar och berättar var du får hjälp och skydd. Samtalet syns inte på telefonräkningen.",
            "Professionals trained in violence work answer the line. They listen and tell you where to find help and safety. The call does not show on your phone bill.",
        ],
        how: [
            "Soita tai kirjoita chatissa. Välittömässä vaarassa soita hätänumeroon 112.",
            "Ring eller skriv i chatten. Vid akut fara, ring nödnumret 112.",
            "Call or write in the chat. If you are in immediate danger, call 112.",
        ],
    },
    Tpl {
        ty: "church_family_counselling",
        slug: "kirkon-perheneuvonta",
        name: ["Kirkon perheneuvonta {m}", "Kyrkans familjerådgivning {m}", "Church family counselling {m}"],
        summary: [
            "Keskusteluapua parisuhteen ja perheen kriiseihin. Kirkkoon ei tarvitse kuulua.",
            "Samtalshjälp vid kriser i parrelationen och familjen. Du behöver inte höra till kyrkan.",
            "Counselling for relationship and family crises. You do not need to be a church member.",
        ],
        description: [
            "Perheneuvojat ovat koulutettuja perheterapeutteja. Voit tulla yksin, parina tai koko perheen kanssa. Palvelu on maksuton ja luottamuksellinen.",
            "Familjerådgivarna är utbildade familjeterapeuter. Du kan komma ensam, som par eller med hela familjen. Tjänsten är gratis och konfidentiell.",
            "The counsellors are trained family therapists. You can come alone, as a couple or as a whole family. It is free and confidential.",
        ],
        how: [
            "Varaa aika puhelimella. Lähetettä ei tarvita.",
            "Boka tid per telefon. Ingen remiss behövs.",
            "Book a time by phone. No referral is needed.",
        ],
    },
    Tpl {
        ty: "parish_diaconia",
        slug: "diakonia",
        name: ["Diakoniatyö {m}", "Diakoni {m}", "Parish diaconal work {m}"],
        summary: [
            "Diakoniatyöntekijä kuuntelee ja auttaa elämän vaikeissa tilanteissa, myös ruoka-avulla.",
            "Diakoniarbetaren lyssnar och hjälper i svåra situationer, också med mathjälp.",
            "A diaconal worker listens and helps in difficult situations, also with food aid.",
        ],
        description: [
            "Diakoniatyöhön voi tulla juttelemaan, kun arki on raskasta tai rahat eivät riitä. Työntekijä auttaa myös hakemaan muuta tukea. Kirkkoon ei tarvitse kuulua.",
            "Till diakonin kan du komma och prata när vardagen är tung eller pengarna inte räcker. Arbetaren hjälper också att söka annat stöd. Du behöver inte höra till kyrkan.",
            "You can come to talk when life is hard or money does not stretch. The worker also helps you apply for other support. You do not need to be a church member.",
        ],
        how: [
            "Soita diakoniatyön puhelinaikana ja varaa aika. Lähetettä ei tarvita.",
            "Ring under diakonins telefontid och boka tid. Ingen remiss behövs.",
            "Call during the phone hours to book a time. No referral is needed.",
        ],
    },
    Tpl {
        ty: "outreach_youth_work",
        slug: "etsiva-nuorisotyo",
        name: ["Etsivä nuorisotyö {m}", "Uppsökande ungdomsarbete {m}", "Outreach youth work {m}"],
        summary: [
            "Alle 29-vuotiaalle, jolla ei ole opiskelu- tai työpaikkaa. Ohjaaja auttaa löytämään suunnan.",
            "För dig under 29 som saknar studie- eller arbetsplats. Handledaren hjälper dig hitta riktning.",
            "",
        ],
        description: [
            "Etsivä nuorisotyöntekijä tapaa nuoria siellä, missä he ovat. Hän auttaa esimerkiksi koulupaikan, rahan tai asunnon kanssa. Tapaamiset ovat vapaaehtoisia.",
            "Den uppsökande ungdomsarbetaren träffar unga där de är. Hen hjälper till exempel med studieplats, pengar eller bostad. Träffarna är frivilliga.",
            "",
        ],
        how: [
            "Soita tai laita viesti. Myös vanhempi tai opettaja voi ottaa yhteyttä nuoren luvalla.",
            "Ring eller skicka ett meddelande. Också en förälder eller lärare kan ta kontakt med den ungas lov.",
            "",
        ],
    },
    Tpl {
        ty: "ohjaamo",
        slug: "ohjaamo",
        name: ["Ohjaamo {m}", "Navigatorn {m}", "Ohjaamo guidance centre {m}"],
        summary: [
            "Alle 30-vuotiaille neuvontaa opiskelusta, työstä, rahasta ja asumisesta yhdestä paikasta.",
            "Rådgivning för unga under 30 om studier, arbete, pengar och boende på ett ställe.",
            "Advice for under-30s on studies, work, money and housing, all in one place.",
        ],
        description: [
            "Ohjaamossa samassa paikassa työskentelevät mm. nuorisotyö, TE-palvelut, Kela ja hyvinvointialue. Voit tulla ilman ajanvarausta. Apua saa myös chatissa.",
            "Hos Navigatorn arbetar bland annat ungdomsarbetet, arbetskraftstjänsterna, FPA och välfärdsområdet på samma ställe. Du kan komma utan tidsbokning. Hjälp finns också i chatten.",
            "Youth work, employment services, Kela and the wellbeing services county work under one roof. You can come without an appointment. Help is also available by chat.",
        ],
        how: [
            "Tule paikalle ilman ajanvarausta tai varaa aika. Palvelu on maksuton.",
            "Kom utan tidsbokning eller boka tid. Tjänsten är gratis.",
            "Come without an appointment or book a time. It is free.",
        ],
    },
    // ---------------------------------------------------------------- specialist
    Tpl {
        ty: "child_welfare_open_care",
        slug: "lastensuojelu",
        name: ["Lastensuojelun avohuolto {m}", "Barnskyddets öppenvård {m}", "Child welfare support at home {m}"],
        summary: [
            "Tukea lapselle ja perheelle kotiin, kun lapsen turvallisuus tai kehitys on vaarassa.",
            "Stöd hemma för barnet och familjen när barnets trygghet eller utveckling är i fara.",
            "Support at home for the child and family when the child's safety or development is at risk.",
        ],
        description: [
            "Lastensuojelu tukee lasta ja perhettä kotona esimerkiksi perhetyöllä tai tukihenkilöllä. Sosiaalityöntekijä suunnittelee tuen yhdessä perheen kanssa. Tuki alkaa arvioinnin ja päätöksen jälkeen.",
            "Barnskyddet stöder barnet och familjen hemma till exempel med familjearbete eller en stödperson. Socialarbetaren planerar stödet tillsammans med familjen. Stödet börjar efter en bedömning och ett beslut.",
            "Child welfare supports the child and family at home, for example with family work or a support person. A social worker plans the support together with the family. It starts after an assessment and a decision.",
        ],
        how: [
            "Tee lastensuojeluilmoitus tai pyydä itse arviota puhelimella. Sosiaalityöntekijä arvioi tilanteen ja päättää tuesta.",
            "Gör en barnskyddsanmälan eller be själv om en bedömning per telefon. Socialarbetaren bedömer situationen och beslutar om stödet.",
            "Make a child welfare notification or ask for an assessment by phone. A social worker assesses the situation and decides on support.",
        ],
    },
    Tpl {
        ty: "social_emergency",
        slug: "sosiaalipaivystys",
        name: ["Sosiaalipäivystys {m}", "Socialjour {m}", "Social emergency services {m}"],
        summary: [
            "Kiireellistä apua sosiaalisissa kriiseissä ympäri vuorokauden. Hätätilanteessa soita 112.",
            "Akut hjälp vid sociala kriser dygnet runt. I nödsituationer, ring 112.",
            "Urgent help in social crises around the clock. In an emergency call 112.",
        ],
        description: [
            "Sosiaalipäivystys auttaa, kun lapsen tai aikuisen turvallisuus on vaarassa eikä asia voi odottaa. Päivystäjä arvioi tilanteen ja järjestää tarvittaessa turvallisen paikan. Päivystys toimii yhdessä poliisin ja terveydenhuollon kanssa.",
            "Socialjouren hjälper när ett barns eller en vuxens trygghet är i fara och saken inte kan vänta. Jouren bedömer situationen och ordnar vid behov en trygg plats. Jouren samarbetar med polisen och hälsovården.",
            "The social emergency service helps when a child's or adult's safety is at risk and it cannot wait. The worker assesses the situation and arranges a safe place if needed. It works with the police and health care.",
        ],
        how: [
            "Soita päivystykseen milloin tahansa. Hätätilanteessa soita 112.",
            "Ring jouren när som helst. I nödsituationer, ring 112.",
            "Call at any time. In an emergency call 112.",
        ],
    },
    Tpl {
        ty: "shelter",
        slug: "turvakoti",
        name: ["Turvakoti {m}", "Skyddshem {m}", "Shelter {m}"],
        summary: [
            "Turvallinen paikka, jos sinä tai lapsesi kokee väkivaltaa kotona. Apua saa ympäri vuorokauden.",
            "En trygg plats om du eller ditt barn utsätts för våld hemma. Hjälp finns dygnet runt.",
            "A safe place if you or your child face violence at home. Help is available around the clock.",
        ],
        description: [
            "Turvakotiin voi tulla lasten kanssa tai yksin. Turvakodissa saat turvallisen asumisen ja keskusteluapua. Osoite kerrotaan puhelimessa turvallisuuden vuoksi.",
            "Du kan komma till skyddshemmet med barnen eller ensam. Där får du tryggt boende och samtalsstöd. Adressen berättas i telefon av säkerhetsskäl.",
            "You can come to the shelter with your children or alone. You get safe accommodation and someone to talk to. The address is given on the phone for safety reasons.",
        ],
        how: [
            "Soita turvakotiin milloin tahansa. Lähetettä ei tarvita, ja palvelu on maksuton.",
            "Ring skyddshemmet när som helst. Ingen remiss behövs och tjänsten är gratis.",
            "Call the shelter at any time. No referral is needed, and it is free.",
        ],
    },
    Tpl {
        ty: "mother_child_home",
        slug: "ensikoti",
        name: ["Ensikoti {m}", "Mödrahem {m}", "Mother and child home {m}"],
        summary: [
            "Asumista ja tukea odottaville ja vauvaperheille, jotka tarvitsevat paljon apua arkeen.",
            "Boende och stöd för väntande familjer och babyfamiljer som behöver mycket hjälp i vardagen.",
            "Housing and support for expecting parents and families with babies who need a lot of help.",
        ],
        description: [
            "Ensikodissa perhe asuu yhdessä ja harjoittelee vauvan hoitoa työntekijöiden tuella. Jakso kestää yleensä muutaman kuukauden. Avopalveluna on tarjolla myös kotikäyntejä.",
            "På mödrahemmet bor familjen tillsammans och övar babyvård med stöd av personalen. Perioden varar oftast några månader. Som öppenvård erbjuds också hembesök.",
            "At the home the family lives together and practises baby care with staff support. A stay usually lasts a few months. Home visits are also offered as outpatient support.",
        ],
        how: [
            "Sosiaalityöntekijä hakee paikkaa yhdessä perheen kanssa. Paikasta tehdään päätös.",
            "Socialarbetaren ansöker om plats tillsammans med familjen. Ett beslut fattas om platsen.",
            "A social worker applies for a place together with the family. A decision is made on the place.",
        ],
    },
    Tpl {
        ty: "child_psychiatry",
        slug: "lastenpsykiatria",
        name: ["Lastenpsykiatrian poliklinikka {m}", "Barnpsykiatriska polikliniken {m}", "Child psychiatry outpatient clinic {m}"],
        summary: [
            "Tutkimusta ja hoitoa alle 13-vuotiaiden mielenterveyden ongelmiin. Tarvitset lähetteen.",
            "Utredning och vård av psykisk ohälsa hos barn under 13 år. Du behöver en remiss.",
            "Assessment and treatment of mental health problems in children under 13. You need a referral.",
        ],
        description: [
            "Poliklinikalla työskentelee lastenpsykiatreja, psykologeja ja hoitajia. Hoito suunnitellaan yhdessä perheen kanssa. Osa käynneistä voi olla kotona tai etänä.",
            "På polikliniken arbetar barnpsykiatrer, psykologer och skötare. Vården planeras tillsammans med familjen. En del av besöken kan ske hemma eller på distans.",
            "Child psychiatrists, psychologists and nurses work at the clinic. Care is planned together with the family. Some visits can be at home or remote.",
        ],
        how: HOSPITAL_HOW,
    },
    Tpl {
        ty: "adolescent_psychiatry",
        slug: "nuorisopsykiatria",
        name: ["Nuorisopsykiatrian poliklinikka {m}", "Ungdomspsykiatriska polikliniken {m}", "Adolescent psychiatry outpatient clinic {m}"],
        summary: [
            "Tutkimusta ja hoitoa 13–22-vuotiaiden mielenterveyden ongelmiin. Tarvitset lähetteen.",
            "Utredning och vård av psykisk ohälsa hos unga i åldern 13–22 år. Du behöver en remiss.",
            "Assessment and treatment of mental health problems for ages 13–22. You need a referral.",
        ],
        description: [
            "Nuorisopsykiatriassa hoidetaan esimerkiksi masennusta, ahdistusta ja syömishäiriöitä. Hoitoon kuuluu keskusteluja ja tarvittaessa lääkehoito. Vanhemmat otetaan mukaan, jos nuori on alaikäinen.",
            "Inom ungdomspsykiatrin vårdas till exempel depression, ångest och ätstörningar. Vården består av samtal och vid behov medicinering. Föräldrarna är med om den unga är minderårig.",
            "Adolescent psychiatry treats for example depression, anxiety and eating disorders. Care includes talking therapy and medication if needed. Parents take part if the young person is under 18.",
        ],
        how: HOSPITAL_HOW,
    },
    Tpl {
        ty: "paediatrics",
        slug: "lastentautien-poliklinikka",
        name: ["Lastentautien poliklinikka {m}", "Barnpolikliniken {m}", "Paediatric outpatient clinic {m}"],
        summary: [
            "Lasten sairauksien tutkimus ja hoito sairaalassa. Tarvitset lääkärin lähetteen.",
            "Utredning och vård av barnsjukdomar på sjukhuset. Du behöver en läkarremiss.",
            "Hospital assessment and treatment of children's illnesses. You need a doctor's referral.",
        ],
        description: [
            "Poliklinikalla hoidetaan esimerkiksi allergioita, diabetesta ja pitkäaikaisia sairauksia. Lastenlääkäri ja hoitaja tekevät hoitosuunnitelman yhdessä perheen kanssa. Kiireelliset tilanteet hoidetaan päivystyksessä.",
            "På polikliniken vårdas till exempel allergier, diabetes och långvariga sjukdomar. Barnläkaren och skötaren gör en vårdplan tillsammans med familjen. Brådskande fall sköts på jouren.",
            "The clinic treats for example allergies, diabetes and long-term illnesses. A paediatrician and nurse make a care plan with the family. Urgent cases go to the emergency department.",
        ],
        how: HOSPITAL_HOW,
    },
    Tpl {
        ty: "child_neurology",
        slug: "lastenneurologia",
        name: ["Lastenneurologian poliklinikka {m}", "Barnneurologiska polikliniken {m}", "Paediatric neurology clinic {m}"],
        summary: [
            "Lapsen kehityksen ja hermoston sairauksien tutkimus sekä kuntoutuksen suunnittelu. Tarvitset lähetteen.",
            "Utredning av barnets utveckling och nervsystemets sjukdomar samt planering av rehabilitering. Remiss behövs.",
            "Assessment of development and nervous system conditions, and rehabilitation planning. You need a referral.",
        ],
        description: [
            "Lastenneurologiassa tutkitaan esimerkiksi kehityksen viivästymiä, epilepsiaa ja neuropsykiatrisia häiriöitä. Työryhmässä on lääkäreitä, psykologeja ja terapeutteja. Kuntoutus suunnitellaan yhdessä perheen ja lähipalvelujen kanssa.",
            "Inom barnneurologin utreds till exempel försenad utveckling, epilepsi och neuropsykiatriska störningar. I teamet finns läkare, psykologer och terapeuter. Rehabiliteringen planeras med familjen och närservicen.",
            "Paediatric neurology assesses for example developmental delays, epilepsy and neurodevelopmental conditions. The team includes doctors, psychologists and therapists. Rehabilitation is planned with the family and local services.",
        ],
        how: HOSPITAL_HOW,
    },
    Tpl {
        ty: "disability_services_children",
        slug: "lasten-vammaispalvelut",
        name: ["Lasten vammaispalvelut {m}", "Tjänster för barn med funktionsnedsättning {m}", "Disability services for children {m}"],
        summary: [
            "Tukea perheelle, jossa on vammainen tai pitkäaikaissairas lapsi. Palveluja haetaan hakemuksella.",
            "Stöd för familjer med ett barn med funktionsnedsättning eller långvarig sjukdom. Man ansöker om tjänsterna.",
            "Support for families with a disabled or long-term ill child. You apply for the services.",
        ],
        description: [
            "Vammaispalveluista voi saada esimerkiksi henkilökohtaista apua, asunnon muutostöitä ja lyhytaikaista hoitoa. Sosiaalityöntekijä selvittää perheen tarpeet yhdessä perheen kanssa. Palveluista tehdään kirjallinen päätös.",
            "Från tjänsterna kan man få till exempel personlig assistans, ändringsarbeten i bostaden och korttidsvård. Socialarbetaren utreder familjens behov tillsammans med familjen. Ett skriftligt beslut fattas om tjänsterna.",
            "Services can include personal assistance, home adaptations and short-term care. A social worker works out the family's needs together with them. A written decision is made.",
        ],
        how: [
            "Ota yhteyttä vammaispalvelujen sosiaalityöntekijään ja tee hakemus. Saat kirjallisen päätöksen.",
            "Kontakta socialarbetaren inom handikappservicen och gör en ansökan. Du får ett skriftligt beslut.",
            "Contact the disability services social worker and make an application. You get a written decision.",
        ],
    },
    Tpl {
        ty: "child_welfare_aftercare",
        slug: "jalkihuolto",
        name: ["Lastensuojelun jälkihuolto {m}", "Eftervård inom barnskyddet {m}", "Child welfare aftercare {m}"],
        summary: [
            "Tukea nuorelle aikuiselle, joka on ollut lastensuojelun sijaishuollossa. Tukea saa 25-vuotiaaksi.",
            "Stöd för unga vuxna som har varit placerade inom barnskyddet. Stöd finns tills du fyller 25.",
            "Support for young adults who have been in care. Support is available until the age of 25.",
        ],
        description: [
            "Jälkihuollossa nuori saa tukea asumiseen, opiskeluun ja raha-asioihin. Omatyöntekijä pitää yhteyttä ja auttaa itsenäistymisessä. Tarjolla on myös vertaisryhmiä.",
            "Inom eftervården får den unga stöd med boende, studier och pengar. En egen arbetare håller kontakt och hjälper den unga att bli självständig. Det finns också kamratgrupper.",
            "Aftercare supports young people with housing, studies and money. A personal worker keeps in touch and helps with becoming independent. Peer groups are also available.",
        ],
        how: [
            "Jälkihuolto alkaa sosiaalityöntekijän päätöksellä. Voit myös itse kysyä tukea omalta työntekijältäsi.",
            "Eftervården börjar med ett beslut av socialarbetaren. Du kan också själv be din arbetare om stöd.",
            "Aftercare starts with a social worker's decision. You can also ask your own worker for support.",
        ],
    },
];

/// Parts of a town: [fi, sv, en] and the id slug; the compass bearing in degrees places them.
pub const DISTRICTS: &[(L, &str, f64)] = &[
    (["Keskusta", "Centrum", "Centre"], "keskusta", 0.0),
    (
        ["Pohjoinen alue", "Norra området", "North"],
        "pohjoinen",
        0.0,
    ),
    (["Eteläinen alue", "Södra området", "South"], "etela", 180.0),
    (["Itäinen alue", "Östra området", "East"], "ita", 90.0),
];

/// Day-care centre names (fi, sv).
pub const DAYCARES: &[(&str, &str)] = &[
    ("Mustikka", "Blåbäret"),
    ("Satakieli", "Näktergalen"),
    ("Sateenkaari", "Regnbågen"),
    ("Kotikolo", "Kotikolo"),
    ("Puolukka", "Lingonet"),
    ("Peikkometsä", "Trollskogen"),
    ("Tähtitaivas", "Stjärnhimlen"),
    ("Pikkukarhu", "Lillbjörnen"),
];

/// Extra schools in bigger places (fi genitive stem for "koulu", sv).
pub const SCHOOLS: &[(&str, &str)] = &[
    ("Koivurinteen", "Björkbacka"),
    ("Mäntylän", "Tallmo"),
    ("Kalliorinteen", "Bergsbacka"),
];

/// Fictional street names (fi, sv): they cannot be mistaken for a real address.
pub const STREETS: &[(&str, &str)] = &[
    ("Esimerkkikatu", "Exempelgatan"),
    ("Näytetie", "Provvägen"),
    ("Mallikuja", "Modellgränden"),
    ("Esimerkkitie", "Exempelvägen"),
    ("Mallitie", "Modellvägen"),
    ("Näytekatu", "Provgatan"),
];

pub const NOTE_BOOKING: L = ["Ajanvaraus", "Tidsbokning", "Appointments"];
pub const NOTE_ADVICE: L = ["Neuvonta", "Rådgivning", "Advice"];
pub const NOTE_CALLBACK: L = [
    "Takaisinsoitto: jätä numerosi, niin soitamme",
    "Återuppringning: lämna ditt nummer",
    "Call-back: leave your number and we call you",
];
pub const NOTE_ALWAYS: L = [
    "Päivystys ympäri vuorokauden",
    "Jour dygnet runt",
    "Open around the clock",
];
pub const NOTE_TOOTHACHE: L = [
    "Särkypäivystys aamuisin",
    "Akut tandvärk på morgonen",
    "Toothache: call in the morning",
];

pub const HOURS_NOTE_SUMMER: L = [
    "Kesällä palvelu on suljettu heinäkuussa. Tarkista ajat ennen käyntiä.",
    "På sommaren är tjänsten stängd i juli. Kontrollera tiderna före besöket.",
    "In summer the service is closed in July. Check the times before you go.",
];
pub const HOURS_NOTE_VISITS: L = [
    "Vastaanotto tällä paikkakunnalla kerran viikossa. Soita ja varaa aika.",
    "Mottagning på orten en gång i veckan. Ring och boka tid.",
    "Visiting clinic here once a week. Call to book a time.",
];
pub const HOURS_NOTE_SHIFT: L = [
    "Vuorohoitoa iltaisin, öisin ja viikonloppuisin vanhempien työvuorojen mukaan.",
    "Skiftvård på kvällar, nätter och veckoslut enligt föräldrarnas arbetsskift.",
    "Shift care in evenings, at night and at weekends, matching parents' working hours.",
];

pub const COST_ECEC: L = [
    "Maksu riippuu perheen tuloista ja koosta sekä hoitoajasta. Pienituloisille hoito voi olla maksutonta.",
    "Avgiften beror på familjens inkomster, storlek och vårdtid. För familjer med låga inkomster kan vården vara gratis.",
    "The fee depends on family income, family size and hours of care. For low-income families it can be free.",
];
pub const COST_VOUCHER_ECEC: L = [
    "Palvelusetelillä maksat saman verran kuin kunnan päiväkodissa. Lisäksi voi tulla pieni omavastuu.",
    "Med servicesedel betalar du lika mycket som i kommunens daghem. Dessutom kan det tillkomma en liten självrisk.",
    "With a service voucher you pay about the same as in a municipal day-care centre, possibly plus a small extra charge.",
];
pub const COST_VOUCHER_THERAPY: L = [
    "Hyvinvointialue myöntää palvelusetelin lähetteen perusteella. Setelillä terapia on perheelle maksutonta.",
    "Välfärdsområdet beviljar en servicesedel utifrån remissen. Med sedeln är terapin gratis för familjen.",
    "The wellbeing services county grants a service voucher based on the referral. With it, therapy is free for the family.",
];
pub const COST_HOME_HELP: L = [
    "Maksu määräytyy tulojen ja käyntien mukaan. Lastensuojelun asiakkaille palvelu on maksuton.",
    "Avgiften beror på inkomster och antal besök. För barnskyddets klienter är tjänsten gratis.",
    "The fee depends on income and number of visits. It is free for child welfare clients.",
];

pub const ALERT_RENOVATION: L = [
    "Suljettu remontin vuoksi 31.1.2027 asti. Lähin kohtaamispaikka on palvelualueen keskustaajamassa.",
    "Stängt på grund av renovering till 31.1.2027. Närmaste mötesplats finns i serviceområdets centralort.",
    "Closed for renovation until 31 January 2027. The nearest meeting place is in the service area's main town.",
];
pub const ALERT_BREAK: L = [
    "Kerho on tauolla 6.1.2027 asti. Seuraa seurakunnan tiedotteita.",
    "Klubben har paus till 6.1.2027. Följ församlingens meddelanden.",
    "The club is on a break until 6 January 2027. Watch for the parish's announcements.",
];

pub const LANGUAGE_NOTE_INTERPRETER: L = [
    "Tulkki tilataan maksutta. Kerro kieli, kun varaat ajan.",
    "Tolk beställs gratis. Berätta vilket språk när du bokar tid.",
    "An interpreter is booked free of charge. Tell us the language when you book.",
];

// ------------------------------------------------------------------------------------ reference

/// One of the 43 municipalities (Statistics Finland 2025; centres from the NLS topographic data).
pub struct Muni {
    pub code: &'static str,
    pub fi: &'static str,
    pub sv: &'static str,
    /// Finnish genitive, for "Lieksan seurakunta".
    pub gen: &'static str,
    /// Index into [`COUNTIES`].
    pub county: usize,
    pub lat: f64,
    pub lon: f64,
    pub pop: u32,
    /// A plausible postcode of the centre.
    pub post: u32,
    pub city: bool,
}

#[allow(clippy::too_many_arguments)]
pub const fn mu(
    code: &'static str,
    fi: &'static str,
    sv: &'static str,
    gen: &'static str,
    county: usize,
    lat: f64,
    lon: f64,
    pop: u32,
    post: u32,
    city: bool,
) -> Muni {
    Muni {
        code,
        fi,
        sv,
        gen,
        county,
        lat,
        lon,
        pop,
        post,
        city,
    }
}

#[rustfmt::skip]
pub const MUNIS: [Muni; 43] = [
    mu("491", "Mikkeli", "S:t Michel", "Mikkelin", 0, 61.687, 27.27235, 51980, 50100, true),
    mu("740", "Savonlinna", "Nyslott", "Savonlinnan", 0, 61.86795, 28.89154, 32085, 57100, true),
    mu("593", "Pieksämäki", "Pieksämäki", "Pieksämäen", 0, 62.30158, 27.15658, 17077, 76100, true),
    mu("507", "Mäntyharju", "Mäntyharju", "Mäntyharjun", 0, 61.41858, 26.87909, 7164, 52700, false),
    mu("178", "Juva", "Juva", "Juvan", 0, 61.89796, 27.85748, 5769, 51900, false),
    mu("213", "Kangasniemi", "Kangasniemi", "Kangasniemen", 0, 61.98993, 26.64474, 5154, 51200, false),
    mu("681", "Rantasalmi", "Rantasalmi", "Rantasalmen", 0, 62.06821, 28.30011, 3308, 58900, false),
    mu("768", "Sulkava", "Sulkava", "Sulkavan", 0, 61.78692, 28.37074, 2375, 58700, false),
    mu("623", "Puumala", "Puumala", "Puumalan", 0, 61.52276, 28.17676, 2107, 52200, false),
    mu("097", "Hirvensalmi", "Hirvensalmi", "Hirvensalmen", 0, 61.6432, 26.77391, 2091, 52550, false),
    mu("046", "Enonkoski", "Enonkoski", "Enonkosken", 0, 62.08796, 28.91726, 1341, 58175, false),
    mu("297", "Kuopio", "Kuopio", "Kuopion", 1, 62.89345, 27.67786, 122594, 70100, true),
    mu("749", "Siilinjärvi", "Siilinjärvi", "Siilinjärven", 1, 63.07494, 27.6609, 21232, 71800, false),
    mu("140", "Iisalmi", "Idensalmi", "Iisalmen", 1, 63.56176, 27.18931, 20801, 74100, true),
    mu("915", "Varkaus", "Varkaus", "Varkauden", 1, 62.31242, 27.88613, 19759, 78200, true),
    mu("420", "Leppävirta", "Leppävirta", "Leppävirran", 1, 62.4911, 27.79118, 9177, 79100, false),
    mu("402", "Lapinlahti", "Lapinlahti", "Lapinlahden", 1, 63.3657, 27.39302, 9099, 73100, false),
    mu("263", "Kiuruvesi", "Kiuruvesi", "Kiuruveden", 1, 63.65146, 26.62258, 7597, 74700, true),
    mu("778", "Suonenjoki", "Suonenjoki", "Suonenjoen", 1, 62.62467, 27.12181, 6763, 77600, true),
    mu("171", "Joroinen", "Jorois", "Joroisten", 1, 62.18026, 27.82699, 4540, 79600, false),
    mu("595", "Pielavesi", "Pielavesi", "Pielaveden", 1, 63.2322, 26.75582, 4140, 72400, false),
    mu("762", "Sonkajärvi", "Sonkajärvi", "Sonkajärven", 1, 63.66971, 27.52315, 3672, 74300, false),
    mu("925", "Vieremä", "Vieremä", "Vieremän", 1, 63.74344, 27.00026, 3427, 74200, false),
    mu("686", "Rautalampi", "Rautalampi", "Rautalammin", 1, 62.62113, 26.83757, 2964, 77700, false),
    mu("204", "Kaavi", "Kaavi", "Kaavin", 1, 62.97454, 28.48136, 2689, 73600, false),
    mu("857", "Tuusniemi", "Tuusniemi", "Tuusniemen", 1, 62.80967, 28.4926, 2394, 71200, false),
    mu("239", "Keitele", "Keitele", "Keiteleen", 1, 63.17993, 26.35281, 2029, 72600, false),
    mu("921", "Vesanto", "Vesanto", "Vesannon", 1, 62.93116, 26.41587, 1894, 72300, false),
    mu("687", "Rautavaara", "Rautavaara", "Rautavaaran", 1, 63.49463, 28.29848, 1477, 73900, false),
    mu("844", "Tervo", "Tervo", "Tervon", 1, 62.95687, 26.75887, 1441, 72210, false),
    mu("167", "Joensuu", "Joensuu", "Joensuun", 2, 62.5998, 29.7654, 77513, 80100, true),
    mu("276", "Kontiolahti", "Kontiolax", "Kontiolahden", 2, 62.76934, 29.8473, 15157, 81100, false),
    mu("426", "Liperi", "Libelits", "Liperin", 2, 62.53176, 29.38747, 11962, 83100, false),
    mu("422", "Lieksa", "Lieksa", "Lieksan", 2, 63.31184, 30.04088, 10372, 81700, true),
    mu("260", "Kitee", "Kides", "Kiteen", 2, 62.09945, 30.13624, 9727, 82500, true),
    mu("541", "Nurmes", "Nurmes", "Nurmeksen", 2, 63.54439, 29.13274, 9243, 75500, true),
    mu("309", "Outokumpu", "Outokumpu", "Outokummun", 2, 62.72476, 29.01852, 6457, 83500, true),
    mu("146", "Ilomantsi", "Ilomants", "Ilomantsin", 2, 62.67132, 30.92665, 4492, 82900, false),
    mu("176", "Juuka", "Juga", "Juuan", 2, 63.23966, 29.25504, 4352, 83900, false),
    mu("848", "Tohmajärvi", "Tohmajärvi", "Tohmajärven", 2, 62.22376, 30.33147, 4160, 82600, false),
    mu("607", "Polvijärvi", "Polvijärvi", "Polvijärven", 2, 62.85677, 29.37312, 4084, 83700, false),
    mu("090", "Heinävesi", "Heinävesi", "Heinäveden", 2, 62.42738, 28.63206, 3061, 79700, false),
    mu("707", "Rääkkylä", "Rääkkylä", "Rääkkylän", 2, 62.31314, 29.62437, 1960, 82300, false),
];

pub struct County {
    pub code: &'static str,
    pub slug: &'static str,
    /// Telephone area code of the region.
    pub area: &'static str,
    pub org: &'static str,
    /// First label of the sample web host, `<host>.perheopas.example`.
    pub host: &'static str,
    pub org_name: L,
    pub name: L,
    /// Central hospitals: municipality code and name; the first is the main one.
    pub hospitals: &'static [(&'static str, L)],
    /// Where basic-level services sit and which municipalities each serves.
    pub hubs: &'static [(&'static str, &'static [&'static str])],
}

pub const COUNTIES: [County; 3] = [
    County {
        code: "12",
        slug: "etela-savo",
        area: "015",
        org: "eloisa",
        host: "eloisa",
        org_name: [
            "Etelä-Savon hyvinvointialue Eloisa",
            "Södra Savolax välfärdsområde Eloisa",
            "South Savo Wellbeing Services County Eloisa",
        ],
        name: ["Etelä-Savo", "Södra Savolax", "South Savo"],
        hospitals: &[
            (
                "491",
                [
                    "Mikkelin keskussairaala",
                    "Centralsjukhuset i S:t Michel",
                    "Mikkeli Central Hospital",
                ],
            ),
            (
                "740",
                [
                    "Savonlinnan keskussairaala",
                    "Centralsjukhuset i Nyslott",
                    "Savonlinna Central Hospital",
                ],
            ),
        ],
        hubs: &[
            ("491", &["491", "507", "178", "623", "097"]),
            ("740", &["740", "681", "768", "046"]),
            ("593", &["593", "213"]),
        ],
    },
    County {
        code: "13",
        slug: "pohjois-savo",
        area: "017",
        org: "pohjois-savon-hyvinvointialue",
        host: "pohjois-savo",
        org_name: [
            "Pohjois-Savon hyvinvointialue",
            "Norra Savolax välfärdsområde",
            "North Savo Wellbeing Services County",
        ],
        name: ["Pohjois-Savo", "Norra Savolax", "North Savo"],
        hospitals: &[
            (
                "297",
                [
                    "Kuopion yliopistollinen sairaala (KYS)",
                    "Kuopio universitetssjukhus (KYS)",
                    "Kuopio University Hospital (KYS)",
                ],
            ),
            (
                "140",
                [
                    "Iisalmen sairaala",
                    "Sjukhuset i Idensalmi",
                    "Iisalmi Hospital",
                ],
            ),
        ],
        hubs: &[
            ("297", &["297", "749", "204", "857", "687"]),
            ("140", &["140", "402", "263", "762", "925"]),
            ("915", &["915", "420", "171"]),
            ("778", &["778", "686", "844", "921", "239", "595"]),
        ],
    },
    County {
        code: "14",
        slug: "pohjois-karjala",
        area: "013",
        org: "siun-sote",
        host: "siunsote",
        org_name: [
            "Pohjois-Karjalan hyvinvointialue Siun sote",
            "Norra Karelens välfärdsområde Siun sote",
            "North Karelia Wellbeing Services County Siun sote",
        ],
        name: ["Pohjois-Karjala", "Norra Karelen", "North Karelia"],
        hospitals: &[(
            "167",
            [
                "Pohjois-Karjalan keskussairaala (PKKS)",
                "Norra Karelens centralsjukhus (PKKS)",
                "North Karelia Central Hospital (PKKS)",
            ],
        )],
        hubs: &[
            ("167", &["167", "276", "426", "309", "146", "607", "090"]),
            ("422", &["422", "541", "176"]),
            ("260", &["260", "848", "707"]),
        ],
    },
];

/// Towns with an Ohjaamo (one-stop guidance for under-30s).
pub const OHJAAMO: [&str; 6] = ["491", "740", "297", "140", "915", "167"];

// Organisations that are not per municipality.
pub const ENSI_TURVAKOTI: &str = "esimerkkilan-ensi-ja-turvakoti";
pub const VERTAISTUKI: &str = "perheiden-vertaistuki-esimerkki";
pub const PRIVATE_ECEC: &str = "esimerkki-paivakodit";
pub const PRIVATE_THERAPY: &str = "terapiapalvelut-esimerkki";

#[rustfmt::skip]
pub const OTHER_ORGS: [(&str, &str, L, &str); 9] = [
    (ENSI_TURVAKOTI, "ngo", ["Esimerkkilän ensi- ja turvakoti ry", "Esimerkkilä mödra- och skyddshem rf", "Esimerkkilä Mother and Child Home and Shelter Association"], "turvakoti"),
    (VERTAISTUKI, "ngo", ["Perheiden vertaistuki Esimerkki ry", "Kamratstöd för familjer Esimerkki rf", "Esimerkki Family Peer Support Association"], "vertaistuki"),
    ("lapsiperheiden-tukijarjesto-esimerkki", "ngo", ["Lapsiperheiden tukijärjestö Esimerkki ry", "Stödorganisationen för barnfamiljer Esimerkki rf", "Esimerkki Association for Families with Children"], "lapsiperheet"),
    ("vakivaltatyon-esimerkkiyhdistys", "ngo", ["Väkivaltatyön esimerkkiyhdistys ry", "Exempelföreningen för arbete mot våld rf", "Example Association against Violence"], "vakivaltatyo"),
    ("kriisikeskus-esimerkki", "ngo", ["Kriisikeskus Esimerkki ry", "Kriscentret Esimerkki rf", "Esimerkki Crisis Centre"], "kriisikeskus"),
    (PRIVATE_ECEC, "private", ["Esimerkki Päiväkodit Oy", "Esimerkki Daghem Ab", "Esimerkki Day Care Ltd"], "paivakodit"),
    (PRIVATE_THERAPY, "private", ["Terapiapalvelut Esimerkki Oy", "Terapitjänster Esimerkki Ab", "Esimerkki Therapy Services Ltd"], "terapia"),
    ("kela", "state", ["Kansaneläkelaitos Kela", "Folkpensionsanstalten FPA", "Social Insurance Institution of Finland Kela"], "kela"),
    ("valtion-esimerkkivirasto", "state", ["Valtion esimerkkivirasto", "Statens exempelverk", "State Example Agency"], "virasto"),
];

// ------------------------------------------------------------------------------------ hours

pub const CLINIC: [&str; 3] = [
    "Mo-Fr 08:00-16:00; PH off",
    "Mo-Th 08:00-15:30; Fr 08:00-14:00; PH off",
    "Mo-Fr 08:00-15:00; Dec 24-26 off; PH off",
];
pub const PHONE_TIME: [&str; 3] = [
    "Mo-Fr 08:00-10:00; PH off",
    "Mo-Th 12:00-13:00; PH off",
    "Mo-Fr 08:00-09:30; PH off",
];
pub const MEETING: [&str; 3] = [
    "Tu,Th 09:30-12:00; Jul off; PH off",
    "Mo,We 09:00-12:00; Jul off; PH off",
    "We 10:00-13:00; Fr 09:30-11:30; Jul off; PH off",
];
pub const DAYCARE: [&str; 3] = [
    "Mo-Fr 06:30-17:00; PH off",
    "Mo-Fr 06:00-17:30; PH off",
    "Mo-Fr 07:00-17:00; Dec 24-26 off; PH off",
];
pub const CLUB: [&str; 3] = [
    "We 09:30-11:30; Jun-Aug off; PH off",
    "Tu 10:00-12:00; Jun-Aug off; PH off",
    "Th 09:30-11:30; Jun-Aug off; PH off",
];
pub const YOUTH: [&str; 3] = [
    "Tu-Fr 14:00-21:00; Sa 16:00-22:00; Jul off; PH off",
    "Mo,We,Fr 15:00-20:00; Jul off; PH off",
    "Tu,Th 14:00-20:00; Fr 16:00-22:00; Jul off; PH off",
];
pub const VISIT_DAY: [&str; 4] = [
    "Mo 09:00-15:00; Jul off; PH off",
    "Tu 09:00-15:00; Jul off; PH off",
    "We 09:00-15:00; Jul off; PH off",
    "Th 09:00-15:00; Jul off; PH off",
];
pub const OFFICE: &str = "Mo-Fr 08:00-16:00; PH off";
pub const SCHOOL: &str = "Mo-Fr 08:00-15:00; Jun 5-Aug 10 off; PH off";
pub const THERAPY: &str = "Mo-Fr 08:00-15:30; Jul off; PH off";
pub const EVENING_GROUP: &str = "Tu 17:00-19:00; Jun-Aug off; PH off";
pub const ALWAYS: &str = "24/7";
