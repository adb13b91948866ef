//! The phrasing table: for each shipped language, one deck written in it and, per form, the
//! prompt a learner reads. A row holds when some seed asks exactly that prompt (a span is
//! asked about its start or its end, a true-or-false statement is true or false, so one
//! seed alone does not show every wording).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;

use factdeck::deck::load_str;
use factdeck::question::{Form, Generator, Settings, rng_from_seed};

/// The texts of one language's deck, in the order the deck below uses them.
struct Texts {
    tag: &'static str,
    events: [&'static str; 4],
    /// Four figures' `what`, the later `at` and the earlier one.
    figures: [&'static str; 4],
    at: [&'static str; 2],
    /// Subjects of two changes with both sides and of one with one side, then the sides.
    subjects: [&'static str; 3],
    sides: [&'static str; 5],
    sets: [&'static str; 2],
    sequence: &'static str,
    items: [&'static str; 4],
}

fn deck(t: &Texts) -> String {
    let [e1, e2, e3, span] = t.events;
    let [f1, f2, f3, f4] = t.figures;
    let [later, earlier] = t.at;
    let [s1, s2, s3] = t.subjects;
    let [b1, a1, b2, a2, gone] = t.sides;
    let [set1, set2] = t.sets;
    let items = t.items.map(|i| format!("\"{i}\"")).join(", ");
    format!(
        r#"[deck]
id = "p"
title = "P"
language = "{tag}"
quotes = false

[[date]]
id = "d1"
event = "{e1}"
date = 1443
[[date]]
id = "d2"
event = "{e2}"
date = 1789-07-14
[[date]]
id = "d3"
event = "{e3}"
date = "1990-10"
[[date]]
id = "span"
event = "{span}"
date = 1950-06-25
end = 1953-07-27

[[figure]]
id = "f1"
what = "{f1}"
at = "{later}"
value = 5000
group = "g"
[[figure]]
id = "f2"
what = "{f2}"
at = "{later}"
value = 2000
group = "g"
[[figure]]
id = "f3"
what = "{f3}"
at = "{later}"
value = 300
previous = {{ value = 200, at = "{earlier}" }}
[[figure]]
id = "f4"
what = "{f4}"
at = "{later}"
value = 10
previous = {{ value = 20, at = "{earlier}" }}

[[change]]
id = "c1"
subject = "{s1}"
before = "{b1}"
after = "{a1}"
sort = "title"
[[change]]
id = "c2"
subject = "{s2}"
before = "{b2}"
after = "{a2}"
sort = "title"
[[change]]
id = "c3"
subject = "{s3}"
before = "{gone}"
sort = "title"

[[set]]
id = "s1"
name = "{set1}"
members = ["Kim", "Ri", "Pak"]
sort = "person"
[[set]]
id = "s2"
name = "{set2}"
members = ["Choe", "Jo", "Han"]
sort = "person"

[[sequence]]
id = "q1"
name = "{sequence}"
items = [{items}]
"#,
        tag = t.tag,
        sequence = t.sequence,
    )
}

/// The fact each form is asked about, by its id.
fn fact_of(form: Form) -> &'static str {
    match form {
        Form::DateChoice | Form::DateTyped | Form::DateFirst | Form::DateOrder => "d1",
        Form::FigureChoice | Form::FigureTyped | Form::FigureLarger => "f1",
        Form::FigureChange | Form::FigureTrend => "f3",
        Form::ChangeAfter | Form::ChangeBefore | Form::ChangeTrueFalse => "c1",
        Form::ChangeOneSided | Form::ChangeOneSidedTyped => "c3",
        Form::SetMember | Form::SetSize => "s1",
        Form::SequenceOrder | Form::SequenceNext => "q1",
        Form::CardChoice | Form::CardTyped => "card",
    }
}

/// Every prompt asked in `form` about its fact (or, with `fact`, another one) over many
/// seeds.
fn prompts(g: &Generator, form: Form, fact: &str) -> BTreeSet<String> {
    let at = g.position(fact).unwrap();
    (0..300)
        .filter_map(|seed| g.generate_form(at, form, &mut rng_from_seed(seed)))
        .map(|q| q.prompt)
        .collect()
}

fn check(t: &Texts, rows: &[(Form, &str)]) {
    let loaded = load_str(&deck(t)).unwrap_or_else(|e| panic!("{}: {e:?}", t.tag));
    let g = Generator::new(loaded.deck, Settings::default());
    let mut failures = Vec::new();
    for (form, expected) in rows {
        // Rows that name the span's event are about the span.
        let about_span = matches!(form, Form::DateChoice | Form::DateTyped)
            && expected
                .to_lowercase()
                .contains(&t.events[3].to_lowercase());
        let fact = if about_span { "span" } else { fact_of(*form) };
        let asked = prompts(&g, *form, fact);
        if !asked.contains(*expected) {
            failures.push(format!(
                "{} {form}: want {expected:?}, asked {asked:?}",
                t.tag
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// Every form but the card's, whose prompt is the card's own question.
fn every_form_but_cards(rows: &[(Form, &str)]) -> bool {
    Form::ALL
        .into_iter()
        .filter(|f| !matches!(f, Form::CardChoice | Form::CardTyped))
        .all(|f| rows.iter().any(|(r, _)| *r == f))
}

#[test]
fn english_prompts_are_worded_as_before() {
    let t = Texts {
        tag: "en",
        events: [
            "the creation of Hangul",
            "the storming of the Bastille",
            "the reunification of Germany",
            "the Korean War",
        ],
        figures: [
            "the number of delegates",
            "the number of observers",
            "the number of guests",
            "the number of speakers",
        ],
        at: ["the 8th Congress", "the 7th Congress"],
        subjects: [
            "the title of the leader",
            "the name of the party",
            "the rules",
        ],
        sides: [
            "Chairman",
            "General Secretary",
            "Workers' Party",
            "Labour Party",
            "First Secretary",
        ],
        sets: ["the presidium", "the secretariat"],
        sequence: "the agenda",
        items: ["the report", "the debate", "the election", "the closing"],
    };
    let rows = [
        (Form::DateChoice, "When was the creation of Hangul?"),
        (
            Form::DateTyped,
            "When was the creation of Hangul? Give the year.",
        ),
        (
            Form::DateTyped,
            "When did the Korean War begin? Give the day, month and year.",
        ),
        (
            Form::DateTyped,
            "When did the Korean War end? Give the day, month and year.",
        ),
        (Form::DateFirst, "Which of these happened first?"),
        (
            Form::DateOrder,
            "Put these events in order, earliest first.",
        ),
        (
            Form::FigureChoice,
            "What was the number of delegates at the 8th Congress?",
        ),
        (
            Form::FigureTyped,
            "What was the number of delegates at the 8th Congress?",
        ),
        (Form::FigureLarger, "Which was larger?"),
        (
            Form::FigureChange,
            "By how much did the number of guests change from the 7th Congress to the 8th Congress?",
        ),
        (
            Form::FigureTrend,
            "Did the number of guests rise or fall from the 7th Congress to the 8th Congress?",
        ),
        (
            Form::ChangeAfter,
            "Before the change, the title of the leader was \u{201c}Chairman\u{201d}. What did it become?",
        ),
        (
            Form::ChangeBefore,
            "After the change, the title of the leader was \u{201c}General Secretary\u{201d}. What was it before?",
        ),
        (
            Form::ChangeTrueFalse,
            "True or false: the title of the leader changed from \u{201c}Chairman\u{201d} to \u{201c}General Secretary\u{201d}.",
        ),
        (
            Form::ChangeOneSided,
            "The rules: which of these was removed?",
        ),
        (Form::ChangeOneSidedTyped, "The rules: what was removed?"),
        (
            Form::SetMember,
            "Which of these was a member of the presidium?",
        ),
        (Form::SetSize, "How many members did the presidium have?"),
        (
            Form::SequenceOrder,
            "Put these in order, first to last, as in the agenda.",
        ),
        (
            Form::SequenceNext,
            "In the agenda, what came right after \u{201c}the report\u{201d}?",
        ),
    ];
    assert!(every_form_but_cards(&rows));
    check(&t, &rows);
}

#[test]
fn german_prompts() {
    let t = Texts {
        tag: "de",
        events: [
            "die Schaffung des Hangul",
            "der Sturm auf die Bastille",
            "die Wiedervereinigung Deutschlands",
            "der Koreakrieg",
        ],
        figures: [
            "die Zahl der Delegierten",
            "die Zahl der Beobachter",
            "die Zahl der Gäste",
            "die Zahl der Redner",
        ],
        at: ["8. Parteitag", "7. Parteitag"],
        subjects: [
            "der Titel des Parteiführers",
            "der Name der Partei",
            "die Satzung",
        ],
        sides: [
            "Vorsitzender",
            "Generalsekretär",
            "Arbeiterpartei",
            "Partei der Arbeit",
            "Erster Sekretär",
        ],
        sets: ["das Präsidium", "das Sekretariat"],
        sequence: "die Tagesordnung",
        items: ["der Bericht", "die Aussprache", "die Wahl", "der Abschluss"],
    };
    let rows = [
        (Form::DateChoice, "Die Schaffung des Hangul: Wann war das?"),
        (
            Form::DateTyped,
            "Die Schaffung des Hangul: Wann war das? Geben Sie das Jahr an.",
        ),
        (
            Form::DateTyped,
            "Der Koreakrieg: Wann begann das? Geben Sie Tag, Monat und Jahr an.",
        ),
        (
            Form::DateTyped,
            "Der Koreakrieg: Wann endete das? Geben Sie Tag, Monat und Jahr an.",
        ),
        (Form::DateFirst, "Was davon geschah zuerst?"),
        (
            Form::DateOrder,
            "Bringen Sie diese Ereignisse in die zeitliche Reihenfolge, das früheste zuerst.",
        ),
        (
            Form::FigureChoice,
            "Die Zahl der Delegierten (8. Parteitag): Wie hoch war der Wert?",
        ),
        (
            Form::FigureTyped,
            "Die Zahl der Delegierten (8. Parteitag): Wie hoch war der Wert?",
        ),
        (Form::FigureLarger, "Was davon war größer?"),
        (
            Form::FigureChange,
            "Die Zahl der Gäste (7. Parteitag → 8. Parteitag): Um wie viel hat sich der Wert verändert?",
        ),
        (
            Form::FigureTrend,
            "Die Zahl der Gäste (7. Parteitag → 8. Parteitag): gestiegen oder gesunken?",
        ),
        (
            Form::ChangeAfter,
            "Der Titel des Parteiführers: vor der Änderung \u{201e}Vorsitzender\u{201c}. Was galt danach?",
        ),
        (
            Form::ChangeBefore,
            "Der Titel des Parteiführers: nach der Änderung \u{201e}Generalsekretär\u{201c}. Was galt vorher?",
        ),
        (
            Form::ChangeTrueFalse,
            "Richtig oder falsch? Der Titel des Parteiführers: Aus \u{201e}Vorsitzender\u{201c} wurde \u{201e}Generalsekretär\u{201c}.",
        ),
        (
            Form::ChangeOneSided,
            "Die Satzung: Was davon wurde abgeschafft?",
        ),
        (
            Form::ChangeOneSidedTyped,
            "Die Satzung: Was wurde abgeschafft?",
        ),
        (Form::SetMember, "Das Präsidium: Was davon gehörte dazu?"),
        (Form::SetSize, "Das Präsidium: Wie viele gehörten dazu?"),
        (
            Form::SequenceOrder,
            "Die Tagesordnung: Bringen Sie diese in die richtige Reihenfolge, vom ersten bis zum letzten.",
        ),
        (
            Form::SequenceNext,
            "Die Tagesordnung: Was kam unmittelbar nach \u{201e}der Bericht\u{201c}?",
        ),
    ];
    assert!(every_form_but_cards(&rows));
    check(&t, &rows);
}

#[test]
fn french_prompts() {
    let t = Texts {
        tag: "fr",
        events: [
            "la création du hangeul",
            "la prise de la Bastille",
            "la réunification allemande",
            "la guerre de Corée",
        ],
        figures: [
            "le nombre de délégués",
            "le nombre d’observateurs",
            "le nombre d’invités",
            "le nombre d’orateurs",
        ],
        at: ["8e congrès", "7e congrès"],
        subjects: ["le titre du dirigeant", "le nom du parti", "les statuts"],
        sides: [
            "président",
            "secrétaire général",
            "Parti des travailleurs",
            "Parti du travail",
            "premier secrétaire",
        ],
        sets: ["le présidium", "le secrétariat"],
        sequence: "l’ordre du jour",
        items: ["le rapport", "le débat", "l’élection", "la clôture"],
    };
    let rows = [
        (
            Form::DateChoice,
            "La création du hangeul\u{a0}: quand était-ce\u{202f}?",
        ),
        (
            Form::DateTyped,
            "La création du hangeul\u{a0}: quand était-ce\u{202f}? Indiquez l’année.",
        ),
        (
            Form::DateTyped,
            "La guerre de Corée\u{a0}: quand cela a-t-il commencé\u{202f}? Indiquez le jour, le mois et l’année.",
        ),
        (
            Form::DateTyped,
            "La guerre de Corée\u{a0}: quand cela s’est-il terminé\u{202f}? Indiquez le jour, le mois et l’année.",
        ),
        (
            Form::DateFirst,
            "Lequel de ces événements a eu lieu en premier\u{202f}?",
        ),
        (
            Form::DateOrder,
            "Classez ces événements dans l’ordre chronologique, du plus ancien au plus récent.",
        ),
        (
            Form::FigureChoice,
            "Le nombre de délégués (8e congrès)\u{a0}: quelle en était la valeur\u{202f}?",
        ),
        (
            Form::FigureTyped,
            "Le nombre de délégués (8e congrès)\u{a0}: quelle en était la valeur\u{202f}?",
        ),
        (
            Form::FigureLarger,
            "Lequel de ces chiffres était le plus élevé\u{202f}?",
        ),
        (
            Form::FigureChange,
            "Le nombre d’invités (7e congrès → 8e congrès)\u{a0}: quelle a été la variation\u{202f}?",
        ),
        (
            Form::FigureTrend,
            "Le nombre d’invités (7e congrès → 8e congrès)\u{a0}: en hausse ou en baisse\u{202f}?",
        ),
        (
            Form::ChangeAfter,
            "Le titre du dirigeant\u{a0}: avant le changement, «\u{a0}président\u{a0}». Et après\u{202f}?",
        ),
        (
            Form::ChangeBefore,
            "Le titre du dirigeant\u{a0}: après le changement, «\u{a0}secrétaire général\u{a0}». Et avant\u{202f}?",
        ),
        (
            Form::ChangeTrueFalse,
            "Vrai ou faux\u{202f}? Le titre du dirigeant\u{a0}: on est passé de «\u{a0}président\u{a0}» à «\u{a0}secrétaire général\u{a0}».",
        ),
        (
            Form::ChangeOneSided,
            "Les statuts\u{a0}: lequel de ces éléments a été supprimé\u{202f}?",
        ),
        (
            Form::ChangeOneSidedTyped,
            "Les statuts\u{a0}: qu’est-ce qui a été supprimé\u{202f}?",
        ),
        (
            Form::SetMember,
            "Le présidium\u{a0}: lequel de ceux-ci en faisait partie\u{202f}?",
        ),
        (
            Form::SetSize,
            "Le présidium\u{a0}: combien de membres en faisaient partie\u{202f}?",
        ),
        (
            Form::SequenceOrder,
            "L’ordre du jour\u{a0}: remettez ces éléments dans l’ordre, du premier au dernier.",
        ),
        (
            Form::SequenceNext,
            "L’ordre du jour\u{a0}: qu’est-ce qui venait juste après «\u{a0}le rapport\u{a0}»\u{202f}?",
        ),
    ];
    assert!(every_form_but_cards(&rows));
    check(&t, &rows);
}

#[test]
fn spanish_prompts() {
    let t = Texts {
        tag: "es",
        events: [
            "la creación del hangul",
            "la toma de la Bastilla",
            "la reunificación alemana",
            "la guerra de Corea",
        ],
        figures: [
            "el número de delegados",
            "el número de observadores",
            "el número de invitados",
            "el número de oradores",
        ],
        at: ["8.º congreso", "7.º congreso"],
        subjects: [
            "el título del dirigente",
            "el nombre del partido",
            "los estatutos",
        ],
        sides: [
            "presidente",
            "secretario general",
            "Partido de los Trabajadores",
            "Partido del Trabajo",
            "primer secretario",
        ],
        sets: ["el presídium", "el secretariado"],
        sequence: "el orden del día",
        items: ["el informe", "el debate", "la elección", "la clausura"],
    };
    let rows = [
        (Form::DateChoice, "La creación del hangul: ¿cuándo fue?"),
        (
            Form::DateTyped,
            "La creación del hangul: ¿cuándo fue? Indique el año.",
        ),
        (
            Form::DateTyped,
            "La guerra de Corea: ¿cuándo empezó? Indique el día, el mes y el año.",
        ),
        (
            Form::DateTyped,
            "La guerra de Corea: ¿cuándo terminó? Indique el día, el mes y el año.",
        ),
        (Form::DateFirst, "¿Cuál de estos hechos ocurrió primero?"),
        (
            Form::DateOrder,
            "Ordene estos hechos cronológicamente, del más antiguo al más reciente.",
        ),
        (
            Form::FigureChoice,
            "El número de delegados (8.º congreso): ¿cuál era el valor?",
        ),
        (
            Form::FigureTyped,
            "El número de delegados (8.º congreso): ¿cuál era el valor?",
        ),
        (Form::FigureLarger, "¿Cuál de estas cifras era mayor?"),
        (
            Form::FigureChange,
            "El número de invitados (7.º congreso → 8.º congreso): ¿cuánto varió?",
        ),
        (
            Form::FigureTrend,
            "El número de invitados (7.º congreso → 8.º congreso): ¿subió o bajó?",
        ),
        (
            Form::ChangeAfter,
            "El título del dirigente: antes del cambio, «presidente». ¿Y después?",
        ),
        (
            Form::ChangeBefore,
            "El título del dirigente: después del cambio, «secretario general». ¿Y antes?",
        ),
        (
            Form::ChangeTrueFalse,
            "¿Verdadero o falso? El título del dirigente: pasó de «presidente» a «secretario general».",
        ),
        (
            Form::ChangeOneSided,
            "Los estatutos: ¿cuál de estos fue suprimido?",
        ),
        (
            Form::ChangeOneSidedTyped,
            "Los estatutos: ¿qué fue suprimido?",
        ),
        (
            Form::SetMember,
            "El presídium: ¿cuál de estos formaba parte?",
        ),
        (Form::SetSize, "El presídium: ¿cuántos formaban parte?"),
        (
            Form::SequenceOrder,
            "El orden del día: ordene estos elementos del primero al último.",
        ),
        (
            Form::SequenceNext,
            "El orden del día: ¿qué venía justo después de «el informe»?",
        ),
    ];
    assert!(every_form_but_cards(&rows));
    check(&t, &rows);
}

#[test]
fn russian_prompts() {
    let t = Texts {
        tag: "ru",
        events: [
            "создание хангыля",
            "взятие Бастилии",
            "объединение Германии",
            "Корейская война",
        ],
        figures: [
            "число делегатов",
            "число наблюдателей",
            "число гостей",
            "число ораторов",
        ],
        at: ["VIII съезд", "VII съезд"],
        subjects: ["титул руководителя", "название партии", "устав"],
        sides: [
            "председатель",
            "генеральный секретарь",
            "Рабочая партия",
            "Партия труда",
            "первый секретарь",
        ],
        sets: ["президиум", "секретариат"],
        sequence: "повестка дня",
        items: ["доклад", "прения", "выборы", "закрытие"],
    };
    let rows = [
        (Form::DateChoice, "Создание хангыля: когда это было?"),
        (
            Form::DateTyped,
            "Создание хангыля: когда это было? Укажите год.",
        ),
        (
            Form::DateTyped,
            "Корейская война: когда это началось? Укажите день, месяц и год.",
        ),
        (
            Form::DateTyped,
            "Корейская война: когда это закончилось? Укажите день, месяц и год.",
        ),
        (Form::DateFirst, "Что из этого произошло раньше?"),
        (
            Form::DateOrder,
            "Расставьте эти события в хронологическом порядке, начиная с самого раннего.",
        ),
        (
            Form::FigureChoice,
            "Число делегатов (VIII съезд): каким было значение?",
        ),
        (
            Form::FigureTyped,
            "Число делегатов (VIII съезд): каким было значение?",
        ),
        (Form::FigureLarger, "Какой из этих показателей был больше?"),
        (
            Form::FigureChange,
            "Число гостей (VII съезд → VIII съезд): на сколько изменилось значение?",
        ),
        (
            Form::FigureTrend,
            "Число гостей (VII съезд → VIII съезд): рост или снижение?",
        ),
        (
            Form::ChangeAfter,
            "Титул руководителя: до изменения — «председатель». Что стало после него?",
        ),
        (
            Form::ChangeBefore,
            "Титул руководителя: после изменения — «генеральный секретарь». Что было до него?",
        ),
        (
            Form::ChangeTrueFalse,
            "Верно или неверно? Титул руководителя: было «председатель», стало «генеральный секретарь».",
        ),
        (Form::ChangeOneSided, "Устав: что из этого было упразднено?"),
        (Form::ChangeOneSidedTyped, "Устав: что было упразднено?"),
        (Form::SetMember, "Президиум: что из этого входило в состав?"),
        (Form::SetSize, "Президиум: сколько всего входило в состав?"),
        (
            Form::SequenceOrder,
            "Повестка дня: расставьте в правильном порядке, от первого к последнему.",
        ),
        (
            Form::SequenceNext,
            "Повестка дня: «доклад» — что было следующим?",
        ),
    ];
    assert!(every_form_but_cards(&rows));
    check(&t, &rows);
}

#[test]
fn korean_prompts() {
    let t = Texts {
        tag: "ko",
        events: ["훈민정음 창제", "바스티유 습격", "독일 통일", "한국 전쟁"],
        figures: ["대의원 수", "참관인 수", "내빈 수", "연설자 수"],
        at: ["제8차 대회", "제7차 대회"],
        subjects: ["지도자의 직함", "당의 이름", "당규"],
        sides: ["위원장", "총비서", "노동자당", "노동당", "제1비서"],
        sets: ["주석단", "비서국"],
        sequence: "회의 순서",
        items: ["보고", "토론", "선거", "폐회"],
    };
    let rows = [
        (Form::DateChoice, "훈민정음 창제: 언제였습니까?"),
        (
            Form::DateTyped,
            "훈민정음 창제: 언제였습니까? 연도를 입력하세요.",
        ),
        (
            Form::DateTyped,
            "한국 전쟁: 언제 시작되었습니까? 연도, 월, 일을 입력하세요.",
        ),
        (
            Form::DateTyped,
            "한국 전쟁: 언제 끝났습니까? 연도, 월, 일을 입력하세요.",
        ),
        (Form::DateFirst, "다음 중 먼저 일어난 것은?"),
        (
            Form::DateOrder,
            "다음 사건을 일어난 순서대로 나열하세요(이른 것부터).",
        ),
        (Form::FigureChoice, "대의원 수(제8차 대회): 얼마였습니까?"),
        (Form::FigureTyped, "대의원 수(제8차 대회): 얼마였습니까?"),
        (Form::FigureLarger, "다음 중 더 컸던 것은?"),
        (
            Form::FigureChange,
            "내빈 수 (제7차 대회 → 제8차 대회): 얼마나 변했습니까?",
        ),
        (
            Form::FigureTrend,
            "내빈 수 (제7차 대회 → 제8차 대회): 증가했습니까, 감소했습니까?",
        ),
        (
            Form::ChangeAfter,
            "지도자의 직함: 변경 전 \u{201c}위원장\u{201d}. 변경 후에는 무엇이 되었습니까?",
        ),
        (
            Form::ChangeBefore,
            "지도자의 직함: 변경 후 \u{201c}총비서\u{201d}. 변경 전에는 무엇이었습니까?",
        ),
        (
            Form::ChangeTrueFalse,
            "참입니까, 거짓입니까? 지도자의 직함: 변경 전 \u{201c}위원장\u{201d}, 변경 후 \u{201c}총비서\u{201d}.",
        ),
        (Form::ChangeOneSided, "당규: 다음 중 폐지된 것은?"),
        (Form::ChangeOneSidedTyped, "당규: 폐지된 것은 무엇입니까?"),
        (Form::SetMember, "다음 중 주석단에 속한 것은?"),
        (Form::SetSize, "주석단에 속한 것은 모두 몇입니까?"),
        (
            Form::SequenceOrder,
            "회의 순서: 처음부터 끝까지 순서대로 나열하세요.",
        ),
        (
            Form::SequenceNext,
            "회의 순서: \u{201c}보고\u{201d} 바로 다음은 무엇입니까?",
        ),
    ];
    assert!(every_form_but_cards(&rows));
    check(&t, &rows);
}

#[test]
fn japanese_prompts() {
    let t = Texts {
        tag: "ja",
        events: [
            "ハングルの創製",
            "バスティーユ襲撃",
            "ドイツ再統一",
            "朝鮮戦争",
        ],
        figures: ["代議員数", "傍聴者数", "来賓数", "演説者数"],
        at: ["第8回大会", "第7回大会"],
        subjects: ["指導者の肩書き", "党の名称", "党規約"],
        sides: ["委員長", "総書記", "労働者党", "労働党", "第一書記"],
        sets: ["主席団", "書記局"],
        sequence: "議事日程",
        items: ["報告", "討論", "選挙", "閉会"],
    };
    let rows = [
        (Form::DateChoice, "ハングルの創製はいつのことですか？"),
        (
            Form::DateTyped,
            "ハングルの創製はいつのことですか？\u{3000}年で答えてください。",
        ),
        (
            Form::DateTyped,
            "朝鮮戦争が始まったのはいつですか？\u{3000}年月日で答えてください。",
        ),
        (
            Form::DateTyped,
            "朝鮮戦争が終わったのはいつですか？\u{3000}年月日で答えてください。",
        ),
        (Form::DateFirst, "次のうち、先に起きたのはどれですか？"),
        (Form::DateOrder, "次の出来事を古い順に並べてください。"),
        (
            Form::FigureChoice,
            "代議員数（第8回大会）はどれくらいでしたか？",
        ),
        (
            Form::FigureTyped,
            "代議員数（第8回大会）はどれくらいでしたか？",
        ),
        (Form::FigureLarger, "どちらが大きかったですか？"),
        (
            Form::FigureChange,
            "来賓数（第7回大会→第8回大会）：どれくらい変化しましたか？",
        ),
        (
            Form::FigureTrend,
            "来賓数（第7回大会→第8回大会）：増えましたか、減りましたか？",
        ),
        (
            Form::ChangeAfter,
            "指導者の肩書き：変更前は「委員長」でした。変更後は何になりましたか？",
        ),
        (
            Form::ChangeBefore,
            "指導者の肩書き：変更後は「総書記」でした。変更前は何でしたか？",
        ),
        (
            Form::ChangeTrueFalse,
            "正誤を答えてください：指導者の肩書きは「委員長」から「総書記」に変わった。",
        ),
        (
            Form::ChangeOneSided,
            "党規約：次のうち廃止されたものはどれですか？",
        ),
        (
            Form::ChangeOneSidedTyped,
            "党規約：廃止されたものは何ですか？",
        ),
        (
            Form::SetMember,
            "次のうち、主席団に属するものはどれですか？",
        ),
        (Form::SetSize, "主席団に属するものは全部でいくつですか？"),
        (
            Form::SequenceOrder,
            "議事日程：最初から順に並べてください。",
        ),
        (Form::SequenceNext, "議事日程：「報告」のすぐ次は何ですか？"),
    ];
    assert!(every_form_but_cards(&rows));
    check(&t, &rows);
}

#[test]
fn chinese_prompts() {
    let t = Texts {
        tag: "zh-CN",
        events: ["训民正音的创制", "攻占巴士底狱", "德国重新统一", "朝鲜战争"],
        figures: ["代表人数", "列席人数", "来宾人数", "发言人数"],
        at: ["第八次代表大会", "第七次代表大会"],
        subjects: ["领导人的职衔", "党的名称", "党章"],
        sides: ["委员长", "总书记", "工人党", "劳动党", "第一书记"],
        sets: ["主席团", "书记处"],
        sequence: "会议议程",
        items: ["报告", "讨论", "选举", "闭幕"],
    };
    let rows = [
        (Form::DateChoice, "训民正音的创制是在什么时候？"),
        (Form::DateTyped, "训民正音的创制是在什么时候？请写出年份。"),
        (
            Form::DateTyped,
            "朝鲜战争是什么时候开始的？请写出年、月、日。",
        ),
        (
            Form::DateTyped,
            "朝鲜战争是什么时候结束的？请写出年、月、日。",
        ),
        (Form::DateFirst, "下列哪件事发生得更早？"),
        (Form::DateOrder, "请将下列事件按时间先后排序，最早的在前。"),
        (Form::FigureChoice, "代表人数（第八次代表大会）是多少？"),
        (Form::FigureTyped, "代表人数（第八次代表大会）是多少？"),
        (Form::FigureLarger, "哪一个更大？"),
        (
            Form::FigureChange,
            "来宾人数（第七次代表大会→第八次代表大会）：变化了多少？",
        ),
        (
            Form::FigureTrend,
            "来宾人数（第七次代表大会→第八次代表大会）：是增加了还是减少了？",
        ),
        (
            Form::ChangeAfter,
            "领导人的职衔：变更前为\u{201c}委员长\u{201d}。变更后是什么？",
        ),
        (
            Form::ChangeBefore,
            "领导人的职衔：变更后为\u{201c}总书记\u{201d}。变更前是什么？",
        ),
        (
            Form::ChangeTrueFalse,
            "判断正误：领导人的职衔由\u{201c}委员长\u{201d}改为\u{201c}总书记\u{201d}。",
        ),
        (Form::ChangeOneSided, "党章：下列哪一项被废除了？"),
        (Form::ChangeOneSidedTyped, "党章：什么被废除了？"),
        (Form::SetMember, "下列哪一项属于主席团？"),
        (Form::SetSize, "主席团共有多少个成员？"),
        (Form::SequenceOrder, "会议议程：请按从先到后的顺序排列。"),
        (
            Form::SequenceNext,
            "会议议程：紧接在\u{201c}报告\u{201d}之后的是什么？",
        ),
    ];
    assert!(every_form_but_cards(&rows));
    check(&t, &rows);
}
