//! Browser tests: run in headless Chromium by `cargo xtask test` (wasm-bindgen-test-runner
//! through ChromeDriver).
#![cfg(target_arch = "wasm32")]

use ict_explorer::web::App;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = document, js_name = createElement)]
    fn create_element(tag: &str) -> web_sys::Element;
}

#[wasm_bindgen_test]
fn the_browser_gives_us_a_canvas() {
    let canvas = create_element("canvas");
    assert_eq!(canvas.tag_name(), "CANVAS");
}

#[wasm_bindgen_test]
fn the_data_is_there_in_wasm() {
    assert!(!ict_explorer::data::all().is_empty());
}

#[wasm_bindgen_test]
fn the_app_starts_in_a_page_and_follows_events() {
    // The page regions the explorer fills, as www/index.html provides them.
    let document = web_sys::window()
        .and_then(|window| window.document())
        .expect("a document");
    let body = document.body().expect("a body");
    let page = create_element("div");
    page.set_inner_html(
        "<main id=\"app\"><nav id=\"tabs\"></nav><p id=\"message\"></p><form id=\"controls\"></form>\
         <h2 id=\"view-title\"></h2><div id=\"focus-banner\" hidden></div><figure id=\"figure\"><div id=\"legend\"></div>\
         <div style=\"width:640px;height:360px;position:relative\"><canvas id=\"chart\" style=\"width:640px;height:360px\"></canvas><div id=\"tooltip\" hidden></div></div>\
         </figure><p id=\"summary\"></p><div id=\"stats\"></div><div id=\"copy-panel\"></div>\
         <div id=\"share-field\"><input id=\"share-link\"></div><p id=\"share-none\"></p>\
         <section id=\"story\"></section><button id=\"drawer-toggle\"></button><div id=\"story-steps\"></div><details id=\"embed\"><div id=\"embed-options\"></div><iframe id=\"embed-preview\"></iframe></details>\
         <div id=\"table\"></div><div id=\"about\"></div></main>",
    );
    body.append_child(&page).expect("page attached");
    let mut app = App::new(document.clone(), "?view=ownership", false, "").expect("the app starts");
    let root = document.get_element_by_id("app").expect("root");
    assert_eq!(root.get_attribute("data-ready").as_deref(), Some("true"));
    let summary = |document: &web_sys::Document| {
        document
            .get_element_by_id("summary")
            .and_then(|element| element.text_content())
            .unwrap_or_default()
    };
    assert!(
        summary(&document).contains("Collective"),
        "the summary should mention every shown type"
    );
    assert!(
        app.event("series", "collective", false)
            .expect("event handled"),
        "switching a type off is a change"
    );
    assert!(
        !summary(&document).contains("Collective"),
        "the summary still mentions a hidden type"
    );
    assert!(
        !app.event("view", "pie", true).expect("refused, not thrown"),
        "a bad event changes nothing"
    );
    let message = document
        .get_element_by_id("message")
        .and_then(|element| element.text_content())
        .unwrap_or_default();
    assert!(
        message.contains("pie"),
        "a refused event is explained on the page"
    );

    // The script API: one call changes several choices; a wrong one changes nothing.
    let settings = js_sys::Object::new();
    let series = js_sys::Array::of2(&"joint_stock".into(), &"private".into());
    js_sys::Reflect::set(&settings, &"series".into(), &series).expect("set");
    js_sys::Reflect::set(&settings, &"chart".into(), &"bars".into()).expect("set");
    let settings = App::read_settings(&settings.into()).expect("a plain object is read");
    let state = app.set_state(settings).expect("a valid setState is taken");
    let shown = js_sys::Reflect::get(&state, &"series".into()).expect("series");
    assert_eq!(
        js_sys::Array::from(&shown).length(),
        2,
        "setState with two series should leave two types on"
    );
    assert!(
        !summary(&document).contains("Foreign"),
        "the page still shows a type that setState switched off"
    );
    for wrong in [
        JsValue::from(123),
        JsValue::NULL,
        js_sys::Array::new().into(),
    ] {
        let before = js_sys::JSON::stringify(&app.state().expect("state")).expect("json");
        let Err(problem) = App::read_settings(&wrong) else {
            panic!("setState refuses a non-object");
        };
        assert!(
            problem
                .as_string()
                .unwrap_or_default()
                .contains("needs an object"),
            "the refusal should say what to send"
        );
        let after = js_sys::JSON::stringify(&app.state().expect("state")).expect("json");
        assert_eq!(before, after, "a refused setState changed the state");
    }
    page.remove();
}

/// Charts drawn on a canvas in the page, checked through the pixels they leave.
mod chart_on_canvas {
    use ict_explorer::chart::Style;
    use ict_explorer::data::{Qualifier, Status, Unit};
    use ict_explorer::plot::{Category, ChartKind, Plot, Point, Series, Shape, PALETTE};
    use ict_explorer::web::canvas::draw_on_canvas;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::*;
    use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

    /// A canvas in the document with the given CSS size.
    fn canvas_in_page(css_width: u32, css_height: u32) -> HtmlCanvasElement {
        let document = web_sys::window()
            .and_then(|window| window.document())
            .expect("a document");
        let canvas: HtmlCanvasElement = document
            .create_element("canvas")
            .expect("a canvas")
            .dyn_into()
            .expect("a canvas element");
        let css = canvas.style();
        css.set_property("display", "block").expect("styled");
        css.set_property("width", &format!("{css_width}px"))
            .expect("styled");
        css.set_property("height", &format!("{css_height}px"))
            .expect("styled");
        document
            .body()
            .expect("a body")
            .append_child(&canvas)
            .expect("attached");
        canvas
    }

    /// One clean line of firms over five years in palette colour 0, or no series at all.
    fn firms(with_series: bool) -> Plot {
        let categories = (2001..=2005)
            .map(|year: u16| Category {
                id: year.to_string(),
                label: year.to_string(),
                year: Some(year),
            })
            .collect();
        let points = [120.0, 180.0, 260.0, 240.0, 330.0]
            .map(|value| Point {
                value: Some(value),
                status: Status::Clean,
                note: String::new(),
                derived: false,
                qualifier: Qualifier::Exact,
                decimals: None,
            })
            .to_vec();
        let series = Series {
            id: "foreign".into(),
            label: "Foreign funded".into(),
            color: 0,
            shape: Shape::Circle,
            highlight: false,
            sparse: false,
            points,
        };
        Plot {
            title: "Firms".into(),
            y_label: "Number of firms".into(),
            x_label: String::new(),
            unit: Unit::Firms,
            kind: ChartKind::Line,
            log_scale: false,
            categories,
            series: if with_series {
                vec![series]
            } else {
                Vec::new()
            },
            source: String::new(),
            emphasis: Vec::new(),
            reference_lines: Vec::new(),
            bands: Vec::new(),
            notes: Vec::new(),
            outlines: Vec::new(),
            value_domain: None,
            timeline: Vec::new(),
        }
    }

    /// The canvas's 2D context.
    fn context_of(canvas: &HtmlCanvasElement) -> CanvasRenderingContext2d {
        canvas
            .get_context("2d")
            .expect("a context")
            .expect("a 2D context")
            .dyn_into()
            .expect("a 2D context")
    }

    /// The canvas's pixels as RGBA bytes.
    fn pixels(canvas: &HtmlCanvasElement) -> Vec<u8> {
        let image = context_of(canvas)
            .get_image_data(
                0.0,
                0.0,
                f64::from(canvas.width()),
                f64::from(canvas.height()),
            )
            .expect("pixels");
        image.data().0
    }

    fn count_of(pixels: &[u8], (red, green, blue): (u8, u8, u8)) -> usize {
        pixels
            .chunks_exact(4)
            .filter(|pixel| {
                pixel[0] == red && pixel[1] == green && pixel[2] == blue && pixel[3] == 255
            })
            .count()
    }

    #[wasm_bindgen_test]
    fn the_chart_is_drawn_by_plotters_canvas() {
        use ict_explorer::chart;
        use ict_explorer::web::measured::MeasuredCanvas;
        use plotters::prelude::IntoDrawingArea;
        let canvas = canvas_in_page(400, 250);
        canvas.set_width(400);
        canvas.set_height(250);
        let backend =
            MeasuredCanvas::new(canvas.clone(), context_of(&canvas)).expect("a 2D canvas");
        // The page's backend is plotters-canvas's, wrapped only to measure text: were it
        // replaced, this would not compile.
        let _drawer: &plotters_canvas::CanvasBackend = backend.as_ref();
        let area = backend.into_drawing_area();
        chart::draw(&firms(true), &Style::page(false, 1.0), &area).expect("drawn");
        assert!(
            count_of(&pixels(&canvas), PALETTE[0]) > 50,
            "plotters-canvas drew no line of the series' colour on the canvas"
        );
    }

    #[wasm_bindgen_test]
    fn the_backing_store_is_the_css_size_times_the_pixel_ratio() {
        let canvas = canvas_in_page(400, 250);
        draw_on_canvas(&canvas, &firms(true), &Style::page(false, 1.0)).expect("drawn");
        let ratio = web_sys::window().expect("a window").device_pixel_ratio();
        assert_eq!(canvas.width(), (400.0 * ratio).round() as u32);
        assert_eq!(canvas.height(), (250.0 * ratio).round() as u32);
        canvas.remove();
    }

    #[wasm_bindgen_test]
    fn a_series_colour_shows_when_the_series_is_on_and_not_otherwise() {
        let canvas = canvas_in_page(400, 250);
        draw_on_canvas(&canvas, &firms(true), &Style::page(false, 1.0)).expect("drawn");
        let with_series = count_of(&pixels(&canvas), PALETTE[0]);
        assert!(
            with_series > 50,
            "the line and its markers are drawn in the palette colour: {with_series} pixels"
        );
        draw_on_canvas(&canvas, &firms(false), &Style::page(false, 1.0)).expect("drawn");
        assert_eq!(
            count_of(&pixels(&canvas), PALETTE[0]),
            0,
            "nothing of the series is left after it is switched off"
        );
        canvas.remove();
    }

    #[wasm_bindgen_test]
    fn dark_style_gives_a_dark_background() {
        let canvas = canvas_in_page(300, 200);
        draw_on_canvas(&canvas, &firms(true), &Style::page(true, 1.0)).expect("drawn");
        let corner = &pixels(&canvas)[..4];
        assert!(
            corner[..3].iter().all(|channel| *channel < 60) && corner[3] == 255,
            "dark, opaque background: {corner:?}"
        );
        draw_on_canvas(&canvas, &firms(true), &Style::page(false, 1.0)).expect("drawn");
        let corner = &pixels(&canvas)[..4];
        assert!(
            corner[..3].iter().all(|channel| *channel > 240),
            "light background: {corner:?}"
        );
        canvas.remove();
    }

    #[wasm_bindgen_test]
    fn drawing_measures_text_without_touching_the_page() {
        // plotters' own text measurement inserts a <span> per label into the body, forcing a
        // layout each time; the canvas backend must measure with measureText instead.
        let canvas = canvas_in_page(400, 250);
        let body = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.body())
            .expect("a body");
        let ignore = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(|| ());
        let observer =
            web_sys::MutationObserver::new(ignore.as_ref().unchecked_ref()).expect("an observer");
        let options = web_sys::MutationObserverInit::new();
        options.set_child_list(true);
        options.set_subtree(true);
        observer
            .observe_with_options(&body, &options)
            .expect("observing");
        draw_on_canvas(&canvas, &firms(true), &Style::page(false, 1.5)).expect("drawn");
        let changes = observer.take_records().length();
        observer.disconnect();
        assert_eq!(
            changes, 0,
            "drawing changed the page's elements {changes} times"
        );
        canvas.remove();
    }

    #[wasm_bindgen_test]
    fn a_canvas_without_a_size_is_left_alone() {
        let canvas = canvas_in_page(0, 0);
        draw_on_canvas(&canvas, &firms(true), &Style::page(false, 1.0))
            .expect("no error for a hidden canvas");
        assert_eq!((canvas.width(), canvas.height()), (0, 0));
        canvas.remove();
    }
}
