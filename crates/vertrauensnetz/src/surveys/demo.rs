//! Demo data for Dortmund: the series "Sicherheit und Vertrauen" with two
//! waves of simulated answers (a trust gap between residents with and
//! without a migration history that narrows a little in the second wave),
//! the second wave distributed by invitation codes. Deterministic (seeded),
//! written with multi-row inserts so test servers stay fast.

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use uuid::Uuid;

use super::model::{self, Answer, Profile, Question, LANGS};
use super::store;
use crate::platform::db::{Db, Tx};
use crate::platform::tenants::Tenant;

type Langs = [&'static str; 10];

// Order of every text array: de, en, ar, bg, de-x-ls, pl, ro, ru, tr, uk
// (the order of `model::LANGS`).
const TITLE: Langs = [
    "Sicherheit und Vertrauen in Dortmund",
    "Safety and trust in Dortmund",
    "الأمان والثقة في دورتموند",
    "Сигурност и доверие в Дортмунд",
    "Sicherheit und Vertrauen in Dortmund",
    "Bezpieczeństwo i zaufanie w Dortmundzie",
    "Siguranță și încredere în Dortmund",
    "Безопасность и доверие в Дортмунде",
    "Dortmund'da güvenlik ve güven",
    "Безпека та довіра в Дортмунді",
];

const INTRO: Langs = [
    "Wie sicher fühlen Sie sich in Ihrem Stadtbezirk, und wie sehr vertrauen Sie der Polizei? Die Befragung ist anonym und dauert etwa fünf Minuten.",
    "How safe do you feel in your district, and how much do you trust the police? The survey is anonymous and takes about five minutes.",
    "ما مدى شعورك بالأمان في حيّك، وما مدى ثقتك بالشرطة؟ الاستطلاع مجهول الهوية ويستغرق نحو خمس دقائق.",
    "Колко сигурни се чувствате във вашия район и доколко се доверявате на полицията? Анкетата е анонимна и отнема около пет минути.",
    "Wie sicher fühlen Sie sich? Vertrauen Sie der Polizei? Wir fragen Sie. Wir wissen nicht, wer Sie sind. Das dauert 5 Minuten.",
    "Jak bezpiecznie czujesz się w swojej dzielnicy i na ile ufasz policji? Ankieta jest anonimowa i zajmuje około pięciu minut.",
    "Cât de în siguranță vă simțiți în cartierul dumneavoastră și cât de mult aveți încredere în poliție? Sondajul este anonim și durează aproximativ cinci minute.",
    "Насколько безопасно вы чувствуете себя в своём районе и насколько доверяете полиции? Опрос анонимный и займёт около пяти минут.",
    "Semtinizde kendinizi ne kadar güvende hissediyorsunuz ve polise ne kadar güveniyorsunuz? Anket anonimdir ve yaklaşık beş dakika sürer.",
    "Наскільки безпечно ви почуваєтеся у своєму районі та наскільки довіряєте поліції? Опитування анонімне і триває близько п'яти хвилин.",
];

const Q_SAFE: Langs = [
    "Ich fühle mich in meinem Stadtbezirk sicher.",
    "I feel safe in my district.",
    "أشعر بالأمان في حيّي.",
    "Чувствам се сигурен/сигурна в моя район.",
    "In meinem Stadtteil fühle ich mich sicher.",
    "Czuję się bezpiecznie w mojej dzielnicy.",
    "Mă simt în siguranță în cartierul meu.",
    "Я чувствую себя в безопасности в своём районе.",
    "Semtimde kendimi güvende hissediyorum.",
    "Я почуваюся в безпеці у своєму районі.",
];

const Q_TRUST: Langs = [
    "Ich vertraue der Polizei.",
    "I trust the police.",
    "أثق بالشرطة.",
    "Имам доверие в полицията.",
    "Ich vertraue der Polizei.",
    "Ufam policji.",
    "Am încredere în poliție.",
    "Я доверяю полиции.",
    "Polise güveniyorum.",
    "Я довіряю поліції.",
];

const Q_NIGHT: Langs = [
    "Ich fühle mich abends und nachts draußen sicher.",
    "I feel safe outdoors in the evening and at night.",
    "أشعر بالأمان في الخارج مساءً وليلاً.",
    "Чувствам се сигурен/сигурна навън вечер и през нощта.",
    "Am Abend und in der Nacht fühle ich mich draußen sicher.",
    "Czuję się bezpiecznie na zewnątrz wieczorem i w nocy.",
    "Mă simt în siguranță afară seara și noaptea.",
    "Я чувствую себя в безопасности на улице вечером и ночью.",
    "Akşamları ve geceleri dışarıda kendimi güvende hissediyorum.",
    "Я почуваюся в безпеці надворі ввечері та вночі.",
];

const Q_CONTACT: Langs = [
    "Wie oft hatten Sie in den letzten zwölf Monaten Kontakt mit der Polizei?",
    "How often have you been in contact with the police in the last twelve months?",
    "كم مرة كان لديك تواصل مع الشرطة خلال الاثني عشر شهرًا الماضية؟",
    "Колко често сте имали контакт с полицията през последните дванадесет месеца?",
    "Wie oft hatten Sie im letzten Jahr mit der Polizei zu tun?",
    "Jak często w ciągu ostatnich dwunastu miesięcy miałeś(-aś) kontakt z policją?",
    "Cât de des ați avut contact cu poliția în ultimele douăsprezece luni?",
    "Как часто за последние двенадцать месяцев вы контактировали с полицией?",
    "Son on iki ayda polisle ne sıklıkla temasınız oldu?",
    "Як часто за останні дванадцять місяців ви контактували з поліцією?",
];

const O_CONTACT: [Langs; 3] = [
    [
        "Nie",
        "Never",
        "أبدًا",
        "Никога",
        "Nie",
        "Nigdy",
        "Niciodată",
        "Никогда",
        "Hiç",
        "Ніколи",
    ],
    [
        "Einmal",
        "Once",
        "مرة واحدة",
        "Веднъж",
        "Einmal",
        "Raz",
        "O dată",
        "Один раз",
        "Bir kez",
        "Один раз",
    ],
    [
        "Mehrmals",
        "Several times",
        "عدة مرات",
        "Няколко пъти",
        "Öfter",
        "Kilka razy",
        "De mai multe ori",
        "Несколько раз",
        "Birkaç kez",
        "Кілька разів",
    ],
];

const Q_BETTER: Langs = [
    "Was würde Ihr Sicherheitsgefühl verbessern? (Mehrere Antworten möglich)",
    "What would make you feel safer? (Several answers possible)",
    "ما الذي سيزيد شعورك بالأمان؟ (يمكن اختيار أكثر من إجابة)",
    "Какво би подобрило усещането ви за сигурност? (Възможни са няколко отговора)",
    "Was hilft Ihnen, sich sicher zu fühlen? (Sie können mehr als eine Antwort wählen)",
    "Co poprawiłoby Twoje poczucie bezpieczeństwa? (Możliwych jest kilka odpowiedzi)",
    "Ce v-ar face să vă simțiți mai în siguranță? (Sunt posibile mai multe răspunsuri)",
    "Что улучшило бы ваше чувство безопасности? (Возможно несколько ответов)",
    "Kendinizi daha güvende hissetmenizi ne sağlar? (Birden fazla cevap mümkündür)",
    "Що покращило б ваше відчуття безпеки? (Можливі кілька відповідей)",
];

const O_BETTER: [Langs; 5] = [
    [
        "Bessere Beleuchtung",
        "Better lighting",
        "إضاءة أفضل",
        "По-добро осветление",
        "Mehr Licht",
        "Lepsze oświetlenie",
        "Iluminat mai bun",
        "Лучшее освещение",
        "Daha iyi aydınlatma",
        "Краще освітлення",
    ],
    [
        "Mehr Präsenz von Polizei und Ordnungsdienst",
        "More police and order service on the streets",
        "وجود أكبر للشرطة وخدمة النظام",
        "Повече присъствие на полиция и общинска охрана",
        "Mehr Polizei und Ordnungsamt auf der Straße",
        "Więcej policji i straży miejskiej",
        "Mai multă prezență a poliției și a serviciului de ordine",
        "Больше полиции и службы порядка на улицах",
        "Daha fazla polis ve zabıta varlığı",
        "Більше поліції та служби порядку на вулицях",
    ],
    [
        "Saubere Plätze und Wege",
        "Clean squares and paths",
        "ساحات وممرات نظيفة",
        "Чисти площади и пътеки",
        "Saubere Plätze und Wege",
        "Czyste place i ścieżki",
        "Piețe și alei curate",
        "Чистые площади и дорожки",
        "Temiz meydanlar ve yollar",
        "Чисті площі та доріжки",
    ],
    [
        "Mehr Angebote für Jugendliche",
        "More activities for young people",
        "المزيد من الأنشطة للشباب",
        "Повече занимания за младежи",
        "Mehr Angebote für junge Menschen",
        "Więcej zajęć dla młodzieży",
        "Mai multe activități pentru tineri",
        "Больше занятий для молодёжи",
        "Gençler için daha fazla etkinlik",
        "Більше занять для молоді",
    ],
    [
        "Ansprechbare Anlaufstellen",
        "Places where I can ask for help",
        "أماكن يمكنني طلب المساعدة فيها",
        "Места, където мога да потърся помощ",
        "Orte, wo ich Hilfe bekomme",
        "Miejsca, gdzie mogę poprosić o pomoc",
        "Locuri unde pot cere ajutor",
        "Места, где можно попросить о помощи",
        "Yardım isteyebileceğim yerler",
        "Місця, де можна попросити допомоги",
    ],
];

const Q_TEXT: Langs = [
    "Möchten Sie uns noch etwas mitteilen?",
    "Is there anything else you would like to tell us?",
    "هل هناك شيء آخر تود إخبارنا به؟",
    "Искате ли да ни кажете още нещо?",
    "Wollen Sie uns noch etwas sagen?",
    "Czy chcesz nam jeszcze coś przekazać?",
    "Mai doriți să ne spuneți ceva?",
    "Хотите ли вы сообщить нам что-то ещё?",
    "Bize söylemek istediğiniz başka bir şey var mı?",
    "Чи хочете ви повідомити нам щось іще?",
];

const Q_MAP: Langs = [
    "Wo fühlen Sie sich unsicher, und wann?",
    "Where do you feel unsafe, and when?",
    "أين تشعر بعدم الأمان، ومتى؟",
    "Къде се чувствате несигурни и кога?",
    "Wo haben Sie Angst? Und wann?",
    "Gdzie czujesz się niebezpiecznie i kiedy?",
    "Unde vă simțiți nesigur și când?",
    "Где вы чувствуете себя в опасности и когда?",
    "Kendinizi nerede ve ne zaman güvensiz hissediyorsunuz?",
    "Де ви почуваєтеся небезпечно і коли?",
];

const PLACES: [&str; 6] = [
    "Unterführung am Hauptbahnhof",
    "Nordmarkt am Abend",
    "Parkplatz hinter dem Einkaufszentrum",
    "Weg durch den Park ohne Beleuchtung",
    "Haltestelle an der Hauptstraße",
    "Treppe zur U-Bahn",
];

const COMMENTS: [&str; 4] = [
    "Mehr Licht auf den Wegen zur Haltestelle wäre gut.",
    "Die Fußstreifen im Viertel geben mir Sicherheit.",
    "Ich wünsche mir mehr Gespräche zwischen Polizei und Nachbarschaft.",
    "Nachts fahre ich lieber mit dem Taxi.",
];

async fn texts(
    tx: &mut Tx,
    tenant: &Tenant,
    survey: Uuid,
    item: &str,
    list: &Langs,
) -> anyhow::Result<()> {
    for (lang, body) in LANGS.iter().zip(list.iter()) {
        store::set_text(tx, tenant.id, survey, item, lang, body).await?;
    }
    Ok(())
}

/// One wave's parameters: trust (share answering 4–5) without and with a
/// migration history, feeling of safety, responses.
struct Wave {
    wave: i32,
    status: &'static str,
    distribution: &'static str,
    opens: &'static str,
    closes: &'static str,
    responses: usize,
    safety: f64,
    trust_without: f64,
    trust_with: f64,
    seed: u64,
}

/// A Likert answer: 4 or 5 with probability `p`, else 1–3.
fn likert(rng: &mut StdRng, p: f64) -> i64 {
    if rng.gen_bool(p.clamp(0.0, 1.0)) {
        if rng.gen_bool(0.4) {
            5
        } else {
            4
        }
    } else {
        [1, 2, 2, 3, 3, 3][rng.gen_range(0..6)]
    }
}

/// Seeds the series into Dortmund. Returns the ids of the two waves.
pub async fn seed(db: &Db, tenant: &Tenant) -> anyhow::Result<Vec<Uuid>> {
    let districts: Vec<crate::platform::tenants::District> =
        crate::platform::tenants::districts(db, tenant.id).await?;
    let now = crate::platform::db::Timestamp::truncated(chrono::Utc::now());
    let series = Uuid::now_v7();
    let mut tx = db.begin().await?;
    store::insert_series(&mut tx, tenant.id, series, "Sicherheit und Vertrauen", now).await?;
    tx.commit().await?;
    let waves = [
        Wave {
            wave: 1,
            status: "closed",
            distribution: "open",
            opens: "2026-03-01",
            closes: "2026-03-31",
            responses: 320,
            safety: 0.55,
            trust_without: 0.72,
            trust_with: 0.48,
            seed: 11,
        },
        Wave {
            wave: 2,
            status: "open",
            distribution: "token",
            opens: "2026-11-16",
            closes: "2027-01-31",
            responses: 260,
            safety: 0.61,
            trust_without: 0.74,
            trust_with: 0.57,
            seed: 12,
        },
    ];
    let mut ids = Vec::new();
    for w in waves {
        let id = Uuid::now_v7();
        ids.push(id);
        let mut rng = StdRng::seed_from_u64(w.seed);
        let mut tx = db.begin().await?;
        store::insert_survey(
            &mut tx,
            tenant.id,
            id,
            series,
            w.wave,
            w.distribution,
            Some(w.opens),
            Some(w.closes),
            None,
            now,
        )
        .await?;
        store::set_status(&mut tx, tenant.id, id, w.status).await?;
        store::set_published(&mut tx, tenant.id, id, true).await?;
        texts(&mut tx, tenant, id, "title", &TITLE).await?;
        texts(&mut tx, tenant, id, "intro", &INTRO).await?;
        let specs: [(&str, &str, &Langs, Vec<&Langs>); 7] = [
            ("likert", "safety", &Q_SAFE, vec![]),
            ("likert", "trust", &Q_TRUST, vec![]),
            ("likert", "none", &Q_NIGHT, vec![]),
            ("single", "none", &Q_CONTACT, O_CONTACT.iter().collect()),
            ("multiple", "none", &Q_BETTER, O_BETTER.iter().collect()),
            ("text", "none", &Q_TEXT, vec![]),
            ("map", "none", &Q_MAP, vec![]),
        ];
        let mut questions = Vec::new();
        for (i, (kind, measure, text, options)) in specs.iter().enumerate() {
            let q = Question {
                id: Uuid::now_v7(),
                position: i + 1,
                kind: (*kind).into(),
                measure: (*measure).into(),
                required: i < 2,
                option_count: options.len(),
            };
            store::insert_question(&mut tx, tenant.id, id, &q).await?;
            texts(&mut tx, tenant, id, &model::question_item(q.id), text).await?;
            for (n, o) in options.iter().enumerate() {
                texts(&mut tx, tenant, id, &model::option_item(q.id, n), o).await?;
            }
            questions.push(q);
        }
        let mut responses = Vec::new();
        let mut answers = Vec::new();
        for _ in 0..w.responses {
            let rid = Uuid::new_v4();
            let migration = match rng.gen_range(0..100) {
                0..=31 => "yes",
                32..=91 => "no",
                92..=95 => "undisclosed",
                _ => "",
            };
            let district = if districts.is_empty() || rng.gen_bool(0.08) {
                String::new()
            } else {
                districts[rng.gen_range(0..districts.len())].code.clone()
            };
            let profile = Profile {
                age_band: model::AGE_BANDS[rng.gen_range(0..model::AGE_BANDS.len())].into(),
                gender: model::GENDERS[rng.gen_range(0..model::GENDERS.len())].into(),
                migration: migration.into(),
                district: district.clone(),
            };
            let lang = if migration == "yes" && rng.gen_bool(0.3) {
                ["tr", "ar", "pl", "ru", "uk"][rng.gen_range(0..5)]
            } else {
                "de"
            };
            let trust_p = match migration {
                "yes" => w.trust_with,
                "no" => w.trust_without,
                _ => (w.trust_with + w.trust_without) / 2.0,
            };
            let choice = |q: &Question, c: i64| Answer {
                question: q.id,
                choice: Some(c),
                ..Answer::default()
            };
            answers.push((rid, choice(&questions[0], likert(&mut rng, w.safety))));
            answers.push((rid, choice(&questions[1], likert(&mut rng, trust_p))));
            answers.push((
                rid,
                choice(&questions[2], likert(&mut rng, w.safety - 0.15)),
            ));
            answers.push((rid, choice(&questions[3], rng.gen_range(0..3))));
            for n in 0..5 {
                if rng.gen_bool(0.35) {
                    answers.push((rid, choice(&questions[4], n)));
                }
            }
            if rng.gen_bool(0.06) {
                answers.push((
                    rid,
                    Answer {
                        question: questions[5].id,
                        body: Some(COMMENTS[rng.gen_range(0..COMMENTS.len())].into()),
                        ..Answer::default()
                    },
                ));
            }
            if !district.is_empty() && rng.gen_bool(0.12) {
                answers.push((
                    rid,
                    Answer {
                        question: questions[6].id,
                        body: Some(PLACES[rng.gen_range(0..PLACES.len())].into()),
                        time_of_day: Some(
                            ["evening", "night", "night", "day"][rng.gen_range(0..4)].into(),
                        ),
                        district: Some(district),
                        ..Answer::default()
                    },
                ));
            }
            responses.push((rid, lang.to_owned(), profile));
        }
        store::insert_bulk(&mut tx, tenant.id, id, w.opens, &responses, &answers).await?;
        if w.distribution == "token" {
            // Letters to 400 residents drawn by lot; the simulated answers
            // used as many codes as there are responses.
            let codes: Vec<String> = (0..400).map(|_| model::new_token()).collect();
            let hashes: Vec<Vec<u8>> = codes.iter().map(|c| model::token_hash(id, c)).collect();
            store::insert_tokens(&mut tx, tenant.id, id, &hashes, 1).await?;
            for h in hashes.iter().take(w.responses) {
                store::use_token(&mut tx, tenant.id, id, h, w.opens).await?;
            }
        }
        tx.commit().await?;
    }
    Ok(ids)
}
