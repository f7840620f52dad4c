/// The shape of one value in a dialogue script: what the structure check expects and what the JSON Schema
/// describes. Both are generated from the same description (``ScriptFormat``), so they cannot drift apart.
package indirect enum ValueShape: Sendable {
  /// Prose (a question, coaching, a title): any non-empty scalar; a string in JSON.
  case text
  /// A variable's value: any scalar (string, number or boolean).
  case scalar
  /// A whole number in `min...max` (no upper bound when `max` is nil).
  case integer(min: Int, max: Int?)
  /// A number in `min...max`.
  case number(min: Double, max: Double)
  /// `true` or `false`.
  case boolean
  /// Exactly this text.
  case constant(String)
  /// One of these words; `booleans` also accepts YAML booleans (`answer: yes` unquoted).
  case choice([String], booleans: Bool)
  /// A regular expression (Swift `Regex` syntax).
  case pattern
  /// A signal id of the taxonomy.
  case signal
  /// The id of a state in `states:`.
  case stateName
  /// A list; `itemName` names items in messages ("transition 2 of state `x`").
  case list(ValueShape, nonEmpty: Bool, itemName: String?)
  /// A mapping with fixed keys.
  case record(Record)
  /// A mapping of free names (variables) to values.
  case dictionary(ValueShape)
  /// `reactions:`: signal ids to coaching text.
  case reactions
  /// `states:`: state ids to question or final states.
  case states
}

/// A mapping with a fixed set of keys.
package struct Record: Sendable {
  /// The name under `$defs` in the JSON Schema.
  package var name: String
  /// A one-line description.
  package var summary: String
  /// The keys, in the order the guide lists them.
  package var fields: [Field]
  /// Whether the mapping needs at least one key.
  package var nonEmpty = false

  /// The field named `name`.
  package func field(_ name: String) -> Field? { fields.first { $0.name == name } }

  /// The names of every field, in order: the keys the loader accepts.
  package var fieldNames: [String] { fields.map(\.name) }

  /// The names of the required fields.
  package var required: [String] { fields.filter(\.required).map(\.name) }
}

/// One key of a ``Record``.
package struct Field: Sendable {
  /// The key.
  package var name: String
  /// What its value looks like.
  package var shape: ValueShape
  /// Whether the key must be present.
  package var required = false
  /// A one-line description, shown by editors.
  package var summary: String
  /// How messages name the value ("the guard of transition 1 of state `x`"), given the owner's name;
  /// nil for "`name`".
  package var context: (@Sendable (String) -> String)?
}
