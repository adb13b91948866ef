//! Korean. A fact's text is the topic before a colon, or comes before a particle that has
//! one form only (에, 의), so no particle has to match its last syllable:
//! "훈민정음 창제: 언제였습니까?". A one-sided change's `verb` is written as a modifier
//! ("폐지된"), as it goes before 것.

use super::book::*;
use crate::deck::Language;

const MONTHS: [&str; 12] = [
    "1월", "2월", "3월", "4월", "5월", "6월", "7월", "8월", "9월", "10월", "11월", "12월",
];

pub static BOOK: Phrasebook = Phrasebook {
    language: Language::Korean,
    marks: Marks {
        open_quote: "\u{201c}",
        close_quote: "\u{201d}",
        colon: ": ",
        list: ", ",
        stop: ".",
        gap: " ",
    },
    dates: DateWords {
        months: MONTHS,
        months_after_day: MONTHS,
        day: "{year}년 {m}월 {day}일",
        month: "{year}년 {m}월",
        year: "{year}년",
        first_day: None,
        span: "{start}~{end}",
        prose_options: true,
    },
    numbers: NumberWords {
        group: ",",
        group_from: 4,
        decimal: ".",
        percent: "{n}%",
        unit_gap: "",
        english_plurals: false,
    },
    dated: DatePrompts {
        when: "{event}: 언제였습니까?",
        begin: "{event}: 언제 시작되었습니까?",
        end: "{event}: 언제 끝났습니까?",
        give_day: "연도, 월, 일을 입력하세요.",
        give_month: "연도와 월을 입력하세요.",
        give_year: "연도를 입력하세요.",
        first: "다음 중 먼저 일어난 것은?",
        order: "다음 사건을 일어난 순서대로 나열하세요(이른 것부터).",
    },
    figure: FigurePrompts {
        at: AtRule::Template("{what}({at})"),
        what: "{figure}: 얼마였습니까?",
        larger: "다음 중 더 컸던 것은?",
        change: "{what} {span}: 얼마나 변했습니까?",
        trend: "{what} {span}: 증가했습니까, 감소했습니까?",
        span_between: "({from} → {to})",
        span_since: "({from} → {later})",
        later: "이후",
        rose: "증가",
        fell: "감소",
        rose_also: &[
            "증가했다",
            "증가했습니다",
            "늘었다",
            "늘었습니다",
            "늘어남",
            "올랐다",
            "상승",
            "많아졌다",
        ],
        fell_also: &[
            "감소했다",
            "감소했습니다",
            "줄었다",
            "줄었습니다",
            "줄어듦",
            "내렸다",
            "하락",
            "적어졌다",
        ],
        unit_hint: " (단위: {unit})",
        percent_hint: " (단위: %)",
        history: "{what}: {then}({then_at}) → {now}({now_at}).",
    },
    change: ChangePrompts {
        after: "{subject}: 변경 전 {before}. 변경 후에는 무엇이 되었습니까?",
        before: "{subject}: 변경 후 {after}. 변경 전에는 무엇이었습니까?",
        true_false: "참입니까, 거짓입니까? {statement}",
        statement: "{subject}: 변경 전 {from}, 변경 후 {to}.",
        one_sided: "{subject}: 다음 중 {verb} 것은?",
        one_sided_typed: "{subject}: {verb} 것은 무엇입니까?",
        one_sided_said: "{subject}: {verb} 것은 {value}.",
        removed: "폐지된",
        established: "신설된",
    },
    set: SetPrompts {
        member: "다음 중 {name}에 속한 것은?",
        size: "{name}에 속한 것은 모두 몇입니까?",
        unit: None,
        said: "{name}: {members}.",
    },
    sequence: SequencePrompts {
        order: "{name}: 처음부터 끝까지 순서대로 나열하세요.",
        next: "{name}: {item} 바로 다음은 무엇입니까?",
    },
    truth: Truth {
        yes: "참",
        no: "거짓",
        yes_label: "참",
        no_label: "거짓",
        yes_also: &["o", "맞다", "맞음", "예", "네"],
        no_also: &["x", "틀리다", "틀림", "아니요", "아니오"],
    },
    override_prompt: "제 답이 맞습니다: 정답으로 처리할까요?",
    yes_no: YesNo {
        yes: &["예", "네", "응"],
        no: &["아니요", "아니오", "아니"],
        default_no: "(예/아니요, Enter = 아니요)",
        default_yes: "(예/아니요, Enter = 예)",
    },
    source: "출처: {quote}",
};
