//! The class-file layer: parsing only, no packaging policy. [`guard`] checks what cafebabe trusts
//! before a class is handed to it (a panic inside the component is a trap that kills the instance),
//! [`parse`] is how a class is handed to cafebabe, with which [`main_class`] finds the start class.
//! [`reader`] walks a class once for [`refs`] (what a class references), [`facts`] (what the split
//! graph reads of it, its references numbered by [`names`]) and [`scan`] (what it needs to link).

pub mod facts;
pub mod guard;
pub mod main_class;
pub mod names;
pub mod reader;
pub mod refs;
pub mod scan;

/// Parses a class file without its bytecode, refusing inputs known to make cafebabe 0.9 panic.
/// Natively a panic is also caught, so one bad class can never take a build down.
pub fn parse(bytes: &[u8]) -> Result<cafebabe::ClassFile<'_>, String> {
    guard::check(bytes)?;
    let mut options = cafebabe::ParseOptions::default();
    options.parse_bytecode(false);
    #[cfg(not(target_arch = "wasm32"))]
    {
        let parsed = std::panic::catch_unwind(|| cafebabe::parse_class_with_options(bytes, &options));
        match parsed {
            Ok(result) => result.map_err(|e| e.to_string()),
            Err(_) => Err("the class parser failed on this class (malformed class file)".into()),
        }
    }
    #[cfg(target_arch = "wasm32")]
    {
        cafebabe::parse_class_with_options(bytes, &options).map_err(|e| e.to_string())
    }
}
