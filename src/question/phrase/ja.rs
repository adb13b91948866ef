//! Japanese. A fact's text is the topic (は) or stands before a particle, which has one
//! form whatever precedes it: "明治維新はいつのことですか？". Values are quoted in 「」.
//! A one-sided change's `verb` is written as a modifier ("廃止された"), as it goes before
//! もの.

use super::book::*;
use crate::deck::Language;

const MONTHS: [&str; 12] = [
    "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月",
];

pub static BOOK: Phrasebook = Phrasebook {
    language: Language::Japanese,
    marks: Marks {
        open_quote: "「",
        close_quote: "」",
        colon: "：",
        list: "、",
        stop: "。",
        gap: "\u{3000}",
    },
    dates: DateWords {
        months: MONTHS,
        months_after_day: MONTHS,
        day: "{year}年{m}月{day}日",
        month: "{year}年{m}月",
        year: "{year}年",
        first_day: None,
        span: "{start}〜{end}",
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
        when: "{event}はいつのことですか？",
        begin: "{event}が始まったのはいつですか？",
        end: "{event}が終わったのはいつですか？",
        give_day: "年月日で答えてください。",
        give_month: "年と月で答えてください。",
        give_year: "年で答えてください。",
        first: "次のうち、先に起きたのはどれですか？",
        order: "次の出来事を古い順に並べてください。",
    },
    figure: FigurePrompts {
        at: AtRule::Template("{what}（{at}）"),
        what: "{figure}はどれくらいでしたか？",
        larger: "どちらが大きかったですか？",
        change: "{what}{span}：どれくらい変化しましたか？",
        trend: "{what}{span}：増えましたか、減りましたか？",
        span_between: "（{from}→{to}）",
        span_since: "（{from}→{later}）",
        later: "その後",
        rose: "増えた",
        fell: "減った",
        rose_also: &["増加", "増えました", "上昇", "多くなった", "ふえた"],
        fell_also: &["減少", "減りました", "低下", "少なくなった", "へった"],
        unit_hint: "（単位：{unit}）",
        percent_hint: "（パーセントで）",
        history: "{what}：{then}（{then_at}）→{now}（{now_at}）。",
    },
    change: ChangePrompts {
        after: "{subject}：変更前は{before}でした。変更後は何になりましたか？",
        before: "{subject}：変更後は{after}でした。変更前は何でしたか？",
        true_false: "正誤を答えてください：{statement}",
        statement: "{subject}は{from}から{to}に変わった。",
        one_sided: "{subject}：次のうち{verb}ものはどれですか？",
        one_sided_typed: "{subject}：{verb}ものは何ですか？",
        one_sided_said: "{subject}：{verb}のは{value}。",
        removed: "廃止された",
        established: "新設された",
    },
    set: SetPrompts {
        member: "次のうち、{name}に属するものはどれですか？",
        size: "{name}に属するものは全部でいくつですか？",
        unit: None,
        said: "{name}：{members}。",
    },
    sequence: SequencePrompts {
        order: "{name}：最初から順に並べてください。",
        next: "{name}：{item}のすぐ次は何ですか？",
    },
    truth: Truth {
        yes: "正しい",
        no: "誤り",
        yes_label: "正しい",
        no_label: "誤り",
        yes_also: &["正", "○", "o", "はい"],
        no_also: &["誤", "×", "x", "いいえ", "間違い"],
    },
    override_prompt: "自分の答えは正しかった：正解にしますか？",
    yes_no: YesNo {
        yes: &["はい", "うん"],
        no: &["いいえ", "いや"],
        default_no: "（はい／いいえ、Enter＝いいえ）",
        default_yes: "（はい／いいえ、Enter＝はい）",
    },
    source: "出典：{quote}",
};
