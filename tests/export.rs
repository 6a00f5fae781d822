//! Exports round-trip: what an instructor loads into R or a spreadsheet is the data we hold.

use ict_explorer::data::{self, Dataset};
use ict_explorer::{checks, export};
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
    let (header, rows) = parse(&export::audit_csv(&checks::paper().findings));
    assert_eq!(header, export::AUDIT_HEADER);
    assert_eq!(rows.len(), checks::paper().findings.len());
    let (header, rows) = parse(&export::claims_csv(&checks::paper().claims));
    assert_eq!(header, export::CLAIMS_HEADER);
    assert_eq!(rows.len(), checks::paper().claims.len());
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
        ("view=fdi&log=1&chart=line", "ict-explorer-fdi-log-line"),
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

#[test]
fn the_pages_all_data_csv_puts_a_label_beside_every_id() {
    let text = export::labelled_data_csv(data::all());
    assert_eq!(
        text.lines().next(),
        Some("dataset,dataset_label,series,series_label,measure,measure_label,year,value,unit,unit_label,status,status_label,note"),
        "the all-data download's columns moved, so a reader's spreadsheet formulas would break"
    );
    let (header, labelled) = parse(&text);
    assert_eq!(header, export::LABELLED_DATA_HEADER);
    let (ids_header, plain) = parse(&export::data_csv(data::all()));
    assert_eq!(
        labelled.len(),
        plain.len(),
        "the all-data download lost rows"
    );
    // Every id column of the tidy CSV is in the labelled one, unchanged and in the same order.
    let id_columns: Vec<usize> = ids_header
        .iter()
        .map(|name| {
            header
                .iter()
                .position(|column| column == name)
                .unwrap_or_else(|| panic!("the all-data download has no {name} column"))
        })
        .collect();
    assert!(
        id_columns.windows(2).all(|pair| pair[0] < pair[1]),
        "the id columns are out of order: {id_columns:?}"
    );
    for (row, ids) in labelled.iter().zip(&plain) {
        let projected: Vec<&String> = id_columns.iter().map(|&column| &row[column]).collect();
        assert_eq!(
            projected,
            ids.iter().collect::<Vec<_>>(),
            "the all-data download changed an id or value"
        );
        for label in [
            "dataset_label",
            "series_label",
            "measure_label",
            "unit_label",
            "status_label",
        ] {
            let column = header
                .iter()
                .position(|name| name == label)
                .expect("label column");
            let text = &row[column];
            assert!(
                !text.is_empty() && !text.starts_with("(unnamed"),
                "{}/{}/{}/{}: the {label} reads '{text}', which tells a reader nothing",
                row[0],
                row[2],
                row[4],
                row[6]
            );
        }
    }
    for (id, label) in [
        ("table1", "Firms and assets by ownership type, 1997–2005"),
        ("state_owned", "State owned"),
        ("share_total_assets", "Share of the industry's total assets"),
        ("percentage_points", "percentage points"),
        ("corrected", "corrected from garbled OCR text"),
    ] {
        assert!(
            labelled
                .iter()
                .any(|row| row.windows(2).any(|pair| pair[0] == id && pair[1] == label)),
            "no row labels {id} as '{label}'"
        );
    }
}

#[test]
fn ict_data_csv_keeps_its_ids_only_output_byte_for_byte() {
    let output = ict_data(&["csv"]);
    assert!(output.status.success(), "ict-data csv failed");
    assert_eq!(
        output.stdout,
        export::data_csv(data::all()).into_bytes(),
        "ict-data csv no longer writes the tidy ids-only CSV that scripts read"
    );
    let text = String::from_utf8(output.stdout).expect("utf-8");
    assert!(
        text.starts_with("dataset,series,measure,year,value,unit,status,note\n"),
        "ict-data csv's header changed (or gained a BOM), which breaks scripts that read it"
    );
    assert!(
        !text.contains("_label"),
        "ict-data csv gained label columns"
    );
}

#[test]
fn png_sizes_multiply_the_charts_screen_size_and_the_slide_is_fixed() {
    use export::PngSize;
    let stem = "ict-explorer-fdi-bars";
    let cases = [
        (
            PngSize::Screen,
            (800.0, 450.0),
            (800, 450),
            "ict-explorer-fdi-bars-1x.png",
        ),
        (
            PngSize::Double,
            (800.0, 450.0),
            (1600, 900),
            "ict-explorer-fdi-bars-2x.png",
        ),
        (
            PngSize::Triple,
            (843.5, 457.25),
            (2531, 1372),
            "ict-explorer-fdi-bars-3x.png",
        ),
        // A phone's chart is laid out as a 640 px wide one, keeping its shape, so that the
        // picture's title and legend leave its plot room.
        (
            PngSize::Double,
            (340.0, 255.0),
            (1280, 960),
            "ict-explorer-fdi-bars-2x.png",
        ),
        (
            PngSize::Screen,
            (360.0, 120.0),
            (1080, 360),
            "ict-explorer-fdi-bars-1x.png",
        ),
        (
            PngSize::Slide,
            (343.0, 257.0),
            (1920, 1080),
            "ict-explorer-fdi-bars-slide-1920x1080.png",
        ),
        (
            PngSize::Slide,
            (0.0, 0.0),
            (1920, 1080),
            "ict-explorer-fdi-bars-slide-1920x1080.png",
        ),
    ];
    for (size, (width, height), pixels, name) in cases {
        assert_eq!(
            size.pixels(width, height),
            Ok(pixels),
            "a {width} × {height} chart downloads at the wrong size as {}",
            size.id()
        );
        assert_eq!(
            size.file_name(stem),
            name,
            "the {} PNG is misnamed",
            size.id()
        );
        assert_eq!(PngSize::from_id(size.id()), Some(size));
    }
    for (width, height) in [(0.0, 450.0), (800.0, 0.0), (f64::NAN, 450.0), (-5.0, 450.0)] {
        let problem = PngSize::Double
            .pixels(width, height)
            .expect_err("a chart with no size gave a picture");
        assert!(
            problem.contains("slide"),
            "the message does not offer the slide: {problem}"
        );
    }
    let problem = PngSize::Triple
        .pixels(6000.0, 3000.0)
        .expect_err("an 18,000 pixel wide PNG was attempted");
    assert!(problem.contains("18000 × 9000"), "{problem}");
    assert_eq!(PngSize::from_id("4x"), None);
    assert_eq!(PngSize::from_id(""), None);
}

#[test]
fn png_styles_follow_the_theme_and_scale_text_with_the_picture() {
    use export::PngSize;
    use ict_explorer::chart::Style;
    let page = Style::page(false, 1.0).font_scale;
    let projector = Style::projector(false).font_scale;
    for dark in [false, true] {
        for present in [false, true] {
            let screen = if present { projector } else { page };
            for (size, scale) in [
                (PngSize::Screen, screen),
                (PngSize::Double, screen * 2.0),
                (PngSize::Triple, screen * 3.0),
                (PngSize::Slide, projector),
            ] {
                let style = size.style(dark, present);
                let case = format!("{} (dark {dark}, presentation {present})", size.id());
                assert_eq!(
                    style.dark, dark,
                    "{case}: the PNG ignores the page's colours"
                );
                assert_eq!(
                    style.font_scale, scale,
                    "{case}: text is not scaled with the picture"
                );
                assert!(
                    style.with_title && style.with_legend,
                    "{case}: the picture lacks its title, legend or source"
                );
                assert_eq!(
                    style.projector,
                    present || size == PngSize::Slide,
                    "{case}: the picture's type is not the projector's exactly when it should be"
                );
            }
        }
    }
}
