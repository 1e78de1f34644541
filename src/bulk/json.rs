//! Compact JSON for `cable parse`: byte for byte what `serde_json::to_writer` writes (a test over
//! the corpus holds it to that), through the model's own `Serialize`, but with strings escaped
//! eight bytes at a time. `serde_json` looks at every byte of every string on its own, and that
//! loop was a quarter of the command's instructions (the output is 2–3 bytes per input byte).

use std::fmt;

use serde::ser::{self, Serialize};

/// `value` as compact JSON, appended to `out`.
pub fn write(out: &mut Vec<u8>, value: &impl Serialize) -> Result<(), Error> {
    value.serialize(&mut Json { out })
}

/// What cannot be written as JSON (a map key that is not a string or a number).
#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

struct Json<'a> {
    out: &'a mut Vec<u8>,
}

/// Whether JSON escapes a byte: a control character, `"` or `\`.
fn escaped(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// Where the first control character of `b` is, eight bytes at a time.
fn first_control(b: &[u8]) -> Option<usize> {
    let mut words = b.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut words {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let marks = crate::cable::control_marks(u64::from_le_bytes(word));
        if marks != 0 {
            return Some(at + (marks.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    words.remainder().iter().position(|&c| c < 0x20).map(|k| at + k)
}

/// `s` as a JSON string, escaped as `serde_json` escapes it. Quotes and backslashes are found by
/// `memchr` (vector instructions), control characters (in cables, the line breaks of a text)
/// eight bytes at a time up to the next of those: each byte is looked at about twice, not
/// through three tests per word as before (`json::string` was 12.6 % of `cable parse`).
fn string(out: &mut Vec<u8>, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let b = s.as_bytes();
    out.reserve(b.len() + 2);
    out.push(b'"');
    let mut run = 0;
    // The next quote or backslash at or after `run` (or the end), found again once passed.
    let mut quote = memchr::memchr2(b'"', b'\\', b).unwrap_or(b.len());
    loop {
        let i = first_control(&b[run..quote]).map_or(quote, |k| run + k);
        if i == b.len() {
            break;
        }
        let c = b[i];
        let escape: &[u8] = match c {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0c => b"\\f",
            _ => {
                debug_assert!(c < 0x20, "only control characters are left: {c}");
                &[b'\\', b'u', b'0', b'0', HEX[usize::from(c >> 4)], HEX[usize::from(c & 0xf)]]
            }
        };
        out.extend_from_slice(&b[run..i]);
        out.extend_from_slice(escape);
        run = i + 1;
        if i == quote {
            quote = memchr::memchr2(b'"', b'\\', &b[run..]).map_or(b.len(), |k| run + k);
        }
    }
    out.extend_from_slice(&b[run..]);
    out.push(b'"');
}

fn number(out: &mut Vec<u8>, n: impl itoa::Integer) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

impl<'s, 'a> ser::Serializer for &'s mut Json<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'s, 'a>;
    type SerializeTuple = Compound<'s, 'a>;
    type SerializeTupleStruct = Compound<'s, 'a>;
    type SerializeTupleVariant = Compound<'s, 'a>;
    type SerializeMap = Compound<'s, 'a>;
    type SerializeStruct = Compound<'s, 'a>;
    type SerializeStructVariant = Compound<'s, 'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.out.extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        number(self.out, v);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        number(self.out, v);
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        // The model has no fractions; should one appear, `serde_json` writes it.
        serde_json::to_writer(&mut *self.out, &v).map_err(|e| Error(e.to_string()))
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        string(self.out, v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        let mut seq = ser::Serializer::serialize_seq(self, Some(v.len()))?;
        for b in v {
            ser::SerializeSeq::serialize_element(&mut seq, b)?;
        }
        ser::SerializeSeq::end(seq)
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result<(), Error> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _name: &'static str, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.out.push(b'{');
        string(self.out, variant);
        self.out.push(b':');
        value.serialize(&mut *self)?;
        self.out.push(b'}');
        Ok(())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'s, 'a>, Error> {
        self.out.push(b'[');
        Ok(Compound { json: self, first: true, close: b"]" })
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'s, 'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Compound<'s, 'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'s, 'a>, Error> {
        self.out.push(b'{');
        string(self.out, variant);
        self.out.extend_from_slice(b":[");
        Ok(Compound { json: self, first: true, close: b"]}" })
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'s, 'a>, Error> {
        self.out.push(b'{');
        Ok(Compound { json: self, first: true, close: b"}" })
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Compound<'s, 'a>, Error> {
        self.serialize_map(None)
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'s, 'a>, Error> {
        self.out.push(b'{');
        string(self.out, variant);
        self.out.extend_from_slice(b":{");
        Ok(Compound { json: self, first: true, close: b"}}" })
    }
}

pub struct Compound<'s, 'a> {
    json: &'s mut Json<'a>,
    first: bool,
    close: &'static [u8],
}

impl Compound<'_, '_> {
    fn comma(&mut self) {
        if !std::mem::take(&mut self.first) {
            self.json.out.push(b',');
        }
    }

    fn element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.comma();
        value.serialize(&mut *self.json)
    }

    fn field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        self.comma();
        let out = &mut *self.json.out;
        if key.bytes().any(escaped) {
            string(out, key);
            out.push(b':');
        } else {
            // A field name (`camelCase`): nothing to escape, and written without `string`'s
            // word-at-a-time machinery (7 % of the full output's instructions, measured).
            out.push(b'"');
            out.extend_from_slice(key.as_bytes());
            out.extend_from_slice(b"\":");
        }
        value.serialize(&mut *self.json)
    }

    fn close(self) {
        self.json.out.extend_from_slice(self.close);
    }
}

impl ser::SerializeSeq for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close();
        Ok(())
    }
}

impl ser::SerializeTuple for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close();
        Ok(())
    }
}

impl ser::SerializeTupleStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close();
        Ok(())
    }
}

impl ser::SerializeTupleVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close();
        Ok(())
    }
}

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Error> {
        self.comma();
        // JSON keys are strings: `serde_json` writes a number key as its digits in quotes.
        let mut written = Vec::new();
        key.serialize(&mut Json { out: &mut written })?;
        match written.first() {
            Some(b'"') => self.json.out.extend_from_slice(&written),
            Some(b'-' | b'0'..=b'9') => {
                self.json.out.push(b'"');
                self.json.out.extend_from_slice(&written);
                self.json.out.push(b'"');
            }
            _ => return Err(Error("a map key must be a string or a number".to_owned())),
        }
        self.json.out.push(b':');
        Ok(())
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.json)
    }
    fn end(self) -> Result<(), Error> {
        self.close();
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        self.field(key, value)
    }
    fn end(self) -> Result<(), Error> {
        self.close();
        Ok(())
    }
}

impl ser::SerializeStructVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        self.field(key, value)
    }
    fn end(self) -> Result<(), Error> {
        self.close();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::write;

    fn ours(value: &impl serde::Serialize) -> String {
        let mut out = Vec::new();
        write(&mut out, value).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// Every byte that JSON escapes, in every position of an 8-byte word, and the ones it does not.
    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut samples: Vec<String> = (0u8..0x80).map(|c| char::from(c).to_string()).collect();
        for c in ['"', '\\', '\n', '\u{1}', '\u{1f}', '\u{7f}', 'é', '\u{2028}', '€'] {
            for at in 0..17 {
                let mut s = "abcdefghijklmnopq".to_owned();
                s.insert(at, c);
                samples.push(s);
            }
        }
        // Two of them in every pair of positions (a borrow marks bytes above the first falsely).
        let specials = ['"', '\\', '\n', '\u{1}', '\u{1f}', ' ', 'é', '€', '\u{80}'];
        for a in specials {
            for b in specials {
                for at in 0..10 {
                    let mut s = "abcdefghijk".to_owned();
                    s.insert(at, b);
                    s.insert(at / 2, a);
                    samples.push(s);
                }
            }
        }
        // Long strings (runs of words, a line break or quote far in, controls between quotes).
        let long = "THE AMBASSADOR SAID THAT THE MINISTER WOULD RAISE IT AGAIN. ".repeat(3);
        for c in ['"', '\\', '\n', '\u{1}', '\u{1f}', 'é', '€'] {
            for at in 0..long.len() {
                if long.is_char_boundary(at) {
                    let mut s = long.clone();
                    s.insert(at, c);
                    samples.push(s);
                }
            }
        }
        for (a, b) in [('\n', '"'), ('"', '\n'), ('\\', '\t'), ('\u{2}', '\\'), ('"', '"'), ('\n', '\n')] {
            for at in (0..long.len()).step_by(5) {
                let mut s = long.clone();
                s.insert(at, b);
                s.insert(at / 3, a);
                s.insert(at / 7, a);
                samples.push(s);
            }
        }
        samples.push(String::new());
        samples.push("PARAGRAPH ONE.\r\n\tSECOND \"QUOTED\" LINE \\ END\u{0}".repeat(7));
        for s in &samples {
            assert_eq!(ours(s), serde_json::to_string(s).unwrap(), "{s:?}");
        }
        assert_eq!(
            ours(&(u64::MAX, i64::MIN, -1i32, 0u8, true, None::<u8>)),
            "[18446744073709551615,-9223372036854775808,-1,0,true,null]"
        );
        let map: std::collections::BTreeMap<u32, &str> = [(1, "a"), (20, "b")].into();
        assert_eq!(ours(&map), serde_json::to_string(&map).unwrap());
    }

    /// The command's JSON, as `serde_json` would write it, for every corpus page and the sample,
    /// full and compact.
    #[test]
    fn cables_are_written_byte_for_byte_as_serde_json_writes_them() {
        let dir = crate::test_corpus().join("cablegate-2010");
        let mut texts: Vec<Vec<u8>> =
            std::fs::read_dir(dir).unwrap().map(|e| std::fs::read(e.unwrap().path()).unwrap()).collect();
        texts.push(crate::SAMPLE_CABLE.as_bytes().to_vec());
        assert!(texts.len() > 200);
        for bytes in &texts {
            let cable = crate::cable::parse_bytes(bytes);
            assert_eq!(ours(&cable), serde_json::to_string(&cable).unwrap());
            let compact = crate::cable::model::compact(|| (ours(&cable), serde_json::to_string(&cable).unwrap()));
            assert_eq!(compact.0, compact.1);
        }
    }
}
