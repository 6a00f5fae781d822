//! Downloads: the chart's data, all data, and the chart as SVG or PNG. A course page may put the
//! explorer in a frame that is not allowed to save files, and browsers then drop the download
//! with nothing but a console warning; so inside a frame the file is also offered on the page,
//! as text to copy or a picture to save.

use super::{element, set_hidden, App};
use crate::chart::Style;
use crate::lang::Lang;
use crate::{export, html, view};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// What is known about whether this page may save files.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Saving {
    /// The page is not in a frame: downloads work.
    Allowed,
    /// The page is in a frame whose sandbox leaves out `allow-downloads`.
    Blocked,
    /// The page is in a frame it cannot look into (another origin): downloads may be blocked.
    Unknown,
}

fn saving() -> Saving {
    let Some(window) = web_sys::window() else {
        return Saving::Allowed;
    };
    let framed = match window.parent() {
        Ok(Some(parent)) => !js_sys::Object::is(window.as_ref(), parent.as_ref()),
        _ => false,
    };
    if !framed {
        return Saving::Allowed;
    }
    match window.frame_element() {
        Ok(Some(frame)) => match frame.get_attribute("sandbox") {
            Some(flags)
                if !flags
                    .split_whitespace()
                    .any(|flag| flag == "allow-downloads") =>
            {
                Saving::Blocked
            }
            _ => Saving::Allowed,
        },
        _ => Saving::Unknown,
    }
}

/// A file to offer: its name, type and content (text, or a data URL for a picture).
struct File {
    name: String,
    mime: &'static str,
    content: String,
    picture: bool,
}

impl App {
    /// Offers a file for download: the chart's data, all data, or the chart as SVG or PNG.
    pub(super) fn download(&self, what: &str) -> Result<(), JsValue> {
        let file = match self.file(what)? {
            Ok(file) => file,
            Err(problem) => return self.show_problems(&[problem]),
        };
        let saving = saving();
        if saving != Saving::Blocked {
            if file.picture {
                save_url(&self.document, &file.name, &file.content)?;
            } else {
                save_text(&self.document, &file.name, file.mime, &file.content)?;
            }
        }
        if saving != Saving::Allowed {
            self.offer_on_page(&file, saving)?;
        }
        Ok(())
    }

    /// The file `what` names (`data`, `csv`, `svg` or `png-<size id>`), or a message for the
    /// reader when this view or the chart's size on the screen cannot give it.
    fn file(&self, what: &str) -> Result<Result<File, String>, JsValue> {
        let text = |name: String, mime, content| {
            Ok(File {
                name,
                mime,
                content,
                picture: false,
            })
        };
        let lang = self.session.display.lang;
        if what == "data" {
            let name = match lang {
                Lang::En => "ict-explorer-all-data".to_string(),
                _ => file_name(&crate::lang::text(lang, "ICT Explorer: all data")),
            };
            return Ok(text(
                format!("{name}.csv"),
                "text/csv",
                export::with_bom(export::labelled_data_csv_in(crate::data::all(), lang)),
            ));
        }
        let Some(plot) = view::plot(&self.session.state) else {
            return Ok(Err(
                "This view has no chart to download; the data download has every number."
                    .to_string(),
            ));
        };
        // In Chinese the file is named by the chart's title, which says what it holds in
        // the reader's words; the English names keep the ids scripts may rely on.
        let (name, plot) = match lang {
            Lang::En => (export::file_stem(&self.session.state), plot),
            _ => {
                let plot = plot.translated(lang).into_owned();
                let brand = crate::lang::text(lang, "ICT Explorer");
                (file_name(&format!("{brand} {}", plot.title)), plot)
            }
        };
        if let Some(size) = what.strip_prefix("png-").and_then(export::PngSize::from_id) {
            return self.png(&plot, size, &name);
        }
        Ok(match what {
            "csv" => text(
                format!("{name}.csv"),
                "text/csv",
                export::with_bom(export::plot_csv_in(&plot, lang)),
            ),
            "svg" => text(
                format!("{name}.svg"),
                "image/svg+xml",
                crate::chart::to_svg(
                    &plot,
                    &Style {
                        lang,
                        ..Style::export(self.dark)
                    },
                    1200,
                    675,
                ),
            ),
            other => {
                return Err(JsValue::from_str(&format!(
                    "There is no download called '{}'.",
                    crate::notice::quoted(other)
                )))
            }
        })
    }

    /// The chart as a PNG of `size`, in the colours and type the page shows; a message for the
    /// reader when the chart's size on the screen gives no picture.
    fn png(
        &self,
        plot: &crate::plot::Plot,
        size: export::PngSize,
        stem: &str,
    ) -> Result<Result<File, String>, JsValue> {
        let (css_width, css_height) = match self.chart_size {
            Some(size) => size,
            None => {
                let canvas = element(&self.document, "chart")?;
                (
                    f64::from(canvas.client_width()),
                    f64::from(canvas.client_height()),
                )
            }
        };
        let (width, height) = match size.pixels(css_width, css_height) {
            Ok(pixels) => pixels,
            Err(problem) => return Ok(Err(problem)),
        };
        let style = Style {
            lang: self.session.display.lang,
            ..size.style(self.dark, self.session.display.present)
        };
        let content = super::canvas::export_png(&self.document, plot, &style, width, height)
            .map_err(|problem| {
                JsValue::from_str(&format!("The PNG could not be made: {problem}"))
            })?;
        Ok(Ok(File {
            name: size.file_name(stem),
            mime: "image/png",
            content,
            picture: true,
        }))
    }

    /// Shows the file on the page, for readers whose frame may not save it.
    fn offer_on_page(&self, file: &File, saving: Saving) -> Result<(), JsValue> {
        let lang = self.session.display.lang;
        let why = match saving {
            Saving::Blocked => "The course page that holds this explorer does not let it save files.",
            _ => "If no file was saved, the course page that holds this explorer may not let it save files.",
        };
        let why = crate::lang::text(lang, why);
        let body = if file.picture {
            format!(
                "<p>{}</p><img src=\"{}\" alt=\"The chart as a picture\">",
                html::escape(&crate::lang::fill(
                    lang,
                    "{0} Right-click (or press and hold) the picture to copy or save it as {1}.",
                    &[&why, &file.name]
                )),
                html::escape(&file.content)
            )
        } else {
            format!(
                "<p>{}</p><textarea readonly rows=\"8\" aria-label=\"{}\">{}</textarea>",
                html::escape(&crate::lang::fill(
                    lang,
                    "{0} Here is {1} as text: select it all, copy it, and paste it into a file or a spreadsheet.",
                    &[&why, &file.name]
                )),
                html::escape(&file.name),
                html::escape(&file.content)
            )
        };
        let panel = element(&self.document, "copy-panel")?;
        let panel_html =
            format!("{body}<button type=\"button\" name=\"copy-close\" value=\"\">Close</button>");
        panel.set_inner_html(&crate::lang::html(lang, &panel_html));
        set_hidden(&panel, false)?;
        if let Some(area) = panel
            .query_selector("textarea")?
            .and_then(|area| area.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        {
            area.focus()?;
            area.select();
        }
        Ok(())
    }
}

#[wasm_bindgen]
impl App {
    /// Saves the explorer as one HTML file that opens on the current story (or view): `page` is
    /// the untouched single file, which the page keeps or fetches; empty when it could not.
    pub fn save_page(&self, page: &str) -> Result<(), JsValue> {
        if saving() == Saving::Blocked {
            return self.show_problems(&[
                "The course page that holds this explorer does not let it save files: open the explorer on its own to save the story.".to_string(),
            ]);
        }
        // Right after <body>, so that the page's scripts, which come later, find it.
        let Some(at) = page.find("<body>").map(|at| at + "<body>".len()) else {
            return self.show_problems(&[
                "This copy of the explorer cannot save itself as a file: open the single file (ict-explorer.html) or the explorer's web address, and save from there."
                    .to_string(),
            ]);
        };
        // A link holds no `<`, so it cannot end the data block early.
        let start = format!(
            "<script type=\"application/json\" id=\"ict-explorer-start\">{}</script>\n",
            self.session.saved_link().replace('<', "%3C")
        );
        let saved = format!("{}{start}{}", &page[..at], &page[at..]);
        let name = match self.session.step() {
            Some((story, _, _)) if !story.title.is_empty() => file_name(&story.title),
            _ => "ict-explorer-story".to_string(),
        };
        save_text(&self.document, &format!("{name}.html"), "text/html", &saved)
    }
}

/// A file name made of a title's letters and digits.
fn file_name(title: &str) -> String {
    let words: Vec<String> = title
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .take(8)
        .map(|word| {
            word.chars()
                .map(crate::quality::lowercase)
                .collect::<String>()
        })
        .collect();
    if words.is_empty() {
        "ict-explorer-story".to_string()
    } else {
        words.join("-")
    }
}

/// Saves text as a file through a temporary link.
fn save_text(
    document: &web_sys::Document,
    file_name: &str,
    mime: &str,
    text: &str,
) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(&format!("{mime};charset=utf-8"));
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    // The object URL is not revoked at once: some browsers start the download only after the
    // click handler returns, and a few kilobytes per download are not worth a timer.
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    save_url(document, file_name, &url)
}

fn save_url(document: &web_sys::Document, file_name: &str, url: &str) -> Result<(), JsValue> {
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(url);
    link.set_download(file_name);
    link.click();
    Ok(())
}
