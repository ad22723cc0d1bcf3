//! Class names numbered once for the split graph: every reference of every class becomes a number,
//! so a class's references sort and deduplicate as integers and the graph finds its target by
//! indexing a vector, where strings would be compared (in the component `memcmp` is a byte loop,
//! and the strings share long prefixes: `org/springframework/...`).

use std::hash::BuildHasher;

/// Names in the order they were first seen (so numbers follow the input, never hash order).
#[derive(Default)]
pub struct Names {
    // Holds numbers only and is never iterated, so hash order cannot reach the output. A table
    // rather than a map so that keys are compared with `same` (8 bytes at a time) and each name is
    // stored once, in `list`. FxHash, not SipHash: millions of short keys, and the worst a
    // colliding input can do is slow down the analysis of its own classes.
    #[allow(clippy::disallowed_types)]
    table: hashbrown::HashTable<u32>,
    list: Vec<Box<str>>,
}

fn hash(name: &str) -> u64 {
    rustc_hash::FxBuildHasher.hash_one(name)
}

fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && compare(a.as_bytes(), b.as_bytes()).is_eq()
}

impl Names {
    /// The number of `name`, given on first sight.
    pub fn intern(&mut self, name: &str) -> u32 {
        let list = &self.list;
        match self.table.entry(hash(name), |&id| same(&list[id as usize], name), |&id| hash(&list[id as usize])) {
            hashbrown::hash_table::Entry::Occupied(e) => *e.get(),
            hashbrown::hash_table::Entry::Vacant(e) => {
                let id = u32::try_from(list.len()).expect("fewer than 4 billion class names");
                e.insert(id);
                self.list.push(name.into());
                id
            }
        }
    }

    /// The number of `name`, if it was seen.
    pub fn get(&self, name: &str) -> Option<u32> {
        self.table.find(hash(name), |&id| same(&self.list[id as usize], name)).copied()
    }

    /// The name numbered `id`.
    pub fn name(&self, id: u32) -> &str {
        &self.list[id as usize]
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

/// Byte-wise (lexicographic) order, 8 bytes at a time. Class names share long prefixes
/// (`org/springframework/...`), and in the component `memcmp` is a byte loop: sorting the
/// references of every class with it was a fifth of the analysis there.
pub fn compare(a: &[u8], b: &[u8]) -> std::cmp::Ordering {
    let (mut x, mut y) = (a.chunks_exact(8), b.chunks_exact(8));
    for (p, q) in x.by_ref().zip(y.by_ref()) {
        let (p, q) = (u64::from_be_bytes(p.try_into().unwrap_or_default()), u64::from_be_bytes(q.try_into().unwrap_or_default()));
        if p != q {
            return p.cmp(&q);
        }
    }
    let done = a.len().min(b.len()) / 8 * 8;
    a[done..].cmp(&b[done..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_compare_as_bytes_do() {
        let names = ["", "a", "org/springframework/core/A", "org/springframework/core/AB", "org/springframework/core/B", "org/springframework/cor", "z"];
        for a in names {
            for b in names {
                assert_eq!(compare(a.as_bytes(), b.as_bytes()), a.cmp(b), "{a:?} vs {b:?}");
            }
        }
    }

    #[test]
    fn numbers_follow_first_sight_and_come_back_the_same() {
        let mut names = Names::default();
        assert_eq!((names.intern("b/B"), names.intern("a/A"), names.intern("b/B")), (0, 1, 0));
        assert_eq!((names.get("a/A"), names.get("c/C")), (Some(1), None));
        assert_eq!((names.name(0), names.len()), ("b/B", 2));
    }
}
