//! Bytes a run has made and will need only later, put away in an unnamed file in the output
//! folder (gone when it is closed, whatever ends the run) rather than held in memory: a large
//! month's kept rows, compressed, while the rules run (53 MB of a million rows in one workbook),
//! and its chunks of fingerprints until the history is written (40 MB of a million rows:
//! BENCHMARKS.md, eighteenth sitting). The file is where the report and the history keep the same
//! records anyway, not in the system's temporary folder.
//!
//! Where no such file can be made (no output folder yet, a folder that takes none), the bytes
//! are held in memory as before; should writing to the file fail (a full disk), those put away
//! so far are read back into memory and the run goes on from there.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;
use std::sync::Mutex;

/// Pieces of bytes put away as they are made and got back later; shared by the threads that make
/// them.
#[derive(Debug, Default)]
pub struct Spill(Mutex<Held>);

/// Where a piece's bytes are in a [`Spill`].
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
    /// Writing to the file failed and what it held could not be read back: the error, said
    /// when the pieces are got back.
    Failed(String),
}

impl Default for Held {
    fn default() -> Held {
        Held::Memory(Vec::new())
    }
}

impl Spill {
    /// Pieces put away in an unnamed file in `dir`, or in memory where none can be made there.
    pub fn beside(dir: &Path) -> Spill {
        match tempfile::tempfile_in(dir) {
            Ok(file) => Spill(Mutex::new(Held::File { file, end: 0 })),
            Err(_) => Spill::in_memory(),
        }
    }

    /// Pieces held in memory (also [`Spill::default`]).
    pub fn in_memory() -> Spill {
        Spill::default()
    }

    /// Puts `bytes` away; where they are.
    pub fn put(&self, bytes: &[u8]) -> Spilled {
        let mut held = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let len = u32::try_from(bytes.len()).expect("a piece put away is under 4 GB");
        if let Held::File { file, end } = &mut *held {
            if file.write_all(bytes).is_ok() {
                *end += bytes.len() as u64;
                return Spilled {
                    at: *end - len as u64,
                    len,
                };
            }
            // What the file holds so far back into memory; the rest is held there.
            let mut all = Vec::new();
            *held = match file
                .seek(SeekFrom::Start(0))
                .and_then(|_| file.take(*end).read_to_end(&mut all))
            {
                Ok(_) => Held::Memory(all),
                Err(e) => Held::Failed(e.to_string()),
            };
        }
        match &mut *held {
            Held::Memory(all) => {
                all.extend_from_slice(bytes);
                Spilled {
                    at: (all.len() - bytes.len()) as u64,
                    len,
                }
            }
            _ => Spilled { at: 0, len },
        }
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

    /// A file that takes no more bytes (here: one open for reading only, as a full disk would
    /// refuse them): what it held so far comes back into memory, with the rest after it.
    #[test]
    fn a_file_that_takes_no_more_hands_its_bytes_to_memory() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("held");
        std::fs::write(&path, b"first,second").unwrap();
        let file = File::open(&path).unwrap();
        let spill = Spill(Mutex::new(Held::File { file, end: 5 }));
        let first = Spilled { at: 0, len: 5 };
        let next = spill.put(b"next");
        assert!(matches!(&*spill.0.lock().unwrap(), Held::Memory(all) if all == b"firstnext"));
        assert_eq!(
            (spill.get(first).unwrap(), spill.get(next).unwrap()),
            (b"first".to_vec(), b"next".to_vec())
        );
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
