//! Fields a newer rekindle or another tool wrote on an entry, kept so a save never drops them.
//!
//! Nearly every entry has none, and an empty `serde_json::Map` (an `IndexMap`, for the file's
//! order) is 72 bytes: on each of a 50-year journal's 18,000 check-ins, their habits and 10,000
//! connections that is 3 MiB of nothing, held for as long as the app is open. So the map is
//! boxed and absent when empty: 8 bytes. It reads and writes exactly as the map it holds, also
//! under `#[serde(flatten)]`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extra(Option<Box<Map<String, Value>>>);

impl Extra {
    pub fn is_empty(&self) -> bool {
        self.0.is_none()
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.as_ref()?.get(key)
    }

    pub fn insert(&mut self, key: String, value: Value) -> Option<Value> {
        self.0
            .get_or_insert_with(Default::default)
            .insert(key, value)
    }

    pub fn into_map(self) -> Map<String, Value> {
        self.0.map(|map| *map).unwrap_or_default()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.0.iter().flat_map(|map| map.iter())
    }
}

impl From<Map<String, Value>> for Extra {
    fn from(map: Map<String, Value>) -> Extra {
        Extra((!map.is_empty()).then(|| Box::new(map)))
    }
}

impl Serialize for Extra {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

impl<'de> Deserialize<'de> for Extra {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Extra, D::Error> {
        Map::deserialize(deserializer).map(Extra::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_map_is_nothing_and_a_full_one_is_kept_in_order() {
        assert_eq!(Extra::from(Map::new()), Extra::default());
        assert!(Extra::default().is_empty());
        let mut extra = Extra::default();
        extra.insert("zeta".into(), 1.into());
        extra.insert("alpha".into(), "two".into());
        assert_eq!(extra.get("alpha"), Some(&Value::from("two")));
        let text = serde_json::to_string(&extra).unwrap();
        assert_eq!(text, r#"{"zeta":1,"alpha":"two"}"#);
        assert_eq!(serde_json::from_str::<Extra>(&text).unwrap(), extra);
        assert_eq!(serde_json::to_string(&Extra::default()).unwrap(), "{}");
    }
}
