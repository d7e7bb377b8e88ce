//! A catalogue with one broken reference behind a valid header and checksum: what a buggy writer
//! would make, and what only the decoder's reference check tells from a good file. The browser
//! test of the app's fallback to its saved copy serves it (tests/e2e/robustness.spec.mjs).

use std::path::Path;

/// Reads the good catalogue at `input`, points its first service at the organisation one past
/// the end of the list (the classic off-by-one) and writes the result to `output`. `encode`
/// writes whatever it is given, so the file's header and checksum are right. Prints what the
/// decoder says of it.
pub fn write(input: &Path, output: &Path) -> Result<(), String> {
    let bytes = std::fs::read(input).map_err(|e| format!("{}: {e}", input.display()))?;
    let mut cat =
        perheopas_core::asset::decode(&bytes).map_err(|e| format!("{}: {e}", input.display()))?;
    let past_the_end = u32::try_from(cat.organisations.len())
        .map_err(|_| "more organisations than 32-bit numbers reach".to_string())?;
    let Some(service) = cat.services.first_mut() else {
        return Err(format!("{}: no service to break", input.display()));
    };
    service.organisation = past_the_end;
    let broken = perheopas_core::asset::encode(&cat);
    std::fs::write(output, &broken).map_err(|e| format!("{}: {e}", output.display()))?;
    // Written either way: with the check switched off, the same file shows what it prevents.
    match perheopas_core::asset::decode(&broken) {
        Err(e) => println!("{}: {e}", output.display()),
        Ok(_) => println!(
            "{}: the decoder takes it, so the app will crash on it",
            output.display()
        ),
    }
    Ok(())
}
