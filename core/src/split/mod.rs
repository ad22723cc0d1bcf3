//! Splitting an app into Koupleless modules (`docs/split.md`). In the order a request travels:
//! - [`analyze`]: bytes → the graph of classes, packages, bundles and libraries, with typed edges,
//!   Spring beans, entry points and what cannot be decided ([`spring`] names the annotations,
//!   [`xml`] reads Spring and MyBatis XML, [`events`] links event publishers to listeners);
//! - [`session`]: the graph indexed once; colours, closure, metrics and `verify` of a candidate module;
//! - [`suggest`]: Louvain communities and seeded label propagation;
//! - [`plan`]: the files to move or copy, the module's POM and generated classes, the injections to change;
//! - [`inject`]: those injections carried out in a module's Java source (`split apply`).

pub mod analyze;
pub mod events;
pub mod inject;
pub mod plan;
pub mod session;
pub mod spring;
pub mod suggest;
pub mod xml;

pub use analyze::{analyze, expand_jar, Analyzer};
pub use inject::rewrite_injections;
pub use session::Session;
