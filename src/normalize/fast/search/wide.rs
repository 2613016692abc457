//! Runs of the `search` level thirty-two bytes at a time, on x86-64 machines with AVX2.
//!
//! [`super::stops`] judges sixteen bytes with the comparisons the compiler draws from [`super::run_goes_on`] in
//! SSE2, the instructions every x86-64 machine has: about three vector instructions a byte. Here the same
//! judgement takes about one instruction a byte: thirty-two bytes a vector, and the trail bytes of the Arabic
//! letters judged by two table look-ups (`vpshufb`, one on each half of the byte) instead of range comparisons.
//! And the folds that keep a letter's two bytes (أ إ آ → ا, ى → ي, ؤ → و, ئ → ي, and ة → ه before ASCII: two in
//! three of the places where a run of news text may change) are made in the vector too, so that they stop no
//! run: the scalar patches of [`super::blocks`], a branch each that the processor cannot foresee, are left to the
//! rare characters. Everything else about a block is [`super::blocks`], shared with the narrow path; tests hold
//! the two equal on every pair of bytes and on random text.

/// Proof that this machine runs AVX2: made only by [`Avx2::detect`].
#[derive(Clone, Copy, Debug)]
pub(in crate::normalize) struct Avx2(());

impl Avx2 {
    /// `Some` when the machine runs AVX2 (the standard library asks the processor once, then remembers).
    #[inline]
    pub(in crate::normalize) fn detect() -> Option<Avx2> {
        #[cfg(target_arch = "x86_64")]
        {
            if std::arch::is_x86_feature_detected!("avx2") {
                return Some(Avx2(()));
            }
        }
        None
    }

    /// [`super::blocks`] thirty-two bytes at a time.
    #[inline]
    pub(super) fn blocks(self, o: &mut super::Out, text: &str, i: usize) -> Result<usize, usize> {
        #[cfg(target_arch = "x86_64")]
        {
            // SAFETY: `self` exists only where `detect` found AVX2.
            unsafe { x86::blocks(o, text, i) }
        }
        #[cfg(not(target_arch = "x86_64"))]
        {
            super::blocks::<16, 1, 8>(o, text, i, super::narrow)
        }
    }
}

#[cfg(target_arch = "x86_64")]
mod x86 {
    use std::arch::x86_64::{
        __m256i, _mm256_alignr_epi8, _mm256_and_si256, _mm256_andnot_si256, _mm256_blendv_epi8,
        _mm256_cmpeq_epi8, _mm256_cmpgt_epi8, _mm256_loadu_si256, _mm256_movemask_epi8,
        _mm256_or_si256, _mm256_permute2x128_si256, _mm256_set1_epi8, _mm256_setr_epi8,
        _mm256_shuffle_epi8, _mm256_srli_epi16, _mm256_storeu_si256,
    };

    /// The bytes after a lead D8 that keep a run going (ء ا ب ة… from U+0621: A1, A7, A8, AA..BF) and after a
    /// lead D9 (ف…و, ي: 81..88, 8A), as three rectangles of (high half, low half) of the byte: bit 0 is high
    /// half B, any low half; bit 1 high half A, low half 1, 7, 8, A..F; bit 2 high half 8, low half 1..8, A.
    /// Indexed by the low half; each half of the vector holds the table, as `vpshufb` looks up within halves.
    #[target_feature(enable = "avx2")]
    fn by_low_half() -> __m256i {
        const B0: i8 = 1;
        const B01: i8 = 1 | 2;
        const B02: i8 = 1 | 4;
        const B012: i8 = 1 | 2 | 4;
        _mm256_setr_epi8(
            B0, B012, B02, B02, B02, B02, B02, B012, B012, B0, B012, B01, B01, B01, B01, B01, B0,
            B012, B02, B02, B02, B02, B02, B012, B012, B0, B012, B01, B01, B01, B01, B01,
        )
    }

    /// The rectangles' high halves (see [`by_low_half`]), indexed by the high half.
    #[target_feature(enable = "avx2")]
    fn by_high_half() -> __m256i {
        _mm256_setr_epi8(
            0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 2, 1, 0,
            0, 0, 0,
        )
    }

    /// A byte in every lane.
    #[target_feature(enable = "avx2")]
    fn splat(b: u8) -> __m256i {
        _mm256_set1_epi8(b as i8)
    }

    /// Each lane's byte moved one lane up, across the two halves of the vector (lane 0 gets 0).
    #[target_feature(enable = "avx2")]
    fn one_lane_up(x: __m256i) -> __m256i {
        _mm256_alignr_epi8::<15>(x, _mm256_permute2x128_si256::<0x08>(x, x))
    }

    /// The first 32 bytes of `block` as the run writes them where it can, and where it may stop among them: bit
    /// `j` is set where [`super::super::stops`] would stop (judging each byte with the one after it) and the
    /// fold is not made here. A fold is made at the lead byte of a letter (and the byte after it) except at the
    /// last place, whose second byte is past the block: ة is judged with the byte after the letter.
    #[target_feature(enable = "avx2")]
    pub(super) fn fold(block: &[u8; 34]) -> ([u8; 32], u32) {
        // SAFETY: each load reads 32 bytes from offset 0, 1 or 2 of the 34 of `block`.
        let (p, n, after) = unsafe {
            (
                _mm256_loadu_si256(block.as_ptr().cast()),
                _mm256_loadu_si256(block.as_ptr().add(1).cast()),
                _mm256_loadu_si256(block.as_ptr().add(2).cast()),
            )
        };
        let eq = |b: u8| _mm256_cmpeq_epi8(p, splat(b));
        let next = |b: u8| _mm256_cmpeq_epi8(n, splat(b));
        // ASCII the level keeps: 0x21..=0x7E but A..Z, ', - and `. Comparisons are signed: bytes from 0x80 are
        // below zero.
        let printable = _mm256_and_si256(
            _mm256_cmpgt_epi8(p, splat(0x20)),
            _mm256_cmpgt_epi8(splat(0x7F), p),
        );
        let upper = _mm256_and_si256(
            _mm256_cmpgt_epi8(p, splat(0x40)),
            _mm256_cmpgt_epi8(splat(0x5B), p),
        );
        let odd = _mm256_or_si256(_mm256_or_si256(eq(b'\''), eq(b'-')), eq(b'`'));
        let ascii = _mm256_andnot_si256(_mm256_or_si256(upper, odd), printable);
        // A space or line feed before a byte above 0x20, unsigned: above it signed, or the top bit set (`n`
        // itself, whose top bit is all that counts).
        let before_word = _mm256_or_si256(_mm256_cmpgt_epi8(n, splat(0x20)), n);
        let space = _mm256_and_si256(_mm256_or_si256(eq(b' '), eq(b'\n')), before_word);
        // A continuation byte, 0x80..=0xBF: -128..=-65.
        let continuation = _mm256_cmpgt_epi8(splat(0xC0), p);
        // The lead of a letter the level keeps, judged by the byte after it.
        let low = _mm256_and_si256(n, splat(0x0F));
        let high = _mm256_and_si256(_mm256_srli_epi16::<4>(n), splat(0x0F));
        let trail = _mm256_and_si256(
            _mm256_shuffle_epi8(by_low_half(), low),
            _mm256_shuffle_epi8(by_high_half(), high),
        );
        let zero = splat(0);
        let (d8, d9) = (eq(0xD8), eq(0xD9));
        let kept8 = _mm256_and_si256(
            d8,
            _mm256_cmpgt_epi8(_mm256_and_si256(trail, splat(3)), zero),
        );
        let kept9 = _mm256_and_si256(
            d9,
            _mm256_cmpgt_epi8(_mm256_and_si256(trail, splat(4)), zero),
        );
        let goes_on = _mm256_or_si256(
            _mm256_or_si256(_mm256_or_si256(ascii, space), continuation),
            _mm256_or_si256(kept8, kept9),
        );
        // The folds, at lead bytes: أ إ آ (D8 A3, A5, A2) → ا (D8 A7); ى (D9 89) → ي (D9 8A); ؤ (D8 A4) → و
        // (D9 88), ئ (D8 A6) → ي (D9 8A), and ة (D8 A9) → ه (D9 87) when ASCII follows (a byte below 0x80 two
        // places on: above -1 signed), where the lead byte changes too.
        let alef = _mm256_and_si256(
            d8,
            _mm256_or_si256(_mm256_or_si256(next(0xA2), next(0xA3)), next(0xA5)),
        );
        let maksura = _mm256_and_si256(d9, next(0x89));
        let waw = _mm256_and_si256(d8, next(0xA4));
        let yeh = _mm256_and_si256(d8, next(0xA6));
        let teh = _mm256_and_si256(
            _mm256_and_si256(d8, next(0xA9)),
            _mm256_cmpgt_epi8(after, splat(0xFF)),
        );
        let new_lead = _mm256_or_si256(_mm256_or_si256(waw, yeh), teh);
        // Not at the last place: its second byte is in the next block.
        let not_last = _mm256_setr_epi8(
            -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
            -1, -1, -1, -1, -1, -1, -1, -1, -1, 0,
        );
        let folded = _mm256_and_si256(
            _mm256_or_si256(_mm256_or_si256(alef, maksura), new_lead),
            not_last,
        );
        let new_trail = _mm256_or_si256(
            _mm256_or_si256(
                _mm256_and_si256(alef, splat(0xA7)),
                _mm256_and_si256(_mm256_or_si256(maksura, yeh), splat(0x8A)),
            ),
            _mm256_or_si256(
                _mm256_and_si256(waw, splat(0x88)),
                _mm256_and_si256(teh, splat(0x87)),
            ),
        );
        let out = _mm256_blendv_epi8(p, splat(0xD9), _mm256_and_si256(new_lead, not_last));
        let out = _mm256_blendv_epi8(out, one_lane_up(new_trail), one_lane_up(folded));
        let mut bytes = [0u8; 32];
        // SAFETY: the store writes the 32 bytes of `bytes`.
        unsafe { _mm256_storeu_si256(bytes.as_mut_ptr().cast(), out) };
        let stops =
            !(_mm256_movemask_epi8(goes_on) as u32) & !(_mm256_movemask_epi8(folded) as u32);
        (bytes, stops)
    }

    /// [`super::super::blocks`] with [`fold`], compiled for AVX2.
    #[target_feature(enable = "avx2")]
    pub(super) fn blocks(o: &mut super::super::Out, text: &str, i: usize) -> Result<usize, usize> {
        super::super::blocks::<32, 2, 1>(o, text, i, |block, out| {
            let Ok(block) = <&[u8; 34]>::try_from(block) else {
                // Never so (the blocks are 34 bytes): copied as they are, every place looked at.
                out.extend_from_slice(block.get(..32).unwrap_or(block));
                return u128::MAX;
            };
            let (bytes, stops) = fold(block);
            out.extend_from_slice(&bytes);
            u128::from(stops)
        })
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        /// At every place of a block, for every byte followed by every byte (and a letter, a space or the end
        /// of the block after them): the wide path stops only where the narrow one does, and where it does not,
        /// it wrote what [`same_width`](super::super::super::same_width) writes.
        #[test]
        fn folds_and_stops_as_the_narrow_path() {
            use super::super::super::{arabic_offset, run_goes_on, SAME_WIDTH};
            if super::super::Avx2::detect().is_none() {
                eprintln!("this machine has no AVX2: the wide path is not tested here");
                return;
            }
            let mut block = [0u8; 34];
            for p in 0..=255u8 {
                for n in 0..=255u8 {
                    for (at, after) in [
                        (0, 0xD8),
                        (7, b' '),
                        (15, 0xA7),
                        (16, b'.'),
                        (30, 0x80),
                        (31, b' '),
                    ] {
                        block.fill(b'b');
                        block[at] = p;
                        block[at + 1] = n;
                        block[at + 2] = after;
                        // SAFETY: AVX2 was detected above.
                        let (out, stops) = unsafe { fold(&block) };
                        let wide_stop = stops >> at & 1 == 1;
                        let narrow_stop = !run_goes_on(p, n);
                        let what = format!("{p:#04x} {n:#04x} {after:#04x} at {at}");
                        assert!(!wide_stop || narrow_stop, "{what}");
                        if !narrow_stop {
                            assert_eq!(out[at], p, "{what}");
                        } else if !wide_stop {
                            assert!(at < 31 && (p == 0xD8 || p == 0xD9), "{what}");
                            let want = match SAME_WIDTH[arabic_offset(p, n)] {
                                [1, _] if after < 0x80 => [0xD9, 0x87],
                                two => two,
                            };
                            assert_ne!(want[0], 0, "{what}");
                            assert!(want[0] > 1, "{what}");
                            assert_eq!([out[at], out[at + 1]], want, "{what}");
                        }
                    }
                }
            }
        }
    }
}
