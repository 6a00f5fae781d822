//! The page in the reader's language: the Chinese catalogue installed from the text the page
//! hands over, and the page's own markup (`www/index.html`, the prebuilt parts) translated in
//! place, since the core's fragments are translated as they are patched in (`lang::html`).

use crate::lang::{self, Catalogue, Lang, SPOKEN};
use std::borrow::Cow;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Elements whose words stay as they are: marked English, or not prose.
const KEEP: &str = "[lang=en],script,style,noscript,template,textarea,head>:not(title)";

/// Installs the Chinese texts the page handed over (empty when it has none).
pub fn install(texts: &str) {
    if !texts.is_empty() {
        lang::install(Catalogue::from_shipped(texts));
    }
}

/// Marks the page (or a view's wrapper) with its language, for screen readers, and translates
/// the words of its static markup.
pub fn translate_page(document: &web_sys::Document, lang: Lang) -> Result<(), JsValue> {
    if let Some(root) = document.document_element() {
        root.set_attribute("lang", lang.tag())?;
    }
    if lang == Lang::En {
        return Ok(());
    }
    translate_elements(&document.query_selector_all("*")?, lang)
}

/// Translates the words of `root` and every element in it (a region filled from the prebuilt
/// parts).
pub fn translate_within(root: &web_sys::Element, lang: Lang) -> Result<(), JsValue> {
    if lang == Lang::En {
        return Ok(());
    }
    translate_element(root, lang)?;
    translate_elements(&root.query_selector_all("*")?, lang)
}

fn translate_elements(elements: &web_sys::NodeList, lang: Lang) -> Result<(), JsValue> {
    for index in 0..elements.length() {
        if let Some(element) = elements
            .item(index)
            .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
        {
            translate_element(&element, lang)?;
        }
    }
    Ok(())
}

/// Translates an element's own text nodes and spoken attributes, unless it keeps its words.
fn translate_element(element: &web_sys::Element, lang: Lang) -> Result<(), JsValue> {
    if element.closest(KEEP)?.is_some() {
        return Ok(());
    }
    let children = element.child_nodes();
    for child in 0..children.length() {
        let Some(node) = children.item(child) else {
            continue;
        };
        if node.node_type() != web_sys::Node::TEXT_NODE {
            continue;
        }
        let english = node.node_value().unwrap_or_default();
        if let Cow::Owned(chinese) = lang::text(lang, &english) {
            node.set_node_value(Some(&chinese));
        }
    }
    for name in SPOKEN {
        if let Some(english) = element.get_attribute(name) {
            if let Cow::Owned(chinese) = lang::text(lang, &english) {
                element.set_attribute(name, &chinese)?;
            }
        }
    }
    // A term's English name, shown beside its translation (the glossary's), marked English.
    if let Some(name) = element.get_attribute("data-english") {
        let beside = element
            .owner_document()
            .ok_or("an element outside any document")?
            .create_element("span")?;
        beside.set_class_name("term-en");
        beside.set_attribute("lang", "en")?;
        beside.set_text_content(Some(&name));
        element.append_child(&beside)?;
        element.remove_attribute("data-english")?;
    }
    Ok(())
}
