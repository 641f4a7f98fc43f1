//! Output that is whole or absent: `-o FILE` is written to a temporary file beside it
//! and renamed over it once complete, so a crash, a full disk or Ctrl-C never leaves a
//! half-written graph under the name asked for. On an error the temporary file is
//! removed (on a kill it stays, named `.NAME.tmp-PID`, and the target is untouched).
//!
//! Rules:
//! - The temporary file is created in the target's own directory (a rename across file
//!   systems is not atomic), with the usual permissions (0666 less the umask).
//! - A target that exists and is not a regular file or a directory (`/dev/null`, a
//!   pipe) is written in place: it cannot be replaced, and needs no protection.
//! - A symbolic link is followed: the file it points to is replaced, not the link.
//! - A folder output (Neo4j) is written into a temporary folder beside the target and
//!   renamed to it when the target does not exist yet. Into an existing folder, each
//!   file is renamed in on its own (each file whole; files already there that the
//!   export does not write are left alone).
//! - [`refuse_inputs`] stops an output from overwriting one of its own inputs.

use std::fs::{self, File, OpenOptions};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

/// Removes a temporary file or folder when dropped, unless it was kept.
struct Temp {
    path: PathBuf,
    dir: bool,
    keep: bool,
}

impl Drop for Temp {
    fn drop(&mut self) {
        if !self.keep {
            // best effort: the error being reported matters more than this one
            let _ = if self.dir {
                fs::remove_dir_all(&self.path)
            } else {
                fs::remove_file(&self.path)
            };
        }
    }
}

/// The path that is really written: a symbolic link's target, else `path`.
fn resolve(path: &Path) -> PathBuf {
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => fs::canonicalize(path).unwrap_or(path.into()),
        _ => path.to_path_buf(),
    }
}

/// A fresh name beside `target`: `.NAME.tmp-PID[-N]`.
fn temp_name(target: &Path, n: u32) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    let pid = std::process::id();
    let tmp = if n == 0 {
        format!(".{name}.tmp-{pid}")
    } else {
        format!(".{name}.tmp-{pid}-{n}")
    };
    target.with_file_name(tmp)
}

/// Writes `target` through `write`: into a temporary file renamed over `target` when
/// `write` succeeds, removed when it fails.
pub fn write_file(target: &Path, write: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    let target = resolve(target);
    if fs::metadata(&target).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
        // a device or a pipe: written in place
        let file = OpenOptions::new()
            .write(true)
            .open(&target)
            .with_context(|| format!("opening {}", target.display()))?;
        let mut w = BufWriter::new(file);
        write(&mut w)?;
        return w
            .flush()
            .with_context(|| format!("writing {}", target.display()));
    }
    let (file, tmp) = create_temp(&target)?;
    let mut guard = Temp {
        path: tmp,
        dir: false,
        keep: false,
    };
    let mut w = BufWriter::new(file);
    write(&mut w)?;
    let file = w
        .into_inner()
        .map_err(|e| e.into_error())
        .with_context(|| format!("writing {}", target.display()))?;
    file.sync_all()
        .with_context(|| format!("writing {}", target.display()))?;
    drop(file);
    fs::rename(&guard.path, &target)
        .with_context(|| format!("renaming {} to {}", guard.path.display(), target.display()))?;
    guard.keep = true;
    Ok(())
}

fn create_temp(target: &Path) -> Result<(File, PathBuf)> {
    for n in 0.. {
        let tmp = temp_name(target, n);
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(f) => return Ok((f, tmp)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 100 => continue,
            Err(e) => {
                return Err(e).with_context(|| format!("creating {}", tmp.display()));
            }
        }
    }
    unreachable!("the loop returns")
}

/// Writes the folder `target` through `write` (which fills the folder it is given and
/// returns the files it wrote there); returns the files' final paths.
pub fn write_dir(
    target: &Path,
    write: impl FnOnce(&Path) -> Result<Vec<PathBuf>>,
) -> Result<Vec<PathBuf>> {
    let target = resolve(target);
    let mut n = 0;
    let tmp = loop {
        let tmp = temp_name(&target, n);
        match fs::create_dir(&tmp) {
            Ok(()) => break tmp,
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 100 => n += 1,
            Err(e) => return Err(e).with_context(|| format!("creating {}", tmp.display())),
        }
    };
    let mut guard = Temp {
        path: tmp,
        dir: true,
        keep: false,
    };
    let written = write(&guard.path)?;
    let names: Vec<PathBuf> = written
        .iter()
        .filter_map(|p| p.file_name().map(|n| target.join(n)))
        .collect();
    match fs::metadata(&target) {
        Err(_) => {
            fs::rename(&guard.path, &target).with_context(|| {
                format!("renaming {} to {}", guard.path.display(), target.display())
            })?;
            guard.keep = true;
        }
        Ok(m) if m.is_dir() => {
            for (from, to) in written.iter().zip(&names) {
                fs::rename(from, to)
                    .with_context(|| format!("renaming {} to {}", from.display(), to.display()))?;
            }
        }
        Ok(_) => bail!("{} exists and is not a folder", target.display()),
    }
    Ok(names)
}

/// The identity of an existing file: device and inode where there are such, else its
/// canonical path.
#[derive(PartialEq, Eq)]
enum Identity {
    #[cfg(unix)]
    Inode(u64, u64),
    #[cfg_attr(unix, allow(dead_code))]
    Path(PathBuf),
}

fn identity(path: &Path) -> Option<Identity> {
    let m = fs::metadata(path).ok()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some(Identity::Inode(m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = m;
        fs::canonicalize(path).ok().map(Identity::Path)
    }
}

/// Fails when writing `output` would overwrite one of `inputs`: the same file (by
/// inode, so hard links and symbolic links count), or for a folder output, an input
/// inside that folder.
pub fn refuse_inputs<'a>(
    output: &Path,
    folder: bool,
    inputs: impl IntoIterator<Item = &'a Path>,
) -> Result<()> {
    if folder {
        let Ok(dir) = fs::canonicalize(output) else {
            return Ok(()); // a new folder holds no input
        };
        for input in inputs {
            if fs::canonicalize(input).is_ok_and(|p| p.starts_with(&dir)) {
                bail!(
                    "refusing to write into {}: it holds the input {}",
                    output.display(),
                    input.display()
                );
            }
        }
        return Ok(());
    }
    let Some(out) = identity(output) else {
        return Ok(()); // a new file is no input
    };
    if fs::metadata(output).is_ok_and(|m| !m.is_file()) {
        return Ok(()); // a device or a pipe (`-o /dev/null`) is never overwritten
    }
    for input in inputs {
        if input.as_os_str() != "-" && identity(input).is_some_and(|i| i == out) {
            bail!(
                "refusing to overwrite {}: it is also an input",
                output.display()
            );
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temporary() {
        let d = tempfile::tempdir().unwrap();
        let out = d.path().join("g.json");
        fs::write(&out, "old").unwrap();
        let err = write_file(&out, |w| {
            w.write_all(b"half")?;
            bail!("disk full")
        });
        assert!(err.is_err());
        assert_eq!(fs::read_to_string(&out).unwrap(), "old");
        assert_eq!(entries(d.path()), ["g.json"]);
        write_file(&out, |w| Ok(w.write_all(b"new")?)).unwrap();
        assert_eq!(fs::read_to_string(&out).unwrap(), "new");
        assert_eq!(entries(d.path()), ["g.json"]);
    }

    #[test]
    fn a_symbolic_link_is_followed_and_devices_are_written_in_place() {
        let d = tempfile::tempdir().unwrap();
        let real = d.path().join("real.json");
        fs::write(&real, "old").unwrap();
        #[cfg(unix)]
        {
            let link = d.path().join("link.json");
            std::os::unix::fs::symlink(&real, &link).unwrap();
            write_file(&link, |w| Ok(w.write_all(b"new")?)).unwrap();
            assert!(
                fs::symlink_metadata(&link)
                    .unwrap()
                    .file_type()
                    .is_symlink()
            );
            assert_eq!(fs::read_to_string(&real).unwrap(), "new");
            write_file(Path::new("/dev/null"), |w| Ok(w.write_all(b"x")?)).unwrap();
            assert!(!fs::metadata("/dev/null").unwrap().is_file());
        }
    }

    #[test]
    fn folders_are_renamed_in_whole_and_removed_on_error() {
        let d = tempfile::tempdir().unwrap();
        let out = d.path().join("neo4j");
        let fill = |dir: &Path| -> Result<Vec<PathBuf>> {
            fs::write(dir.join("a.csv"), "a")?;
            Ok(vec![dir.join("a.csv")])
        };
        let err = write_dir(&out, |dir| {
            fill(dir)?;
            bail!("failed half way")
        });
        assert!(err.is_err());
        assert!(entries(d.path()).is_empty(), "{:?}", entries(d.path()));
        let files = write_dir(&out, fill).unwrap();
        assert_eq!(files, [out.join("a.csv")]);
        fs::write(out.join("mine.txt"), "kept").unwrap();
        write_dir(&out, fill).unwrap();
        assert_eq!(entries(&out), ["a.csv", "mine.txt"]);
        assert_eq!(entries(d.path()), ["neo4j"]);
    }

    #[test]
    fn an_input_is_never_an_output() {
        let d = tempfile::tempdir().unwrap();
        let input = d.path().join("a.txt");
        fs::write(&input, "text").unwrap();
        let other = d.path().join("b.json");
        assert!(refuse_inputs(&input, false, [input.as_path()]).is_err());
        // the same file by another name
        let dotted = d.path().join(".").join("a.txt");
        assert!(refuse_inputs(&dotted, false, [input.as_path()]).is_err());
        assert!(refuse_inputs(&other, false, [input.as_path()]).is_ok());
        fs::write(&other, "{}").unwrap();
        assert!(refuse_inputs(&other, false, [input.as_path()]).is_ok());
        assert!(refuse_inputs(d.path(), true, [input.as_path()]).is_err());
        assert!(refuse_inputs(&d.path().join("new"), true, [input.as_path()]).is_ok());
        assert!(refuse_inputs(Path::new("/dev/null"), false, [Path::new("/dev/null")]).is_ok());
    }
}
