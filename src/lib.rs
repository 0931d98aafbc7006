//! Fanpath: model the eight-stage customer experience, from first-time buyer to raving fan.
//!
//! - [`model`]: the domain (stages, personas, emotions, funnel maths); no egui, no SQL.
//! - [`store`]: one SQLite file per workspace, with migrations, queries, import and export.
//! - [`i18n`]: every user-facing word and number format, in English and Vietnamese.
//! - [`handout`]: printable hand-outs (journey map poster, persona one-pager, workshop
//!   pack) as PDF, drawn without egui.
//! - [`ui`]: the egui views and the app shell.

pub mod handout;
pub mod i18n;
pub mod model;
pub mod store;
pub mod ui;
