//! Zip/jar handling on bytes: [`content`] is a dependency jar whole or summarized, [`read`] opens inputs safely (entry names checked, duplicates refused),
//! [`write`] is the deterministic jar writer every output goes through, [`time`] converts the
//! request's timestamp into zip and manifest times without a clock.

pub mod content;
pub mod read;
pub mod time;
pub mod write;

/// The marker entry SOFAArk looks for to accept an archive as a biz.
pub const BIZ_MARK: &str = "com/alipay/sofa/ark/biz/mark";
/// The marker entry of an ark plugin.
pub const PLUGIN_MARK: &str = "com/alipay/sofa/ark/plugin/mark";
/// The marker entry of the SOFAArk container (`sofa-ark-all`).
pub const CONTAINER_MARK: &str = "com/alipay/sofa/ark/container/mark";
/// The content the official plugin writes into the biz mark (40 bytes, no newline).
pub const BIZ_MARK_CONTENT: &[u8] = b"a mark file included in sofa-ark module.";
