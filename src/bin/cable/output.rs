//! Opening `-o FILE`: as `File::create` does, without what it costs when FILE is the output of
//! an earlier run.
//!
//! Truncating a large file frees its pages on the calling thread before the run can start, and
//! waits for any of them still being written back (7.6 s for a 4.1 GB output just written; 27 ms
//! for 44 MB). On ext4, a file truncated and written again is also flushed when it is closed
//! (`auto_da_alloc`, which guards editors that rewrite in place): 3.0 s at the end of a run
//! writing 4.1 GB, 30 ms for 44 MB. Both are paid one thread at a time, whatever `--jobs` says.
//!
//! So an existing output that is a plain file of ours (not a link, not a device, no second
//! name, our owner and group) is unlinked and made anew with its permissions; the old one is
//! kept open until it is released on a thread of its own, so that freeing it overlaps the run.
//! Anything else (standard output, `/dev/null`, a symbolic link, another user's file) is opened
//! as `File::create` opens it.

use std::fs::File;
use std::io;
use std::path::Path;
use std::thread::JoinHandle;

/// The thread releasing the file an output replaced, if one was.
#[derive(Default)]
pub struct Replaced(Option<JoinHandle<()>>);

impl Replaced {
    /// Waits until the replaced file is released (by the end of a run, usually long since).
    pub fn wait(self) {
        if let Some(thread) = self.0 {
            // Closing a file does not panic; there would be nothing to report if it did.
            let _ = thread.join();
        }
    }
}

/// `path` opened for writing, empty.
pub fn create(path: &Path) -> io::Result<(File, Replaced)> {
    #[cfg(target_os = "linux")]
    if let Some(replaced) = replace(path) {
        return Ok(replaced);
    }
    Ok((File::create(path)?, Replaced::default()))
}

/// `None` when `path` is not a file this may replace, or any step fails before the old file is
/// gone (the caller then opens it the usual way).
#[cfg(target_os = "linux")]
fn replace(path: &Path) -> Option<(File, Replaced)> {
    use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};

    let old = std::fs::symlink_metadata(path).ok()?;
    // `/proc/self` belongs to this process's user and group.
    let me = std::fs::metadata("/proc/self").ok()?;
    let ours = old.uid() == me.uid() && old.gid() == me.gid();
    if !old.file_type().is_file() || old.nlink() != 1 || !ours || old.len() == 0 {
        return None;
    }
    let held = File::open(path).ok()?;
    std::fs::remove_file(path).ok()?;
    let mode = old.mode() & 0o7777;
    let file = match std::fs::OpenOptions::new().write(true).create_new(true).mode(mode).open(path) {
        Ok(file) => file,
        // Another program made the file in between: write over it as File::create would.
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => File::create(path).ok()?,
        Err(_) => return None,
    };
    // The umask may have narrowed the mode; the old file's is what truncating would have kept.
    let _ = file.set_permissions(std::fs::Permissions::from_mode(mode));
    let releasing = std::thread::Builder::new().name("release".into()).spawn(move || drop(held)).ok();
    Some((file, Replaced(releasing)))
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use std::io::Write;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn an_earlier_output_is_replaced_with_its_permissions_and_links_are_written_through() {
        let dir = std::env::temp_dir().join(format!("cable-output-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("out.jsonl");
        std::fs::write(&path, "an earlier run's output, longer than the next\n").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        let (mut file, replaced) = super::create(&path).unwrap();
        assert!(replaced.0.is_some(), "a plain file of ours is replaced");
        file.write_all(b"new\n").unwrap();
        drop(file);
        replaced.wait();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new\n");
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o7777, 0o640);

        // A symbolic link is written through, as File::create does: the link stays a link.
        let target = dir.join("target.jsonl");
        std::fs::write(&target, "old target\n").unwrap();
        let link = dir.join("link.jsonl");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let (mut file, replaced) = super::create(&link).unwrap();
        assert!(replaced.0.is_none());
        file.write_all(b"through the link\n").unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "through the link\n");

        // A file with a second name is truncated in place, so both names see the new output.
        let other = dir.join("other-name.jsonl");
        std::fs::hard_link(&target, &other).unwrap();
        let (mut file, replaced) = super::create(&target).unwrap();
        assert!(replaced.0.is_none());
        file.write_all(b"both\n").unwrap();
        assert_eq!(std::fs::read_to_string(&other).unwrap(), "both\n");

        // A device is opened, never unlinked.
        let (_, replaced) = super::create(std::path::Path::new("/dev/null")).unwrap();
        assert!(replaced.0.is_none());
        assert!(std::path::Path::new("/dev/null").exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
