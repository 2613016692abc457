//! Safe file writes: atomic replacement and an advisory lock for read-modify-write.
//!
//! # Overview
//! [`write_atomic`] replaces a file so that a reader (or a crash, or `kill -9`) sees either the whole old file or
//! the whole new one, never a half-written one: the bytes go to a temporary file in the same directory
//! (`.NAME.tmp.PID.N`), which is fsynced and renamed over the target, and then the directory is fsynced so that the
//! rename itself is durable. On an error the temporary file is removed and the target is untouched. A process
//! killed between the write and the rename can leave its temporary file behind (nothing can remove it), never a
//! damaged target.
//!
//! [`lock`] takes an exclusive advisory lock (`flock` on Unix, `LockFileEx` on Windows, through the `fs4` crate)
//! on `NAME.lock` next to the target, held until the returned [`FileLock`] is dropped. The lock is on a separate
//! file because the target itself is replaced by each write: a lock on its old inode would not exclude a process
//! that opened the new one. The `.lock` file is left in place after use (removing it would let a third process
//! lock a new inode while a second still holds the old one). Programs that edit the same file under this lock
//! cannot lose each other's changes: `qamus glossary add` reads, plans and writes under it.
//!
//! # Test hook
//! When the environment variable `QAMUS_TEST_PAUSE_BEFORE_RENAME_MS` holds a number, [`write_atomic`] sleeps that
//! many milliseconds after the temporary file is written and fsynced and before the rename. It exists only so that
//! the test suite can kill a process mid-write and run two writers at once deterministically; it changes nothing
//! else.
//!
//! # Example
//! ```
//! use qamus::fsio::{lock, write_atomic};
//!
//! let dir = std::env::temp_dir().join(format!("qamus-doc-{}", std::process::id()));
//! std::fs::create_dir_all(&dir)?;
//! let path = dir.join("glossary.csv");
//! write_atomic(&path, b"id,en\n")?;
//! {
//!     let _guard = lock(&path)?; // read, change and write under the lock
//!     let mut text = std::fs::read(&path)?;
//!     text.extend_from_slice(b"kremlin,Kremlin\n");
//!     write_atomic(&path, &text)?;
//! }
//! assert_eq!(std::fs::read_to_string(&path)?, "id,en\nkremlin,Kremlin\n");
//! # std::fs::remove_dir_all(&dir)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::error::{Error, ErrorKind, Result};

/// The environment variable of the test hook (see the module documentation).
pub const TEST_PAUSE_ENV: &str = "QAMUS_TEST_PAUSE_BEFORE_RENAME_MS";

/// Replaces the file at `path` with `bytes` atomically (see the module documentation). The new file keeps the
/// permissions of the one it replaces.
///
/// Errors: the directory cannot be written, the disk is full, `path` is a directory… (kind [`ErrorKind::Io`],
/// naming `path`). The old file is then intact and no temporary file remains.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_parts(path, &[bytes])
}

/// [`write_atomic`] of the concatenation of `parts`, without concatenating them in memory (an index's header and
/// its body of hundreds of megabytes).
pub fn write_atomic_parts(path: &Path, parts: &[&[u8]]) -> Result<()> {
    let resolved = resolve(path)?;
    let path = resolved.as_path();
    if path.is_dir() {
        return Err(Error::new(
            ErrorKind::Io,
            Some(crate::Location::file(path)),
            "is a directory, not a file",
        ));
    }
    let dir = parent_dir(path);
    let (tmp, mut file) = create_temp(path, &dir)?;
    let written = (|| -> std::io::Result<()> {
        if let Ok(meta) = std::fs::metadata(path) {
            file.set_permissions(meta.permissions())?;
        }
        for part in parts {
            file.write_all(part)?;
        }
        file.sync_all()?;
        drop(file);
        test_pause();
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::io(Some(path), e));
    }
    sync_dir(&dir).map_err(|e| Error::io(Some(&dir), e))
}

/// An exclusive advisory lock on `NAME.lock` next to a file, released when dropped.
#[derive(Debug)]
pub struct FileLock {
    file: File,
    path: PathBuf,
}

impl FileLock {
    /// The lock file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for FileLock {
    fn drop(&mut self) {
        // Closing the file releases the lock too; unlocking first makes it explicit.
        let _ = fs4::fs_std::FileExt::unlock(&self.file);
    }
}

/// Waits for and takes the exclusive lock of `target` (on `TARGET.lock`, created when missing).
pub fn lock(target: &Path) -> Result<FileLock> {
    let resolved = resolve(target)?;
    let target = resolved.as_path();
    let mut name = target.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    let path = parent_dir(target).join(name);
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| Error::io(Some(&path), e))?;
    fs4::fs_std::FileExt::lock_exclusive(&file).map_err(|e| Error::io(Some(&path), e))?;
    Ok(FileLock { file, path })
}

/// The file a symbolic link points to (so that a write replaces the file, not the link, and a lock taken through
/// the link and one taken through the file's own name are the same lock); `path` itself otherwise.
fn resolve(path: &Path) -> Result<PathBuf> {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            std::fs::canonicalize(path).map_err(|e| Error::io(Some(path), e))
        }
        _ => Ok(path.to_path_buf()),
    }
}

/// The directory holding `path` (`.` for a bare file name).
fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn create_temp(path: &Path, dir: &Path) -> Result<(PathBuf, File)> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let base = path.file_name().unwrap_or_default().to_string_lossy();
    loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let tmp = dir.join(format!(".{base}.tmp.{}.{n}", std::process::id()));
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 1000 => continue,
            Err(e) => return Err(Error::io(Some(path), e)),
        }
    }
}

fn test_pause() {
    if let Some(ms) = std::env::var(TEST_PAUSE_ENV)
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
    {
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
}

/// Makes a rename in `dir` durable. Windows cannot open a directory as a file; NTFS journals the rename.
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leftovers(dir: &Path) -> Vec<String> {
        std::fs::read_dir(dir)
            .map(|r| {
                r.filter_map(|e| e.ok())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .filter(|n| n.contains(".tmp."))
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn replaces_and_creates() -> Result<()> {
        let dir = tempfile::tempdir().map_err(|e| Error::io(None, e))?;
        let p = dir.path().join("g.csv");
        write_atomic(&p, b"one")?;
        write_atomic(&p, b"two")?;
        assert_eq!(std::fs::read(&p).ok().as_deref(), Some(&b"two"[..]));
        assert!(leftovers(dir.path()).is_empty());
        Ok(())
    }

    #[test]
    fn an_error_leaves_the_old_file_and_no_temporary() -> Result<()> {
        let dir = tempfile::tempdir().map_err(|e| Error::io(None, e))?;
        let p = dir.path().join("g.csv");
        write_atomic(&p, b"old")?;
        // A directory in the target's place: the rename fails.
        let d = dir.path().join("sub");
        std::fs::create_dir(&d).map_err(|e| Error::io(None, e))?;
        assert!(write_atomic(&d, b"new").is_err());
        // A missing directory: the temporary file cannot be created.
        assert!(write_atomic(&dir.path().join("missing/g.csv"), b"new").is_err());
        assert_eq!(std::fs::read(&p).ok().as_deref(), Some(&b"old"[..]));
        assert!(leftovers(dir.path()).is_empty());
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn keeps_permissions() -> Result<()> {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().map_err(|e| Error::io(None, e))?;
        let p = dir.path().join("g.csv");
        write_atomic(&p, b"old")?;
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640))
            .map_err(|e| Error::io(None, e))?;
        write_atomic(&p, b"new")?;
        let mode = std::fs::metadata(&p)
            .map_err(|e| Error::io(None, e))?
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o640);
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_stays_a_link_to_the_new_content() -> Result<()> {
        let dir = tempfile::tempdir().map_err(|e| Error::io(None, e))?;
        let real = dir.path().join("real.csv");
        let link = dir.path().join("link.csv");
        write_atomic(&real, b"old")?;
        std::os::unix::fs::symlink(&real, &link).map_err(|e| Error::io(None, e))?;
        write_atomic(&link, b"new")?;
        let meta = std::fs::symlink_metadata(&link).map_err(|e| Error::io(None, e))?;
        assert!(meta.file_type().is_symlink());
        assert_eq!(std::fs::read(&real).ok().as_deref(), Some(&b"new"[..]));
        // Through the link or the file's own name: one lock.
        let guard = lock(&link)?;
        let real_lock = std::fs::canonicalize(&real)
            .map_err(|e| Error::io(None, e))?
            .with_file_name("real.csv.lock");
        assert_eq!(guard.path(), real_lock);
        let other = File::open(&real_lock).map_err(|e| Error::io(None, e))?;
        assert_eq!(
            fs4::fs_std::FileExt::try_lock_exclusive(&other).ok(),
            Some(false)
        );
        Ok(())
    }

    #[test]
    fn the_lock_excludes_a_second_holder() -> Result<()> {
        let dir = tempfile::tempdir().map_err(|e| Error::io(None, e))?;
        let p = dir.path().join("g.csv");
        let guard = lock(&p)?;
        assert!(guard.path().ends_with("g.csv.lock"));
        let other = File::open(guard.path()).map_err(|e| Error::io(None, e))?;
        assert_eq!(
            fs4::fs_std::FileExt::try_lock_exclusive(&other).ok(),
            Some(false)
        );
        drop(guard);
        assert_eq!(
            fs4::fs_std::FileExt::try_lock_exclusive(&other).ok(),
            Some(true)
        );
        Ok(())
    }
}
