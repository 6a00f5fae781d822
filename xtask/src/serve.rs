//! `cargo xtask serve`: a small static file server for dist/site/ on 127.0.0.1.

use crate::site::Rules;
use crate::util::Result;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};

pub fn serve(site: &Path, port: u16, single_file: &Path) -> Result {
    let listener = TcpListener::bind(("127.0.0.1", port))
        .map_err(|error| format!("cannot listen on 127.0.0.1:{port}: {error}"))?;
    let site = site
        .canonicalize()
        .map_err(|error| format!("cannot open {}: {error}", site.display()))?;
    println!();
    println!("Serving {} at http://127.0.0.1:{port}/", site.display());
    println!("Single file: {}", single_file.display());
    println!("Press Ctrl-C to stop.");
    crate::util::flush();
    // The headers dist/site/_headers asks a host to send, each page's policy included, so that
    // trying the site here shows what a strict host will.
    let rules = std::sync::Arc::new(Rules::parse(
        &std::fs::read_to_string(site.join("_headers")).unwrap_or_default(),
    ));
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        let site = site.clone();
        let rules = rules.clone();
        std::thread::spawn(move || {
            if let Err(error) = respond(stream, &site, &rules) {
                eprintln!("serve: {error}");
            }
        });
    }
    Ok(())
}

fn respond(mut stream: TcpStream, site: &Path, rules: &Rules) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Read (and ignore) the headers.
    let mut header = String::new();
    while reader.read_line(&mut header)? > 2 {
        header.clear();
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or_default();
    let target = parts.next().unwrap_or("/");
    let (status, content_type, body) = if method != "GET" && method != "HEAD" {
        (
            "405 Method Not Allowed",
            "text/plain; charset=utf-8",
            b"method not allowed\n".to_vec(),
        )
    } else {
        match resolve(site, target).and_then(|path| Some((std::fs::read(&path).ok()?, path))) {
            Some((body, path)) => ("200 OK", mime_type(&path), body),
            None => (
                "404 Not Found",
                "text/plain; charset=utf-8",
                b"not found\n".to_vec(),
            ),
        }
    };
    println!("{method} {target} -> {status}");
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let headers: String = rules
        .headers_for(&percent_decode(path).unwrap_or_default())
        .iter()
        .map(|(name, value)| format!("{name}: {value}\r\n"))
        .collect();
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\n{headers}Connection: close\r\n\r\n",
        body.len(),
    )?;
    if method != "HEAD" {
        stream.write_all(&body)?;
    }
    stream.flush()
}

/// The file a request path names inside `site`, refusing anything that would leave it.
fn resolve(site: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let decoded = percent_decode(path)?;
    let mut file = site.to_path_buf();
    for component in Path::new(decoded.trim_start_matches('/')).components() {
        match component {
            Component::Normal(part) => file.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

/// A request path's percent-escapes decoded; `None` when they do not spell UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    percent_encoding::percent_decode_str(text)
        .decode_utf8()
        .ok()
        .map(|decoded| decoded.into_owned())
}

fn mime_type(path: &Path) -> &'static str {
    let extension = path
        .extension()
        .and_then(|extension| extension.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    match extension.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" | "map" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "csv" => "text/csv; charset=utf-8",
        "txt" | "md" => "text/plain; charset=utf-8",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolve_stays_inside_the_site() {
        let site = std::env::temp_dir().join(format!("xtask-serve-test-{}", std::process::id()));
        std::fs::create_dir_all(site.join("sub")).unwrap();
        std::fs::write(site.join("index.html"), "x").unwrap();
        std::fs::write(site.join("sub/a b.js"), "x").unwrap();
        assert_eq!(resolve(&site, "/"), Some(site.join("index.html")));
        assert_eq!(
            resolve(&site, "/index.html?v=1"),
            Some(site.join("index.html"))
        );
        assert_eq!(
            resolve(&site, "/sub/a%20b.js"),
            Some(site.join("sub/a b.js"))
        );
        assert_eq!(resolve(&site, "/../etc/passwd"), None);
        assert_eq!(resolve(&site, "/sub/%2e%2e/%2e%2e/etc/passwd"), None);
        assert_eq!(resolve(&site, "/missing.js"), None);
        // Escapes that do not spell UTF-8 name no file.
        assert_eq!(resolve(&site, "/sub/a%ff.js"), None);
        std::fs::remove_dir_all(&site).ok();
    }

    #[test]
    fn wasm_has_its_streaming_mime_type() {
        assert_eq!(
            mime_type(Path::new("x/ict_explorer_bg.wasm")),
            "application/wasm"
        );
        assert_eq!(
            mime_type(Path::new("app.js")),
            "text/javascript; charset=utf-8"
        );
    }
}
