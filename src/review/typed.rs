//! `review --typed`: the front is answered as in a quiz (typed, or picked from the options),
//! graded, and the verdict shown with the explanation before the learner rates.

use crate::frontend::{Ask, AskKind, Frontend, FrontendError, Reply};
use crate::grade::{Verdict, grade, readable};
use crate::question::{Input, Question};
use crate::session::{Ending, SessionError, feedback};

/// Asks the front; a slip of form is asked again with a hint. Returns what was given and
/// the verdict, or the ending that stopped the session.
pub fn answer_front(
    frontend: &mut dyn Frontend,
    header: &str,
    question: &Question,
) -> Result<Result<(String, Verdict), Ending>, SessionError> {
    let kind = match question.input() {
        Input::Choice => AskKind::Choice(&question.options),
        Input::TrueFalse => AskKind::TrueFalse {
            yes: question.phrasebook().truth.yes_label,
            no: question.phrasebook().truth.no_label,
        },
        Input::Order => AskKind::Order(&question.options),
        Input::Typed => AskKind::Typed,
    };
    let ask = Ask {
        header,
        prompt: &question.prompt,
        kind,
        numeric_options: question.numeric_options(),
    };
    let given = loop {
        let text = match frontend.ask(&ask) {
            Ok(Reply::Answer(text)) => text,
            Ok(Reply::Quit) => return Ok(Err(Ending::Quit)),
            Err(FrontendError::Interrupted) => return Ok(Err(Ending::Interrupted)),
            Err(e) => return Err(SessionError::Frontend(e)),
        };
        match readable(question, &text) {
            Ok(()) => break text,
            Err(hint) => say(frontend, &format!("  ({hint})"))?,
        }
    };
    let verdict = grade(question, &given);
    say(
        frontend,
        &feedback::after_verdict(&verdict, &question.explanation),
    )?;
    Ok(Ok((given, verdict)))
}

fn say(frontend: &mut dyn Frontend, text: &str) -> Result<(), SessionError> {
    frontend.show(text).map_err(SessionError::Frontend)
}
