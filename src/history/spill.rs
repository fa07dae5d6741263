//! Where a run's compressed chunks of fingerprints wait for the history to be written: an unnamed
//! file in the output folder, beside the history (gone when it is closed, whatever ends the
//! run), rather than memory. They are made while the rules run and the report is built, and are
//! written only with the report's files: a million records' chunks held in memory were 40 MB of
//! the run's peak (BENCHMARKS.md, eighteenth sitting). The file stays where the history keeps the
//! same records anyway, not in the system's temporary folder.
//!
//! Where no such file can be made (a folder that takes none), the chunks wait in memory as
//! before. A chunk that could not be written to the file is an error when the history is written:
//! the history is then not written, as on any other error of its writing.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;
use std::sync::Mutex;

/// The compressed chunks of a run, put away as they are made and got back when the history is
/// written; shared by the threads that make them.
#[derive(Debug, Default)]
pub struct Spill(Mutex<Held>);

/// Where a chunk's bytes are in a [`Spill`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Spilled {
    at: u64,
    len: u32,
}

#[derive(Debug)]
enum Held {
    /// In a file, `end` bytes so far.
    File {
        file: File,
        end: u64,
    },
    Memory(Vec<u8>),
    /// Writing to the file failed: the error, said when the chunks are got back.
    Failed(String),
}

impl Default for Held {
    fn default() -> Held {
        Held::Memory(Vec::new())
    }
}

impl Spill {
    /// Chunks put away in an unnamed file in `dir`, or in memory where none can be made there.
    pub fn beside(dir: &Path) -> Spill {
        match tempfile::tempfile_in(dir) {
            Ok(file) => Spill(Mutex::new(Held::File { file, end: 0 })),
            Err(_) => Spill::in_memory(),
        }
    }

    /// Chunks kept in memory (also [`Spill::default`]).
    pub fn in_memory() -> Spill {
        Spill::default()
    }

    /// Puts `bytes` away; where they are.
    pub fn put(&self, bytes: &[u8]) -> Spilled {
        let mut held = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let len = u32::try_from(bytes.len()).expect("a compressed chunk is at most 64 MB");
        let at = match &mut *held {
            Held::Memory(all) => {
                all.extend_from_slice(bytes);
                (all.len() - bytes.len()) as u64
            }
            Held::File { file, end } => match file.write_all(bytes) {
                Ok(()) => {
                    *end += bytes.len() as u64;
                    *end - bytes.len() as u64
                }
                Err(e) => {
                    *held = Held::Failed(e.to_string());
                    0
                }
            },
            Held::Failed(_) => 0,
        };
        Spilled { at, len }
    }

    /// The bytes put away at `at`; the error, said in the system's words, when they could not be
    /// put away or read back.
    pub fn get(&self, at: Spilled) -> Result<Vec<u8>, String> {
        let mut held = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let range = at.at as usize..at.at as usize + at.len as usize;
        match &mut *held {
            Held::Memory(all) => all.get(range).map(<[u8]>::to_vec).ok_or_else(|| "past the end".into()),
            Held::File { file, .. } => {
                let mut bytes = vec![0; at.len as usize];
                (file.seek(SeekFrom::Start(at.at)))
                    .and_then(|_| file.read_exact(&mut bytes))
                    .map_err(|e| e.to_string())?;
                // Further chunks go after the last one again.
                file.seek(SeekFrom::End(0)).map_err(|e| e.to_string())?;
                Ok(bytes)
            }
            Held::Failed(error) => Err(error.clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Chunks put away from several threads, in a file and in memory, come back as they were.
    #[test]
    fn chunks_put_away_come_back_as_they_were() {
        let dir = tempfile::tempdir().unwrap();
        for spill in [Spill::beside(dir.path()), Spill::in_memory()] {
            let chunks: Vec<Vec<u8>> = (0..64u32).map(|i| vec![i as u8; 1 + (i as usize * 37) % 500]).collect();
            let spilled: Vec<Spilled> = std::thread::scope(|scope| {
                let handles: Vec<_> = (chunks.chunks(16))
                    .map(|part| scope.spawn(|| part.iter().map(|c| spill.put(c)).collect::<Vec<_>>()))
                    .collect();
                handles.into_iter().flat_map(|h| h.join().unwrap()).collect()
            });
            for (at, chunk) in spilled.iter().zip(&chunks).rev() {
                assert_eq!(&spill.get(*at).unwrap(), chunk);
            }
            // Put away after some were got back: still after the others.
            let last = spill.put(b"last");
            assert_eq!(spill.get(last).unwrap(), b"last");
            assert_eq!(spill.get(spilled[3]).unwrap(), chunks[3]);
        }
        // The file has no name: nothing is left in the folder.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    /// A folder that takes no file: the chunks wait in memory.
    #[test]
    fn a_folder_that_takes_no_file_keeps_the_chunks_in_memory() {
        let spill = Spill::beside(Path::new("/nonexistent/folder/of/clerk"));
        let at = spill.put(b"chunk");
        assert!(matches!(&*spill.0.lock().unwrap(), Held::Memory(_)));
        assert_eq!(spill.get(at).unwrap(), b"chunk");
    }
}
