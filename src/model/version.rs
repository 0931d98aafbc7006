//! TEMPORARY stand-in for H14's journey versions (branch `h14-versions`): only the id type the
//! opportunity backlog needs. Replaced by H14's file when that branch is merged.

use serde::{Deserialize, Serialize};

/// Row id of a journey version.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct VersionId(pub i64);
