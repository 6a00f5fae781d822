//! Exports round-trip: what an instructor loads into R or a spreadsheet is the data we hold.

use ict_explorer::data::{self, Dataset};
use ict_explorer::{audit, claims, export};
use std::process::Command;

fn parse(csv_text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let header = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|record| record.expect("row").iter().map(str::to_string).collect())
        .collect();
    (header, rows)
}

#[test]
fn the_csv_header_is_exactly_as_documented() {
    let text = export::data_csv(data::all());
    assert_eq!(
        text.lines().next(),
        Some("dataset,series,measure,year,value,unit,status,note")
    );
}

#[test]
fn the_csv_round_trips_every_cell() {
    let (_, rows) = parse(&export::data_csv(data::all()));
    assert_eq!(
        rows.len(),
        data::all().len(),
        "the CSV has a different number of rows than there are cells"
    );
    for (row, datum) in rows.iter().zip(data::all()) {
        assert_eq!(row[0], datum.dataset.id());
        assert_eq!(row[1], datum.series);
        assert_eq!(row[2], datum.measure);
        assert_eq!(
            row[3],
            datum.year.map(|year| year.to_string()).unwrap_or_default()
        );
        let value: Option<f64> = if row[4].is_empty() {
            None
        } else {
            Some(
                row[4]
                    .parse()
                    .unwrap_or_else(|_| panic!("{} is not a plain decimal", row[4])),
            )
        };
        assert_eq!(
            value,
            datum.cell.value,
            "{}: value changed in export",
            datum.key()
        );
        assert!(
            !row[4].contains(','),
            "{} uses a thousands separator",
            row[4]
        );
        assert_eq!(row[5], datum.unit.id());
        assert_eq!(row[6], datum.cell.status.id());
        assert!(
            row[7].contains(datum.cell.note),
            "{}: note lost",
            datum.key()
        );
    }
}

#[test]
fn the_json_round_trips_every_cell() {
    let json: serde_json::Value = serde_json::to_value(export::document()).expect("serialises");
    let mut count = 0;
    for dataset in json["datasets"].as_array().expect("datasets") {
        let id = dataset["id"].as_str().expect("id");
        let dataset_id = Dataset::from_id(id).expect("known dataset");
        for series in dataset["series"].as_array().expect("series") {
            for measure in series["measures"].as_array().expect("measures") {
                for value in measure["values"].as_array().expect("values") {
                    let year = value["year"].as_u64().map(|year| year as u16);
                    let datum = data::find(
                        dataset_id,
                        series["id"].as_str().unwrap(),
                        measure["id"].as_str().unwrap(),
                        year,
                    )
                    .expect("datum exists");
                    assert_eq!(value["value"].as_f64(), datum.cell.value, "{}", datum.key());
                    assert_eq!(value["status"].as_str(), Some(datum.cell.status.id()));
                    count += 1;
                }
            }
        }
    }
    assert_eq!(count, data::all().len());
    assert!(json["citation"]
        .as_str()
        .is_some_and(|citation| citation.contains("Pacific Affairs")));
}

#[test]
fn audit_and_claims_csv_have_one_row_each() {
    let (header, rows) = parse(&export::audit_csv(audit::paper()));
    assert_eq!(header, export::AUDIT_HEADER);
    assert_eq!(rows.len(), audit::paper().len());
    let (header, rows) = parse(&export::claims_csv(claims::paper()));
    assert_eq!(header, export::CLAIMS_HEADER);
    assert_eq!(rows.len(), claims::paper().len());
    assert!(rows
        .iter()
        .all(|row| ["agrees", "disagrees", "not_checkable"].contains(&row[4].as_str())));
}

fn ict_data(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_ict-data"))
        .args(args)
        .output()
        .expect("ict-data runs")
}

#[test]
fn the_command_line_tool_serves_each_export() {
    for (command, first_line) in [
        ("csv", "dataset,series,measure,year,value,unit,status,note"),
        (
            "audit",
            "id,severity,dataset,title,numbers,explanation,cells",
        ),
        (
            "claims",
            "id,dataset,statement,source,verdict,status,computation,cells",
        ),
        ("json", "{"),
    ] {
        let output = ict_data(&[command]);
        assert!(output.status.success(), "ict-data {command} failed");
        let text = String::from_utf8(output.stdout).expect("utf-8");
        assert_eq!(text.lines().next(), Some(first_line), "ict-data {command}");
    }
}

#[test]
fn bad_arguments_get_usage_and_exit_code_2() {
    for args in [&[][..], &["xml"][..], &["csv", "extra"][..]] {
        let output = ict_data(args);
        assert_eq!(output.status.code(), Some(2), "ict-data {args:?}");
        assert!(
            String::from_utf8_lossy(&output.stderr).contains("usage: ict-data"),
            "ict-data {args:?} gave no usage"
        );
    }
}

#[test]
fn download_names_say_what_the_file_holds() {
    use ict_explorer::export::{file_stem, with_bom};
    use ict_explorer::view::State;
    let cases = [
        ("view=ownership", "ict-explorer-ownership-firms-line"),
        (
            "view=ownership&measure=share_total_assets&chart=stacked100",
            "ict-explorer-ownership-share_total_assets-stacked100",
        ),
        ("view=fdi&transform=index", "ict-explorer-fdi-index-bars"),
        ("view=rd", "ict-explorer-rd"),
    ];
    for (query, expected) in cases {
        let (state, problems) = State::from_query(query);
        assert!(problems.is_empty(), "{query}: {problems:?}");
        assert_eq!(
            file_stem(&state),
            expected,
            "the download of ?{query} is misnamed"
        );
    }
    assert!(
        with_bom("a,b\n".into()).starts_with('\u{FEFF}'),
        "a CSV without a BOM shows garbled dashes in Excel"
    );
}
