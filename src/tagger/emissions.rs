//! The label scores of each token: the sum of its features' rows of weights.
//!
//! Of a token's 42 features, 31 read one word alone: its own forms, shape, affixes and
//! clusters, and what a neighbour up to two tokens away reads of it. Those sums are the same
//! for every occurrence of a word, so they are made once per word and kept (`WordCache`): a
//! token then adds five kept sums and the rows of its 11 context features (word pairs, case
//! around it, a known name it is part of). Integer sums do not depend on their order: the
//! scores are exactly those of summing every feature's row (a test compares both).

use super::features::{bucket, TEMPLATE_COUNT};
use super::features::{each_context_features, neighbour_values, word_values, TokenInfo, NEIGHBOUR_OFFSETS, NEIGHBOUR_TEMPLATES, WORD_TEMPLATES};
use super::word_cache::WordCache;
use super::{Tagger, ROW};
use crate::lang::Lang;
use crate::tokenize::Tokens;

/// Label scores in progress (i16 cannot overflow: 127 × TEMPLATE_COUNT < 2^15).
type Sums = [i16; ROW];

const _: () = assert!(127 * TEMPLATE_COUNT < i16::MAX as usize);

/// What a word brings to the scores of the tokens around it: the sum of its word templates'
/// rows, and for each neighbour offset (`NEIGHBOUR_OFFSETS`) the sum of the rows that the
/// token at that distance reads of it.
#[derive(Clone, Copy, Default)]
pub struct WordSums {
    own: Sums,
    as_neighbour: [Sums; NEIGHBOUR_OFFSETS.len()],
}

/// One sentence of a tokenized text, with what the templates read of its tokens.
pub struct Sentence<'a> {
    pub text: &'a str,
    pub tokens: &'a Tokens,
    /// The index of the sentence's first token in `tokens`.
    pub first: usize,
    pub infos: &'a [TokenInfo],
}

impl Sentence<'_> {
    /// The text of the sentence's `k`-th token.
    fn word(&self, k: usize) -> &str {
        let i = self.first + k;
        &self.text[self.tokens.start[i] as usize..self.tokens.end[i] as usize]
    }
}

/// Buffers of `Tagger::sentence_emissions`, reused from one text to the next.
#[derive(Default)]
pub struct EmissionBuffers {
    /// The tagger whose weights the kept sums hold (`Tagger::id`).
    tagger: u64,
    /// Kept sums by language (`Lang as usize`), made on first use.
    by_lang: Vec<WordCache<WordSums>>,
    /// The sums of the words of the sentence being scored.
    words: Vec<WordSums>,
}

/// Adds kept sums (SSE2 on x86_64, as `add_row`).
#[inline]
fn add(sums: &mut Sums, values: &Sums) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{__m128i, _mm_add_epi16, _mm_loadu_si128, _mm_storeu_si128};
        // SAFETY: unaligned loads of the 2 × 16 bytes of `values` and `sums`, and stores into
        // those of `sums`.
        unsafe {
            let (out, values) = (sums.as_mut_ptr().cast::<__m128i>(), values.as_ptr().cast::<__m128i>());
            _mm_storeu_si128(out, _mm_add_epi16(_mm_loadu_si128(out), _mm_loadu_si128(values)));
            _mm_storeu_si128(out.add(1), _mm_add_epi16(_mm_loadu_si128(out.add(1)), _mm_loadu_si128(values.add(1))));
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    for lane in 0..ROW {
        sums[lane] += values[lane];
    }
}

/// Adds a row of i8 weights. x86_64 widens them with SSE2 (part of every x86_64): the
/// compiler, left to itself, widened them one by one (SSE2 has no single widening load),
/// which made this the tagger's largest cost.
#[inline]
fn add_row(sums: &mut Sums, row: &[i8; ROW]) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{__m128i, _mm_add_epi16, _mm_loadu_si128, _mm_srai_epi16, _mm_storeu_si128, _mm_unpackhi_epi8, _mm_unpacklo_epi8};
        const _: () = assert!(ROW == 16);
        // SAFETY: the loads read the 16 bytes of `row` and the 2 × 16 bytes of `sums`, and the
        // stores write those of `sums`, all unaligned accesses within the arrays.
        unsafe {
            let weights = _mm_loadu_si128(row.as_ptr().cast());
            // Each byte twice in a 16-bit lane, shifted back: the byte, sign-extended.
            let low = _mm_srai_epi16::<8>(_mm_unpacklo_epi8(weights, weights));
            let high = _mm_srai_epi16::<8>(_mm_unpackhi_epi8(weights, weights));
            let out = sums.as_mut_ptr().cast::<__m128i>();
            _mm_storeu_si128(out, _mm_add_epi16(_mm_loadu_si128(out), low));
            _mm_storeu_si128(out.add(1), _mm_add_epi16(_mm_loadu_si128(out.add(1)), high));
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    for lane in 0..ROW {
        sums[lane] += row[lane] as i16;
    }
}

impl Tagger {
    /// The sum of the rows of `templates` with these `values` added to `sums`.
    fn add_rows(&self, sums: &mut Sums, templates: &[usize], values: &[u64]) {
        for (&template, &value) in templates.iter().zip(values) {
            // Buckets are below 2^bits by construction; `get` keeps a stray one harmless.
            if let Some(row) = self.rows.get(bucket(value, template, self.bits) as usize) {
                add_row(sums, row);
            }
        }
    }

    fn word_sums(&self, word: Option<&TokenInfo>, lang: Lang) -> WordSums {
        let mut sums = WordSums::default();
        if let Some(word) = word {
            self.add_rows(&mut sums.own, &WORD_TEMPLATES, &word_values(word, lang));
        }
        let values = neighbour_values(word, lang);
        for (part, templates) in sums.as_neighbour.iter_mut().zip(NEIGHBOUR_TEMPLATES) {
            self.add_rows(part, templates, &values);
        }
        sums
    }

    /// The label scores of the tokens of one sentence, `self.labels` per token, into `out`.
    pub(super) fn sentence_emissions(&self, sentence: Sentence<'_>, lang: Lang, buffers: &mut EmissionBuffers, out: &mut Vec<i32>) {
        if buffers.tagger != self.id {
            buffers.by_lang.clear();
            buffers.tagger = self.id;
        }
        let slot = lang as usize;
        if buffers.by_lang.len() <= slot {
            buffers.by_lang.resize_with(slot + 1, WordCache::default);
        }
        let cache = &mut buffers.by_lang[slot];
        buffers.words.clear();
        for (k, info) in sentence.infos.iter().enumerate() {
            let word = sentence.word(k);
            let sums = match cache.get(word, info.form()) {
                Some(sums) => *sums,
                None => {
                    let sums = self.word_sums(Some(info), lang);
                    cache.put(word, info.form(), sums);
                    sums
                }
            };
            buffers.words.push(sums);
        }
        let beyond = self.word_sums(None, lang).as_neighbour;
        let words = &buffers.words;
        each_context_features(sentence.infos, self.bits, |index, features| {
            let mut sums = [0; ROW];
            for &feature in features {
                if let Some(row) = self.rows.get(feature as usize) {
                    add_row(&mut sums, row);
                }
            }
            add(&mut sums, &words[index].own);
            for (k, &offset) in NEIGHBOUR_OFFSETS.iter().enumerate() {
                let neighbour = index.checked_add_signed(offset).and_then(|j| words.get(j));
                add(&mut sums, neighbour.map_or(&beyond[k], |word| &word.as_neighbour[k]));
            }
            out.extend(sums[..self.labels].iter().map(|&s| s as i32));
        });
    }
}
