//! Chinese, in simplified characters. A fact's text is the topic at the head of the
//! question, which Chinese grammar leaves as it is: "辛亥革命是在什么时候？". A one-sided
//! change's `verb` follows 被 ("废除").

use super::book::*;
use crate::deck::Language;

const MONTHS: [&str; 12] = [
    "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月",
];

pub static BOOK: Phrasebook = Phrasebook {
    language: Language::Chinese,
    marks: Marks {
        open_quote: "\u{201c}",
        close_quote: "\u{201d}",
        colon: "：",
        list: "、",
        stop: "。",
        gap: "",
    },
    dates: DateWords {
        months: MONTHS,
        months_after_day: MONTHS,
        day: "{year}年{m}月{day}日",
        month: "{year}年{m}月",
        year: "{year}年",
        first_day: None,
        span: "{start}至{end}",
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
        when: "{event}是在什么时候？",
        begin: "{event}是什么时候开始的？",
        end: "{event}是什么时候结束的？",
        give_day: "请写出年、月、日。",
        give_month: "请写出年和月。",
        give_year: "请写出年份。",
        first: "下列哪件事发生得更早？",
        order: "请将下列事件按时间先后排序，最早的在前。",
    },
    figure: FigurePrompts {
        at: AtRule::Template("{what}（{at}）"),
        what: "{figure}是多少？",
        larger: "哪一个更大？",
        change: "{what}{span}：变化了多少？",
        trend: "{what}{span}：是增加了还是减少了？",
        span_between: "（{from}→{to}）",
        span_since: "（{from}→{later}）",
        later: "之后",
        rose: "增加",
        fell: "减少",
        rose_also: &["增加了", "上升", "增长", "增多", "升高", "涨"],
        fell_also: &["减少了", "下降", "降低", "减", "下跌", "跌"],
        unit_hint: "（单位：{unit}）",
        percent_hint: "（百分比）",
        history: "{what}：{then}（{then_at}）→{now}（{now_at}）。",
    },
    change: ChangePrompts {
        after: "{subject}：变更前为{before}。变更后是什么？",
        before: "{subject}：变更后为{after}。变更前是什么？",
        true_false: "判断正误：{statement}",
        statement: "{subject}由{from}改为{to}。",
        one_sided: "{subject}：下列哪一项被{verb}了？",
        one_sided_typed: "{subject}：什么被{verb}了？",
        one_sided_said: "{subject}：被{verb}的是{value}。",
        removed: "废除",
        established: "设立",
    },
    set: SetPrompts {
        member: "下列哪一项属于{name}？",
        size: "{name}共有多少个成员？",
        unit: None,
        said: "{name}：{members}。",
    },
    sequence: SequencePrompts {
        order: "{name}：请按从先到后的顺序排列。",
        next: "{name}：紧接在{item}之后的是什么？",
    },
    truth: Truth {
        yes: "正确",
        no: "错误",
        yes_label: "正确",
        no_label: "错误",
        yes_also: &["对", "是", "√"],
        no_also: &["错", "不对", "否", "×"],
    },
    override_prompt: "我的答案是对的：算作正确吗？",
    yes_no: YesNo {
        yes: &["是", "对", "是的", "对的", "好"],
        no: &["否", "不", "不是", "不对"],
        default_no: "（是/否，回车＝否）",
        default_yes: "（是/否，回车＝是）",
    },
    source: "出处：{quote}",
};
