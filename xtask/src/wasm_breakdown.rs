//! What the Wasm is made of: the bytes of every function's code by crate and the largest
//! functions, read from the module's own `name` section (rustc's output before wasm-bindgen and
//! wasm-opt keeps it; the shipped file does not, so the shares are of the unoptimised module).
//!
//! The reading is done here rather than with a Wasm tooling crate because it needs only three
//! sections (imports to number the functions, code for their sizes, names), and a dependency of
//! that size would cost the tool more build time than this file's lines.

use std::collections::BTreeMap;

/// One function of the module: its demangled name and the bytes of its body.
#[derive(Debug, Clone, PartialEq)]
pub struct Function {
    pub name: String,
    pub bytes: usize,
}

/// The functions of a module, in the order of the code section.
#[derive(Debug, Default)]
pub struct Breakdown {
    pub functions: Vec<Function>,
    /// Bytes of the whole file, for the shares.
    pub file_bytes: usize,
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Result<u8, String> {
        let b = *self
            .bytes
            .get(self.at)
            .ok_or_else(|| format!("the module ends early at byte {}", self.at))?;
        self.at += 1;
        Ok(b)
    }

    fn leb(&mut self) -> Result<u64, String> {
        let (mut value, mut shift) = (0u64, 0);
        loop {
            let b = self.byte()?;
            value |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
            shift += 7;
            if shift > 63 {
                return Err(format!("a number too long at byte {}", self.at));
            }
        }
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or_else(|| format!("a field runs past the end at byte {}", self.at))?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }

    fn name(&mut self) -> Result<&'a str, String> {
        let n = self.leb()? as usize;
        let at = self.at;
        std::str::from_utf8(self.take(n)?).map_err(|_| format!("a name that is not UTF-8 at {at}"))
    }

    fn limits(&mut self) -> Result<(), String> {
        let flags = self.byte()?;
        self.leb()?;
        if flags & 1 != 0 {
            self.leb()?;
        }
        Ok(())
    }
}

/// How many functions the module imports: they come first in the function numbering.
fn imported_functions(section: &[u8]) -> Result<usize, String> {
    let mut r = Reader {
        bytes: section,
        at: 0,
    };
    let mut functions = 0;
    for _ in 0..r.leb()? {
        r.name()?;
        r.name()?;
        match r.byte()? {
            0 => {
                r.leb()?;
                functions += 1;
            }
            1 => {
                r.byte()?;
                r.limits()?;
            }
            2 => r.limits()?,
            3 => {
                r.byte()?;
                r.byte()?;
            }
            4 => {
                r.byte()?;
                r.leb()?;
            }
            k => return Err(format!("an import of unknown kind {k}")),
        }
    }
    Ok(functions)
}

impl Breakdown {
    /// Reads a module; a module without a `name` section is refused, since every function would
    /// be anonymous.
    pub fn read(bytes: &[u8]) -> Result<Breakdown, String> {
        if bytes.get(..4) != Some(b"\0asm") {
            return Err("not a WebAssembly module (no \\0asm header)".into());
        }
        let mut r = Reader { bytes, at: 8 };
        let (mut imported, mut sizes, mut names) = (0usize, Vec::new(), BTreeMap::new());
        while r.at < bytes.len() {
            let id = r.byte()?;
            let len = r.leb()? as usize;
            let section = r.take(len)?;
            match id {
                2 => imported = imported_functions(section)?,
                10 => {
                    let mut c = Reader {
                        bytes: section,
                        at: 0,
                    };
                    for _ in 0..c.leb()? {
                        let body = c.leb()? as usize;
                        c.take(body)?;
                        sizes.push(body);
                    }
                }
                0 => {
                    let mut c = Reader {
                        bytes: section,
                        at: 0,
                    };
                    if c.name()? != "name" {
                        continue;
                    }
                    while c.at < section.len() {
                        let sub = c.byte()?;
                        let sub_len = c.leb()? as usize;
                        let data = c.take(sub_len)?;
                        // Subsection 1: function names.
                        if sub == 1 {
                            let mut n = Reader { bytes: data, at: 0 };
                            for _ in 0..n.leb()? {
                                let index = n.leb()? as usize;
                                // `{:#}` leaves out the trailing hash (`::h0123…`).
                                let name = rustc_demangle::demangle(n.name()?);
                                names.insert(index, format!("{name:#}"));
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        if names.is_empty() {
            return Err(
                "the module has no function names (a name section): build it without \
                 stripping, as `cargo build --release --target wasm32-unknown-unknown` does"
                    .into(),
            );
        }
        let functions = sizes
            .into_iter()
            .enumerate()
            .map(|(i, bytes)| Function {
                name: names
                    .get(&(imported + i))
                    .cloned()
                    .unwrap_or_else(|| format!("function[{}]", imported + i)),
                bytes,
            })
            .collect();
        Ok(Breakdown {
            functions,
            file_bytes: bytes.len(),
        })
    }

    /// Bytes of code by crate, largest first.
    pub fn by_crate(&self) -> Vec<(String, usize, usize)> {
        let mut crates: BTreeMap<String, (usize, usize)> = BTreeMap::new();
        for f in &self.functions {
            let e = crates.entry(crate_of(&f.name)).or_default();
            e.0 += f.bytes;
            e.1 += 1;
        }
        let mut v: Vec<_> = crates.into_iter().map(|(c, (b, n))| (c, b, n)).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        v
    }

    /// The `n` largest functions.
    pub fn largest(&self, n: usize) -> Vec<&Function> {
        let mut v: Vec<&Function> = self.functions.iter().collect();
        v.sort_by(|a, b| b.bytes.cmp(&a.bytes).then_with(|| a.name.cmp(&b.name)));
        v.truncate(n);
        v
    }

    /// Functions whose name holds `path` (e.g. `core::slice::sort`): count and bytes, to watch
    /// generic code instantiated once per type.
    pub fn instances(&self, path: &str) -> (usize, usize) {
        self.functions
            .iter()
            .filter(|f| f.name.contains(path))
            .fold((0, 0), |(n, b), f| (n + 1, b + f.bytes))
    }

    /// All code bytes.
    pub fn code_bytes(&self) -> usize {
        self.functions.iter().map(|f| f.bytes).sum()
    }

    /// Prints the report: crates, then the largest functions of our own crates and overall.
    pub fn print(&self, top: usize) {
        let code = self.code_bytes().max(1);
        println!(
            "Wasm code by crate (unoptimised module, {} bytes, {} of code in {} functions):",
            self.file_bytes,
            code,
            self.functions.len()
        );
        println!(
            "  {:<28} {:>10} {:>7} {:>6}",
            "crate", "bytes", "share", "fns"
        );
        for (c, b, n) in self.by_crate().into_iter().take(top) {
            println!(
                "  {c:<28} {b:>10} {:>6.1}% {n:>6}",
                100.0 * b as f64 / code as f64
            );
        }
        let (n, b) = self.instances("core::slice::sort");
        println!(
            "  core::slice::sort instances: {n} functions, {b} bytes ({:.1}%)",
            100.0 * b as f64 / code as f64
        );
        println!("Largest functions:");
        for f in self.largest(top) {
            println!("  {:>8}  {}", f.bytes, short(&f.name, 110));
        }
    }
}

/// The crate a demangled name belongs to: the first path segment, looking through the `<` of a
/// trait implementation (`<perheopas::X as core::fmt::Debug>::fmt` belongs to `perheopas`).
pub fn crate_of(name: &str) -> String {
    let own = first_segment(name);
    // A blanket implementation (`<T as alloc::string::ToString>::to_string`) belongs to the
    // trait's crate: `T` is a type parameter, not a crate.
    let generic = own.len() <= 2 && own.chars().next().is_some_and(char::is_uppercase);
    match name.find(" as ") {
        Some(i) if generic => first_segment(&name[i + 4..]),
        _ => own,
    }
}

fn first_segment(name: &str) -> String {
    let s = name.trim_start_matches(['<', '&', '*']);
    let s = s
        .strip_prefix("mut ")
        .or(s.strip_prefix("dyn "))
        .unwrap_or(s);
    let end = s
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    let first = &s[..end];
    if first.is_empty() {
        "(other)".to_string()
    } else {
        first.to_string()
    }
}

fn short(name: &str, max: usize) -> String {
    if name.chars().count() <= max {
        name.to_string()
    } else {
        format!("{}…", name.chars().take(max).collect::<String>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leb(mut v: usize, out: &mut Vec<u8>) {
        loop {
            let b = (v & 0x7f) as u8;
            v >>= 7;
            out.push(if v == 0 { b } else { b | 0x80 });
            if v == 0 {
                break;
            }
        }
    }

    fn section(id: u8, body: &[u8], out: &mut Vec<u8>) {
        out.push(id);
        leb(body.len(), out);
        out.extend_from_slice(body);
    }

    fn string(s: &str, out: &mut Vec<u8>) {
        leb(s.len(), out);
        out.extend_from_slice(s.as_bytes());
    }

    /// A module with one imported function and two defined ones of 3 and 300 bytes.
    fn module(with_names: bool) -> Vec<u8> {
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        let mut imports = vec![1];
        string("env", &mut imports);
        string("f", &mut imports);
        imports.extend([0, 0]);
        section(2, &imports, &mut m);
        let mut code = vec![2];
        for n in [3usize, 300] {
            leb(n, &mut code);
            code.extend(std::iter::repeat_n(0u8, n));
        }
        section(10, &code, &mut m);
        if with_names {
            let mut names = Vec::new();
            string("name", &mut names);
            let mut sub = vec![3];
            for (i, n) in [
                (0, "env::f"),
                (1, "_ZN14perheopas_core6search4find17h0123456789abcdefE"),
                (2, "<perheopas::App as core::fmt::Debug>::fmt"),
            ] {
                leb(i, &mut sub);
                string(n, &mut sub);
            }
            names.push(1);
            leb(sub.len(), &mut names);
            names.extend(sub);
            section(0, &names, &mut m);
        }
        m
    }

    /// The name section's symbols are mangled; the report reads them demangled, without hashes.
    #[test]
    fn functions_are_numbered_after_the_imports_and_sized_by_their_bodies() {
        let b = Breakdown::read(&module(true)).unwrap();
        assert_eq!(
            b.functions,
            vec![
                Function {
                    name: "perheopas_core::search::find".into(),
                    bytes: 3
                },
                Function {
                    name: "<perheopas::App as core::fmt::Debug>::fmt".into(),
                    bytes: 300
                },
            ]
        );
        let crates: Vec<_> = b.by_crate().into_iter().map(|(c, b, _)| (c, b)).collect();
        assert_eq!(
            crates,
            vec![("perheopas".into(), 300), ("perheopas_core".into(), 3)]
        );
        assert_eq!(b.largest(1)[0].bytes, 300);
        assert_eq!(b.instances("search::find"), (1, 3));
    }

    #[test]
    fn a_module_without_names_or_not_wasm_is_refused() {
        assert!(Breakdown::read(&module(false))
            .unwrap_err()
            .contains("no function names"));
        assert!(Breakdown::read(b"<html>")
            .unwrap_err()
            .contains("not a WebAssembly"));
        let mut cut = module(true);
        cut.truncate(20);
        assert!(Breakdown::read(&cut).unwrap_err().contains("end"));
    }

    #[test]
    fn crates_are_read_through_trait_impls() {
        assert_eq!(crate_of("tachys::view::any_view::AnyView::new"), "tachys");
        assert_eq!(crate_of("<&mut T as core::fmt::Write>::write_str"), "core");
        assert_eq!(
            crate_of("<F as tachys::reactive_graph::ReactiveFunction>::invoke"),
            "tachys"
        );
        assert_eq!(
            crate_of("<Func as leptos::component::ComponentConstructor<P,T>>::construct"),
            "Func"
        );
        assert_eq!(crate_of("<alloc::vec::Vec<T> as Drop>::drop"), "alloc");
        assert_eq!(crate_of("dlmalloc"), "dlmalloc");
        assert_eq!(crate_of("{closure#0}"), "(other)");
    }
}
