//! Changes the page only where it differs from what the core wants it to show.
//!
//! Replacing a region's `innerHTML` makes the browser throw away every node in it, build new
//! ones, shape their text again and lay the region out anew; on a series toggle that work was
//! most of the time the page took. Here a region's new HTML is parsed into a detached element
//! (which no style or layout touches) and the live region is patched to match it: subtrees the
//! browser finds equal (`isEqualNode`, one native call) are left alone, an element of the same
//! tag keeps its node and has only its differing attributes set, a text node only its
//! differing text. The nodes that stay keep the keyboard focus and the screen reader's place.
//!
//! The smaller helpers write an attribute, a text or `hidden` only when it differs: even a
//! write of the same value makes the browser check styles again.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node};

/// Sets `name` to `value` unless it already has that value.
pub fn set_attribute(element: &Element, name: &str, value: &str) -> Result<(), JsValue> {
    if element.get_attribute(name).as_deref() != Some(value) {
        element.set_attribute(name, value)?;
    }
    Ok(())
}

/// Shows a `hidden` element, or hides one, unless it is already so.
pub fn set_hidden(element: &Element, hidden: bool) -> Result<(), JsValue> {
    if element.has_attribute("hidden") == hidden {
        return Ok(());
    }
    if hidden {
        element.set_attribute("hidden", "")
    } else {
        element.remove_attribute("hidden")
    }
}

/// Sets an element's text unless it already reads so.
pub fn set_text(element: &Element, text: &str) {
    if element.text_content().as_deref() != Some(text) {
        element.set_text_content(Some(text));
    }
}

/// Makes the children of `live` match `html`, changing as few nodes as it can.
pub fn patch_children(document: &Document, live: &Element, html: &str) -> Result<(), JsValue> {
    patch_nodes(live, None, &parsed(document, html)?)
}

/// Makes the siblings after `after` (a child of `parent`) match `html`.
pub fn patch_after(
    document: &Document,
    parent: &Element,
    after: &Node,
    html: &str,
) -> Result<(), JsValue> {
    patch_nodes(parent, Some(after), &parsed(document, html)?)
}

/// Makes `container`'s children, which show the rows `shown` (each a key and its HTML, one
/// element each), show `wanted` instead. A row whose key stays keeps its node (and is patched
/// when its HTML changed), so only new and changed rows are parsed. Returns false, having
/// changed nothing, when the children are not the rows `shown`.
pub fn patch_rows(
    document: &Document,
    container: &Element,
    shown: &[(String, String)],
    wanted: &[(String, String)],
) -> Result<bool, JsValue> {
    let mut nodes: Vec<Option<Element>> = Vec::with_capacity(shown.len());
    let mut node = container.first_element_child();
    while let Some(element) = node {
        node = element.next_element_sibling();
        nodes.push(Some(element));
    }
    if nodes.len() != shown.len() {
        return Ok(false);
    }
    let mut place = container.first_child();
    for (key, html) in wanted {
        let kept = shown
            .iter()
            .zip(nodes.iter_mut())
            .find(|((shown_key, _), node)| shown_key == key && node.is_some())
            .and_then(|((_, shown_html), node)| Some((shown_html, node.take()?)));
        let element: Node = match kept {
            Some((shown_html, element)) if shown_html == html => element.into(),
            Some((_, element)) => match parsed(document, html)?.first_child() {
                Some(want) if same_kind(&element, &want) => {
                    patch_node(&element, &want)?;
                    element.into()
                }
                other => {
                    if place.as_ref() == Some(&*element) {
                        place = element.next_sibling();
                    }
                    container.remove_child(&element)?;
                    match other {
                        Some(want) => want,
                        None => continue,
                    }
                }
            },
            None => match parsed(document, html)?.first_child() {
                Some(want) => want,
                None => continue,
            },
        };
        if place.as_ref() != Some(&element) {
            container.insert_before(&element, place.as_ref())?;
        }
        place = element.next_sibling();
    }
    for node in nodes.into_iter().flatten() {
        container.remove_child(&node)?;
    }
    Ok(true)
}

/// `html` parsed in a `<template>`, where no style or layout touches it and table rows parse
/// as rows: the template's content.
fn parsed(document: &Document, html: &str) -> Result<Node, JsValue> {
    let template = document.create_element("template")?;
    template.set_inner_html(html);
    js_sys::Reflect::get(&template, &JsValue::from_str("content"))?.dyn_into()
}

/// Makes `live`'s children (those after `after`, when given) match `wanted`'s, position by
/// position, moving nodes out of `wanted` where the live page has nothing to keep.
fn patch_nodes(live: &Node, after: Option<&Node>, wanted: &Node) -> Result<(), JsValue> {
    let mut kept = match after {
        Some(node) => node.next_sibling(),
        None => live.first_child(),
    };
    let mut next_wanted = wanted.first_child();
    while let Some(want) = next_wanted {
        next_wanted = want.next_sibling();
        match kept {
            Some(node) if node.is_equal_node(Some(&want)) => kept = node.next_sibling(),
            Some(node) if same_kind(&node, &want) => {
                patch_node(&node, &want)?;
                kept = node.next_sibling();
            }
            Some(node) => {
                kept = node.next_sibling();
                live.replace_child(&want, &node)?;
            }
            None => {
                live.append_child(&want)?;
            }
        }
    }
    while let Some(node) = kept {
        kept = node.next_sibling();
        live.remove_child(&node)?;
    }
    Ok(())
}

/// Whether a node can be patched into another instead of replaced: text into text, or an
/// element into one of the same tag.
fn same_kind(node: &Node, other: &Node) -> bool {
    node.node_type() == other.node_type() && node.node_name() == other.node_name()
}

/// Patches one node into `wanted`, a node of the same kind.
fn patch_node(node: &Node, wanted: &Node) -> Result<(), JsValue> {
    let (Some(element), Some(want)) = (node.dyn_ref::<Element>(), wanted.dyn_ref::<Element>())
    else {
        if node.node_value() != wanted.node_value() {
            node.set_node_value(wanted.node_value().as_deref());
        }
        return Ok(());
    };
    let mut changed = false;
    for name in want.get_attribute_names().iter() {
        let Some(name) = name.as_string() else {
            continue;
        };
        let value = want.get_attribute(&name).unwrap_or_default();
        if element.get_attribute(&name).as_deref() != Some(value.as_str()) {
            element.set_attribute(&name, &value)?;
            changed = true;
        }
    }
    for name in element.get_attribute_names().iter() {
        let Some(name) = name.as_string() else {
            continue;
        };
        if !want.has_attribute(&name) {
            element.remove_attribute(&name)?;
            changed = true;
        }
    }
    // A box's `checked` attribute (and an option's `selected`) only sets its default once the
    // reader has used it; what the browser shows is the property, which a new node would have
    // taken from the attribute.
    if changed {
        if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
            input.set_checked(element.has_attribute("checked"));
            if let Some(value) = element.get_attribute("value") {
                if input.value() != value {
                    input.set_value(&value);
                }
            }
        } else if node.node_name() == "OPTION" {
            let selected = JsValue::from_bool(element.has_attribute("selected"));
            js_sys::Reflect::set(element, &JsValue::from_str("selected"), &selected)?;
        }
    }
    patch_nodes(node, None, wanted)?;
    // A text area's text is its default too: what it shows, once typed in, is its value.
    if let Some(area) = element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        let text = element.text_content().unwrap_or_default();
        if area.value() != text {
            area.set_value(&text);
        }
    }
    Ok(())
}
