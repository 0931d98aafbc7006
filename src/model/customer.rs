//! Customers and the stage events that record their progress along the path.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::stage::Stage;

/// "Customer `customer_id` (of persona `persona`) reached `stage` at `reached_at`."
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomerEvent {
    /// The business's own identifier for the customer (an order number, a phone number …).
    pub customer_id: String,
    pub persona: String,
    pub stage: Stage,
    pub reached_at: NaiveDateTime,
}

/// How far the customers of one persona got.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonaFunnel {
    pub name: String,
    pub customers: u64,
    /// Customers whose furthest stage is at least stage `i + 1`.
    pub reached: [u64; 8],
    /// The persona's colour, for charts; not part of the report's JSON.
    #[serde(skip)]
    pub color: super::persona::Rgb,
}
