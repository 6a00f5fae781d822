//! Students' answers: every built-in question takes right answers in every lenient form,
//! refuses wrong ones, says why it cannot read others, keeps the score, and reports each try as
//! a record with an xAPI-shaped statement. Every input is made from the computed answer, so the
//! tests follow the data.
//!
//! Failure messages say what a student would see go wrong.

use ict_explorer::data::{Lookup, Unit};
use ict_explorer::session::Session;
use ict_explorer::story::answer::Expected;
use ict_explorer::story::Story;
use ict_explorer::view::Event;

/// Each built-in question's step (from 1), text and expected answer.
fn questions() -> Vec<(usize, String, Expected)> {
    Story::built_in()
        .steps
        .iter()
        .enumerate()
        .filter_map(|(index, step)| {
            let question = step.question.as_ref()?;
            let expected = question
                .answer(Lookup::paper())
                .expected()
                .unwrap_or_else(|| panic!("step {}'s question has no answer to check", index + 1));
            Some((index + 1, question.text.clone(), expected))
        })
        .collect()
}

/// The expected value as a student would write it, to the stated decimals.
fn written(expected: &Expected, value: f64) -> String {
    format!("{:.*}", expected.decimals, value)
}

fn unit_words(unit: Unit) -> &'static str {
    match unit {
        Unit::PercentagePoints => "pp",
        Unit::Percent => "%",
        _ => "",
    }
}

#[test]
fn every_question_states_its_precision() {
    let questions = questions();
    assert!(
        questions.len() >= 5,
        "the built-in story asks only {} questions",
        questions.len()
    );
    for (step, text, expected) in &questions {
        let stated = expected.stated();
        assert!(
            stated.starts_with("to ") && (stated.contains("percent") || stated.contains("in ")),
            "step {step} ({text}) states its precision as '{stated}'"
        );
    }
}

#[test]
fn right_answers_are_right_in_every_lenient_form() {
    for (step, text, expected) in questions() {
        let plain = written(&expected, expected.value.abs());
        let signed = written(&expected, expected.value);
        let sign = if expected.value < 0.0 { "-" } else { "+" };
        let unit = unit_words(expected.unit);
        let long = match expected.unit {
            Unit::PercentagePoints => "percentage points",
            Unit::Percent => "percent",
            _ => "",
        };
        let mut forms = vec![
            signed.clone(),
            format!("{sign}{plain}"),
            format!("{sign} {plain} {unit}"),
            format!("{signed}{unit}"),
            format!("  {signed} {long} "),
            format!("{signed}0"),
        ];
        if expected.value < 0.0 {
            forms.push(format!("−{plain}"));
        }
        for form in forms {
            let reading = expected.check(&form).unwrap_or_else(|problem| {
                panic!("step {step} ({text}): the right answer '{form}' cannot be read: {problem}")
            });
            assert!(
                reading.right,
                "step {step} ({text}): '{form}' is counted wrong, but {} is expected",
                expected.value
            );
        }
    }
}

#[test]
fn wrong_answers_are_wrong_and_near_misses_outside_the_precision_too() {
    for (step, text, expected) in questions() {
        let unit = 10f64.powi(-(expected.decimals as i32));
        for wrong in [
            expected.value + unit,
            expected.value - unit,
            -expected.value,
            expected.value * 2.0,
        ] {
            let form = written(&expected, wrong);
            let reading = expected.check(&form).unwrap_or_else(|problem| {
                panic!("step {step}: the wrong answer '{form}' cannot be read: {problem}")
            });
            assert!(
                !reading.right,
                "step {step} ({text}): '{form}' is counted right, but {} is expected",
                expected.value
            );
        }
    }
}

#[test]
fn unreadable_answers_get_a_message_a_student_can_act_on() {
    for (step, _, expected) in questions() {
        let value = written(&expected, expected.value);
        let wrong_unit = match expected.unit {
            Unit::PercentagePoints => "%",
            _ => "pp",
        };
        for typed in [
            String::new(),
            "abc".to_string(),
            "12,3".to_string(),
            "1.2.3".to_string(),
            format!("{value} {wrong_unit}"),
            format!("{value} apples"),
            "9".repeat(60),
        ] {
            let problem = expected
                .check(&typed)
                .err()
                .unwrap_or_else(|| panic!("step {step}: '{typed}' was read as a number"));
            assert!(
                problem.to_lowercase().contains("write") && problem.ends_with('.'),
                "step {step}: '{typed}' is refused with '{problem}', which does not say what to write"
            );
        }
    }
}

#[test]
fn thousands_commas_are_read() {
    let expected = Expected {
        value: 1343.0,
        decimals: 0,
        unit: Unit::MillionUsd,
    };
    for form in [
        "1,343",
        "1343",
        "1,343 m US$",
        "US$ 1,343",
        "1,343.2 million",
    ] {
        match expected.check(form) {
            Ok(reading) => assert!(reading.right, "'{form}' counted wrong for 1,343"),
            // A currency before the number is not read: say so rather than misread it.
            Err(problem) => assert!(form.starts_with("US$"), "'{form}' refused: {problem}"),
        }
    }
}

#[test]
fn the_session_keeps_the_score_and_reports_each_readable_try() {
    let (mut session, problems) = Session::from_query("story=ning");
    assert!(problems.is_empty(), "{problems:?}");
    let questions = questions();
    let mut tries = 0;
    for (done, (step, text, expected)) in questions.iter().enumerate() {
        session
            .apply(Event::StoryGo(*step))
            .unwrap_or_else(|problem| panic!("step {step} did not open: {problem}"));
        session.apply(Event::Answer("abc".into())).unwrap();
        assert!(
            session.answer_record("t").is_none(),
            "step {step}: an unreadable answer was reported as a try"
        );
        let wrong = written(expected, expected.value + 1.0);
        session.apply(Event::Answer(wrong.clone())).unwrap();
        let record = session.answer_record("2026-12-07T04:00:00Z").unwrap();
        assert_eq!(
            (record.question.as_str(), record.right, record.tries),
            (format!("ning/step-{step}").as_str(), false, 1),
            "step {step}: the wrong try's record"
        );
        let right = written(expected, expected.value);
        session.apply(Event::Answer(format!(" {right} "))).unwrap();
        let record = session.answer_record("2026-12-07T04:00:00Z").unwrap();
        assert!(record.right && record.tries == 2, "step {step}: {record:?}");
        assert_eq!(record.answer, right);
        assert_eq!(record.expected, expected.value);
        let statement = &record.statement;
        assert_eq!(statement.verb.id, "http://adlnet.gov/expapi/verbs/answered");
        assert_eq!(
            statement.object.id,
            format!("urn:ict-explorer:ning/step-{step}")
        );
        assert_eq!(statement.object.definition.name.text, *text);
        assert!(
            statement.result.success,
            "step {step}: the statement says the right answer failed"
        );
        assert_eq!(
            statement.result.response.parse::<f64>().ok(),
            Some(record.value),
            "step {step}: the statement's response is not the number read"
        );
        assert_eq!(statement.result.extensions.tries, 2);
        assert_eq!(statement.timestamp, "2026-12-07T04:00:00Z");
        tries += 2;
        let score = session.score().unwrap();
        assert_eq!(
            (score.questions, score.answered, score.right, score.tries),
            (questions.len(), done + 1, done + 1, tries),
            "the score after step {step}"
        );
    }
    session.apply(Event::StoryLeave).unwrap();
    session.apply(Event::StoryOpen("ning".into())).unwrap();
    assert_eq!(
        session.score().unwrap().tries,
        0,
        "a story opened again keeps the old score"
    );
}

#[test]
fn a_step_without_a_question_refuses_an_answer() {
    let (mut session, _) = Session::from_query("story=ning&step=1");
    let refused = session.apply(Event::Answer("12".into()));
    assert!(
        refused.is_err(),
        "step 1 asks no question, yet took an answer"
    );
}

#[test]
fn back_and_forward_in_the_story_keep_the_score_and_another_link_clears_it() {
    let (step, _, expected) = questions().remove(0);
    let (mut session, _) = Session::from_query(&format!("story=ning&step={step}"));
    session
        .apply(Event::Answer(written(&expected, expected.value)))
        .unwrap();
    session.load("story=ning&step=1");
    assert_eq!(
        session.score().map(|score| score.right),
        Some(1),
        "Back to step 1 of the same story lost the student's score"
    );
    session.load("view=fdi");
    assert!(
        session.answers.is_empty(),
        "a link without the story kept its answers"
    );
}
