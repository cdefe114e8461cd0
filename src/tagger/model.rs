//! The weights: one row of label scores per feature bucket (i8) and transition scores between
//! labels (i16), quantised with one scale, stored zlib-compressed.
//!
//! File layout (little-endian), after the 6-byte magic `NFTAG2`, one zlib stream of:
//! scheme u8, bucket bits u8, templates u8, labels u8, scale f32, then transitions (labels ×
//! labels, previous-major), start (labels) and end (labels) as i16, then the table as i8,
//! bucket-major.

use super::features::TEMPLATE_COUNT;
use super::labels::Scheme;
use flate2::read::ZlibDecoder;
use flate2::write::ZlibEncoder;
use flate2::Compression;
use std::io::{Read, Write};

const MAGIC: &[u8; 6] = b"NFTAG2";
/// More buckets than this is not a model anyone should ship (2^24 × 13 labels × 2 bytes).
const MAX_BITS: u32 = 24;

/// A trained, quantised model.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    pub scheme: Scheme,
    /// log2 of the number of feature buckets.
    pub bits: u32,
    pub labels: usize,
    /// What one unit of the quantised values is worth.
    pub scale: f32,
    /// `table[bucket * labels + label]`.
    pub table: Vec<i8>,
    /// `transitions[previous * labels + next]`.
    pub transitions: Vec<i16>,
    pub start: Vec<i16>,
    pub end: Vec<i16>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError(pub String);

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "tagger weights: {}", self.0)
    }
}

impl std::error::Error for ModelError {}

fn quantise_all(values: &[f32], scale: f32) -> Vec<i16> {
    values.iter().map(|&v| (v / scale).round().clamp(-32767.0, 32767.0) as i16).collect()
}

/// The largest magnitude that the i8 table keeps: the weights beyond this share of the
/// non-zero ones are clipped, so the rest keep more resolution.
const KEPT_SHARE: f64 = 0.9999;

impl Model {
    /// Quantise float weights (as training leaves them) with one scale: the table to i8 (all
    /// but the largest 0.01 % of its non-zero magnitudes fit), the transitions to i16.
    pub fn quantise(scheme: Scheme, bits: u32, table: &[f32], transitions: &[f32], start: &[f32], end: &[f32]) -> Model {
        let mut magnitudes: Vec<f32> = table.iter().filter(|w| **w != 0.0).map(|w| w.abs()).collect();
        magnitudes.sort_by(f32::total_cmp);
        let kept = magnitudes.get(((magnitudes.len() as f64 * KEPT_SHARE) as usize).min(magnitudes.len().saturating_sub(1))).copied().unwrap_or(0.0);
        let scale = if kept > 0.0 { kept / 127.0 } else { 1.0 };
        Model {
            scheme,
            bits,
            labels: scheme.label_count(),
            scale,
            table: table.iter().map(|&v| (v / scale).round().clamp(-127.0, 127.0) as i8).collect(),
            transitions: quantise_all(transitions, scale),
            start: quantise_all(start, scale),
            end: quantise_all(end, scale),
        }
    }

    /// A model that tags nothing (every score zero but Outside's).
    pub fn empty(scheme: Scheme) -> Model {
        let labels = scheme.label_count();
        let mut start = vec![0; labels];
        start[0] = 1;
        Model { scheme, bits: 1, labels, scale: 1.0, table: vec![0; 2 * labels], transitions: vec![0; labels * labels], start, end: vec![0; labels] }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut raw = vec![self.scheme as u8, self.bits as u8, TEMPLATE_COUNT as u8, self.labels as u8];
        raw.extend_from_slice(&self.scale.to_le_bytes());
        for v in self.transitions.iter().chain(&self.start).chain(&self.end) {
            raw.extend_from_slice(&v.to_le_bytes());
        }
        raw.extend(self.table.iter().map(|&v| v as u8));
        let mut encoder = ZlibEncoder::new(Vec::from(&MAGIC[..]), Compression::best());
        // Writing into a Vec cannot fail.
        let _ = encoder.write_all(&raw);
        encoder.finish().unwrap_or_default()
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let body = bytes.strip_prefix(&MAGIC[..]).ok_or_else(|| ModelError("not a newsfacts tagger file".into()))?;
        let mut raw = Vec::new();
        ZlibDecoder::new(body).read_to_end(&mut raw).map_err(|e| ModelError(format!("cannot decompress: {e}")))?;
        let [scheme, bits, templates, labels, s0, s1, s2, s3, ..] = raw[..] else {
            return Err(ModelError("truncated header".into()));
        };
        let scheme = Scheme::from_code(scheme).ok_or_else(|| ModelError(format!("unknown label scheme {scheme}")))?;
        let (bits, labels) = (bits as u32, labels as usize);
        if templates as usize != TEMPLATE_COUNT {
            return Err(ModelError(format!("trained with {templates} feature templates, this build has {TEMPLATE_COUNT}")));
        }
        if labels != scheme.label_count() || bits == 0 || bits > MAX_BITS {
            return Err(ModelError(format!("{labels} labels and {bits} bucket bits do not fit the {} scheme", scheme.name())));
        }
        let scale = f32::from_le_bytes([s0, s1, s2, s3]);
        let small = labels * labels + 2 * labels;
        let table_len = (1usize << bits) * labels;
        let rest = &raw[8..];
        if rest.len() != 2 * small + table_len || !scale.is_finite() || scale <= 0.0 {
            return Err(ModelError("size or scale does not match the header".into()));
        }
        let mut values = rest[..2 * small].chunks_exact(2).map(|b| i16::from_le_bytes([b[0], b[1]]));
        let transitions: Vec<i16> = values.by_ref().take(labels * labels).collect();
        let start: Vec<i16> = values.by_ref().take(labels).collect();
        let end: Vec<i16> = values.collect();
        let table = rest[2 * small..].iter().map(|&b| b as i8).collect();
        Ok(Model { scheme, bits, labels, scale, table, transitions, start, end })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_round_trip_through_quantisation_and_compression() {
        let scheme = Scheme::Bilou;
        let labels = scheme.label_count();
        let table: Vec<f32> = (0..(1 << 6) * labels).map(|i| ((i * 7919) % 201) as f32 / 10.0 - 10.0).collect();
        let transitions: Vec<f32> = (0..labels * labels).map(|i| i as f32 * 0.5 - 20.0).collect();
        let start = vec![1.5f32; labels];
        let end = vec![-2.0f32; labels];
        let model = Model::quantise(scheme, 6, &table, &transitions, &start, &end);
        let clipped = 127.0 * model.scale;
        for (q, f) in model.table.iter().zip(&table) {
            assert!((*q as f32 * model.scale - f.clamp(-clipped, clipped)).abs() <= model.scale * 0.501);
        }
        for (q, f) in model.transitions.iter().zip(&transitions) {
            assert!((*q as f32 * model.scale - f).abs() <= model.scale * 0.501);
        }
        let back = Model::from_bytes(&model.to_bytes()).unwrap();
        assert_eq!(back, model);
    }

    #[test]
    fn bad_files_are_errors() {
        assert!(Model::from_bytes(b"").is_err());
        assert!(Model::from_bytes(b"NFTAG1 not zlib").is_err());
        let mut bytes = Model::empty(Scheme::Bio).to_bytes();
        bytes.truncate(bytes.len() - 3);
        assert!(Model::from_bytes(&bytes).is_err());
    }
}
