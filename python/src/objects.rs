//! The model straight into Python objects, through its own `Serialize`: the same fields,
//! names, order and omissions as the JSON the command writes (`serde_json` reads the same
//! implementation), without writing JSON and parsing it again.
//!
//! Field names are `&'static str`s of the model: each becomes one interned Python string,
//! made once per call and shared by every dict, as `json.loads` shares a key within a document.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyList, PyString};
use serde::ser::{self, Serialize};

/// The field names made so far, by the address and length of the model's `&'static str`s: a
/// cable has a few thousand fields, and each costs a multiplication here, not a string hash.
#[derive(Default)]
pub struct Keys(RefCell<HashMap<(usize, usize), Py<PyString>, ByAddress>>);

type ByAddress = BuildHasherDefault<AddressHasher>;

impl Keys {
    fn get<'py>(&self, py: Python<'py>, name: &'static str) -> Bound<'py, PyString> {
        let mut keys = self.0.borrow_mut();
        // Address and length: two names may start at the same address (one a prefix of the other).
        keys.entry((name.as_ptr() as usize, name.len()))
            .or_insert_with(|| PyString::intern(py, name).unbind())
            .bind(py)
            .clone()
    }
}

/// A hasher for addresses (Fx's multiplication).
#[derive(Default)]
pub struct AddressHasher(u64);

impl Hasher for AddressHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }

    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// `value` as Python objects (a cable: a dict).
pub fn build<'py>(py: Python<'py>, keys: &Keys, value: &impl Serialize) -> PyResult<Bound<'py, PyAny>> {
    value.serialize(Objects { py, keys }).map_err(|e| e.0)
}

/// A Python error, carried through serde.
pub struct Error(PyErr);

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(pyo3::exceptions::PyValueError::new_err(msg.to_string()))
    }
}

impl From<PyErr> for Error {
    fn from(e: PyErr) -> Self {
        Error(e)
    }
}

type Result<'py> = std::result::Result<Bound<'py, PyAny>, Error>;

#[derive(Clone, Copy)]
struct Objects<'b, 'py> {
    py: Python<'py>,
    keys: &'b Keys,
}

impl<'py> Objects<'_, 'py> {
    fn py(self) -> Python<'py> {
        self.py
    }

    fn key(self, name: &'static str) -> Bound<'py, PyString> {
        self.keys.get(self.py, name)
    }

    fn int(self, v: i64) -> Bound<'py, PyAny> {
        let Ok(n) = v.into_pyobject(self.py());
        n.into_any()
    }

    fn uint(self, v: u64) -> Bound<'py, PyAny> {
        let Ok(n) = v.into_pyobject(self.py());
        n.into_any()
    }

    /// A dict of one entry, `{variant: value}`: how `serde_json` writes a variant with data.
    fn tagged(self, variant: &'static str, value: Bound<'py, PyAny>) -> Result<'py> {
        let dict = PyDict::new(self.py());
        dict.set_item(self.key(variant), value)?;
        Ok(dict.into_any())
    }
}

impl<'b, 'py> ser::Serializer for Objects<'b, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    type SerializeSeq = List<'b, 'py>;
    type SerializeTuple = List<'b, 'py>;
    type SerializeTupleStruct = List<'b, 'py>;
    type SerializeTupleVariant = List<'b, 'py>;
    type SerializeMap = Dict<'b, 'py>;
    type SerializeStruct = Dict<'b, 'py>;
    type SerializeStructVariant = Dict<'b, 'py>;

    fn serialize_bool(self, v: bool) -> Result<'py> {
        Ok(PyBool::new(self.py(), v).to_owned().into_any())
    }
    fn serialize_i8(self, v: i8) -> Result<'py> {
        Ok(self.int(i64::from(v)))
    }
    fn serialize_i16(self, v: i16) -> Result<'py> {
        Ok(self.int(i64::from(v)))
    }
    fn serialize_i32(self, v: i32) -> Result<'py> {
        Ok(self.int(i64::from(v)))
    }
    fn serialize_i64(self, v: i64) -> Result<'py> {
        Ok(self.int(v))
    }
    fn serialize_u8(self, v: u8) -> Result<'py> {
        Ok(self.uint(u64::from(v)))
    }
    fn serialize_u16(self, v: u16) -> Result<'py> {
        Ok(self.uint(u64::from(v)))
    }
    fn serialize_u32(self, v: u32) -> Result<'py> {
        Ok(self.uint(u64::from(v)))
    }
    fn serialize_u64(self, v: u64) -> Result<'py> {
        Ok(self.uint(v))
    }
    fn serialize_f32(self, v: f32) -> Result<'py> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<'py> {
        // As JSON has it: a number, or null when it is not finite.
        if v.is_finite() { Ok(PyFloat::new(self.py(), v).into_any()) } else { self.serialize_unit() }
    }
    fn serialize_char(self, v: char) -> Result<'py> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<'py> {
        Ok(PyString::new(self.py(), v).into_any())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<'py> {
        // As JSON has it: a list of numbers.
        Ok(PyList::new(self.py(), v)?.into_any())
    }
    fn serialize_none(self) -> Result<'py> {
        self.serialize_unit()
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<'py> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<'py> {
        Ok(self.py().None().into_bound(self.py()))
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<'py> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result<'py> {
        Ok(self.key(variant).into_any())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _name: &'static str, value: &T) -> Result<'py> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<'py> {
        let value = value.serialize(self)?;
        self.tagged(variant, value)
    }
    fn serialize_seq(self, _len: Option<usize>) -> std::result::Result<List<'b, 'py>, Error> {
        Ok(List { o: self, items: PyList::empty(self.py()), variant: None })
    }
    fn serialize_tuple(self, len: usize) -> std::result::Result<List<'b, 'py>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> std::result::Result<List<'b, 'py>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> std::result::Result<List<'b, 'py>, Error> {
        Ok(List { o: self, items: PyList::empty(self.py()), variant: Some(variant) })
    }
    fn serialize_map(self, _len: Option<usize>) -> std::result::Result<Dict<'b, 'py>, Error> {
        Ok(Dict { o: self, entries: PyDict::new(self.py()), key: None, variant: None })
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> std::result::Result<Dict<'b, 'py>, Error> {
        self.serialize_map(None)
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> std::result::Result<Dict<'b, 'py>, Error> {
        Ok(Dict { o: self, entries: PyDict::new(self.py()), key: None, variant: Some(variant) })
    }
}

pub struct List<'b, 'py> {
    o: Objects<'b, 'py>,
    items: Bound<'py, PyList>,
    variant: Option<&'static str>,
}

impl<'py> List<'_, 'py> {
    fn push<T: ?Sized + Serialize>(&mut self, value: &T) -> std::result::Result<(), Error> {
        Ok(self.items.append(value.serialize(self.o)?)?)
    }

    fn done(self) -> Result<'py> {
        match self.variant {
            Some(variant) => self.o.tagged(variant, self.items.into_any()),
            None => Ok(self.items.into_any()),
        }
    }
}

impl<'py> ser::SerializeSeq for List<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> std::result::Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> Result<'py> {
        self.done()
    }
}

impl<'py> ser::SerializeTuple for List<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> std::result::Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> Result<'py> {
        self.done()
    }
}

impl<'py> ser::SerializeTupleStruct for List<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> std::result::Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> Result<'py> {
        self.done()
    }
}

impl<'py> ser::SerializeTupleVariant for List<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> std::result::Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> Result<'py> {
        self.done()
    }
}

pub struct Dict<'b, 'py> {
    o: Objects<'b, 'py>,
    entries: Bound<'py, PyDict>,
    key: Option<Bound<'py, PyAny>>,
    variant: Option<&'static str>,
}

impl<'py> Dict<'_, 'py> {
    fn field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> std::result::Result<(), Error> {
        let value = value.serialize(self.o)?;
        Ok(self.entries.set_item(self.o.key(key), value)?)
    }

    fn done(self) -> Result<'py> {
        match self.variant {
            Some(variant) => self.o.tagged(variant, self.entries.into_any()),
            None => Ok(self.entries.into_any()),
        }
    }
}

impl<'py> ser::SerializeMap for Dict<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> std::result::Result<(), Error> {
        // JSON keys are strings: a number key becomes its digits, as `serde_json` writes it.
        let key = key.serialize(self.o)?;
        let key = if key.is_instance_of::<PyString>() { key } else { key.str()?.into_any() };
        self.key = Some(key);
        Ok(())
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> std::result::Result<(), Error> {
        let key = self.key.take().ok_or_else(|| <Error as ser::Error>::custom("a map value without its key"))?;
        Ok(self.entries.set_item(key, value.serialize(self.o)?)?)
    }
    fn end(self) -> Result<'py> {
        self.done()
    }
}

impl<'py> ser::SerializeStruct for Dict<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> std::result::Result<(), Error> {
        self.field(key, value)
    }
    fn end(self) -> Result<'py> {
        self.done()
    }
}

impl<'py> ser::SerializeStructVariant for Dict<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> std::result::Result<(), Error> {
        self.field(key, value)
    }
    fn end(self) -> Result<'py> {
        self.done()
    }
}
