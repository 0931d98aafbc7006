//! The shape of the code, checked: no import cycle between the files of a layer, no file
//! over 600 lines.
//!
//! A cycle (the app shell imports a view that imports the shell back) means neither file
//! can be read, tested or moved alone. The graph is built from the source text: `use`
//! declarations and paths through `super::`, `self::`, `crate::<layer>::` or a child
//! module. A name a `mod.rs` merely re-exports (`pub use child::Name`) counts as a use of
//! the child that defines it; `mod child;` itself is not a use.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Longest a source file may be before it should be split along a real seam.
const MAX_LINES: usize = 600;

#[test]
fn no_import_cycle_between_the_files_of_the_ui() {
    assert_no_import_cycle("ui");
}

/// Fails naming the cycle if the files under `src/<layer>/` import each other in a ring.
fn assert_no_import_cycle(layer: &str) {
    let files = read_dir_sources(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(layer));
    if let Some(cycle) = find_cycle(&files, &[layer]) {
        panic!("import cycle in src/{layer}: {}", cycle.join(" → "));
    }
}

#[test]
fn no_import_cycle_between_the_files_of_the_store() {
    assert_no_import_cycle("store");
}

#[test]
fn no_source_file_is_over_600_lines() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = read_dir_sources(&root);
    let long: Vec<String> = files
        .iter()
        .filter(|(_, text)| text.lines().count() > MAX_LINES)
        .map(|(path, text)| format!("src/{path} ({} lines)", text.lines().count()))
        .collect();
    assert!(long.is_empty(), "files over {MAX_LINES} lines: {}", long.join(", "));
}

#[test]
fn the_cycle_finder_catches_a_shell_and_a_view_importing_each_other() {
    // Today's shape before the split: the shell imports the board, the board imports
    // `Selection` from the shell.
    let files = sources(&[
        ("mod.rs", "pub mod app;\npub mod journey_board;\npub use app::FanpathApp;\n"),
        ("app.rs", "use super::journey_board;\npub struct Selection;\npub struct FanpathApp;\n"),
        ("journey_board.rs", "use super::app::Selection;\npub fn board_ui(_: &Selection) {}\n"),
    ]);
    let cycle = find_cycle(&files, &["ui"]).expect("a cycle");
    assert!(
        cycle.contains(&"app.rs".to_owned()) && cycle.contains(&"journey_board.rs".to_owned()),
        "{cycle:?}"
    );

    // The same through `crate::ui::` and a path in code rather than a `use`.
    let files = sources(&[
        ("mod.rs", "mod a;\nmod b;\n"),
        ("a.rs", "pub fn f() { crate::ui::b::g() }\n"),
        ("b.rs", "pub fn g() {}\nfn h() { super::a::f() }\n"),
    ]);
    assert!(find_cycle(&files, &["ui"]).is_some());
}

#[test]
fn the_cycle_finder_follows_re_exports_and_ignores_mod_declarations() {
    // `b` imports `Thing` through the parent, which only re-exports it from `c`: b uses c.
    // The parent declares and imports `b`, and that is not a cycle.
    let files = sources(&[
        ("a/mod.rs", "mod b;\nmod c;\npub use c::Thing;\nuse self::b::Other;\n"),
        ("a/b.rs", "use super::Thing; // not super::Other\npub struct Other;\n"),
        ("a/c.rs", "pub struct Thing;\n"),
        ("mod.rs", "pub mod a;\n/* use a::b; */\nconst S: &str = \"super::a\";\n"),
    ]);
    assert_eq!(find_cycle(&files, &["ui"]), None);
    let graph = build_graph(&files, &["ui"]);
    assert!(graph["a/b.rs"].contains("a/c.rs"), "{graph:?}");
    assert!(!graph["a/b.rs"].contains("a/mod.rs"), "{graph:?}");
    assert!(!graph["mod.rs"].contains("a/mod.rs"), "comments and strings are not uses: {graph:?}");

    // `use super::*` in a file's test module is the file itself, not its parent.
    let files = sources(&[
        ("mod.rs", "mod a;\nmod b;\nuse b::B;\n"),
        (
            "b.rs",
            "use super::a::A;\npub struct B;\n#[cfg(test)]\nmod tests {\n    use super::*;\n    const C: char = '\\'';\n}\n",
        ),
        ("a.rs", "pub struct A;\n"),
    ]);
    assert_eq!(find_cycle(&files, &["ui"]), None, "{:?}", build_graph(&files, &["ui"]));

    // A name the parent defines itself is a use of the parent: now there is a cycle.
    let files = sources(&[
        ("a/mod.rs", "mod b;\npub struct Thing;\nuse b::Other;\n"),
        ("a/b.rs", "use super::Thing;\npub struct Other;\n"),
    ]);
    assert!(find_cycle(&files, &["ui"]).is_some());
}

// ---------------------------------------------------------------------------------------
// The graph.

/// Relative path ("app/mod.rs") → file text.
type Sources = BTreeMap<String, String>;

/// Relative path → the files it uses.
type Graph = BTreeMap<String, BTreeSet<String>>;

fn sources(files: &[(&str, &str)]) -> Sources {
    files.iter().map(|(path, text)| ((*path).to_owned(), (*text).to_owned())).collect()
}

/// Every `.rs` file under `dir`, by path relative to it with `/` separators.
fn read_dir_sources(dir: &Path) -> Sources {
    fn walk(dir: &Path, base: &Path, out: &mut Sources) {
        let mut entries: Vec<PathBuf> =
            std::fs::read_dir(dir).expect("read dir").map(|e| e.expect("entry").path()).collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, base, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let relative = path.strip_prefix(base).expect("under base");
                let key = relative.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>();
                out.insert(key.join("/"), std::fs::read_to_string(&path).expect("read"));
            }
        }
    }
    let mut out = Sources::new();
    walk(dir, dir, &mut out);
    out
}

/// The module path of a file relative to the layer's root: `app/mod.rs` → `[app]`.
fn module_of(file: &str) -> Vec<String> {
    let mut parts: Vec<String> = file.trim_end_matches(".rs").split('/').map(str::to_owned).collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// One path found in a file, and whether it is a `pub use` (a re-export).
#[derive(Debug)]
struct FoundPath {
    segments: Vec<String>,
    re_export: bool,
    /// The inline modules (`mod tests { … }`) the path is written in, outermost first.
    inline: Vec<String>,
}

/// Builds the file graph of a layer whose root module is `crate::<layer...>`.
fn build_graph(files: &Sources, layer: &[&str]) -> Graph {
    let modules: BTreeMap<Vec<String>, String> = files.keys().map(|f| (module_of(f), f.clone())).collect();
    let paths: BTreeMap<&String, Vec<FoundPath>> =
        files.iter().map(|(f, text)| (f, paths_in(text))).collect();
    let mut graph = Graph::new();
    for (file, found) in &paths {
        let targets = graph.entry((*file).clone()).or_default();
        for path in found {
            let mut here = module_of(file);
            here.extend(path.inline.iter().cloned());
            if let Some(target) = resolve(&here, &path.segments, layer, &modules, &paths, 0)
                && target != **file
            {
                targets.insert(target);
            }
        }
    }
    graph
}

/// The file a path from module `here` leads to, following re-exports; `None` for paths
/// outside the layer (`crate::model::…`, `egui::…`) or that name no module.
fn resolve(
    here: &[String],
    segments: &[String],
    layer: &[&str],
    modules: &BTreeMap<Vec<String>, String>,
    paths: &BTreeMap<&String, Vec<FoundPath>>,
    depth: usize,
) -> Option<String> {
    if depth > 16 {
        return None;
    }
    let mut rest = segments;
    let mut module: Vec<String> = match rest.first().map(String::as_str) {
        Some("crate") => {
            let inside =
                rest.len() > layer.len() && rest[1..=layer.len()].iter().zip(layer).all(|(a, b)| a == b);
            if !inside {
                return None;
            }
            rest = &rest[layer.len() + 1..];
            Vec::new()
        }
        Some("super") => {
            let mut module = here.to_vec();
            while rest.first().is_some_and(|s| s == "super") {
                module.pop()?;
                rest = &rest[1..];
            }
            module
        }
        Some("self") => {
            rest = &rest[1..];
            here.to_vec()
        }
        Some(child) => {
            let mut module = here.to_vec();
            module.push(child.to_owned());
            if !modules.contains_key(&module) {
                return None;
            }
            here.to_vec()
        }
        None => return None,
    };
    while let Some(next) = rest.first() {
        let mut deeper = module.clone();
        deeper.push(next.clone());
        if !modules.contains_key(&deeper) {
            break;
        }
        module = deeper;
        rest = &rest[1..];
    }
    let file = modules.get(&module)?;
    // A name the module only re-exports belongs to the file that defines it.
    if let Some(name) = rest.first()
        && let Some(found) = paths.get(file)
        && let Some(export) =
            found.iter().find(|p| p.re_export && p.segments.last() == Some(name) && p.segments.len() > 1)
        && let Some(target) = resolve(&module, &export.segments, layer, modules, paths, depth + 1)
    {
        return Some(target);
    }
    Some(file.clone())
}

/// A cycle in the graph, as file names with the first repeated at the end.
fn find_cycle(files: &Sources, layer: &[&str]) -> Option<Vec<String>> {
    let graph = build_graph(files, layer);
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done,
    }
    fn visit(
        node: &str,
        graph: &Graph,
        marks: &mut BTreeMap<String, Mark>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        marks.insert(node.to_owned(), Mark::Open);
        stack.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            match marks.get(next) {
                Some(Mark::Open) => {
                    let start = stack.iter().position(|n| n == next).unwrap_or(0);
                    let mut cycle = stack[start..].to_vec();
                    cycle.push(next.clone());
                    return Some(cycle);
                }
                Some(Mark::Done) => {}
                None => {
                    if let Some(cycle) = visit(next, graph, marks, stack) {
                        return Some(cycle);
                    }
                }
            }
        }
        stack.pop();
        marks.insert(node.to_owned(), Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    for node in graph.keys() {
        if !marks.contains_key(node)
            && let Some(cycle) = visit(node, &graph, &mut marks, &mut Vec::new())
        {
            return Some(cycle);
        }
    }
    None
}

// ---------------------------------------------------------------------------------------
// Reading paths out of Rust source, without a parser: comments and literals are dropped,
// then `use` trees are expanded and every `a::b::c` path elsewhere is taken as written.

#[derive(Clone, Debug, PartialEq)]
enum Token {
    Ident(String),
    PathSep,
    Punct(char),
}

fn tokens(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if c == 'r'
            && (next == Some('"')
                || (next == Some('#') && chars.get(i + 2).is_some_and(|c| *c == '#' || *c == '"')))
        {
            // Raw string: r"…", r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            j += 1;
            while j < chars.len() {
                if chars[j] == '"' && (0..hashes).all(|k| chars.get(j + 1 + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            i = j;
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
        } else if c == '\'' {
            // A char literal ('a', '\n', '"') or a lifetime ('a): skip the literal whole.
            if next == Some('\\') {
                i += 3;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if chars.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                i += 1;
            }
        } else if c.is_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push(Token::Ident(chars[start..i].iter().collect()));
        } else if c == ':' && next == Some(':') {
            out.push(Token::PathSep);
            i += 2;
        } else {
            if !c.is_whitespace() {
                out.push(Token::Punct(c));
            }
            i += 1;
        }
    }
    out
}

fn paths_in(text: &str) -> Vec<FoundPath> {
    let tokens = tokens(text);
    let mut found = Vec::new();
    // Inline modules open at this point, with the brace depth their body starts at.
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0;
    let mut i = 0;
    while i < tokens.len() {
        match &tokens[i] {
            Token::Punct('{') => {
                depth += 1;
                if i >= 2
                    && tokens[i - 2] == Token::Ident("mod".into())
                    && let Token::Ident(name) = &tokens[i - 1]
                {
                    inline.push((name.clone(), depth));
                }
            }
            Token::Punct('}') => {
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
                depth = depth.saturating_sub(1);
            }
            Token::Ident(_) | Token::PathSep | Token::Punct(_) => {}
        }
        let here: Vec<String> = inline.iter().map(|(name, _)| name.clone()).collect();
        let is_use = tokens[i] == Token::Ident("use".into()) && (i == 0 || tokens[i - 1] != Token::PathSep);
        if is_use {
            let re_export = i > 0
                && (tokens[i - 1] == Token::Ident("pub".into())
                    || (tokens[i - 1] == Token::Punct(')')
                        && tokens[..i].iter().rev().take(5).any(|t| *t == Token::Ident("pub".into()))));
            let end =
                tokens[i..].iter().position(|t| *t == Token::Punct(';')).map_or(tokens.len(), |p| i + p);
            let mut pos = i + 1;
            for segments in use_tree(&tokens[..end], &mut pos, &[]) {
                found.push(FoundPath { segments, re_export, inline: here.clone() });
            }
            i = end + 1;
            continue;
        }
        // A path in code: ident (:: ident)+, not itself the tail of a longer path.
        if let Token::Ident(first) = &tokens[i]
            && tokens.get(i + 1) == Some(&Token::PathSep)
            && (i == 0 || tokens[i - 1] != Token::PathSep)
        {
            let mut segments = vec![first.clone()];
            let mut j = i + 1;
            while tokens.get(j) == Some(&Token::PathSep) {
                match tokens.get(j + 1) {
                    Some(Token::Ident(name)) => segments.push(name.clone()),
                    _ => break,
                }
                j += 2;
            }
            found.push(FoundPath { segments, re_export: false, inline: here });
            i = j;
            continue;
        }
        i += 1;
    }
    found
}

/// Expands a `use` tree starting at `pos` into full paths (`a::{b, c::d}` → `a::b`,
/// `a::c::d`; `a::{self}` → `a`).
fn use_tree(tokens: &[Token], pos: &mut usize, prefix: &[String]) -> Vec<Vec<String>> {
    let mut path = prefix.to_vec();
    let mut out = Vec::new();
    while *pos < tokens.len() {
        match &tokens[*pos] {
            Token::Ident(name) if name == "self" && !path.is_empty() => *pos += 1,
            Token::Ident(name) if name == "as" => {
                // `as alias`: the alias names nothing new to follow.
                *pos += 2;
            }
            Token::Ident(name) => {
                path.push(name.clone());
                *pos += 1;
            }
            Token::PathSep => *pos += 1,
            Token::Punct('{') => {
                *pos += 1;
                loop {
                    out.extend(use_tree(tokens, pos, &path));
                    match tokens.get(*pos) {
                        Some(Token::Punct(',')) => *pos += 1,
                        Some(Token::Punct('}')) => {
                            *pos += 1;
                            break;
                        }
                        _ => break,
                    }
                    if tokens.get(*pos) == Some(&Token::Punct('}')) {
                        *pos += 1;
                        break;
                    }
                }
                return out;
            }
            Token::Punct('*') => *pos += 1,
            Token::Punct(_) => break,
        }
    }
    if path.len() > prefix.len() || (!path.is_empty() && out.is_empty()) {
        out.push(path);
    }
    out
}
