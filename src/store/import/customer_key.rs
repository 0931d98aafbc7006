//! A customer's external id as a hash-map key, held inline when short.
//!
//! An event log names each customer on many rows and in every parsed chunk: a million rows
//! of 250,000 customers make about 800,000 (chunk, customer) keys. As `Box<str>` each was an
//! allocation, a free when the chunks were joined, and a pointer to follow on every hash
//! probe. Ids of up to [`INLINE_BYTES`] bytes (order numbers, e-mail-less user ids) are
//! stored in the key itself.

use std::borrow::Borrow;
use std::hash::{Hash, Hasher};

/// Longest id, in bytes, held without an allocation: the key is then 24 bytes, the size of
/// a `String`.
const INLINE_BYTES: usize = 22;

/// An external customer id, hashed and compared as the `str` it holds, so a map keyed by it
/// is searched with a `&str`.
#[derive(Clone, Debug)]
pub(super) enum CustomerKey {
    /// Up to [`INLINE_BYTES`] bytes of UTF-8, `len` of them used.
    Inline { len: u8, bytes: [u8; INLINE_BYTES] },
    /// A longer id.
    Heap(Box<str>),
}

impl CustomerKey {
    /// The key of `id`.
    pub(super) fn new(id: &str) -> Self {
        match u8::try_from(id.len()) {
            Ok(len) if id.len() <= INLINE_BYTES => {
                let mut bytes = [0; INLINE_BYTES];
                bytes[..id.len()].copy_from_slice(id.as_bytes());
                Self::Inline { len, bytes }
            }
            _ => Self::Heap(id.into()),
        }
    }

    /// The id's bytes; comparing them compares the ids as `str` does.
    pub(super) fn as_bytes(&self) -> &[u8] {
        match self {
            Self::Inline { len, bytes } => &bytes[..usize::from(*len)],
            Self::Heap(id) => id.as_bytes(),
        }
    }

    /// The first 16 bytes of the id as a big-endian number (zeros past its end): a sort
    /// key that orders ids as their bytes do, up to ties broken by [`Self::as_bytes`].
    pub(super) fn prefix(&self) -> u128 {
        let mut head = [0; 16];
        let bytes = self.as_bytes();
        let n = bytes.len().min(16);
        head[..n].copy_from_slice(&bytes[..n]);
        u128::from_be_bytes(head)
    }

    /// The id.
    pub(super) fn as_str(&self) -> &str {
        match self {
            // The bytes were copied from a `str` whole, so they are UTF-8.
            Self::Inline { len, bytes } => {
                std::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or_default()
            }
            Self::Heap(id) => id,
        }
    }
}

impl Default for CustomerKey {
    fn default() -> Self {
        Self::new("")
    }
}

impl PartialEq for CustomerKey {
    fn eq(&self, other: &Self) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl Eq for CustomerKey {}

impl Hash for CustomerKey {
    /// As a `str` hashes (its bytes, then `0xff`: `Hasher::write_str`, which no hasher
    /// can override on stable Rust), without checking the bytes are UTF-8 on every probe.
    /// `Borrow<str>` lookups need the two to agree; the test below checks they do.
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write(self.as_bytes());
        state.write_u8(0xff);
    }
}

impl Borrow<str> for CustomerKey {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

#[cfg(test)]
mod tests {
    use rustc_hash::FxHashMap;

    use super::*;

    #[test]
    fn short_and_long_ids_round_trip_and_are_found_by_str() {
        use std::hash::BuildHasher;
        let hasher = rustc_hash::FxBuildHasher;
        assert_eq!(hasher.hash_one(CustomerKey::new("KH000001")), hasher.hash_one("KH000001"));
        let std_hasher = std::collections::hash_map::RandomState::new();
        assert_eq!(std_hasher.hash_one(CustomerKey::new("Nguyễn")), std_hasher.hash_one("Nguyễn"));
        let long = "x".repeat(INLINE_BYTES + 1);
        let ids = ["", "KH000001", "Nguyễn Văn A", &"y".repeat(INLINE_BYTES), &long];
        let mut map = FxHashMap::default();
        for (index, id) in ids.iter().enumerate() {
            let key = CustomerKey::new(id);
            assert_eq!(key.as_str(), *id);
            map.insert(key, index);
        }
        for (index, id) in ids.iter().enumerate() {
            assert_eq!(map.get(*id), Some(&index), "{id}");
        }
        assert!(matches!(CustomerKey::new(&"y".repeat(INLINE_BYTES)), CustomerKey::Inline { .. }));
        assert!(matches!(CustomerKey::new(&long), CustomerKey::Heap(_)));
        assert_eq!(map.get("KH000002"), None);
        // The prefix orders as the bytes do; ties only where the first 16 bytes agree.
        let mut sorted: Vec<&str> = ids.to_vec();
        sorted.sort_unstable();
        let mut by_prefix: Vec<CustomerKey> = ids.iter().map(|id| CustomerKey::new(id)).collect();
        by_prefix.sort_by(|a, b| a.prefix().cmp(&b.prefix()).then_with(|| a.as_bytes().cmp(b.as_bytes())));
        assert_eq!(by_prefix.iter().map(CustomerKey::as_str).collect::<Vec<_>>(), sorted);
        assert!(CustomerKey::new("a").prefix() < CustomerKey::new("a\u{1}").prefix());
        assert_eq!(CustomerKey::new(&long).prefix(), CustomerKey::new(&"x".repeat(40)).prefix());
    }
}
