//! Demo data: a heat warning and a storm warning in every listed language
//! (published, with their CAP documents), the Dortmund Guides' central point
//! with night opening, help points for a city festival bound to an event,
//! twenty "Luisa ist hier" venues. Plain inserts in one transaction, so test
//! servers stay fast.

use chrono::Duration;
use uuid::Uuid;

use super::model::{self, AreaChoice, DistrictShape, Envelope, LangText, WarningDraft};
use super::store::{self, PlaceRow, TextRow, WarningRow};
use crate::platform::clock::Clock;
use crate::platform::db::{Db, Timestamp, Tx};
use crate::platform::tenants::Tenant;

type Texts = [(&'static str, &'static str, &'static str, &'static str); 8];

const HEAT: Texts = [
    ("de", "Hitzewarnung: bis zu 36 °C", "Heute und morgen wird es in ganz Dortmund sehr heiß, nachts kühlt es kaum ab.", "Trinken Sie viel Wasser. Meiden Sie die Sonne zwischen 11 und 17 Uhr. Schauen Sie nach älteren Nachbarinnen und Nachbarn."),
    ("de-x-ls", "Es wird sehr heiß", "Heute und morgen ist es sehr heiß. Auch in der Nacht ist es warm.", "Trinken Sie viel Wasser. Bleiben Sie mittags im Schatten. Fragen Sie alte Nachbarn: Geht es Ihnen gut?"),
    ("en", "Heat warning: up to 36 °C", "Today and tomorrow it will be very hot across Dortmund, with little cooling at night.", "Drink plenty of water. Avoid the sun between 11 am and 5 pm. Check on older neighbours."),
    ("tr", "Sıcak hava uyarısı: 36 °C'ye kadar", "Bugün ve yarın Dortmund genelinde hava çok sıcak olacak, geceleri de pek serinlemeyecek.", "Bol su için. Saat 11 ile 17 arasında güneşten kaçının. Yaşlı komşularınızı kontrol edin."),
    ("ar", "تحذير من الحر: حتى 36 درجة مئوية", "سيكون الطقس حارًا جدًا اليوم وغدًا في جميع أنحاء دورتموند، ولن يبرد كثيرًا في الليل.", "اشربوا الكثير من الماء. تجنبوا الشمس بين الساعة 11 و17. اطمئنوا على جيرانكم المسنين."),
    ("pl", "Ostrzeżenie przed upałem: do 36 °C", "Dziś i jutro w całym Dortmundzie będzie bardzo gorąco, w nocy prawie się nie ochłodzi.", "Pij dużo wody. Unikaj słońca między 11 a 17. Sprawdź, jak czują się starsi sąsiedzi."),
    ("ru", "Предупреждение о жаре: до 36 °C", "Сегодня и завтра во всём Дортмунде будет очень жарко, ночью почти не будет прохладнее.", "Пейте много воды. Избегайте солнца с 11 до 17 часов. Проведайте пожилых соседей."),
    ("uk", "Попередження про спеку: до 36 °C", "Сьогодні й завтра в усьому Дортмунді буде дуже спекотно, вночі майже не похолоднішає.", "Пийте багато води. Уникайте сонця з 11 до 17 години. Провідайте літніх сусідів."),
];

const STORM: Texts = [
    ("de", "Unwetterwarnung: Sturm und Gewitter", "Am Abend ziehen schwere Gewitter mit Orkanböen bis 120 km/h über die nördlichen Stadtbezirke.", "Bleiben Sie in Gebäuden. Meiden Sie Parks und Bäume. Sichern Sie lose Gegenstände auf Balkonen."),
    ("de-x-ls", "Achtung: starker Sturm", "Heute Abend kommt ein starker Sturm mit Gewitter.", "Bleiben Sie im Haus. Gehen Sie nicht in den Park. Räumen Sie den Balkon auf."),
    ("en", "Severe weather: storm and thunderstorms", "In the evening, severe thunderstorms with gusts up to 120 km/h will cross the northern districts.", "Stay indoors. Avoid parks and trees. Secure loose objects on balconies."),
    ("tr", "Şiddetli hava uyarısı: fırtına ve gök gürültülü sağanak", "Akşam saatlerinde kuzey semtlerde saatte 120 km'ye varan rüzgârla şiddetli fırtına bekleniyor.", "Binaların içinde kalın. Parklardan ve ağaçlardan uzak durun. Balkondaki eşyaları sabitleyin."),
    ("ar", "تحذير من طقس عاصف: عاصفة ورعد", "في المساء ستمر عواصف رعدية شديدة مع رياح تصل إلى 120 كم/س فوق الأحياء الشمالية.", "ابقوا داخل المباني. ابتعدوا عن الحدائق والأشجار. ثبّتوا الأشياء على الشرفات."),
    ("pl", "Ostrzeżenie przed nawałnicą: burza i wichura", "Wieczorem nad północnymi dzielnicami przejdą silne burze z porywami do 120 km/h.", "Zostań w budynku. Unikaj parków i drzew. Zabezpiecz luźne przedmioty na balkonie."),
    ("ru", "Штормовое предупреждение: буря и грозы", "Вечером над северными районами пройдут сильные грозы с порывами ветра до 120 км/ч.", "Оставайтесь в помещении. Избегайте парков и деревьев. Закрепите предметы на балконах."),
    ("uk", "Штормове попередження: буря та грози", "Увечері над північними районами пройдуть сильні грози з поривами вітру до 120 км/год.", "Залишайтеся в приміщенні. Уникайте парків і дерев. Закріпіть речі на балконах."),
];

#[allow(clippy::too_many_arguments)]
async fn seed_warning(
    tx: &mut Tx,
    tenant: &Tenant,
    districts: &[DistrictShape],
    now: chrono::DateTime<chrono::Utc>,
    event: &str,
    category: cap::Category,
    severity: cap::Severity,
    area: AreaChoice,
    area_desc: &str,
    hours: i64,
    texts: &Texts,
) -> anyhow::Result<()> {
    let id = Uuid::now_v7();
    let draft = WarningDraft {
        msg_type: cap::MsgType::Alert,
        refers_to: None,
        category,
        event: event.into(),
        urgency: cap::Urgency::Expected,
        severity,
        certainty: cap::Certainty::Likely,
        onset: now,
        expires: now + Duration::hours(hours),
        area: area.clone(),
        area_desc: area_desc.into(),
        texts: texts
            .iter()
            .map(|(lang, h, d, i)| LangText {
                lang: (*lang).into(),
                headline: (*h).into(),
                description: (*d).into(),
                instruction: (*i).into(),
            })
            .collect(),
    };
    let identifier = format!("{}.warning.{}", tenant.jurisdiction_id, id.simple());
    let sender = format!("warnungen@{}", tenant.jurisdiction_id);
    let env = Envelope {
        identifier: identifier.clone(),
        sender: sender.clone(),
        sent: now,
        time_zone: &tenant.time_zone,
        sender_name: tenant.name.clone(),
        web: format!("http://localhost/{}/alerts/{id}", tenant.slug),
        references: Vec::new(),
    };
    let alert = model::build_alert(&draft, &env, districts)
        .map_err(|e| anyhow::anyhow!("demo warning: {e}"))?;
    let xml = cap::to_xml(&alert).map_err(|e| anyhow::anyhow!("demo warning: {e}"))?;
    let ts = Timestamp::truncated(now);
    store::insert_warning(
        tx,
        tenant.id,
        &WarningRow {
            warning_id: id,
            origin: "own".into(),
            identifier,
            sender,
            msg_type: "Alert".into(),
            refers_to: None,
            replaced_by: None,
            status: "published".into(),
            category: category.as_str().into(),
            event: event.into(),
            urgency: "Expected".into(),
            severity: severity.as_str().into(),
            certainty: "Likely".into(),
            onset: Some(ts),
            expires: Some(Timestamp::truncated(draft.expires)),
            area_desc: area_desc.into(),
            area_kind: area.kind().into(),
            area_value: area.value(),
            languages: texts.iter().map(|t| t.0).collect::<Vec<_>>().join(" "),
            created_by: None,
            created_at: ts,
            approved_by: None,
            sent_at: Some(ts),
            cap_xml: Some(xml),
            revision: 0,
            edited_by: None,
        },
    )
    .await?;
    for (lang, h, d, i) in texts {
        store::insert_text(
            tx,
            tenant.id,
            id,
            &TextRow {
                lang: (*lang).into(),
                headline: (*h).into(),
                description: (*d).into(),
                instruction: (*i).into(),
            },
        )
        .await?;
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn place(
    kind: &str,
    name: &str,
    address: &str,
    district: Option<&str>,
    lat: f64,
    lon: f64,
    help: &str,
    languages: &str,
    access: (bool, bool, bool),
    event: Option<Uuid>,
    contact: &str,
    note: &str,
    now: Timestamp,
) -> PlaceRow {
    PlaceRow {
        place_id: Uuid::now_v7(),
        kind: kind.into(),
        status: "active".into(),
        name: name.into(),
        address: address.into(),
        district_code: district.map(str::to_owned),
        lat,
        lon,
        help: help.into(),
        languages: languages.into(),
        step_free: access.0,
        toilet: access.1,
        quiet_room: access.2,
        event_id: event,
        contact: contact.into(),
        note: note.into(),
        created_at: now,
        decided_by: None,
    }
}

/// A published, coming event of the tenant to bind the festival's help
/// points to.
async fn some_event(
    db: &Db,
    tenant: &Tenant,
    now: chrono::DateTime<chrono::Utc>,
) -> anyhow::Result<Option<(Uuid, Timestamp)>> {
    Ok(crate::events::store::public_events(db, tenant.id)
        .await?
        .into_iter()
        .find(|e| e.status == "published" && e.ends_at.0 > now)
        .map(|e| (e.event_id, e.starts_at)))
}

const LUISA_STREETS: [&str; 20] = [
    "Kampstraße 12",
    "Brückstraße 30",
    "Wißstraße 4",
    "Hansastraße 7",
    "Ostenhellweg 18",
    "Westenhellweg 55",
    "Kleppingstraße 9",
    "Betenstraße 2",
    "Olpe 21",
    "Hoher Wall 14",
    "Möllerstraße 3",
    "Rheinische Straße 40",
    "Lange Straße 88",
    "Kreuzstraße 61",
    "Saarlandstraße 15",
    "Münsterstraße 112",
    "Schützenstraße 44",
    "Borsigplatz 1",
    "Hohe Straße 70",
    "Ruhrallee 9",
];

pub async fn seed(db: &Db, tenant: &Tenant, clock: &Clock) -> anyhow::Result<()> {
    let now = clock.now();
    let ts = clock.now_ts();
    let district_rows = store::districts(db, tenant.id).await?;
    let districts: Vec<DistrictShape> = district_rows
        .iter()
        .map(|d| DistrictShape {
            code: d.code.clone(),
            name: d.name.clone(),
            centre: d.centre_lat.zip(d.centre_lon),
            outline: d.geometry.as_deref().and_then(model::outline_from_geojson),
        })
        .collect();
    let codes: Vec<String> = districts.iter().map(|d| d.code.clone()).collect();
    let north: Vec<String> = districts
        .iter()
        .filter(|d| {
            d.code.contains("nord") || d.code.contains("eving") || d.code.contains("huckarde")
        })
        .map(|d| d.code.clone())
        .collect();
    let north = if north.is_empty() {
        codes.clone()
    } else {
        north
    };
    let centre = districts
        .iter()
        .find(|d| d.code.contains("innenstadt"))
        .or(districts.first())
        .and_then(|d| d.centre)
        .unwrap_or((tenant.centre_lat, tenant.centre_lon));
    let centre_code = districts
        .iter()
        .find(|d| d.code.contains("innenstadt"))
        .or(districts.first())
        .map(|d| d.code.clone());
    let festival = some_event(db, tenant, now).await?;
    let mut tx = db.begin().await?;
    seed_warning(
        &mut tx,
        tenant,
        &districts,
        now,
        "Hitze",
        cap::Category::Met,
        cap::Severity::Severe,
        AreaChoice::Districts(codes),
        &format!("Stadtgebiet {}", tenant.name),
        48,
        &HEAT,
    )
    .await?;
    let north_desc = districts
        .iter()
        .filter(|d| north.contains(&d.code))
        .map(|d| d.name.clone())
        .collect::<Vec<_>>()
        .join(", ");
    seed_warning(
        &mut tx,
        tenant,
        &districts,
        now + Duration::minutes(1),
        "Sturm",
        cap::Category::Met,
        cap::Severity::Extreme,
        AreaChoice::Districts(north),
        &north_desc,
        12,
        &STORM,
    )
    .await?;

    // The Dortmund Guides' central point, open at night at the weekend.
    let guides = place(
        "guides_point",
        "Dortmund Guides – Zentrale Anlaufstelle",
        "Friedensplatz 1, Dortmund",
        centre_code.as_deref(),
        centre.0 + 0.0010,
        centre.1 - 0.0020,
        "listen accompany phone first_aid taxi quiet",
        "de en tr ar",
        (true, true, true),
        None,
        "0231 000000",
        "",
        ts,
    );
    store::insert_place(&mut tx, tenant.id, &guides).await?;
    for (day, opens, closes) in [
        (3, 20 * 60, 2 * 60),
        (4, 20 * 60, 5 * 60),
        (5, 20 * 60, 5 * 60),
    ] {
        store::insert_hours(&mut tx, tenant.id, guides.place_id, day, opens, closes).await?;
    }
    let year = now.format("%Y").to_string();
    for (day, name) in [
        ("12-24", "Heiligabend"),
        ("12-25", "1. Weihnachtstag"),
        ("12-26", "2. Weihnachtstag"),
        ("01-01", "Neujahr"),
        ("05-01", "Tag der Arbeit"),
        ("10-03", "Tag der Deutschen Einheit"),
    ] {
        store::insert_holiday(&mut tx, tenant.id, &format!("{year}-{day}"), name).await?;
    }
    store::insert_exception(
        &mut tx,
        tenant.id,
        guides.place_id,
        &format!("{year}-12-31"),
        Some((18 * 60, 6 * 60)),
        "Silvester",
    )
    .await?;

    // Help points of a city festival, with counselling and police, bound to
    // an event of the events module and open on its day only.
    if let Some((event, starts)) = festival {
        let day = starts.0.format("%Y-%m-%d").to_string();
        for (i, (name, help, langs)) in [
            (
                "Hilfepunkt Stadtfest – Beratungsstelle",
                "listen accompany phone quiet",
                "de en tr",
            ),
            (
                "Hilfepunkt Stadtfest – Polizei",
                "listen phone first_aid",
                "de en",
            ),
            (
                "Hilfepunkt Stadtfest – Sanitätsdienst",
                "first_aid quiet",
                "de en ar",
            ),
        ]
        .into_iter()
        .enumerate()
        {
            let p = place(
                "event_help",
                name,
                "Alter Markt, Dortmund",
                centre_code.as_deref(),
                centre.0 - 0.0010 * (i as f64 + 1.0),
                centre.1 + 0.0015 * (i as f64 + 1.0),
                help,
                langs,
                (true, true, i == 0),
                Some(event),
                "",
                "",
                ts,
            );
            store::insert_place(&mut tx, tenant.id, &p).await?;
            store::insert_exception(
                &mut tx,
                tenant.id,
                p.place_id,
                &day,
                Some((14 * 60, 2 * 60)),
                "Stadtfest",
            )
            .await?;
        }
    }

    // Twenty "Luisa ist hier" venues around the districts.
    for (i, street) in LUISA_STREETS.iter().enumerate() {
        let Some(d) = districts.get(i % districts.len().max(1)) else {
            continue;
        };
        let (lat, lon) = d.centre.unwrap_or(centre);
        let angle = i as f64 * 0.9;
        let p = place(
            "luisa",
            &format!("Lokal {} ({})", i + 1, d.name),
            &format!("{street}, Dortmund"),
            Some(&d.code),
            lat + 0.004 * angle.sin(),
            lon + 0.006 * angle.cos(),
            "listen phone taxi",
            if i % 3 == 0 { "de en" } else { "de" },
            (i % 2 == 0, true, false),
            None,
            "",
            "",
            ts,
        );
        store::insert_place(&mut tx, tenant.id, &p).await?;
        for day in [4, 5] {
            store::insert_hours(&mut tx, tenant.id, p.place_id, day, 18 * 60, 3 * 60).await?;
        }
        if i % 4 == 0 {
            store::insert_hours(&mut tx, tenant.id, p.place_id, 2, 18 * 60, 24 * 60).await?;
        }
    }
    tx.commit().await?;
    Ok(())
}
