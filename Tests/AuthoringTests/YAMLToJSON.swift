import JSONText
import Authoring
import Foundation
import Yams

/// Converts YAML text to a JSON value, through the Foundation objects Yams builds (as an editor does
/// before validating a YAML file against a JSON Schema).
enum YAMLToJSON {
  struct Unsupported: Error {
    var value: String
  }

  static func convert(_ yaml: String) throws -> JSONValue {
    try value(try Yams.load(yaml: yaml) as Any)
  }

  private static func value(_ object: Any) throws -> JSONValue {
    switch object {
    case Optional<Any>.none: return .null
    case let bool as Bool: return .bool(bool)
    case let int as Int: return .int(int)
    case let double as Double: return .number(double)
    case let string as String: return .string(string)
    case is NSNull: return .null
    case let array as [Any]: return .array(try array.map(value))
    case let dictionary as [String: Any]:
      return .object(try dictionary.keys.sorted().map { ($0, try value(dictionary[$0] as Any)) })
    case let dictionary as [AnyHashable: Any]:
      var pairs: [(String, JSONValue)] = []
      for (key, member) in dictionary {
        guard let name = key.base as? String else { throw Unsupported(value: "key \(key)") }
        pairs.append((name, try value(member)))
      }
      return .object(pairs.sorted { $0.0 < $1.0 })
    default:
      throw Unsupported(value: "\(type(of: object)): \(object)")
    }
  }
}
