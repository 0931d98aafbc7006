//! Numbering the customers of parsed chunks across the whole file, in the order the file
//! first names them, on every core.
//!
//! Each chunk numbered its own customers; a customer named in several chunks must get one
//! number. One table of every customer, probed once per (chunk, customer), was a serial
//! pass of cache misses (a fifth of a million-row import). The customers are instead split
//! by hash into shards, each small enough for the cache and numbered on its own thread;
//! the shards' numbers are then put in file order by where each customer first appears.

use std::hash::BuildHasher;

use rayon::prelude::*;
use rustc_hash::{FxBuildHasher, FxHashMap};

use super::customer_key::CustomerKey;

/// Shards of the customers: enough for each to fit a core's cache at a million customers,
/// and for the threads of a larger machine.
const SHARDS: usize = 64;

/// Where a customer first appears: (chunk, its number within the chunk). Chunks are in file
/// order and number their customers in order of appearance, so ordering by this is
/// ordering by first appearance in the file.
type First = (u32, u32);

/// One shard's customers: numbered in the shard, with where each first appears, and per
/// chunk the shard number of each of the chunk's customers that fall in this shard (in the
/// order of `members`).
struct Shard {
    firsts: Vec<First>,
    numbers: Vec<Vec<u32>>,
}

/// Numbers the customers of `chunks` (each chunk's external ids, by its local number) in
/// the order of their first appearance. Returns the external ids by number, and per chunk
/// the number of each of its local customers.
pub(super) fn number_customers(chunks: &[Vec<CustomerKey>]) -> (Vec<CustomerKey>, Vec<Vec<u32>>) {
    let hasher = FxBuildHasher;
    // Per chunk, per shard: the chunk's local numbers of the customers in that shard.
    let members: Vec<Vec<Vec<u32>>> = chunks
        .par_iter()
        .map(|customers| {
            let mut by_shard = vec![Vec::new(); SHARDS];
            for (local, key) in (0_u32..).zip(customers) {
                let hash = hasher.hash_one(key.as_bytes());
                // The top bits: FxHash mixes them best.
                by_shard[(hash >> 58) as usize % SHARDS].push(local);
            }
            by_shard
        })
        .collect();
    let shards: Vec<Shard> = (0..SHARDS)
        .into_par_iter()
        .map(|shard| {
            let mut index: FxHashMap<&CustomerKey, u32> = FxHashMap::default();
            let mut firsts = Vec::new();
            let numbers = (0_u32..)
                .zip(chunks)
                .zip(&members)
                .map(|((chunk, customers), members)| {
                    members[shard]
                        .iter()
                        .map(|&local| {
                            *index.entry(&customers[local as usize]).or_insert_with(|| {
                                firsts.push((chunk, local));
                                u32::try_from(firsts.len() - 1).unwrap_or(u32::MAX)
                            })
                        })
                        .collect()
                })
                .collect();
            Shard { firsts, numbers }
        })
        .collect();
    // File order: every customer's first appearance, sorted.
    let mut order: Vec<(First, u32, u32)> = shards
        .iter()
        .zip(0_u32..)
        .flat_map(|(s, shard)| {
            s.firsts.iter().zip(0_u32..).map(move |(&first, number)| (first, shard, number))
        })
        .collect();
    order.sort_unstable();
    let mut global: Vec<Vec<u32>> = shards.iter().map(|s| vec![0; s.firsts.len()]).collect();
    let mut ids = Vec::with_capacity(order.len());
    for (number, &((chunk, local), shard, in_shard)) in (0_u32..).zip(&order) {
        global[shard as usize][in_shard as usize] = number;
        ids.push(chunks[chunk as usize][local as usize].clone());
    }
    let mut maps: Vec<Vec<u32>> = chunks.iter().map(|customers| vec![0; customers.len()]).collect();
    for (shard, s) in shards.iter().enumerate() {
        for ((map, members), numbers) in maps.iter_mut().zip(&members).zip(&s.numbers) {
            for (&local, &in_shard) in members[shard].iter().zip(numbers) {
                map[local as usize] = global[shard][in_shard as usize];
            }
        }
    }
    (ids, maps)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn customers_are_numbered_by_first_appearance_across_chunks() {
        let chunk = |ids: &[&str]| ids.iter().map(|id| CustomerKey::new(id)).collect::<Vec<_>>();
        // Many customers, so every shard holds several; chunks share some of them.
        let names: Vec<String> = (0..500).map(|n| format!("KH{n:04}")).collect();
        let first: Vec<&str> = names[..300].iter().rev().map(String::as_str).collect();
        let second: Vec<&str> = names[200..500].iter().map(String::as_str).collect();
        let third: Vec<&str> = vec![names[0].as_str(), names[499].as_str()];
        let chunks = vec![chunk(&first), chunk(&second), chunk(&[]), chunk(&third)];
        let (ids, maps) = number_customers(&chunks);
        // Independent computation: walk the chunks in order, numbering at first sight.
        let mut expected_ids: Vec<&str> = Vec::new();
        let mut expected_maps = Vec::new();
        for part in [&first, &second, &Vec::new(), &third] {
            let mut map = Vec::new();
            for id in part.iter() {
                let number = match expected_ids.iter().position(|known| known == id) {
                    Some(at) => at,
                    None => {
                        expected_ids.push(id);
                        expected_ids.len() - 1
                    }
                };
                map.push(u32::try_from(number).unwrap_or(u32::MAX));
            }
            expected_maps.push(map);
        }
        assert_eq!(ids.iter().map(CustomerKey::as_str).collect::<Vec<_>>(), expected_ids);
        assert_eq!(maps, expected_maps);
        assert_eq!(ids.len(), 500);
    }
}
